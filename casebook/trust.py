"""How far to trust the tags: agreement with independent coders, and when a case may not fit.

The figures come from ``eval/results.json``, which ``python bench/agreement.py`` writes;
nothing here is typed by hand. A missing or unreadable file means "not measured".
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from casebook.markup import md_escape
from casebook.model import Codebook

RESULTS_FILE = Path(__file__).resolve().parent.parent / "eval" / "results.json"
RESULTS_ENV = "CASEBOOK_RESULTS"  # another results file (tests, other deployments)
# Over this share of a case's words in paragraphs with no theme, the codebook may not fit it.
UNCODED_WARNING = 1 / 3
_MEASURES = ("precision", "recall", "f1", "kappa")
# The evaluation corpus's genres (eval/README.md) in readers' words.
GENRE_WORDS = {"analysis": "analyses", "news": "news features", "un-document": "UN documents"}


def read_results(path: Path | None = None) -> dict | None:
    """The agreement results (``path``, else $CASEBOOK_RESULTS, else eval/results.json), or
    None when there are none to show."""
    path = Path(path or os.environ.get(RESULTS_ENV) or RESULTS_FILE)
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    held = results.get("held-out") if isinstance(results, dict) else None
    if not isinstance(held, dict) or not held.get("paragraphs"):
        return None
    return results


def agreement_table(part: dict, codebook: Codebook) -> str:
    """A Markdown table: one row per theme of the codebook that was measured, then all."""
    head = "| theme | precision | recall | F1 | Cohen's kappa |\n|---|---|---|---|---|"
    rows = []
    measured = part.get("themes", {})
    for theme in codebook.themes:
        if theme.id in measured:
            rows.append(_row(md_escape(theme.label), measured[theme.id]))
    rows.append(_row("**all themes (micro)**", part["micro"]))
    return "\n".join([head, *rows])


def _row(name: str, values: dict) -> str:
    cells = " | ".join(f"{float(values[m]):.2f}" for m in _MEASURES)
    return f"| {name} | {cells} |"


def corpus_sentence(part: dict, measured: str) -> str:
    """What the figures were measured on, and when."""
    missions = ", ".join(md_escape(m) for m in part.get("missions", []))
    genres = " and ".join(md_escape(GENRE_WORDS.get(g, g)) for g in part.get("genres", []))
    return (
        f"Measured on {part['paragraphs']} paragraphs of {part['texts']} texts ({genres}) about "
        f"{len(part.get('missions', []))} peace operations ({missions}), none of which the "
        f"codebook was tuned on, each coded blind from the theme definitions alone; "
        f"{md_escape(measured)}."
    )


def uncoded_note(uncoded: float) -> str | None:
    """The overview's note when too much of a case carries no theme, else None."""
    if uncoded <= UNCODED_WARNING:
        return None
    return (
        f"{uncoded:.0%} of this case's words are in paragraphs with no theme: the codebook may "
        "not fit this text, so read its coverage with care."
    )
