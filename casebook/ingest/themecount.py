"""The ingest summary's coverage by theme, counted without pandas.

The same sums as :func:`casebook.coverage.coverage_by_theme` and
:func:`casebook.coverage.uncoded_share` (tests/test_ingest.py compares them), for the one
command that needs only these few numbers: importing pandas alone took about a third of
a second of a 1 MB ingest, and building the paragraph table another tenth.

The paragraphs are tagged in :data:`CHUNKS` parts, to move a progress bar: every part
embeds its own batch for the nearest examples, so a few large parts cost less than many.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from casebook.model import Case, Codebook
from casebook.tagging import code_texts, paragraph_themes

CHUNKS = 10  # at most; parts of equal size


@dataclass(frozen=True)
class ThemeCoverage:
    """One theme's share of a case: coded words over all words, and its paragraphs."""

    theme: str
    paragraphs: int
    coverage: float


def paragraph_themes_of(
    case: Case, codebook: Codebook, progress: Callable[[float], None]
) -> list[tuple[int, tuple[str, ...]]]:
    """Each paragraph's words and themes (pins applied), in reading order; ``progress``
    gets the share done after each part."""
    paragraphs = case.paragraphs
    size = max(1, -(-len(paragraphs) // CHUNKS))
    found = []
    for start in range(0, len(paragraphs), size):
        part = paragraphs[start : start + size]
        codings = code_texts([p.text for p in part], codebook, leave_out=case.slug)
        for paragraph, coding in zip(part, codings, strict=True):
            found.append((paragraph.words, paragraph_themes(paragraph, codebook, coding)))
        progress(min(1.0, (start + size) / len(paragraphs)))
    return found


def theme_coverage(
    case: Case, codebook: Codebook, progress: Callable[[float], None]
) -> tuple[list[ThemeCoverage], float]:
    """Coverage of each theme of the codebook over the whole case, and the uncoded share."""
    tagged = paragraph_themes_of(case, codebook, progress)
    total = sum(words for words, _ in tagged)
    rows = []
    for theme in codebook.ids:
        coded = [words for words, themes in tagged if theme in themes]
        rows.append(ThemeCoverage(theme, len(coded), sum(coded) / total if total else 0.0))
    uncoded = sum(words for words, themes in tagged if not themes)
    return rows, uncoded / total if total else 0.0
