"""Turn a published article (plain text, as copied from the web) into a case folder.

The source and the recipe for converting it live in ``content/<case>/source/``:
``article.txt`` is the text as published, ``recipe.yaml`` gives what plain text
cannot say (the source URL, which headings are sub-sections, short slugs and
titles). Running the conversion again reproduces the case's Markdown files
exactly; an editor's pinned themes are carried over by paragraph text.

The reading itself is :mod:`casebook.ingest.article` (shared with ``ingest``); this
module adds the case folder's own source, recipe and pins.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from casebook.ingest import sectionfiles
from casebook.ingest.article import case_meta, read_article
from casebook.ingest.blocks import Block
from casebook.loader import PIN

SOURCE_FILE = "source/article.txt"


def classify(text: str) -> list[Block]:
    """Label each non-empty line of the article; a footer and what follows it are left out."""
    return [block for block in read_article(text, "text").blocks if block.kind != "footer"]


def existing_pins(folder: Path) -> dict[str, str]:
    """Pin comments in the current files, keyed by the paragraph they precede."""
    pins: dict[str, str] = {}
    for path in folder.glob("*.md"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for line, following in zip(lines, lines[1:], strict=False):
            if PIN.match(line.strip()):
                pins[following.strip()] = line.strip()
    return pins


def convert(case_dir: Path) -> dict[str, str]:
    """The files (name to text) that the case's source and recipe produce."""
    source = case_dir / "source"
    text = (source / "article.txt").read_text(encoding="utf-8")
    recipe_path = source / "recipe.yaml"
    recipe = yaml.safe_load(recipe_path.read_text(encoding="utf-8")) if recipe_path.exists() else {}
    reading = read_article(text, "text")
    given = {"source_file": SOURCE_FILE}
    meta = case_meta(reading.meta, recipe or {}, given, fallback_title=case_dir.name)
    files, _ = sectionfiles.case_files(reading.blocks, meta, recipe or {}, existing_pins(case_dir))
    return files


def write(case_dir: Path, files: dict[str, str]) -> None:
    """Replace the case's generated files with ``files``."""
    for stale in case_dir.glob("*.md"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (case_dir / name).write_text(text, encoding="utf-8")


def differences(case_dir: Path, files: dict[str, str]) -> list[str]:
    """Names of files that differ between the folder and a fresh conversion."""
    current = {p.name for p in case_dir.glob("*.md")} | {"case.yaml"}
    changed = sorted(current ^ set(files))
    for name, text in files.items():
        path = case_dir / name
        if path.exists() and path.read_text(encoding="utf-8") != text:
            changed.append(name)
    return sorted(set(changed))
