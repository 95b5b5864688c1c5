"""Write content/examples.yaml: the coded paragraphs the rule compares new paragraphs with.

Run: python bench/build_examples.py [--no-seed] [--out PATH]

The examples are the tuning part of the evaluation corpus (eval/corpus, texts whose split
is `tuning`, with their reference coding from eval/labels) and the seed's hand-coding
(bench/minusma_handcoded.yaml). The held-out part never goes in. Rerunning replaces the
file, so an editor's changes to it are best made in the codings it is built from.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.agreement import EVAL, load_pairs  # noqa: E402
from casebook import evalcorpus  # noqa: E402

HEADER = """\
# Coded paragraphs, which the rule compares new paragraphs with (themes.yaml,
# rules: neighbours). Each names the text it comes from (`source`): an example never
# votes on a paragraph of its own text. `themes` may be empty: an example of no theme.
#
# Written by `python bench/build_examples.py` from the tuning part of eval/corpus (its
# reference coding in eval/labels, done blind from the theme definitions alone) and from
# the MINUSMA seed's hand-coding (bench/minusma_handcoded.yaml); the held-out part never
# goes in.
# `python -m casebook check` validates this file.
"""


def tuning_examples() -> list[dict]:
    labels = evalcorpus.consensus(evalcorpus.read_labels(EVAL / "labels"))
    found = []
    for text in evalcorpus.read_corpus(EVAL / "corpus"):
        if text.split != "tuning":
            continue
        for paragraph in text.paragraphs:
            if paragraph.id in labels and paragraph.text.strip():
                themes = list(labels[paragraph.id])
                found.append(entry(paragraph.id, text.id, themes, paragraph.text))
    return found


def seed_examples() -> list[dict]:
    _codebook, table, _rule, hand = load_pairs()
    return [
        entry(f"minusma-{anchor}", "minusma", list(themes), text)
        for anchor, themes, text in zip(table["anchor"], hand, table["text"], strict=True)
    ]


def entry(example_id: str, source: str, themes: list[str], text: str) -> dict:
    return {"id": example_id, "source": source, "themes": themes, "text": " ".join(text.split())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-seed", action="store_true", help="tuning texts only")
    parser.add_argument("--out", type=Path, default=ROOT / "content" / "examples.yaml")
    args = parser.parse_args()
    examples = tuning_examples() + ([] if args.no_seed else seed_examples())
    body = yaml.safe_dump(
        {"examples": examples},
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=None,
    )
    args.out.write_text(HEADER + "\n" + body, encoding="utf-8")
    sources = len({e["source"] for e in examples})
    print(f"wrote {len(examples)} examples from {sources} texts to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
