"""Cached content and frames, loaded once per change of the content files. Which case a
session reads is casebook/ui/cases.py's."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from casebook import coverage, filtering
from casebook.loader import Content, read_content
from casebook.memo import Memo
from casebook.model import Case
from casebook.problems import ContentError, Problem
from casebook.wording import counted

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]
# CASEBOOK_CONTENT points the app at another content folder (tests, other deployments).
CONTENT_ENV = "CASEBOOK_CONTENT"


@dataclass(frozen=True)
class CaseTables:
    """Everything derived from one case that the pages draw on."""

    paragraphs: pd.DataFrame
    sections: pd.DataFrame  # coverage_by_section
    themes: pd.DataFrame  # coverage_by_theme for the whole case
    uncoded: float
    tags: dict[str, list[str]]


# How long a reading of the content folder stands. Every rerun asks several times, and a
# walk costs some 40 system calls, each a chance for another session's rerun to take the GIL.
SIGNATURE_SECONDS = 1.0
_signatures: dict[str, tuple[float, tuple]] = {}  # folder -> (when read, signature)


def _signature(root: Path) -> tuple:
    """Names and modification times of the content files: edits refresh the cache (on the
    first rerun at least SIGNATURE_SECONDS after them)."""
    now = time.monotonic()
    read_at, signature = _signatures.get(str(root), (float("-inf"), ()))
    if now - read_at < SIGNATURE_SECONDS:
        return signature
    signature = tuple((str(p), p.stat().st_mtime_ns) for p in _content_files(root))
    _signatures[str(root)] = (now, signature)
    return signature


def _content_files(root: Path) -> list[Path]:
    """The .md and .yaml files the loader may read: hidden folders (an ingest's work in
    progress) are skipped, and symbolic links to folders are not followed."""
    found = []
    for folder, names, files in os.walk(root):
        names[:] = [name for name in names if not name.startswith(".")]
        found += [Path(folder, f) for f in files if f.endswith((".md", ".yaml"))]
    return sorted(found)


def _version(root: Path) -> int:
    """A number that changes when the content files do: the caches' key (hashing a number
    is cheaper than hashing the signature on every call)."""
    return hash(_signature(root))


# Shared by every session and rerun (casebook/memo.py): the content of the last few
# versions of the folder, each case's frames, and whatever pages build from them.
_CONTENT, _FRAMES, _VIEWS = Memo(4), Memo(16), Memo(512)


def _load(root: str, version: int) -> Content | ContentError:
    """One shared copy for every session and rerun, not a fresh unpickled copy per call
    (as st.cache_data would give): the model is frozen dataclasses, which no page can change.
    A failure is returned, not raised, so that it is remembered too: broken files cost one
    reading per change, not one per page load."""

    def read() -> Content | ContentError:
        try:
            return read_content(root)
        except ContentError as error:
            return error

    return _CONTENT.get((root, version), read)


def _tables(root: str, version: int, case_slug: str) -> CaseTables:
    """Shared, like the content: pages select from these frames and never change them
    (tests/test_app_cache.py checks, after every page has run)."""

    def build() -> CaseTables:
        content = _load(root, version)
        codebook = content.codebook
        paragraphs = coverage.paragraph_table([content.case(case_slug)], codebook)
        sections = coverage.coverage_by_section(paragraphs, codebook)
        return CaseTables(
            paragraphs=paragraphs,
            sections=sections,
            themes=coverage.coverage_by_theme(paragraphs, codebook),
            uncoded=coverage.uncoded_share(paragraphs),
            tags=coverage.section_tags(sections, codebook.rules.section_tag_threshold),
        )

    return _FRAMES.get((root, version, case_slug), build)


def forget_shared() -> None:
    """Drop everything shared (tests start from nothing built)."""
    for memo in (_CONTENT, _FRAMES, _VIEWS):
        memo.clear()


def shared(build: Callable[[], T], name: str, *key: Hashable) -> T:
    """``build()``, computed once per version of the content and per ``key`` (everything
    ``build`` depends on besides the content), then shared by every session and rerun.
    What it returns must never be changed by its callers."""
    root = content_dir()
    return _VIEWS.get((name, str(root), _version(root), *key), build)


class _Drawn(go.Figure):
    """A shared figure that makes its dict once. st.plotly_chart asks for it on every draw,
    and Plotly's own to_dict deep-copies the whole figure each time (bench/RESULTS.md). The
    dict is only read (turned into JSON), and shared figures never change."""

    def to_dict(self) -> dict:
        made = self.__dict__.get("_casebook_dict")
        if made is None:
            made = self.__dict__["_casebook_dict"] = super().to_dict()
        return made


def _drawn(built: go.Figure) -> go.Figure:
    built.__class__ = _Drawn  # the same object, not a copy: no second validation
    return built


def figure(build: Callable[[], go.Figure], name: str, *key: Hashable) -> go.Figure:
    """A chart built once per version of the content and per ``key`` (the case, the filter,
    the section ...: everything ``build`` depends on besides the content), then shared by
    every session and rerun. Building a figure costs 10-50 ms of validation in Plotly;
    drawing a cached one costs under 1 ms. Nothing may change a figure it gets from here
    (st.plotly_chart only reads it: it copies the figure into its message)."""
    return shared(lambda: _drawn(build()), name, *key)


def refresh(root: Path) -> None:
    """Forget the last reading of ``root``'s files, so that a case just written shows at
    once rather than up to SIGNATURE_SECONDS later."""
    _signatures.pop(str(root), None)


def content_dir() -> Path:
    return Path(os.environ.get(CONTENT_ENV) or ROOT / "content")


def load() -> Content:
    """The content, or the list of its problems in place of the app (then stop) when there
    is nothing to show: the codebook has problems, or there is no case. Cases with problems
    of their own are in ``broken``; the others load."""
    root = content_dir()
    loaded = _load(str(root), _version(root))
    if isinstance(loaded, Content) and loaded.codebook_problems:
        loaded = ContentError(list(loaded.codebook_problems))
    if isinstance(loaded, ContentError):
        render_problems(loaded.problems, "The content")
        st.stop()
    return loaded


def loaded_content() -> Content | None:
    """The shared content as the sessions see it, or None when it does not load; for code
    that runs outside a session (the server's link previews) and draws nothing."""
    root = content_dir()
    loaded = _load(str(root), _version(root))
    if isinstance(loaded, ContentError) or loaded.codebook_problems or not loaded.cases:
        return None
    return loaded


def tables(case: Case) -> CaseTables:
    root = content_dir()
    return _tables(str(root), _version(root), case.slug)


@dataclass(frozen=True)
class Kept:
    """The paragraphs of a case that a filter keeps, and how many in each section."""

    rows: pd.DataFrame  # rows of CaseTables.paragraphs, in reading order
    per_section: dict[str, int]  # section slug -> paragraphs kept (sections with none absent)


def kept(case: Case, selected, mode: str) -> Kept:
    """What the filter keeps of ``case``, worked out once per content version, case and
    filter and shared like the frames it comes from (never to be changed by callers)."""

    def build() -> Kept:
        paragraphs = tables(case).paragraphs
        rows = paragraphs[filtering.matching(paragraphs, selected, mode)]
        return Kept(rows, {slug: int(n) for slug, n in rows.groupby("section").size().items()})

    return shared(build, "kept", case.slug, tuple(selected), mode)


def render_problems(problems: list[Problem] | tuple[Problem, ...], what: str) -> None:
    """``what`` ("The content", "This case": never a name from the files, which the
    message would render as Markdown) and its problems, as plain text."""
    count = len(problems)
    st.error(
        f"{what} has {counted(count, 'problem')}, so the case cannot be "
        "shown. Fix these files (or run `python -m casebook check`) and reload.",
    )
    st.code("\n".join(str(p) for p in problems), language=None)
