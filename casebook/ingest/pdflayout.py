"""Blocks from the sorted lines of a PDF: paragraphs, headings, tables, notes, the masthead.

The rules are described in :mod:`casebook.ingest.pdfreader`; this is their running part.
"""

from __future__ import annotations

import re
import statistics

from casebook.ingest.blocks import Block
from casebook.ingest.pdflines import Line, Span
from casebook.ingest.tables import table_row

_WORD = re.compile(r"[\w-]+")
# a footnote's marker: a number, or a table note's letter ("a The Force Commander ...")
MARKER_ONLY = re.compile(r"\[?(\d{1,3}|[a-z])\]?")
MARKER_START = re.compile(r"^\[?(\d{1,3}|[a-z](?=\]?\s+[A-Z]))\]?\s+")
# what numbers a heading ("II.", "A.", "2.1", "(a)"); a year in its second line does not
_HEADING_NUMBER = re.compile(r"^(?:[IVXL]{1,6}\.|[A-Z]\.|\d{1,2}\.[\d.]*|\([a-z]{1,3}\))\s")
LONE_NUMBER = re.compile(r"^\d{1,3}(?:[ ,]\d{3})*(?:\.\d+)?%?$")  # "980", "2 188", "12.5%"


class Vocabulary:
    """The document's words, to tell a line-end hyphen that splits a word from one that
    joins two ("imple-mentation" against "search-and-rescue")."""

    def __init__(self, lines: list[Line]):
        self.words = {w.lower() for ln in lines for w in _WORD.findall(ln.text)}

    def mend(self, text: str) -> str:
        """A word PDFium joined across a line break at a hyphen: with or without it."""
        return re.sub(r"(\w+)\xad\s*(\w*)", lambda m: self.join(m[1] + "-", m[2]), text)

    def join(self, left: str, right: str) -> str:
        if left.endswith("\xad"):
            return self.join(left[:-1] + "-", right)
        head = re.search(r"([A-Za-z]+)-$", left)
        tail = re.match(r"([a-z]+)", right)
        if not head or not tail:
            return f"{left} {right}"
        whole, hyphened = head[1] + tail[1], f"{head[1]}-{tail[1]}"
        if whole.lower() in self.words and hyphened.lower() not in self.words:
            return left[:-1] + right
        return left + right


