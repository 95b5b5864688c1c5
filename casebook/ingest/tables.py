"""Tables in plain text and Markdown: pipe rows (or tab-separated lines) joined into one
``table`` block, a Markdown pipe table with its rule, its note or source line under it."""

from __future__ import annotations

import re

from casebook.ingest.blocks import Block

TABLE_ROW = re.compile(r"^\|.*\|$|\t")
_RULE_ROW = re.compile(r"^\|[\s:|-]+\|$")
_RULE_ROW_TEXT = "| --- "
_TABLE_NOTE = re.compile(r"^(?:notes?|sources?|\*)\s*[:.]?\s", re.IGNORECASE)


def table_row(line: str) -> str:
    """A pipe row (``| a | b |``) or a tab-separated line, as a Markdown pipe row."""
    cells = line.strip().strip("|").split("|") if line.startswith("|") else line.split("\t")
    return "| " + " | ".join(cell.strip() for cell in cells) + " |"


def join_tables(blocks: list[Block]) -> list[Block]:
    """Runs of table rows become one ``table`` block; a note or source line right after a
    table ("Note: …", "Source: …") belongs to it."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if block.kind == "row" and last is not None and last.kind == "table":
            if "\n" not in last.text and not _RULE_ROW.match(block.text):
                last.text += "\n" + _RULE_ROW_TEXT * (last.text.count(" | ") + 1) + "|"
            last.text += "\n" + block.text
        elif block.kind == "row":
            out.append(Block(block.text, "table", line=block.line))
        elif last is not None and last.kind == "table" and _TABLE_NOTE.match(block.text):
            last.text += "\n" + block.text
        else:
            out.append(block)
    return out
