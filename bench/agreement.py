"""How far the tagging rule agrees with a hand-coding of the MINUSMA article.

Run: python bench/agreement.py   (prints a table and every paragraph where the two differ)

bench/minusma_handcoded.yaml was coded by reading, paragraph by paragraph, against the
codebook's definitions, without sight of the rule or its terms.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casebook.agreement import agreement  # noqa: E402
from casebook.coverage import paragraph_table  # noqa: E402
from casebook.loader import load_content  # noqa: E402

HAND_CODING = ROOT / "bench" / "minusma_handcoded.yaml"


def load_pairs():
    content = load_content(ROOT / "content")
    table = paragraph_table([content.case("minusma")], content.codebook)
    hand = yaml.safe_load(HAND_CODING.read_text(encoding="utf-8"))
    for entry, text in zip(hand, table["text"], strict=True):
        if not text.startswith(entry["first_words"]):
            raise SystemExit(f"hand-coding out of step at: {entry['first_words']!r}")
    return content.codebook, table, [entry["themes"] for entry in hand]


def main() -> int:
    codebook, table, hand = load_pairs()
    rows = agreement(list(table["themes"]), hand, codebook.ids)
    print(f"{'theme':<14}{'precision':>10}{'recall':>8}{'F1':>7}   (tp fp fn)")
    for row in rows:
        print(
            f"{row.theme:<14}{row.precision:>10.2f}{row.recall:>8.2f}{row.f1:>7.2f}"
            f"   ({row.true_positive} {row.false_positive} {row.false_negative})"
        )
    print("\nparagraphs where rule and hand differ:")
    for anchor, rule, wanted in zip(table["anchor"], table["themes"], hand, strict=True):
        if set(rule) != set(wanted):
            print(f"  {anchor}: rule {sorted(rule)}, hand {sorted(wanted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