class Layout:
    """Collects blocks line by line."""

    def __init__(self, vocabulary: Vocabulary, pitch: float, margin: float = 0.0):
        self.blocks: list[Block] = []
        self.vocabulary = vocabulary
        self.pitch = pitch  # the usual distance between two lines of a paragraph
        self.margin = margin  # the right edge running lines reach (0: unknown)
        self.last: Line | None = None
        self.number = 0  # the report's last paragraph number
        self.pending: list[Block] = []  # footnotes read, placed once their paragraph ends
        self.table_left: float | None = None  # the left edge of the open table's rows
        self.columns: list[tuple[float, float]] = []  # the spans of its widest row so far
        self.header: list[str] = []  # the cells of its first row
        self.repeat: int | None = None  # its header rows matched at a new page's top

    def _open(self, kind: str) -> Block | None:
        block = self.blocks[-1] if self.blocks else None
        return block if block is not None and block.kind == kind else None

    def add(self, block: Block, line: Line | None) -> None:
        self.blocks += self.pending
        self.pending = []
        self.blocks.append(block)
        self.last = line
        self.table_left, self.columns, self.repeat = None, [], None

    def finish(self) -> list[Block]:
        self.blocks += self.pending
        self.pending = []
        return self.blocks

    def heading(self, line: Line, level: int, guessed: bool = False) -> None:
        open_heading, last = self._open("heading"), self.last
        aside = line.text.startswith("(") and line.text.endswith(")")  # "(as at 15 July)"
        reach = 4 if aside else 2  # line heights from the heading's last line
        close = last is not None and last.page == line.page and last.y - line.y < reach * line.size
        same = last is not None and abs(last.size - line.size) < 0.5 and last.bold == line.bold
        numbered = _HEADING_NUMBER.match(line.text)
        joins = (same and not numbered and level >= open_heading.level) if open_heading else False
        if open_heading and close and (joins or aside):
            open_heading.text += " " + line.text  # a heading set on two lines
            self.last = line
            return
        self.add(Block(line.text, "heading", level, line.page, guessed=guessed), line)

    def row(self, line: Line) -> None:
        spans = line.spans if len(line.spans) == len(line.cells) else []
        table = self._open("table")
        if table is not None and self._repeats_header(line, table):
            self.last = line
        elif table is not None:
            cells = "| " + " | ".join(_placed(line.cells, spans, self.columns)) + " |"
            if "\n" not in table.text:  # a group header over a wider row: over its columns
                header = _placed(self.header, self.columns, spans)
                table.text = "| " + " | ".join(header) + " |"
                table.text += "\n" + "| --- " * len(header) + "|"
            table.text += "\n" + table_row(cells)
            self.last = line
        else:
            self.add(Block("| " + " | ".join(line.cells) + " |", "table", line=line.page), line)
            self.header = line.cells
        if len(spans) >= len(self.columns):
            self.columns = spans
        self.table_left = min(line.x, self.table_left if self.table_left is not None else line.x)

    def _repeats_header(self, line: Line, table: Block) -> bool:
        """Whether the line prints again, at the top of a page the table runs on to, one of
        the header rows its first page began with (filled cells alike, in order)."""
        rows = [row for row in table.text.split("\n") if not row.startswith("| ---")]
        if self.last is not None and line.page != self.last.page:
            self.repeat = 0
        if self.repeat is None or self.repeat >= len(rows) - 1:
            return False
        filled = [cell.strip() for cell in rows[self.repeat].strip("|").split("|")]
        if [c for c in filled if c] != [c for c in line.cells if c]:
            self.repeat = None
            return False
        self.repeat += 1
        return True

    def _starts(self, line: Line) -> bool:
        """Whether the line begins a new paragraph rather than running on."""
        previous = self.last
        if previous is None or not self._open("paragraph"):
            return True
        number = re.match(r"^(\d{1,3})\.\s", line.text)
        ended = previous.text.rstrip().endswith((".", ":", ";", "?", "!", "”", '"'))
        if number and (int(number[1]) == self.number + 1 or ended):
            return True
        item = re.match(r"^\((?:[a-z]{1,3}|\d{1,2})\)\s+(\w)", line.text)
        if item and ended:
            # an item set on its own line ("(a) To ensure ...;", a capital, as UN reports
            # set them), not one that runs on in the text ("...; (d) mediation", in lower
            # case where the line before reached the margin)
            return not (item[1].islower() and self._full(previous))
        gap = previous.y - line.y
        return previous.page == line.page and gap > 1.6 * self.pitch and ended

    def _full(self, line: Line) -> bool:
        """Whether the line reaches the right edge running lines reach."""
        right = line.spans[-1][1] if line.spans else None
        return bool(self.margin and right is not None and right >= self.margin - line.size)

    def lone_number(self, line: Line) -> None:
        """A number alone on its line that does not run on a paragraph (a table's grand
        total under its last row, a figure's): a row of the table above, under the column
        it stands in (or, columns unknown, the first one if it stands at the table's left
        edge, else the last); part of the caption above; else a caption of its own. Never
        a paragraph."""
        table, caption = self._open("table"), self._open("caption")
        if table is not None:
            width = max(row.count(" | ") + 1 for row in table.text.split("\n"))
            left = self.table_left is not None and line.x <= self.table_left + line.size
            placed = len(self.columns) >= 3 and len(line.spans) == 1  # under its column
            cells = [line.text] if left or placed else [""] * (width - 1) + [line.text]
            self.row(Line(line.text, line.page, line.x, line.y, line.size, line.bold,
                          line.top, cells, line.spans if placed else []))  # fmt: skip
        elif caption is not None:
            caption.text += " " + line.text
            self.last = line
        else:
            self.add(Block(line.text, "caption", line=line.page), line)

    def text(self, line: Line) -> None:
        if LONE_NUMBER.match(line.text) and self._starts(line):
            self.lone_number(line)
            return
        table = self._open("table")
        last = self.last
        near = last is not None and last.page == line.page and last.y - line.y <= 1.6 * self.pitch
        if table is not None and near and not line.text.endswith("."):
            self.row(Line(line.text, line.page, line.x, line.y, line.size, line.bold,
                          line.top, [line.text]))  # fmt: skip
            return
        number = re.match(r"^(\d{1,3})\.\s", line.text)
        if self._starts(line):
            if number:
                self.number = int(number[1])
            self.add(Block(line.text, "paragraph", line=line.page), line)
        else:
            block = self.blocks[-1]
            block.text = self.vocabulary.join(block.text, line.text)
            self.last = line


