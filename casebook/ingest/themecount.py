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

The helper starts on its parts early (:func:`ask_ahead`): as soon as the sections are
drafted, from the drafted files' paragraphs, while this process writes the case and
loads it back. Its answer counts only if those paragraphs are the loaded case's, text for
text; otherwise this process tags the parts itself.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from casebook import loader
from casebook.ingest.helper import Helper, answer
from casebook.model import Case, Codebook
from casebook.problems import Collector
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
# examples of the others: about what evens out the two processes' time on 2 cores. Begun
# while the case is written, 0.3 beat 0.2 and 0.4 on the 1 MB bench page (wall medians
# 1.54, 1.71 and 1.57 s, 12 alternating runs each).
HELPER_PARTS = 0.3

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
    drafted: Future | None = None,
) -> Tagged:
    """Each paragraph's words and themes (pins applied), in reading order; ``progress``
    gets the share done after each part. ``drafted``: the helper's early tagging of its
    parts (:func:`ask_ahead`), if it was asked."""
    paragraphs = case.paragraphs
    parts = _parts(paragraphs)
    own = _own(parts, helper is not None)
    whole_texts = [[p.text for p in part] for part in parts[own:]]
    if drafted is None:
        whole = [_ask(helper, code_texts, texts, codebook, case.slug) for texts in whole_texts]
    pending, done = [], 0
    for part in parts[:own]:
        texts = [p.text for p in part]
        codings = code_words(texts, codebook)
        asked = to_compare(codings, codebook)
        question = [texts[i] for i in asked]
        near = _ask(helper, nearest_examples, question, codebook, case.slug)
        pending.append((part, codings, asked, question, near))
        done += len(part)
        progress(WORDS_SHARE * done / len(paragraphs))
    if drafted is not None:  # asked before this process had the paragraphs: checked here
        whole = _early(drafted, whole_texts)
    found = []
    for part, codings, asked, question, near in pending:
        near = answer(near, nearest_examples, question, codebook, case.slug)
        found += _themes(part, with_examples(codings, asked, near, codebook), codebook)
    for part, texts, coded in zip(parts[own:], whole_texts, whole, strict=True):
        found += _themes(part, answer(coded, code_texts, texts, codebook, case.slug), codebook)
    progress(1.0)
    return found


def _parts(items: list | tuple) -> list:
    """The items in at most CHUNKS parts of equal size, in order."""
    size = max(1, -(-len(items) // CHUNKS))
    return [items[start : start + size] for start in range(0, len(items), size)]


def _own(parts: list, shared: bool) -> int:
    """How many parts, from the first, this process matches the words of (the helper tags
    the rest whole, when there is one)."""
    return len(parts) - round(HELPER_PARTS * len(parts)) if shared else len(parts)


def _ask(helper: Helper | None, work, *args):
    return helper.ask(work, *args) if helper else None


def ask_ahead(
    files: dict[str, str], codebook: Codebook, slug: str, helper: Helper | None
) -> Future | None:
    """Ask the helper to tag its parts of a case from its drafted ``files`` (name to text),
    before they are written: see the module's text."""
    return _ask(helper, tag_drafted, files, codebook, slug)


def tag_drafted(files: dict[str, str], codebook: Codebook, slug: str):
    """In the helper: the texts of the parts it tags whole, with their codings, part by
    part, the paragraphs read from the drafted files as the loader reads the written ones;
    None for files it cannot read (the command then finds what is wrong as it loads
    them)."""
    try:
        texts = drafted_texts(files, codebook)
    except ValueError:
        return None
    parts = _parts(texts)
    whole = parts[_own(parts, True) :]
    return whole, [code_texts(part, codebook, slug) for part in whole]


def drafted_texts(files: dict[str, str], codebook: Codebook) -> list[str]:
    """The paragraph texts of a case's section files, read as the loader reads them, in
    reading order (by ``order``); ValueError for a file it cannot read."""
    sections = []
    for name, text in files.items():
        if name.endswith(".md"):
            report = Collector(Path(name), Path(), [])  # the loader reports the problems
            section = loader.section_from_text(text, Path(name).stem, report, codebook)
            if section is None:
                raise ValueError(f"{name}: not a section the loader reads")
            sections.append(section)
    sections.sort(key=lambda section: section.order)
    return [p.text for section in sections for p in section.paragraphs]


def _early(drafted: Future, whole_texts: list[list[str]]) -> list[Future | None]:
    """The helper's early codings of its parts, as answers, where it read exactly these
    texts from the drafted files; otherwise nothing asked (this process tags them)."""
    try:
        found = drafted.result()
    except Exception:  # noqa: BLE001 - an early guess that failed: the parts are tagged here
        found = None
    if found is None or found[0] != whole_texts:
        return [None] * len(whole_texts)
    done = []
    for codings in found[1]:
        answered = Future()
        answered.set_result(codings)
        done.append(answered)
    return done


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
    drafted: Future | None = None,
) -> tuple[list[ThemeCoverage], float]:
    """Coverage of each theme of the codebook over the whole case, and the uncoded share
    (``helper`` and ``drafted``: see :func:`paragraph_themes_of`)."""
    tagged = paragraph_themes_of(case, codebook, progress, helper, drafted)
    total = sum(words for words, _ in tagged)
    rows = []
    for theme in codebook.ids:
        coded = [words for words, themes in tagged if theme in themes]
        rows.append(ThemeCoverage(theme, len(coded), sum(coded) / total if total else 0.0))
    uncoded = sum(words for words, themes in tagged if not themes)
    return rows, uncoded / total if total else 0.0
