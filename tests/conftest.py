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


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny fixture content, at <tmp>/content."""
    target = tmp_path / "content"
    shutil.copytree(TINY, target)
    return target