def _placed(cells: list[str], spans: list[Span], columns: list[Span]) -> list[str]:
    """A row with fewer cells than the table's widest row so far, each cell under the
    column it stands in (empty cells are not printed: "Argentina", then a 4 under "Men");
    as read if the columns are unknown (or fewer than three), if a cell runs to more than
    five words (prose cut at wide gaps) or two cells would share one."""
    short = all(len(cell.split()) <= 5 for cell in cells)
    if not spans or not short or len(cells) >= len(columns) or len(columns) < 3:
        return cells
    at = [_column(span, columns) for span in spans]
    if any(b <= a for a, b in zip(at, at[1:], strict=False)):
        return cells
    out = [""] * len(columns)
    for index, cell in zip(at, cells, strict=True):
        out[index] = cell
    return out


def _column(span: Span, columns: list[Span]) -> int:
    """The column a cell stands in: the one it overlaps most, else the nearest."""
    overlaps = [min(span[1], right) - max(span[0], left) for left, right in columns]
    if max(overlaps) > 0:
        return overlaps.index(max(overlaps))
    middle = (span[0] + span[1]) / 2
    return min(range(len(columns)), key=lambda i: abs(sum(columns[i]) / 2 - middle))


def pitch(lines: list[Line]) -> float:
    """The usual distance between two lines of a paragraph: measured under lines that run
    on (eight words or more, no closing stop), where there are five or more; else between
    any consecutive lines of a page (a short typed report whose double-spaced table would
    otherwise set the pitch at two lines)."""
    pairs = [
        (a, a.y - b.y) for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and 0 < a.y - b.y < 3 * a.size
    ]  # fmt: skip
    running = [gap for a, gap in pairs if len(a.text.split()) >= 8 and not _ends(a.text)]
    gaps = running if len(running) >= 5 else [gap for _, gap in pairs]
    return statistics.median(gaps) if gaps else 14.0


def margin(lines: list[Line]) -> float:
    """The right edge that running lines reach (eight words or more, no closing stop): their
    median right edge, where there are five or more; else 0 (unknown)."""
    edges = [ln.spans[-1][1] for ln in lines
             if ln.spans and len(ln.text.split()) >= 8 and not _ends(ln.text)]  # fmt: skip
    return statistics.median(edges) if len(edges) >= 5 else 0.0


def _ends(text: str) -> bool:
    return text.endswith((".", ":", ";", "?", "!"))


def marked(text: str) -> bool:
    """Whether a line starts a footnote: "1", "[1] ...", "12 ...", or a table note's "a ..."."""
    return bool(MARKER_ONLY.fullmatch(text) or MARKER_START.match(text))


def notes(lines: list[Line]) -> list[Block]:
    """Footnote lines as notes: a marker (a line of digits or one letter, or a leading number
    or letter) starts one."""
    out: list[Block] = []
    marker = ""
    for line in lines:
        text = line.text
        if re.fullmatch(r"[_\-–—]{5,}", text):
            continue
        if MARKER_ONLY.fullmatch(text):
            marker = text.strip("[]")
            continue
        start = MARKER_START.match(text)
        if marker or start or not out:
            label = marker or (start[1] if start else "")
            body = text[start.end() :] if start and not marker else text
            out.append(Block(f"[{label}] {body}" if label else body, "note", line=line.page))
            marker = ""
        else:
            out[-1].text = f"{out[-1].text} {text}"
    if marker:  # a marker with no note after it is kept, not lost
        out.append(Block(f"[{marker}]", "note", line=lines[-1].page))
    return out
