"""Turn a published article (plain text, as copied from the web) into a case folder.

The source and the recipe for converting it live in ``content/<case>/source/``:
``article.txt`` is the text as published, ``recipe.yaml`` gives what plain text
cannot say (the source URL, which headings are sub-sections, short slugs and
titles). Running the conversion again reproduces the case's Markdown files
exactly; an editor's pinned themes are carried over by paragraph text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from casebook import frontmatter
from casebook.loader import PIN

_AI = re.compile(r"\bAI\b")
_NOTICE_VERB = re.compile(r"\b(assist|generat|produc|creat|writ)", re.IGNORECASE)
_SEE_ALSO = re.compile(r"^see also\b", re.IGNORECASE)
_FOOTER = re.compile(r"^(similar|related) posts\b", re.IGNORECASE)
_END_PUNCTUATION = (".", "!", "?", ":", ";", ",", "…")


@dataclass
class Block:
    text: str
    kind: str  # "title" | "notice" | "heading" | "paragraph" | "boilerplate"


@dataclass
class Draft:
    """A section on its way to a file."""

    title: str
    slug: str
    order: int
    paragraphs: list[str] = field(default_factory=list)
    parent: str | None = None
    short_title: str | None = None


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence."""
    words = line.split()
    return 0 < len(words) <= 14 and not line.rstrip().endswith(_END_PUNCTUATION)


def is_notice(line: str) -> bool:
    """A short line saying that AI helped write the text."""
    return bool(_AI.search(line) and _NOTICE_VERB.search(line)) and len(line.split()) <= 40


def classify(text: str) -> list[Block]:
    """Label each non-empty line of the article; everything after a footer is dropped."""
    blocks: list[Block] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _FOOTER.match(line):
            break
        if not blocks:
            blocks.append(Block(line, "title"))
        elif _SEE_ALSO.match(line):
            blocks.append(Block(line, "boilerplate"))
        elif is_notice(line) and len(blocks) <= 2:
            blocks.append(Block(line, "notice"))
        else:
            blocks.append(Block(line, "heading" if is_heading(line) else "paragraph"))
    return blocks


def _recipe_entry(recipe: dict, title: str) -> dict:
    for prefix, entry in (recipe.get("sections") or {}).items():
        if title.startswith(prefix):
            return entry or {}
    return {}


def draft_sections(blocks: list[Block], recipe: dict) -> list[Draft]:
    intro = recipe.get("introduction", {"title": "Introduction", "slug": "introduction"})
    drafts = [Draft(intro["title"], intro["slug"], 1)]
    for block in blocks:
        if block.kind == "heading":
            entry = _recipe_entry(recipe, block.text)
            slug = entry.get("slug") or slugify(block.text)
            draft = Draft(block.text, slug, len(drafts) + 1, parent=entry.get("parent"))
            draft.short_title = entry.get("short_title")
            drafts.append(draft)
        elif block.kind == "paragraph":
            drafts[-1].paragraphs.append(block.text)
    if not drafts[0].paragraphs:
        drafts.pop(0)
    return drafts


def _existing_pins(folder: Path) -> dict[str, str]:
    """Pin comments in the current files, keyed by the paragraph they precede."""
    pins: dict[str, str] = {}
    for path in folder.glob("*.md"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for line, following in zip(lines, lines[1:], strict=False):
            if PIN.match(line.strip()):
                pins[following.strip()] = line.strip()
    return pins


def section_file(draft: Draft, pins: dict[str, str]) -> tuple[str, str]:
    meta = {"title": draft.title, "slug": draft.slug, "order": draft.order}
    if draft.short_title:
        meta["short_title"] = draft.short_title
    if draft.parent:
        meta["parent"] = draft.parent
    body = "\n\n".join(f"{pins[p]}\n{p}" if p in pins else p for p in draft.paragraphs)
    return f"{draft.order:02d}-{draft.slug}.md", frontmatter.render(meta, body)


def case_file(blocks: list[Block], recipe: dict) -> str:
    title = next(b.text for b in blocks if b.kind == "title")
    meta = {"title": recipe.get("title", title), "source_url": recipe.get("source_url", "")}
    notices = [b.text for b in blocks if b.kind == "notice"]
    if notices:
        meta["notice"] = notices[0]
    meta["source_file"] = "source/article.txt"
    return yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)


def convert(case_dir: Path) -> dict[str, str]:
    """The files (name to text) that the case's source and recipe produce."""
    source = case_dir / "source"
    text = (source / "article.txt").read_text(encoding="utf-8")
    recipe_path = source / "recipe.yaml"
    recipe = yaml.safe_load(recipe_path.read_text(encoding="utf-8")) if recipe_path.exists() else {}
    blocks = classify(text)
    pins = _existing_pins(case_dir)
    files = {"case.yaml": case_file(blocks, recipe or {})}
    for draft in draft_sections(blocks, recipe or {}):
        name, body = section_file(draft, pins)
        files[name] = body
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
