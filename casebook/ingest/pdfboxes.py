"""A table drawn as text boxes (each cell its own box, read box by box), rebuilt as rows.

Word and the UN's layout tools set annex tables such as S/2019/198's benchmark
indicators as one text box per cell: PDFium reads a cell's lines one after the other,
column by column, so the lines of a row never share a line of text. Such a page is
told from a map by its left edges: in a table nearly every line starts at one of a few
column edges; on a map the labels stand anywhere (measured on 33 UN reports with
``bench/bench_pdf_structure.py``: 0.99 to 1.00 of the lines of each table page stood on
an edge shared by four lines or more; 0.05 to 0.53 of those of each map page, and 0.62
and 0.65 on two scanned pages read by OCR).

The columns are the left edges shared by several lines; a cell's box starts where a
line stands further below the one above it than lines of a paragraph do; a row starts
where boxes start in two columns or more at one height. A line split by wide gaps
("Benchmark Indicator") fills its column and the ones after it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

from casebook.ingest.pdflines import Line

ALIGNED = 0.9  # least share of lines on a shared left edge for a page to be a table
_EDGE = 2.5  # points within which two left edges are one
_SHARED = 4  # lines on an edge for it to be a column's
_PROSE = 6  # words on a line that reads as running text rather than a cell
_BODY = 9  # words on a line of a paragraph across the page (cells' lines are shorter)


def _edges(lines: list[Line]) -> list[float]:
    xs = sorted(ln.x for ln in lines)
    edges: list[float] = []
    for x in xs:
        shared = bisect_right(xs, x + _EDGE) - bisect_left(xs, x - _EDGE) >= _SHARED
        if shared and not (edges and x - edges[-1] <= _EDGE):
            edges.append(x)
    return edges


def is_box_table(lines: list[Line]) -> bool:
    """Most lines start on one of three or more shared left edges."""
    edges = _edges(lines)
    on_edge = sum(any(abs(ln.x - e) <= _EDGE for e in edges) for ln in lines)
    return len(edges) >= 3 and on_edge >= ALIGNED * len(lines)


def _column(line: Line, edges: list[float]) -> int:
    return max((i for i, e in enumerate(edges) if e <= line.x + _EDGE), default=0)


def _near(y: float, heights: list[float]) -> bool:
    return any(abs(y - other) <= 2 for other in heights)


def _row_tops(lines: list[Line], edges: list[float]) -> list[float]:
    """Heights where boxes start in two columns or more, highest first."""
    starts: dict[int, list[float]] = defaultdict(list)
    by_column: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        by_column[_column(line, edges)].append(line)
    for column, members in by_column.items():
        members.sort(key=lambda ln: -ln.y)
        for above, line in zip([None, *members], members, strict=False):
            if above is None or above.y - line.y > 1.6 * line.size:
                for spanned in range(column, column + max(1, len(line.cells))):
                    starts[spanned].append(line.y)  # a line split into cells spans columns
    heights = sorted({y for ys in starts.values() for y in ys}, reverse=True)
    shared = [y for y in heights if sum(_near(y, ys) for ys in starts.values()) >= 2]
    tops: list[float] = []
    for y in shared:
        if not tops or tops[-1] - y > 2:
            tops.append(y)
    return tops


def box_table(lines: list[Line]) -> str:
    """The lines as a Markdown pipe table: first row as the header."""
    edges = _edges(lines)
    tops = _row_tops(lines, edges)
    grid = [[""] * len(edges) for _ in tops or [0]]
    for line in sorted(lines, key=lambda ln: -ln.y):
        row = max((i for i, top in enumerate(tops) if top >= line.y - 2), default=0)
        start = _column(line, edges)
        for offset, cell in enumerate(line.cells or [line.text]):
            column = min(start + offset, len(edges) - 1)
            grid[row][column] = f"{grid[row][column]} {cell}".strip()
    rows = ["| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in grid]
    return "\n".join([rows[0], "| --- " * len(edges) + "|", *rows[1:]])


def _jumps(lines: list[Line]) -> list[int]:
    """Where reading goes back up the page: to the next cell of a row read box by box."""
    return [k for k in range(1, len(lines)) if lines[k].y > lines[k - 1].y + 0.5 * lines[k].size]


def _on(line: Line, xs: list[float]) -> bool:
    return any(abs(line.x - x) <= _EDGE for x in xs)


def box_region(lines: list[Line], is_heading) -> tuple[int, int] | None:
    """(start, end) of the lines of a text-box table on a page that also has paragraphs,
    or None. The table runs from a line just before the first jump back up the page to
    the last box after the last one, taking in short lines on its cells' left edges (a
    header row) but not a heading or the short last line of a paragraph above it; few of
    its lines are long or split in cells (a table read row by row is read as rows). Two
    lines of body text at least must remain besides it (a page of table alone, with its
    legend and title, is read whole by :func:`is_box_table`)."""
    jumps = _jumps(lines)
    if len(jumps) < 2:
        return None
    start, end = jumps[0] - 1, jumps[-1] + 1
    xs = [ln.x for ln in lines[start:end]]

    def cell(k: int) -> bool:
        line = lines[k]
        return len(line.text.split()) < _PROSE and _on(line, xs) and not is_heading(line)

    while start > 0 and cell(start - 1) and not _runs_on(lines, start - 1):
        start -= 1
    while end < len(lines) and cell(end):
        end += 1
    table, rest = lines[start:end], lines[:start] + lines[end:]
    prose = sum(len(ln.text.split()) >= _PROSE or len(ln.cells) > 1 for ln in table)
    body = sum(len(ln.text.split()) >= _BODY and not is_heading(ln) for ln in rest) >= 2
    if len(table) >= 6 and prose < 0.2 * len(table) and body and is_box_table(table):
        return start, end
    return None


def _runs_on(lines: list[Line], k: int) -> bool:
    """Whether line k ends the paragraph of the long line right above it."""
    above = lines[k - 1] if k else None
    if above is None or len(above.text.split()) < _PROSE:
        return False
    return 0 < above.y - lines[k].y <= 1.6 * lines[k].size
