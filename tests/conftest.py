"""Shared paths and helpers for the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny"
BROKEN = FIXTURES / "broken"
CONTENT = ROOT / "content"
CODEBOOK_FILES = ("examples.yaml", "themes.yaml")  # the codebook and the examples its rules use


def copy_codebook(folder: Path) -> Path:
    """Put the shipped codebook (and its coded examples) into ``folder``; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in CODEBOOK_FILES:
        shutil.copy(CONTENT / name, folder)
    return folder


def content_entries(folder: Path) -> list[str]:
    """What a content folder holds, less ingests' lock files (``.SLUG.lock``: empty, kept)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny fixture content, at <tmp>/content."""
    target = tmp_path / "content"
    shutil.copytree(TINY, target)
    return target


def open_app(content: Path, page: str | None = None, timeout: int = 30, **query) -> AppTest:
    """The dashboard run on ``content`` for ``page`` (a URL path; the overview if None) with
    ``query`` in its URL, in one run as a deep link, failing on any exception it shows."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CASEBOOK_CONTENT", str(content))
        at = AppTest.from_file("../dashboard.py", default_timeout=timeout)
        for key, value in query.items():
            at.query_params[key] = value
        if page:
            at._page_hash = calc_hash(page)  # noqa: SLF001 - see tests/test_app.py
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
