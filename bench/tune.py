"""Choose the rule's numbers on the tuning part: a grid over the score threshold and the
nearest-examples settings, each measured on the tuning texts and the seed.

Run: python bench/tune.py [--top N]

Every tuning text is coded without its own examples (leave-one-text-out), the seed without
the seed's. Only the tuning part and the seed are read: the held-out part is kept for
measuring (python bench/agreement.py). Prints the best settings by micro-F1 on the tuning
part, with the lowest per-theme precision and the seed's micro-F1 beside them.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.agreement import EVAL, load_pairs  # noqa: E402
from casebook import evalcorpus, semantic  # noqa: E402
from casebook.agreement import agreement  # noqa: E402
from casebook.tagging import code_texts  # noqa: E402

MIN_SCORES = (2.0, 3.0)
COUNTS = (0, 1, 3, 5, 7, 10)
SIMILARITIES = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
WEIGHTS = (0.5, 1.0, 1.5, 2.0)


def parts(codebook):
    """[(text id, texts, hand-coded themes)] for each tuning text, then the seed."""
    labels = evalcorpus.consensus(evalcorpus.read_labels(EVAL / "labels"))
    found = []
    for text in evalcorpus.read_corpus(EVAL / "corpus"):
        coded = [p for p in text.paragraphs if text.split == "tuning" and p.id in labels]
        if coded:
            found.append((text.id, [p.text for p in coded], [set(labels[p.id]) for p in coded]))
    _codebook, table, _rule, hand = load_pairs()
    return found, ("minusma", list(table["text"]), [set(h) for h in hand])


def precompute(codebook, part, min_score: float):
    """(term scores per paragraph and theme, nearest examples per paragraph)."""
    source, texts, _hand = part
    rules = dataclasses.replace(codebook.rules, paragraph_min_score=min_score, neighbours=0)
    words = code_texts(texts, dataclasses.replace(codebook, rules=rules))
    near = semantic.index_for(codebook.examples).nearest(texts, max(COUNTS), -1.0, source)
    return [{t: c[t].score for t in codebook.ids} for c in words], near


def coded(scores, near, setting, themes) -> list[set[str]]:
    min_score, count, similarity, weight = setting
    found = []
    for score, neighbours in zip(scores, near, strict=True):
        close = [n for n in neighbours[:count] if n.similarity >= similarity]
        found.append({
            t for t in themes
            if score[t] + weight * sum(t in n.themes for n in close) >= min_score
        })  # fmt: skip
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    codebook = load_pairs()[0]
    tuning, seed = parts(codebook)
    themes = codebook.ids
    cache = {m: ([precompute(codebook, p, m) for p in tuning], precompute(codebook, seed, m))
             for m in MIN_SCORES}  # fmt: skip
    rows = []
    for setting in itertools.product(MIN_SCORES, COUNTS, SIMILARITIES, WEIGHTS):
        if setting[1] == 0 and (setting[2], setting[3]) != (SIMILARITIES[0], WEIGHTS[0]):
            continue  # without neighbours the other two numbers change nothing
        parts_cache, seed_cache = cache[setting[0]]
        rule = [s for (sc, nr) in parts_cache for s in coded(sc, nr, setting, themes)]
        hand = [h for (_s, _t, hs) in tuning for h in hs]
        table = agreement(rule, hand, themes)
        seed_rows = agreement(coded(*seed_cache, setting, themes), seed[2], themes)
        lowest = min(r.precision for r in table[:-1])
        rows.append((table[-1].f1, lowest, seed_rows[-1].f1, table[-1].kappa, setting))
    rows.sort(key=lambda r: r[0], reverse=True)
    print("micro-F1  min precision  seed F1  kappa   (min_score, neighbours, similarity, weight)")
    for f1, lowest, seed_f1, kappa, setting in rows[: args.top]:
        print(f"  {f1:.3f}      {lowest:.3f}       {seed_f1:.3f}   {kappa:.3f}   {setting}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
