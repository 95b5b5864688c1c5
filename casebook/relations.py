"""How themes relate: co-occurrence in paragraphs, and the evidence behind a section."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd


def _carries(paragraphs: pd.DataFrame, theme: str) -> pd.Series:
    return paragraphs["themes"].map(lambda themes: theme in themes).astype(bool)


def cooccurrence(paragraphs: pd.DataFrame, themes: Sequence[str]) -> pd.DataFrame:
    """One row per ordered theme pair: paragraphs coded with both, and Jaccard
    (both ÷ either). On the diagonal, a theme's own paragraph count (Jaccard 1)."""
    rows = []
    for first in themes:
        for second in themes:
            a, b = _carries(paragraphs, first), _carries(paragraphs, second)
            both, either = int((a & b).sum()), int((a | b).sum())
            rows.append({
                "theme": first, "other": second, "both": both, "either": either,
                "jaccard": both / either if either else 0.0,
            })  # fmt: skip
    return pd.DataFrame(rows)


def passages_with(paragraphs: pd.DataFrame, first: str, second: str) -> pd.DataFrame:
    """The paragraphs coded with both themes, in reading order."""
    return paragraphs[_carries(paragraphs, first) & _carries(paragraphs, second)]


def evidence_terms(paragraphs: pd.DataFrame, themes: Sequence[str]) -> dict[str, Counter]:
    """For each theme, how often each evidence term occurs in the paragraphs coded with it."""
    counts: dict[str, Counter] = {theme: Counter() for theme in themes}
    for row in paragraphs.itertuples(index=False):
        for theme in row.themes:
            if theme in counts:
                counts[theme].update(term.casefold() for term in row.evidence[theme])
    return counts
