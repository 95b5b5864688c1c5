"""The ingest summary's coverage by theme, counted without pandas.

The same sums as :func:`casebook.coverage.coverage_by_theme` and
:func:`casebook.coverage.uncoded_share` (tests/test_ingest.py compares them), for the one
command that needs only these few numbers: importing pandas alone took about a third of
a second of a 1 MB ingest, and building the paragraph table another tenth.

The paragraphs are tagged in :data:`CHUNKS` parts, to move a progress bar: every part
embeds its own batch for the nearest examples, so a few large parts cost less than many.

On the command line, a :class:`~casebook.ingest.helper.Helper` process tags the last
parts whole and compares the others' undecided paragraphs with the coded examples, while
this process matches the words of the others. The parts and their batches are the same
either way, so the result is too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from casebook.ingest.helper import Helper, answer
from casebook.model import Case, Codebook
from casebook.tagging import (
    code_texts,
    code_words,
    nearest_examples,
    paragraph_themes,
    to_compare,
    with_examples,
)

CHUNKS = 10  # at most; parts of equal size
WORDS_SHARE = 0.8  # of the progress bar, for matching the words; the examples come after
# With a helper, the share of the parts it tags whole (words and examples), besides the
# examples of the others: about what evens out the two processes' time on 2 cores.
HELPER_PARTS = 0.2

Tagged = list[tuple[int, tuple[str, ...]]]  # each paragraph's words and themes


@dataclass(frozen=True)
class ThemeCoverage:
    """One theme's share of a case: coded words over all words, and its paragraphs."""

    theme: str
    paragraphs: int
    coverage: float


def paragraph_themes_of(
    case: Case,
    codebook: Codebook,
    progress: Callable[[float], None],
    helper: Helper | None = None,
) -> Tagged:
    """Each paragraph's words and themes (pins applied), in reading order; ``progress``
    gets the share done after each part."""
    paragraphs = case.paragraphs
    size = max(1, -(-len(paragraphs) // CHUNKS))
    parts = [paragraphs[start : start + size] for start in range(0, len(paragraphs), size)]
    own = len(parts) - round(HELPER_PARTS * len(parts)) if helper else len(parts)
    whole = [_ask(helper, code_texts, [p.text for p in part], codebook, case.slug)
             for part in parts[own:]]  # fmt: skip
    pending, done = [], 0
    for part in parts[:own]:
        texts = [p.text for p in part]
        codings = code_words(texts, codebook)
        asked = to_compare(codings, codebook)
        question = [texts[i] for i in asked]
        ahead = _ask(helper, nearest_examples, question, codebook, case.slug)
        pending.append((part, codings, asked, question, ahead))
        done += len(part)
        progress(WORDS_SHARE * done / len(paragraphs))
    found = []
    for part, codings, asked, question, ahead in pending:
        near = answer(ahead, nearest_examples, question, codebook, case.slug)
        found += _themes(part, with_examples(codings, asked, near, codebook), codebook)
    for part, ahead in zip(parts[own:], whole, strict=True):
        codings = answer(ahead, code_texts, [p.text for p in part], codebook, case.slug)
        found += _themes(part, codings, codebook)
    progress(1.0)
    return found


def _ask(helper: Helper | None, work, *args):
    return helper.ask(work, *args) if helper else None


def _themes(part, codings, codebook: Codebook) -> Tagged:
    return [
        (paragraph.words, paragraph_themes(paragraph, codebook, coding))
        for paragraph, coding in zip(part, codings, strict=True)
    ]


def theme_coverage(
    case: Case,
    codebook: Codebook,
    progress: Callable[[float], None],
    helper: Helper | None = None,
) -> tuple[list[ThemeCoverage], float]:
    """Coverage of each theme of the codebook over the whole case, and the uncoded share."""
    tagged = paragraph_themes_of(case, codebook, progress, helper)
    total = sum(words for words, _ in tagged)
    rows = []
    for theme in codebook.ids:
        coded = [words for words, themes in tagged if theme in themes]
        rows.append(ThemeCoverage(theme, len(coded), sum(coded) / total if total else 0.0))
    uncoded = sum(words for words, themes in tagged if not themes)
    return rows, uncoded / total if total else 0.0
