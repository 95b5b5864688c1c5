"""Shared paths and helpers for the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
