"""Read a text PDF, such as a UN Secretary-General report, into blocks.

From the lines of :mod:`casebook.ingest.pdflines`:

- **Running heads and feet** are dropped (labelled ``boilerplate``): lines near the top or
  bottom edge made only of a document symbol (``S/2010/200``), a job number
  (``10-31957 (E) 230410``), page numbers (``2``, ``3/31``) or a barcode (``*1031957*``),
  and any line repeated at an edge on most pages.
- **The masthead** (page 1 above the title: "United Nations", "Security Council",
  "Distr.: General", the date) is metadata: the date becomes ``published`` and the
  symbol joins the title, the bold lines just above the first heading.
- **Headings**: "I. Introduction" (level 1), "A. Political situation" (level 2), an
  "Annex" line (level 1), and a short bold line ("Emergency response", level 3, a
  sub-section like level 2).
- **Paragraphs** start at the report's own next number ("12. ", kept in the text so a
  link can name paragraph 12), at a lettered item after a colon or a full stop
  ("(a) "), or after a wider gap than the lines' spacing; they run on across page
  breaks. A line-end hyphen is dropped when the joined word is used elsewhere in the
  document and the hyphenated one is not ("imple-" + "mentation"), kept otherwise
  ("search-and-" + "rescue"); a soft hyphen is always dropped.
- **Footnotes** (below a rule, or smaller type at the foot of a page) are ``note``
  blocks, ``[1] …``; body markers read ``[1]``.
- **Tables**: two or more lines in a row split into cells by wide gaps are one
  ``table`` block; a page of scattered labels (a map) is one ``caption``.
- **Figures**: a picture or drawn form (a map annex) right under a heading is noted by a
  ``caption`` ("Figure on page 31 of the PDF ..."), so the heading keeps its section.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from casebook.ingest.blocks import Block, Reading, has_words
from casebook.ingest.bylines import DATE
from casebook.ingest.pdflayout import Layout, Vocabulary, notes, pitch
from casebook.ingest.pdflines import Line, read_lines
from casebook.ingest.readers import is_caption
from casebook.ingest.source import IngestError

_TOKEN = re.compile(
    r"^(?:\d{1,3}(?:/\d{1,3})?|\d{2}-\d{5,6}|\([A-Z]\)|\d{6}|\*\d{6,9}\*"
    r"|[A-Z]{1,5}(?:/[A-Za-z0-9.\[\]]+)+)$"
)
SYMBOL = re.compile(r"\b[A-Z]{1,5}/(?:[A-Z0-9.]+/?)+\d")
_EDGE = 80  # points from the top or bottom edge where running heads and feet stand
_ROMAN = re.compile(r"^[IVXL]{1,6}\.\s+\S")
_LETTER = re.compile(r"^[A-Z]\.\s+\S")
_ANNEX = re.compile(r"^(?:Annex|Appendix|Enclosure)(?:es)?\b(?:\s+[IVX\d]+)?\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"^(\d{1,3})\.\s")
# "1. Support to the justice system" (level 3), "2.1 Executive" or "(a) Police" (level 4)
_NUMBERED = re.compile(r"^(?:(\d{1,2}\.)|\d{1,2}(?:\.\d{1,2})+\.?|\([a-z]{1,3}\))\s+\S")
_ITEM = re.compile(r"^\((?:[a-z]{1,3}|\d{1,2})\)\s")
_RULE = re.compile(r"^[_\-–—]{5,}$")
FIGURE = "Figure on page {} of the PDF (an image, not read as text)"
NO_TEXT = "no text layer: this looks like a scanned document; OCR is not supported"


def _edge(line: Line) -> bool:
    return line.y > line.top - _EDGE or line.y < _EDGE


def furniture(lines: list[Line]) -> set[int]:
    """Indexes of running heads and feet."""
    shapes = Counter(re.sub(r"\d+", "#", ln.text) for ln in lines if _edge(ln))
    pages = len({ln.page for ln in lines})
    out = set()
    for index, line in enumerate(lines):
        tokens = line.text.replace("[", "").replace("]", "").split()
        repeated = pages >= 3 and shapes[re.sub(r"\d+", "#", line.text)] > pages / 2
        if _edge(line) and (all(_TOKEN.match(t) for t in tokens) or repeated):
            out.add(index)
    return out


def body_size(lines: list[Line]) -> float:
    sizes = [ln.size for ln in lines if len(ln.text.split()) >= 8]
    return statistics.median(sizes) if sizes else statistics.median(ln.size for ln in lines)


def heading_level(line: Line, size: float) -> int:
    words = len(line.text.split())
    if words > 16 or line.text.endswith("."):
        return 0
    numbered = _NUMBERED.match(line.text)
    if numbered or _NUMBER.match(line.text):
        return _numbered_level(line, numbered, size, words)
    if _ROMAN.match(line.text) or (_ANNEX.match(line.text) and (line.bold or line.size > size)):
        return 1
    if _LETTER.match(line.text) and (line.bold or line.size > size * 1.05):
        return 2
    if line.bold and words <= 12 and line.size >= size * 0.95 and len(line.cells) == 1:
        return 3
    return 0


def _numbered_level(line: Line, numbered, size: float, words: int) -> int:
    """A numbered line set apart in bold ("1. Support to the justice system") heads a
    sub-section under "A."; a numbered paragraph ("12. The mission ...") is in body type,
    or runs on past twelve words, or ends a sentence or a clause."""
    heading = numbered and line.bold and words <= 12 and len(line.cells) == 1
    if not heading or line.size < size * 0.95 or line.text.endswith((":", ";", ",")):
        return 0
    return 3 if numbered[1] else 4


def relative_bold(lines: list[Line]) -> None:
    """Bold that sets a line apart: none, where the body text itself is set in bold."""
    body = [ln for ln in lines if len(ln.text.split()) >= 8]
    if body and sum(ln.bold for ln in body) > len(body) / 2:
        for line in lines:
            line.bold = False


def _notes(page: list[tuple[int, Line]], size: float) -> set[int]:
    """Indexes of the footnote lines of one page: below a rule, or small type at its foot."""
    rule = next((i for i, (_, ln) in enumerate(page) if _RULE.match(ln.text)), None)
    if rule is not None:
        return {index for index, _ in page[rule:]}
    out: set[int] = set()
    for index, line in reversed(page):
        if line.size >= size * 0.9 or line.y > line.top / 2 or len(line.cells) > 1:
            break
        out.add(index)
    starts = [i for i, ln in page if i in out and re.match(r"^\[?\d{1,3}\]?(?:\s|$)", ln.text)]
    return {i for i in out if starts and i >= starts[0]}


def _figure_page(page: list[tuple[int, Line]]) -> bool:
    """A page of scattered labels (a map, a chart): few lines read like sentences."""
    prose = sum(len(ln.text.split()) >= 6 or len(ln.cells) > 1 for _, ln in page)
    return len(page) >= 15 and prose < 0.2 * len(page)


def _label_cell(cell: str) -> bool:
    return bool(_NUMBER.match(cell + " ") or _ITEM.match(cell + " ") or _ROMAN.match(cell + " x"))


def _masthead(first_page: list[tuple[int, Line]], size: float) -> tuple[set[int], list[Line]]:
    """(indexes of page 1 above the first heading or paragraph, the title's lines)."""
    start = next(
        (i for i, (_, ln) in enumerate(first_page)
         if heading_level(ln, size) in (1, 2) or _NUMBER.match(ln.text)),
        None,
    )  # fmt: skip
    if start is None:
        return set(), []
    above = first_page[:start]
    title: list[Line] = []
    for _, line in reversed(above):
        if not (line.bold and line.size >= size * 1.05):
            break
        title.insert(0, line)
    return {index for index, _ in above}, title


def _meta(masthead: list[Line], title: list[Line]) -> dict[str, str]:
    text = " ".join(ln.text.replace("[", "").replace("]", "") for ln in masthead)
    meta = {}
    date, symbol = DATE.search(text), SYMBOL.search(text)
    if title:
        name = " ".join(ln.text for ln in title)
        meta["title"] = f"{name} ({symbol[0]})" if symbol else name
    if date:
        meta["published"] = date[0]
    return meta


def _place(layout: Layout, line: Line, size: float) -> None:
    level = heading_level(line, size)
    cells = line.cells[1:] if line.cells and _label_cell(line.cells[0]) else line.cells
    if level:
        layout.heading(line, level)
    elif len(cells) >= 2:
        layout.row(line)
    elif is_caption(line.text) and len(line.text.split()) <= 20:
        layout.add(Block(line.text, "caption", line=line.page), line)
    else:
        layout.text(line)


Page = list[tuple[int, Line]]  # (index among all lines, line)


def _pages(lines: list[Line], figures: dict[int, list[float]]) -> list[tuple[int, Page]]:
    """(page number, its lines) in order, a page holding only a figure included."""
    pages: dict[int, Page] = {number: [] for number in figures}
    for index, line in enumerate(lines):
        pages.setdefault(line.page, []).append((index, line))
    return sorted(pages.items())


def _figure_after_heading(layout: Layout, number: int) -> None:
    """A figure right under a heading (a map annex) is noted, so the heading keeps a
    section; one among paragraphs is left out, so as not to split them."""
    if layout.blocks and layout.blocks[-1].kind == "heading":
        layout.add(Block(FIGURE.format(number), "caption", line=number), None)


def _read_page(layout: Layout, page: list[tuple[int, Line]], size: float, figures) -> None:
    foot = _notes(page, size)
    tops = list(figures)
    for index, line in page:
        while tops and line.y < tops[0]:
            tops.pop(0)
            _figure_after_heading(layout, line.page)
        if index not in foot:
            _place(layout, line, size)
    layout.pending += notes([ln for i, ln in page if i in foot])


def read_pdf(data: bytes, name: str = "the PDF") -> Reading:
    """Blocks labelled by kind, with the title and date the masthead gives."""
    lines, figures = read_lines(data, name)
    if not any(has_words(line.text) for line in lines):
        raise IngestError(name, NO_TEXT)
    relative_bold(lines)
    size, dropped = body_size(lines), furniture(lines)
    pages = _pages(lines, figures)
    first = next(page for _, page in pages if page)
    masthead, title = _masthead([p for p in first if p[0] not in dropped], size)
    removed = [Block(lines[i].text, "boilerplate", line=lines[i].page) for i in sorted(dropped)]
    removed += [Block(lines[i].text, "title" if lines[i] in title else "boilerplate",
                      line=1) for i in sorted(masthead)]  # fmt: skip
    body = [ln for i, ln in enumerate(lines) if i not in dropped and i not in masthead]
    vocabulary = Vocabulary(lines)
    for line in body:
        line.text, line.cells = vocabulary.mend(line.text), [vocabulary.mend(c) for c in line.cells]
    layout = Layout(vocabulary, pitch(body))
    for number, page in pages:
        page = [(i, ln) for i, ln in page if i not in dropped and i not in masthead]
        if _figure_page(page):
            text = " ".join(ln.text for _, ln in page)
            layout.add(Block(text, "caption", line=number), None)
            continue
        _read_page(layout, page, size, figures.get(number, []))
        if figures.get(number) and (not page or page[-1][1].y > figures[number][-1]):
            _figure_after_heading(layout, number)  # below the page's last line
    meta = _meta([lines[i] for i in sorted(masthead)], title)
    return Reading([*removed, *layout.finish()], meta)
