"""Ingest an article (plain text, Markdown or HTML) into a new case folder.

``python -m casebook ingest PATH --case SLUG`` reads the file
(:mod:`casebook.ingest.source`), labels its blocks (:mod:`casebook.ingest.article`),
drafts the sections (:mod:`casebook.ingest.sectionfiles`) and writes ``content/SLUG/`` in
the format of every case: ``case.yaml``, one ``NN-slug.md`` per section, and
``source/`` holding the article (as UTF-8) and the recipe used.

Nothing is ever half-written, and one case is ingested by one process at a time:
:mod:`casebook.ingest.commit` writes the files to a hidden folder beside the target,
validates them there and swaps the folder into place. An existing case is replaced
only with ``force``, and then its editors' pins are carried over by paragraph text.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import yaml

from casebook import loader, validate, yamltext
from casebook.ingest import fetch, maintext, sectionfiles, themecount
from casebook.ingest.article import case_meta, read_document
from casebook.ingest.blocks import REMOVED_KINDS, Reading
from casebook.ingest.commit import exclusive, write_case
from casebook.ingest.convert import existing_pins
from casebook.ingest.helper import Checked, Helper, load_model
from casebook.ingest.source import IngestError, Source, read_source
from casebook.model import KEPT_KINDS, Case, Codebook
from casebook.wording import counted, percent

Progress = Callable[[float], None]
_TAGGING = 0.1  # share of the bar before tagging, which takes about nine tenths of the time
SOURCE_NAMES = {
    "text": "article.txt", "markdown": "article.md", "html": "article.html", "pdf": "article.pdf",
}  # fmt: skip


@dataclass
class Ingested:
    """What an ingest made: the case as loaded back, and how it got there."""

    case: Case
    codebook: Codebook
    target: Path
    source: Source
    reading: Reading
    warnings: list[str]
    drafted: Future | None = None  # the helper's early tagging (themecount.ask_ahead)

    def removed(self) -> dict[str, int]:
        counts = {kind: 0 for kind in REMOVED_KINDS if kind != "title"}
        for block in self.reading.blocks:
            if block.kind in counts:
                counts[block.kind] += 1
        return {kind: n for kind, n in counts.items() if n}

    def kept_apart(self) -> dict[str, int]:
        """Blocks kept in the sections but not coded: captions, tables, notes, references."""
        counts = {kind: 0 for kind in KEPT_KINDS}
        for section in self.case.sections:
            for extra in section.extras:
                counts[extra.kind] += 1
        return {kind: n for kind, n in counts.items() if n}


def _no_progress(_fraction: float) -> None:
    return None


def _codebook(content: Path) -> Codebook:
    if not content.is_dir():
        raise IngestError(content, "content folder not found")
    path = content / "themes.yaml"
    if not path.is_file():
        raise IngestError(path, "not found (every content folder needs a codebook)")
    problems: list = []
    codebook = loader.read_codebook(path, content, problems)
    if codebook is None or problems:  # e.g. examples.yaml missing while the rules ask for it
        raise IngestError(path, "the codebook has problems (see: python -m casebook check)")
    return codebook


def _recipe(path: Path | None) -> tuple[dict, str]:
    if path is None:
        return {}, ""
    try:
        text = path.read_text(encoding="utf-8")
        recipe = yamltext.load(text) or {}
    except OSError as error:
        raise IngestError(path, f"cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise IngestError(path, "not a valid YAML recipe") from None
    except yaml.YAMLError as error:
        where = f"line {yamltext.error_line(error)}: {yamltext.error_text(error)}"
        raise IngestError(path, f"not a valid YAML recipe ({where})") from None
    problem = _recipe_problem(recipe)
    if problem:
        raise IngestError(path, problem)
    return recipe, text


def _recipe_problem(recipe) -> str | None:
    """What is wrong with a recipe's shape, if anything (see content/minusma/source/)."""
    if not isinstance(recipe, dict):
        return "a recipe must be a mapping (title, source_url, introduction, sections)"
    intro, entries = recipe.get("introduction"), recipe.get("sections") or {}
    if intro is not None and not (isinstance(intro, dict) and {"title", "slug"} <= set(intro)):
        return "'introduction' must give a title and a slug"
    if not isinstance(entries, dict) or not all(
        isinstance(e, dict | None) for e in entries.values()
    ):
        return "'sections' must map the start of a heading to {slug, short_title, parent}"
    return None


def _check_target(content: Path, slug: str, force: bool) -> Path:
    if not validate.SLUG.match(slug):
        hint = "lower-case letters and digits joined by hyphens, e.g. 'mali-2023'"
        raise IngestError(f"--case '{slug}'", f"not a case slug ({hint})")
    target = content / slug
    if target.exists() and not force:
        raise IngestError(target, "case folder exists (add --force to replace it)")
    return target


def read_input(path: Path | str, public_only: bool = False) -> Source:
    """A file's source, or a URL's (fetched within limits; see :mod:`casebook.ingest.fetch`)."""
    if isinstance(path, str) and fetch.is_url(path):
        return fetch.fetch(path, public_only)
    return read_source(Path(path))


