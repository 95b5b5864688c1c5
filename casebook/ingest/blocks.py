"""The unit every reader produces: one line or element of an article, with its kind.

A reader (plain text, Markdown, HTML) turns a file into blocks labelled
``heading`` or ``paragraph`` (and, where markup says so, ``boilerplate``,
``byline`` or ``reference``); :mod:`casebook.ingest.boilerplate` then relabels them by
what they are. Every word of the input stands in exactly one block, so what is
kept and what is removed can be accounted for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Kinds that end up in section files (headings as sections; paragraphs and quotes coded;
# captions, tables, notes and references kept in place); every other kind is removed.
BODY_KINDS = ("heading", "paragraph", "quote", "caption", "table", "note", "reference")
REMOVED_KINDS = ("title", "notice", "byline", "boilerplate", "footer")

_WORD = re.compile(r"[^\W_]+")


@dataclass
class Block:
    text: str
    kind: str  # one of BODY_KINDS or REMOVED_KINDS
    level: int = 0  # headings: the source's level (1 for <h1> or "#"); 0 for other blocks
    line: int = 0  # 1-based line of the source where the block starts, a PDF's page (0: unknown)
    guessed: bool = False  # a heading inferred from a line's shape, not marked up as one
    loose: bool = False  # HTML: text set directly in a container (a <div>), in no <p> or <li>

    def relabel(self, kind: str, level: int = 0) -> None:
        self.kind, self.level, self.guessed = kind, level, False


@dataclass
class Reading:
    """A reader's result: the blocks in order and what the file says about itself."""

    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)
    depth: int = 0  # how deeply the source's elements nest (HTML)
    where: str = "line"  # what Block.line counts, as warnings name it: "line", or a PDF's "page"


def words(text: str) -> list[str]:
    """Letters-and-digits words, the unit of the "no text lost" guarantee."""
    return _WORD.findall(text)


def has_words(text: str) -> bool:
    return _WORD.search(text) is not None
