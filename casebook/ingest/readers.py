"""Read an article in plain text or Markdown into blocks (HTML: :mod:`casebook.ingest.htmlreader`).

Plain text, as copied from a web page: each line is a block. A heading is a
short line (at most 14 words) that does not end like a sentence, has more
letters than digits and is not a table row, a bullet, a URL or an image
caption. Text has no heading levels, so every heading is top-level (a recipe
can say otherwise). A hard-wrapped file (no line over 100 characters, most
lines running on into the next) joins a line to the one before it when that one
fills most of the width.

Markdown: ``#`` and underlined headings give levels; a bold line on its own
(``**Key findings**``) is a pseudo-heading one level below the last real
heading. List items and table rows are one paragraph each; images are dropped
(their alt text is not body text); links keep their text; footnote markers
``[^1]`` read ``[1]`` and footnote definitions become references. Front matter
(``title``, ``author``, ``date``) is read as metadata.
"""

from __future__ import annotations

import re

from casebook import frontmatter
from casebook.ingest.blocks import Block, Reading
from casebook.ingest.tables import TABLE_ROW, join_tables, table_row

_END_PUNCTUATION = (".", "!", "?", ":", ";", ",", "…")
_CLOSERS = "\"'”’»)]"
_NOT_HEADING = re.compile(r"\t| \| |://|\bwww\.|^[-•*–—+>▪◦]\s")
_CAPTION = re.compile(
    r"©|\b(?:photo(?:graph)?|image|picture|credits?|caption)\s*(?:by\b|:)"
    r"|^(?:source:|(?:figure|fig\.|table|map|chart)\s*\d+\s*[.:])",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def is_caption(line: str) -> bool:
    """A short line crediting or describing an image or table: never a heading."""
    # Counting to 31 words is enough (a long paragraph is not split whole)
    return len(line.split(None, 30)) <= 30 and _CAPTION.search(line) is not None


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence and reads like words; a question
    of at most ten words may head text too ("What to expect going forward?")."""
    words = line.split()
    ending = line.rstrip(_CLOSERS)
    question = ending.endswith("?") and len(words) <= 10
    if not 0 < len(words) <= 14 or (ending.endswith(_END_PUNCTUATION) and not question):
        return False
    letters, digits = len(_LETTER.findall(line)), len(_DIGIT.findall(line))
    return letters > digits and not _NOT_HEADING.search(line) and not is_caption(line)


# Plain text ---------------------------------------------------------------


def _wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped file was wrapped at, or 0 if it is not hard-wrapped."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < 8 or max(len(line) for line in filled) > 100:
        return 0
    running_on = sum(1 for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip())
    return max(len(line) for line in filled) if running_on * 2 >= len(filled) else 0


def _text_units(lines: list[str], width: int) -> list[tuple[int, str]]:
    """(line number, text) per block: a line, or wrapped lines joined."""
    units: list[tuple[int, str]] = []
    previous = ""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        joins = width and previous and len(previous) >= 0.6 * width
        if line and joins and not _NOT_HEADING.match(line):
            units[-1] = (units[-1][0], f"{units[-1][1]} {line}")
        elif line:
            units.append((number, line))
        previous = raw.rstrip() if line else ""
    return units


def _text_block(number: int, line: str) -> Block:
    if TABLE_ROW.search(line):
        return Block(table_row(line), "row", line=number)
    if is_caption(line):
        return Block(line, "caption", line=number)
    heading = is_heading(line)
    kind = "heading" if heading else "paragraph"
    return Block(line, kind, level=1 if heading else 0, line=number, guessed=heading)


def read_text(text: str) -> Reading:
    lines = text.splitlines()
    units = _text_units(lines, _wrap_width(lines))
    return Reading(join_tables([_text_block(number, line) for number, line in units]))


# Markdown -----------------------------------------------------------------

_ATX = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]\s+|(?=\d{1,3}[.)]\s))")
_FENCE = re.compile(r"^\s*(```|~~~)")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)\1\s*:?\s*$")
_FOOTNOTE = re.compile(r"^\[\^(?P<id>[^\]]+)\]:\s*")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # only where a "-->" follows: see _uncomment
# A link's target in parentheses, which may hold balanced ones: (https://x.org/A_(b))
_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
# Reading stays linear in the text: no part of a pattern may run over the character that
# opens it again ("[" in a label, "*" inside italics, "<" in a tag), or every opener of a
# run such as "[[[[..." or "*a *a *a ..." would scan to the end (100 KB took over 60 s).
_INLINE = [
    (re.compile(rf"!\[[^\[\]]*\]{_TARGET}"), ""),  # images
    (re.compile(r"\[\^([^\[\]]+)\]"), r"[\1]"),  # footnote markers
    (re.compile(rf"\[([^\[\]]+)\]{_TARGET}"), r"\1"),  # links
    (re.compile(r"<(https?://[^<>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"</?[a-zA-Z][^<>]*>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italic
    (re.compile(r"(?<!\w)_(?!\s)([^_]+?)(?<!\s)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),  # code
]
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_SHELTERED = re.compile("[\ue000-\ue07f]")
_QUOTE = re.compile(r"^\s*>")  # escaped characters, kept out of the markup's way


def clean_inline(text: str) -> str:
    """Markdown inline markup reduced to its text."""
    text = _ESCAPED.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    text = _SHELTERED.sub(lambda m: chr(ord(m.group()) - 0xE000), text)
    return " ".join(text.split())


def clean_row(line: str) -> str:
    """A Markdown table row with each cell's inline markup reduced to its text."""
    return "| " + " | ".join(clean_inline(c) for c in line.strip().strip("|").split("|")) + " |"


class UnreadableFrontMatter(ValueError):
    """Front matter past the YAML reading limits (an alias bomb, nesting too deep), at
    ``line`` of the article."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


def _front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """(metadata, body, line offset) for a file that may start with YAML front matter."""
    if not text.startswith("---"):
        return {}, text, 0
    try:
        doc = frontmatter.parse(text)
    except frontmatter.FrontMatterError as error:
        if error.refused:  # YAML past the reading limits: say so rather than keep it as text
            raise UnreadableFrontMatter(error.line, error.message) from None
        return {}, text, 0  # not YAML at all: an opening rule, kept as text
    keys = {"title": "title", "author": "author", "date": "published", "url": "source_url"}
    meta = {new: str(doc.meta[old]) for old, new in keys.items() if doc.meta.get(old)}
    return meta, doc.body, doc.body_line - 1


class _MarkdownBlocks:
    """A line-by-line reader: ``run`` holds the lines of the paragraph being read."""

    def __init__(self, offset: int):
        self.blocks: list[Block] = []
        self.run: list[str] = []
        self.start = 0
        self.kind = "paragraph"
        self.offset = offset
        self.level = 1  # of the last real heading, for pseudo-headings below it
        self.fence = ""

    def flush(self) -> None:
        if self.run:
            text = " ".join(self.run) if self.kind == "row" else clean_inline(" ".join(self.run))
            self.blocks.append(self._block(text))
        self.run, self.kind = [], "paragraph"

    def _block(self, text: str) -> Block:
        bold = _BOLD_LINE.match(self.run[0]) if len(self.run) == 1 else None
        if self.kind == "paragraph" and bold and is_heading(bold["text"].rstrip(": ")):
            title = clean_inline(bold["text"]).rstrip(": ")
            return Block(title, "heading", self.level + 1, self.start, guessed=True)
        if self.kind == "paragraph" and is_caption(text):
            return Block(text, "caption", line=self.start)
        return Block(text, self.kind, line=self.start)

    def begin(self, number: int, text: str, kind: str = "paragraph") -> None:
        self.flush()
        self.run, self.start, self.kind = [text], number + self.offset, kind

    def heading(self, number: int, text: str, level: int) -> None:
        self.flush()
        self.level = level
        self.blocks.append(Block(clean_inline(text), "heading", level, number + self.offset))

    def line(self, number: int, raw: str) -> None:
        if self.fence:
            if raw.strip().startswith(self.fence):
                self.fence = ""
                self.flush()
            else:
                self.run.append(raw.strip())
            return
        quoted = _QUOTE.match(raw) is not None
        line = re.sub(r"^(\s*>)+", "", raw).strip()
        atx, setext, fence = _ATX.match(line), _SETEXT.match(line), _FENCE.match(line)
        if atx:
            self.heading(number, atx.group(2), len(atx.group(1)))
        elif setext and len(self.run) == 1 and self.kind == "paragraph":
            text, self.run = self.run[0], []
            self.heading(number - 1, text, 1 if line.startswith("=") else 2)
        elif fence:
            self.begin(number, "")
            self.fence = fence.group(1)
        elif not line or _RULE.match(line):
            self.flush()
        elif line.startswith("|"):
            self.begin(number, table_row(clean_row(line)), kind="row")
            self.flush()
        elif _FOOTNOTE.match(line):
            note = _FOOTNOTE.match(line)
            self.begin(number, f"[{note['id']}] {line[note.end() :]}", kind="note")
        elif quoted and not (self.run and self.kind == "quote"):
            self.begin(number, line, kind="quote")
        elif _ITEM.match(raw) and not raw.startswith(("    ", "\t")):
            self.begin(number, _ITEM.sub("", line, count=1))
        elif self.run:
            self.run.append(line)
        else:
            self.begin(number, line)


def _uncomment(body: str) -> str:
    """HTML comments replaced by their line breaks. Only text before the last "-->" can
    hold a whole comment: an opener after it would scan to the end in vain, and thousands
    of them would make reading quadratic."""
    end = body.rfind("-->") + 3 if "-->" in body else 0
    kept = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), body[:end])
    return kept + body[end:]


def read_markdown(text: str) -> Reading:
    meta, body, offset = _front_matter(text)
    body = _uncomment(body)
    reader = _MarkdownBlocks(offset)
    for number, raw in enumerate(body.splitlines(), start=1):
        reader.line(number, raw)
    reader.flush()
    return Reading(join_tables(reader.blocks), meta)
