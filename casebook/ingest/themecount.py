"""The ingest summary's coverage by theme, counted without pandas.

The same sums as :func:`casebook.coverage.coverage_by_theme` and
:func:`casebook.coverage.uncoded_share` (tests/test_ingest.py compares them), for the one
command that needs only these few numbers: importing pandas alone took about a third of
a second of a 1 MB ingest, and building the paragraph table another tenth.

The paragraphs are tagged in :data:`CHUNKS` parts, to move a progress bar: every part
embeds its own batch for the nearest examples, so a few large parts cost less than many.

With ``workers=2`` (the command line, on a machine with two cores or more) a forked child
process tags the first half of the parts while this one tags the rest, each loading the
embedding model for itself at the same time. The parts are the same either way, so the
result is too; where a child cannot be forked or fails, this process tags its parts.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from casebook.model import Case, Codebook, Paragraph
from casebook.tagging import code_texts, paragraph_themes

CHUNKS = 10  # at most; parts of equal size

Tagged = list[tuple[int, tuple[str, ...]]]  # each paragraph's words and themes


@dataclass(frozen=True)
class ThemeCoverage:
    """One theme's share of a case: coded words over all words, and its paragraphs."""

    theme: str
    paragraphs: int
    coverage: float


def paragraph_themes_of(
    case: Case, codebook: Codebook, progress: Callable[[float], None], workers: int = 1
) -> Tagged:
    """Each paragraph's words and themes (pins applied), in reading order; ``progress``
    gets the share done after each part (this process's parts, when a child helps)."""
    paragraphs = case.paragraphs
    size = max(1, -(-len(paragraphs) // CHUNKS))
    parts = [paragraphs[start : start + size] for start in range(0, len(paragraphs), size)]
    half = len(parts) // 2 if workers > 1 and _can_fork() else 0
    child = _start(parts[:half], case.slug, codebook) if half else None
    done = sum(len(part) for part in parts[:half])
    found = []
    for part in parts[half:]:
        found += _tag(part, case.slug, codebook)
        done += len(part)
        progress(done / len(paragraphs))
    return _joined(child, parts[:half], case.slug, codebook) + found


def _tag(part: tuple[Paragraph, ...], slug: str, codebook: Codebook) -> Tagged:
    codings = code_texts([p.text for p in part], codebook, leave_out=slug)
    return [
        (paragraph.words, paragraph_themes(paragraph, codebook, coding))
        for paragraph, coding in zip(part, codings, strict=True)
    ]


def _tag_all(parts, slug: str, codebook: Codebook) -> Tagged:
    return [pair for part in parts for pair in _tag(part, slug, codebook)]


def _can_fork() -> bool:
    """Forking is how the child gets the case without copying it through a pipe; Linux
    only (macOS lists it, but forking there is unsafe once system libraries are loaded)."""
    return sys.platform.startswith("linux")


def _start(parts, slug: str, codebook: Codebook):
    """(pool, future) of a child tagging ``parts``; None where none could be started."""
    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        return pool, pool.submit(_tag_all, parts, slug, codebook)
    except (OSError, RuntimeError):
        return None


def _joined(child, parts, slug: str, codebook: Codebook) -> Tagged:
    """The child's result; this process tags its parts again if the child failed."""
    if child is None:
        return _tag_all(parts, slug, codebook)
    pool, future = child
    try:
        return future.result()
    except (BrokenProcessPool, OSError):
        return _tag_all(parts, slug, codebook)
    finally:
        pool.shutdown(cancel_futures=True)


def theme_coverage(
    case: Case, codebook: Codebook, progress: Callable[[float], None], workers: int = 1
) -> tuple[list[ThemeCoverage], float]:
    """Coverage of each theme of the codebook over the whole case, and the uncoded share."""
    tagged = paragraph_themes_of(case, codebook, progress, workers)
    total = sum(words for words, _ in tagged)
    rows = []
    for theme in codebook.ids:
        coded = [words for words, themes in tagged if theme in themes]
        rows.append(ThemeCoverage(theme, len(coded), sum(coded) / total if total else 0.0))
    uncoded = sum(words for words, themes in tagged if not themes)
    return rows, uncoded / total if total else 0.0
