"""Which codebook terms agree with the hand-coding: a tool for editing the term lists.

Run: python bench/terms.py [--part tuning|seed] [--theme ID] [--min-hits N]

For every term that matched in the chosen part, how many paragraphs it matched in and in
how many of those people coded the paragraph with the term's theme. A term that often
matches where people saw no such theme is a candidate for removal or an `exclude`; a
theme's misses (paragraphs people coded that the rule left out) are listed with their
first words. Only the tuning part and the seed are offered: the held-out part is kept
for measuring.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.agreement import EVAL, load_pairs  # noqa: E402
from casebook import evalcorpus  # noqa: E402
from casebook.tagging import code_texts  # noqa: E402


def tuning_part(codebook) -> tuple[list[str], list[list[str]], list]:
    """(paragraph ids, hand-coded themes, codings) of the coded tuning paragraphs."""
    texts = [t for t in evalcorpus.read_corpus(EVAL / "corpus") if t.split == "tuning"]
    labels = evalcorpus.consensus(evalcorpus.read_labels(EVAL / "labels"))
    ids, hand, codings, words = [], [], [], []
    for text in texts:
        coded = [p for p in text.paragraphs if p.id in labels]
        codings += code_texts([p.text for p in coded], codebook, leave_out=text.id)
        ids += [p.id for p in coded]
        hand += [list(labels[p.id]) for p in coded]
        words += [p.text for p in coded]
    return ids, hand, codings, words


def seed_part(codebook):
    _codebook, table, _rule, hand = load_pairs()
    codings = code_texts(list(table["text"]), codebook, leave_out="minusma")
    return list(table["anchor"]), hand, codings, list(table["text"])


def term_table(theme: str, hand, codings) -> list[tuple[str, int, int]]:
    hits, right = Counter(), Counter()
    for wanted, coding in zip(hand, codings, strict=True):
        for term in {e.casefold() for e in coding[theme].evidence}:
            hits[term] += 1
            right[term] += theme in wanted
    return sorted(((t, hits[t], right[t]) for t in hits), key=lambda r: (r[2] - r[1], -r[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=["tuning", "seed"], default="tuning")
    parser.add_argument("--theme")
    parser.add_argument("--min-hits", type=int, default=2)
    args = parser.parse_args()
    codebook = load_pairs()[0]
    ids, hand, codings, texts = (tuning_part if args.part == "tuning" else seed_part)(codebook)
    for theme in [args.theme] if args.theme else codebook.ids:
        print(f"\n{theme}: term, paragraphs matched, of which coded {theme} by hand")
        for term, hits, right in term_table(theme, hand, codings):
            if hits >= args.min_hits:
                print(f"  {term:<28}{hits:>4}{right:>5}  {right / hits:.0%}")
        print(f"{theme}: paragraphs people coded that the rule left out")
        for pid, wanted, coding, text in zip(ids, hand, codings, texts, strict=True):
            if theme in wanted and not coding[theme].coded:
                found = ", ".join(coding[theme].evidence)
                print(f"  {pid} (score {coding[theme].score:g}: {found}): {text[:90]}")
        print(f"{theme}: paragraphs the rule coded that people did not")
        for pid, wanted, coding, text in zip(ids, hand, codings, texts, strict=True):
            if theme not in wanted and coding[theme].coded:
                found = ", ".join(coding[theme].evidence)
                near = len(coding[theme].neighbours)
                print(f"  {pid} ({found}; {near} examples): {text[:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
