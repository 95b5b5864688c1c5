"""A section file's body: blocks separated by blank lines, each a paragraph or kept text.

A block is a paragraph unless a marker comment on the line above says what else it is::

    <!-- themes: security political -->
    A paragraph whose themes an editor pinned by hand.

    <!-- quote -->
    "A quotation", coded and counted like a paragraph.

    <!-- caption -->
    Photo: a patrol near Gao / Flickr

    <!-- table -->
    | Region | Incidents |
    | --- | --- |
    | Gao | 12 |
    Source: a table's note stays in its table.

    <!-- note -->
    [1] A footnote.

    <!-- reference -->
    A bibliography entry.

Only paragraphs and quotes are coded and count towards coverage (a pin may stand above
either); captions, tables, notes and references are kept in their place and shown as what
they are. A table keeps its lines; every other block is joined into one line.
"""

from __future__ import annotations

import re

from casebook.model import CODED_KINDS, KEPT_KINDS, Codebook, Extra, Paragraph
from casebook.problems import Collector, unknown_theme

PIN = re.compile(r"^<!--\s*themes:\s*(?P<ids>[^>]*?)\s*-->$")
KIND = re.compile(r"^<!--\s*(?P<kind>quote|caption|table|note|reference)\s*-->$")
_KINDS_HINT = "a pin reads '<!-- themes: security political -->', a kind '<!-- table -->'"


def marker(kind: str) -> str:
    return f"<!-- {kind} -->"


def render(kind: str, text: str, pin: str = "") -> str:
    """A block as it stands in a section file (``pin``: a whole pin comment, or "")."""
    lines = [marker(kind)] if kind != "paragraph" else []
    if pin and kind in CODED_KINDS:
        lines.append(pin)
    return "\n".join([*lines, text])


def blocks_of(body: str, first_line: int) -> list[list[tuple[int, str]]]:
    """The body's blocks: runs of non-blank (line number, stripped line)."""
    blocks, block = [], []
    for number, line in enumerate([*body.split("\n"), ""], start=first_line):
        if line.strip():
            block.append((number, line.strip()))
        elif block:
            blocks.append(block)
            block = []
    return blocks


def _markers(block, report: Collector, codebook: Codebook):
    """(pinned theme ids, kind, the block's remaining lines) after its marker comments."""
    pinned: tuple[str, ...] = ()
    kind = "paragraph"
    while block and block[0][1].startswith("<!--"):
        line, first = block[0]
        pin, named = PIN.match(first), KIND.match(first)
        if pin:
            pinned = tuple(pin.group("ids").replace(",", " ").split())
            for theme_id in pinned:
                if theme_id not in codebook.ids:
                    report.add(line, unknown_theme(theme_id, codebook.ids))
            if not pinned:
                report.add(line, "a pin comment must name at least one theme")
        elif named:
            kind = named["kind"]
        else:
            report.add(line, f"unknown comment ({_KINDS_HINT})")
            return pinned, kind, None
        block = block[1:]
    if not block:
        what = "pin comment" if kind == "paragraph" else "marker comment"
        report.add(line, f"a {what} must stand on the line just above its paragraph")
        return pinned, kind, None
    return pinned, kind, block


def read_block(block, slug: str, position: int, after: int, report, codebook):
    """A Paragraph, an Extra, or None (with the problem reported)."""
    pinned, kind, block = _markers(block, report, codebook)
    if block is None:
        return None
    if block[0][1].startswith("#"):
        report.add(block[0][0], "headings are not allowed in a section body; use 'title'")
        return None
    if pinned and kind in KEPT_KINDS:
        report.add(block[0][0] - 1, f"a {kind} is not coded, so it cannot be pinned")
    joiner = "\n" if kind == "table" else " "
    text = joiner.join(line for _, line in block)
    if kind in KEPT_KINDS:
        return Extra(slug, kind, text, after, block[0][0])
    return Paragraph(slug, position, text, block[0][0], pinned, kind)


def read_body(body: str, first_line: int, slug: str, report, codebook):
    """(paragraphs, extras) of a section body, problems reported with their lines."""
    paragraphs: list[Paragraph] = []
    extras: list[Extra] = []
    for block in blocks_of(body, first_line):
        item = read_block(block, slug, len(paragraphs) + 1, len(paragraphs), report, codebook)
        if isinstance(item, Paragraph):
            paragraphs.append(item)
        elif item is not None:
            extras.append(item)
    return paragraphs, extras


def table_rows(text: str) -> tuple[list[list[str]], list[str]]:
    """A table block's cells, row by row (the ``---`` rule left out), and its notes."""
    rows, notes = [], []
    for line in text.split("\n"):
        if not line.startswith("|"):
            notes.append(line)
        elif not re.fullmatch(r"\|?[\s:|-]+\|?", line):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows, notes
