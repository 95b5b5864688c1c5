"""Rules of the codebase's shape that a test can hold."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from casebook import ui
from casebook.loader import load_content
from casebook.ui import routes
from tests.conftest import CONTENT, ROOT


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_modules_never_import_streamlit():
    boundary = ROOT / "casebook" / "ui"  # the one package that may
    core = [p for p in (ROOT / "casebook").rglob("*.py") if boundary not in p.parents]
    assert len(core) > 30 and any(p.parent.name == "ingest" for p in core)
    offenders = [str(p.relative_to(ROOT)) for p in core if "streamlit" in imported_modules(p)]
    assert offenders == []


def legacy_page_name(path: Path) -> str:
    """The URL name Streamlit's legacy pages/ mode would give a file (see streamlit_notes §1.3)."""
    stem = re.sub(r"^[0-9]+[_ -]*", "", path.stem)
    return re.sub(r"[_ ]+", "_", stem)


def test_no_page_url_collides_with_a_legacy_page_file_name():
    """A url_path equal to a pages/ file's legacy name runs that page without its frame."""
    legacy = {legacy_page_name(p) for p in (ROOT / "pages").glob("*.py")}
    content = load_content(CONTENT)
    case = content.case("minusma")
    url_paths = {
        *(spec.url for spec in routes.PAGES),
        *(ui.THEME_PREFIX + t for t in content.codebook.ids),
        *(s.slug for s in case.sections),
    }  # fmt: skip
    assert "section" in legacy and "search_text" in legacy
    assert legacy.isdisjoint(url_paths)


def test_every_page_file_is_in_the_table_of_pages_once():
    """pages/ holds the table's scripts and the two drawn from content (sections, themes)."""
    scripts = [spec.script for spec in routes.PAGES]
    urls = [spec.url for spec in routes.PAGES]
    assert len(set(scripts)) == len(scripts) and len(set(urls)) == len(urls)
    on_disk = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert on_disk == {*scripts, "pages/section.py", "pages/theme.py"}


def test_architecture_names_every_module():
    """ARCHITECTURE.md walks the data through every module: a new one must be named there."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    modules = [p for p in (ROOT / "casebook").rglob("*.py") if not p.name.startswith("__")]
    assert len(modules) > 60
    unnamed = [str(p.relative_to(ROOT)) for p in modules if f"`{p.name}`" not in text]
    assert unnamed == []
