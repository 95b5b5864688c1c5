"""From classified blocks to a case folder's files: sections, slugs, front matter, case.yaml.

Shared by ``convert`` (the seed) and ``ingest`` (any article). Paragraphs
before the first heading form an "Introduction" section. Heading levels give
the outline: a heading sits under the nearest heading above it at a higher level (a
report's "1." under its "A." under its "II."), down to the model's MAX_DEPTH levels;
a heading deeper than that sits beside the deepest section above it. A recipe
(``source/recipe.yaml``) can rename the introduction and give any section, matched by
the start of its heading, a ``slug``, a ``short_title`` or a ``parent``; its word wins
over the levels.

A heading guessed from a line's shape that heads no paragraph is a paragraph
(:func:`settle_guessed_headings`). A marked-up heading with no text of its own is a
section only when sections with text sit below it (a report's "II." over "A." and "B.",
or over an "A." over "1." and "2."); else it is left out, with a warning. Captions,
tables, notes and references stay in the section where they stand, and a section
holding only those is kept; a text with no headings is one section named after the case.
Slugs are made unique (``-2``, ``-3``, with a warning) and steer clear of the dashboard's
own pages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from casebook import blocktext, frontmatter, validate
from casebook.ingest.blocks import BODY_KINDS, Block
from casebook.model import CODED_KINDS, MAX_DEPTH

INTRODUCTION = {"title": "Introduction", "slug": "introduction"}
CASE_FIELDS = ("title", "source_url", "author", "published", "notice", "source_file")
_SLUG_LENGTH = 60


@dataclass
class Draft:
    """A section on its way to a file."""

    title: str
    slug: str = ""
    order: int = 0
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (kind, text) in order
    parent: str | None = None
    short_title: str | None = None
    level: int = 0  # 0 for the unheaded introduction
    line: int = 0
    above: Draft | None = None  # the section this one sits under, by heading levels

    @property
    def paragraphs(self) -> list[str]:
        """The coded blocks' text: paragraphs and quotes."""
        return [text for kind, text in self.blocks if kind in CODED_KINDS]


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a hyphen after 60 characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > _SLUG_LENGTH:
        slug = slug[:_SLUG_LENGTH].rsplit("-", 1)[0]
    return slug


def recipe_entry(recipe: dict, title: str) -> dict:
    for prefix, entry in (recipe.get("sections") or {}).items():
        if title.startswith(prefix):
            return entry or {}
    return {}


def settle_guessed_headings(blocks: list[Block]) -> None:
    """A guessed heading (a short line of plain text, a bold line) must head a paragraph.

    One followed by another heading, or by nothing, is a paragraph; three or more
    guessed headings in a row are a list or a flattened table: all paragraphs. The
    blocks are relabelled in place, so the record of what became what stays true.
    """
    kept = [b for b in blocks if b.kind in BODY_KINDS]
    start = 0
    while start < len(kept):
        end = start
        while end < len(kept) and kept[end].kind == "heading":
            end += 1
        run = kept[start:end]
        listed = len(run) >= 3 and all(b.guessed for b in run)
        for position, block in enumerate(run):
            heads_text = position == len(run) - 1 and end < len(kept)
            if block.guessed and (listed or not heads_text):
                block.relabel("paragraph")
        start = end + 1


def _group(blocks: list[Block], intro: dict) -> list[Draft]:
    drafts = [Draft(intro["title"], slug=intro["slug"])]
    for block in blocks:
        if block.kind == "heading":
            drafts.append(Draft(block.text, level=max(block.level, 1), line=block.line))
        elif block.kind in BODY_KINDS:
            drafts[-1].blocks.append((block.kind, block.text))
    return drafts


def _link_levels(drafts: list[Draft]) -> None:
    """Each heading under the nearest one above it at a higher level (a lower number),
    at most MAX_DEPTH deep: an open chain of headings, closed as shallower ones come."""
    chain: list[Draft] = []
    for draft in (d for d in drafts if d.level):
        while chain and chain[-1].level >= draft.level:
            chain.pop()
        del chain[MAX_DEPTH - 1 :]  # too deep: beside the deepest section allowed
        draft.above = chain[-1] if chain else None
        chain.append(draft)