def ingest(
    path: Path | str, slug: str, content: Path, given: dict | None = None,
    recipe_path: Path | None = None, force: bool = False, progress: Progress = _no_progress,
    public_only: bool = False, helper: Helper | None = None,
) -> Ingested:  # fmt: skip
    """Read ``path`` (a file, or an http(s) URL) into ``content/slug``; ``given`` holds the
    command line's title/source_url (a URL is the source_url unless one is given). A
    ``helper`` process takes part of the work (see :mod:`casebook.ingest.helper`).

    Holds the case's lock throughout; what an interrupted ingest left is cleared first
    (the warnings say what was done)."""
    with exclusive(_check_target(content, slug, force)) as recovered:
        try:
            done = _ingest(
                path, slug, content, given, recipe_path, force, progress, public_only, helper
            )
        except IngestError as error:
            error.notes = recovered  # still worth telling
            raise
    done.warnings[:0] = recovered
    return done


def _ingest(
    path, slug, content, given, recipe_path, force, progress, public_only, helper
) -> Ingested:  # fmt: skip
    target = _check_target(content, slug, force)
    codebook = _codebook(content)
    source = read_input(path, public_only)
    extracted = _ask_ahead(helper, source)
    path = source.path
    if source.origin and not (given or {}).get("source_url"):
        given = {**(given or {}), "source_url": source.origin}
    recipe, recipe_text = _recipe(recipe_path)
    progress(0.02)
    reading = read_document(source, extracted)
    progress(0.05)
    source_name = SOURCE_NAMES[source.format]
    given = {**(given or {}), "source_file": f"source/{source_name}"}
    meta = case_meta(reading.meta, recipe, given, fallback_title=_title_from(path))
    warnings = list(source.warnings)
    if not reading.meta.get("title") and not given.get("title") and not recipe.get("title"):
        warnings.append(f"no title found; using '{meta['title']}' (give --title)")
    pins = existing_pins(target) if target.is_dir() else {}
    files, drafting = sectionfiles.case_files(reading.blocks, meta, recipe, pins, reading.where)
    warnings += drafting
    if len(files) == 1:
        raise IngestError(path, "no body text found (only a title, notice or boilerplate)")
    progress(0.06)
    drafted = themecount.ask_ahead(files, codebook, slug, helper)  # while the case is written
    original = source.data if source.format == "pdf" else source.text
    sources = {source_name: original, **({"recipe.yaml": recipe_text} if recipe_text else {})}
    case, notes = write_case(target, files, sources, codebook, replace=force)
    warnings += notes
    progress(_TAGGING)
    return Ingested(case, codebook, target, source, reading, warnings, drafted)


def _ask_ahead(helper: Helper | None, source: Source) -> Future | Checked | None:
    """Ask the helper for a web page's main text (trafilatura's reading), unless it read
    the page early, then to load the embedding model for the tagging to come; the answer
    to come for the first, if asked."""
    if helper is None:
        return None
    extracted = None
    if source.format == "html":
        extracted = helper.page_read(source.text) or helper.ask(maintext.extract, source.text, {})
    helper.ask(load_model)
    return extracted


def _title_from(path) -> str:
    """A title for an article that states none: its file name, in words."""
    words = path.stem.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() or "Untitled"


def theme_coverage(
    done: Ingested, progress: Progress = _no_progress, helper: Helper | None = None
) -> tuple[list[themecount.ThemeCoverage], float]:
    """Coverage by theme of the whole case and its uncoded share, tagged in a few parts
    (with a ``helper`` process comparing with the examples: see
    :mod:`casebook.ingest.themecount`)."""

    def tagged(fraction: float) -> None:
        progress(_TAGGING + (1 - _TAGGING) * fraction)

    return themecount.theme_coverage(done.case, done.codebook, tagged, helper, done.drafted)


def summary(
    done: Ingested, progress: Progress = _no_progress, helper: Helper | None = None
) -> list[str]:
    """The lines printed after an ingest: what was made, and how the themes cover it."""
    case, source = done.case, done.source
    children = sum(1 for s in case.sections if s.parent)
    removed = ", ".join(f"{kind} {n}" for kind, n in done.removed().items()) or "nothing"
    apart = ", ".join(f"{kind} {n}" for kind, n in done.kept_apart().items()) or "nothing"
    lines = [
        f"ingested {source.origin or source.path} ({source.format}, {source.encoding}) "
        f"into {done.target}",
        f"  title       {case.title}",
        f"  sections    {len(case.sections)} ({counted(children, 'sub-section')})",
        f"  paragraphs  {len(case.paragraphs)}",
        f"  words       {case.words}",
        f"  kept apart  {apart}",
        f"  removed     {removed}",
        "coverage by theme (share of words in paragraphs coded with the theme):",
    ]
    rows, uncoded = theme_coverage(done, progress, helper)
    width = max(len(t) for t in [*done.codebook.ids, "uncoded"])
    for row in rows:
        paragraphs = counted(row.paragraphs, "paragraph")
        lines.append(f"  {row.theme:<{width}}  {percent(row.coverage):>4}  ({paragraphs})")
    lines.append(f"  {'uncoded':<{width}}  {percent(uncoded):>4}")  # as the app writes shares
    return lines
