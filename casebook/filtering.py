"""The theme filter: which paragraphs a reader asked to see."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

MATCH_MODES = ("any", "all")


def matches(themes: Iterable[str], selected: Sequence[str], mode: str = "any") -> bool:
    """Whether a paragraph with ``themes`` passes the filter; no selection passes all."""
    if not selected:
        return True
    carried = set(themes)
    if mode == "all":
        return set(selected) <= carried
    return bool(carried.intersection(selected))


def matching(paragraphs: pd.DataFrame, selected: Sequence[str], mode: str = "any") -> pd.Series:
    """A boolean mask over a paragraph table."""
    return paragraphs["themes"].map(lambda themes: matches(themes, selected, mode)).astype(bool)


def clean_selection(values: Iterable[str], known: Sequence[str]) -> list[str]:
    """Known theme ids only, each once, in codebook order."""
    wanted = set(values)
    return [theme for theme in known if theme in wanted]


def themes_phrase(selected: Sequence[str], mode: str, labels: dict[str, str]) -> str:
    """The chosen themes as words: 'Security', 'Security or Political', 'A, B and C'."""
    names = [labels.get(theme, theme) for theme in selected]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + (" and " if mode == "all" else " or ") + names[-1]


def describe(selected: Sequence[str], mode: str, labels: dict[str, str]) -> str:
    """A short sentence naming the filter, for captions and exports."""
    if not selected:
        return "all paragraphs"
    return f"paragraphs coded {themes_phrase(selected, mode, labels)}"


def highlight_note(selected: Sequence[str], mode: str, labels: dict[str, str], hits: int,
                   total: int) -> str | None:  # fmt: skip
    """What a section page says over its text under a filter: how many of its ``total``
    paragraphs the filter keeps (``hits``), and that the others are folded when there are
    any; None for a section without paragraphs of its own."""
    if not total:
        return None
    phrase = f"paragraphs coded {themes_phrase(selected, mode, labels)}"
    if hits == total:
        return f"Highlighting {phrase}: {f'all {total}' if total > 1 else 'the only one'} here."
    if not hits:
        folded = (
            "it is folded; one click shows it"
            if total == 1
            else (f"all {total} are folded; one click shows them")
        )
        return f"No {phrase} here: {folded}."
    return (
        f"Highlighting {phrase}: {hits} of {total} here. The others are folded; one click "
        "shows them."
    )