def _drop_empty(drafts: list[Draft], warnings: list[str], where: str) -> list[Draft]:
    heads = _heads_of_text(drafts)
    kept = [d for d in drafts if d.blocks or id(d) in heads]
    kept_ids = {id(d) for d in kept}  # by identity: drafts compare by value, slowly
    for draft in drafts:
        if draft.level > 0 and id(draft) not in kept_ids:
            warnings.append(
                f"{where} {draft.line}: heading '{draft.title}' has no text of its own; left out"
            )
    return kept


def _heads_of_text(drafts: list[Draft]) -> set[int]:
    """The drafts (by id) above a section with text, at any depth: one without text of its
    own (a report's "II." over its "A." and "B.") is kept, as the model's parents may be
    empty."""
    heads: set[int] = set()
    for draft in drafts:
        above = draft.above if draft.blocks else None
        while above is not None and id(above) not in heads:
            heads.add(id(above))
            above = above.above
    return heads


def _unique_slug(
    draft: Draft, wanted: str, taken: set[str], warnings: list[str], where: str
) -> str:
    slug = wanted or f"section-{draft.order}"
    if validate.slug_problem(slug):
        slug = f"section-{slug}"
    base, number = slug, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    if number > 1:
        warnings.append(f"{where} {draft.line}: duplicate heading '{draft.title}'; slug '{slug}'")
    taken.add(slug)
    return slug


def _apply_recipe(drafts: list[Draft], recipe: dict, warnings: list[str], where: str) -> None:
    taken: set[str] = set()
    for order, draft in enumerate(drafts, start=1):
        draft.order = order
        entry = recipe_entry(recipe, draft.title) if draft.level else {}
        wanted = entry.get("slug") or draft.slug or slugify(draft.title)
        draft.slug = _unique_slug(draft, wanted, taken, warnings, where)
        draft.short_title = entry.get("short_title")
        draft.parent = entry.get("parent")
    for draft in drafts:
        if draft.above is not None and draft.parent is None:
            draft.parent = draft.above.slug


def draft_sections(
    blocks: list[Block], recipe: dict, title: str, where: str = "line"
) -> tuple[list[Draft], list[str]]:
    """The sections of an article, in order, and warnings about its headings, each naming
    the ``where`` (line, or a PDF's page) of the source it starts on."""
    warnings: list[str] = []
    settle_guessed_headings(blocks)
    drafts = _group(blocks, recipe.get("introduction") or INTRODUCTION)
    _link_levels(drafts)
    drafts = _drop_empty(drafts, warnings, where)
    if not any(b.kind == "heading" for b in blocks) and drafts:
        drafts[0].title, drafts[0].slug = title, slugify(title)
        warnings.append(f"no headings found; the text is one section, '{title}'")
    _apply_recipe(drafts, recipe, warnings, where)
    return drafts, warnings


def _loader_safe(text: str) -> str:
    """A paragraph the loader reads back as one: no leading '#' or '<!--'."""
    text = text.lstrip("#").strip()
    return text[4:].strip() if text.startswith("<!--") else text


def section_file(draft: Draft, pins: dict[str, str], width: int = 2) -> tuple[str, str]:
    meta = {"title": draft.title, "slug": draft.slug, "order": draft.order}
    if draft.short_title:
        meta["short_title"] = draft.short_title
    if draft.parent:
        meta["parent"] = draft.parent
    blocks = [(kind, _loader_safe(text)) for kind, text in draft.blocks]
    body = "\n\n".join(blocktext.render(k, t, pins.get(t, "")) for k, t in blocks)
    return f"{draft.order:0{width}d}-{draft.slug}.md", frontmatter.render(meta, body)


def case_file(meta: dict, references: list[str]) -> str:
    """case.yaml: the known fields that have a value, in a fixed order."""
    fields = {key: meta[key] for key in CASE_FIELDS if meta.get(key)}
    if references:
        fields["references"] = references
    return yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000)


def case_files(
    blocks: list[Block], meta: dict, recipe: dict, pins: dict[str, str], where: str = "line"
) -> tuple[dict[str, str], list[str]]:
    """The files of a case folder (name to text) and the warnings met making them
    (``where``: what the blocks' ``line`` counts, as Reading.where)."""
    drafts, warnings = draft_sections(blocks, recipe, meta["title"], where)
    files = {"case.yaml": case_file(meta, [])}
    width = max(2, len(str(len(drafts))))
    for draft in drafts:
        name, text = section_file(draft, pins, width)
        files[name] = text
    return files, warnings
