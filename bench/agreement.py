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
from casebook.tagging import code_paragraph  # noqa: E402

HAND_CODING = ROOT / "bench" / "minusma_handcoded.yaml"


def load_pairs():
    """(codebook, paragraph table, the rule's themes without pins, the hand-coded themes)."""
    content = load_content(ROOT / "content")
    case = content.case("minusma")
    table = paragraph_table([case], content.codebook)
    rule = []
    for paragraph in case.paragraphs:
        codings = code_paragraph(paragraph, content.codebook)
        rule.append([t for t in content.codebook.ids if codings[t].coded])
    hand = yaml.safe_load(HAND_CODING.read_text(encoding="utf-8"))
    for entry, text in zip(hand, table["text"], strict=True):
        if not text.startswith(entry["first_words"]):
            raise SystemExit(f"hand-coding out of step at: {entry['first_words']!r}")
    return content.codebook, table, rule, [entry["themes"] for entry in hand]


def report(title: str, rows) -> None:
    print(f"\n{title}")
    print(f"{'theme':<14}{'precision':>10}{'recall':>8}{'F1':>7}   (tp fp fn)")
    for row in rows:
        print(
            f"{row.theme:<14}{row.precision:>10.2f}{row.recall:>8.2f}{row.f1:>7.2f}"
            f"   ({row.true_positive} {row.false_positive} {row.false_negative})"
        )


def main() -> int:
    codebook, table, rule, hand = load_pairs()
    report("The rule alone (editors' pins ignored):", agreement(rule, hand, codebook.ids))
    shown = list(table["themes"])
    report("As the dashboard shows them (pins applied):", agreement(shown, hand, codebook.ids))
    print("\nparagraphs where the rule and the hand-coding differ:")
    for anchor, found, wanted, pinned in zip(
        table["anchor"], rule, hand, table["pinned"], strict=True
    ):
        if set(found) != set(wanted):
            note = " (pinned)" if pinned else ""
            print(f"  {anchor}{note}: rule {sorted(found)}, hand {sorted(wanted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
