"""Read a text PDF, such as a UN Secretary-General report, into blocks.

From the lines of :mod:`casebook.ingest.pdflines`:

- **Running heads and feet** are dropped (labelled ``boilerplate``): lines near the top or
  bottom edge made only of a document symbol (``S/2010/200``), a job number
  (``10-31957 (E) 230410``), page numbers (``2``, ``3/31``, ``Page 2``), a barcode
  (``*1031957*``), a typed report's language ("English") or its "/..." (the page turns),
  and any line repeated at an edge on most pages; anywhere (a page turned sideways), such
  a line with the job number, and after page 1 the report's own symbol alone.
- **The masthead** (page 1 above the title: "United Nations", "Security Council",
  "Distr.: General", the date) is metadata: the date becomes ``published``, the organ
  that issues it the ``author`` ("United Nations Security Council"), and the symbol joins
  the title, the bold lines just above the first heading (in a typed report,
  the lines in capitals there), joined and cased by :mod:`casebook.ingest.pdftitle`.
- **Headings** (:mod:`casebook.ingest.pdfheadings`): "I. Introduction" (level 1),
  "A. Political situation" (level 2), an "Annex" line (level 1), a short bold line
  ("Emergency response", level 3), a bold numbered line ("1. Support to the courts",
  level 3); in a report typed in one face, a short line set apart by blank space, running
  text after it ("Police monitoring", level 4). Each heading's section nests under the
  nearest heading above it of a lower level (up to four levels: ``model.MAX_DEPTH``).
- **Paragraphs** start at the report's own next number ("12. ", kept in the text so a
  link can name paragraph 12), at a lettered item after a colon, semicolon or full stop
  ("(a) "; not one in lower case after a line that reached the margin, which runs on in
  the text: "...; (d) mediation"), or after a wider gap than the lines' spacing; they run
  on across page breaks. A line-end hyphen is dropped when the joined word is used
  elsewhere in the document and the hyphenated one is not ("imple-" + "mentation"), kept
  otherwise ("search-and-" + "rescue"); a soft hyphen is always dropped.
- **Footnotes** (below a rule, or smaller type at the foot of a page) are ``note``
  blocks, ``[1] …``; body markers read ``[1]``.
- **Tables**: two or more lines in a row split into cells by wide gaps are one
  ``table`` block, a row that prints only some cells set under the columns it stands
  in, the header rows printed again atop a page it runs on to read once, a numbered item
  with its amounts (a budget's "1. Military personnel costs   240") a row; so is a page of
  text boxes aligned in columns, or such a table among a page's
  paragraphs (:mod:`casebook.ingest.pdfboxes`); a page of scattered labels (a map, or
  a few names over a picture or drawing) is one ``caption``, under the page's headings.
  A number alone on its line (a grand total under a table's last row) is a row of the
  table above, part of the caption above, or a caption: never a paragraph.
- **Figures**: a picture or drawn form (a map annex) right under a heading is noted by a
  ``caption`` ("Figure on page 31 of the PDF ..."), so the heading keeps its section.
"""

from __future__ import annotations

import re

from casebook.ingest.blocks import Block, Reading, has_words
from casebook.ingest.bylines import DATE
from casebook.ingest.pdfboxes import box_region, box_table, is_box_table
from casebook.ingest.pdfheadings import (
    ITEM,
    NUMBER,
    ROMAN,
    body_size,
    heading_level,
    placed_headings,
    relative_bold,
)
from casebook.ingest.pdflayout import Layout, Vocabulary, margin, notes, pitch
from casebook.ingest.pdflines import Line, read_lines
from casebook.ingest.pdfmargins import SYMBOL, furniture, page_notes
from casebook.ingest.pdftitle import Spellings, case_headings, title_lines, title_text
from casebook.ingest.readers import is_caption
from casebook.ingest.source import IngestError

_AMOUNT = re.compile(r"^(?:\$\s?)?[\d\s.,]*\d%?$|^[-–—]$")  # "240", "$1,250.5", "-"
FIGURE = "Figure on page {} of the PDF (an image, not read as text)"
NO_TEXT = "no text layer: this looks like a scanned document; OCR is not supported"


def _page_headings(page: list[Line], size: float) -> list[Line]:
    """The numbered headings of a page, each with the lines of its title after it."""
    out: list[Line] = []
    for previous, line in zip([None, *page], page, strict=False):
        level = heading_level(line, size)
        if level in (1, 2) or (level and out and out[-1] is previous):
            out.append(line)
    return out


def _figure_page(page: list[Line], size: float, figure: bool) -> bool:
    """A page of scattered labels (a map, a chart) besides its headings: few lines read
    like sentences; over a picture or drawing, a few such labels are enough."""
    headings = {id(ln) for ln in _page_headings(page, size)}
    labels = [ln for ln in page if id(ln) not in headings]
    prose = sum(len(ln.text.split()) >= 6 or len(ln.cells) > 1 for ln in labels)
    return len(labels) >= (3 if figure else 15) and prose < 0.2 * len(labels)


def _read_figure_page(layout: Layout, page: list[Line], size: float) -> None:
    """Its headings first ("Annex I", its title); then a table drawn as text boxes is a
    ``table`` (one per page, its header repeated as printed), anything else (a map's
    place names, a chart's labels) one ``caption``."""
    headings = _page_headings(page, size)
    for line in headings:
        layout.heading(line, heading_level(line, size))
    rest = [ln for ln in page if all(ln is not h for h in headings)]
    if not is_box_table(rest):
        text = " ".join(ln.text for ln in rest)
        layout.add(Block(text, "caption", line=rest[0].page), None)
        return
    layout.add(Block(box_table(rest), "table", line=rest[0].page), None)


def _label_cell(cell: str) -> bool:
    return bool(NUMBER.match(cell + " ") or ITEM.match(cell + " ") or ROMAN.match(cell + " x"))


def _cells(line: Line) -> list[str]:
    """The cells that make a line a table row: a leading number or item label set apart
    ("12.") starts a paragraph, unless the line is an item and its amounts (a budget's
    "1. Military personnel costs   240")."""
    cells = line.cells
    amounts = len(cells) >= 2 and all(_AMOUNT.match(cell) for cell in cells[1:])
    if cells and _label_cell(cells[0]) and not (amounts and len(cells[0].split()) <= 10):
        return cells[1:]
    return cells


_ORGAN = re.compile(r"\b(?:general assembly|security council|economic and social council)\b", re.I)


def _masthead(first_page: list[tuple[int, Line]], size: float) -> tuple[set[int], list[Line]]:
    """(indexes of page 1 above the first heading or paragraph, the title's lines)."""
    start = next(
        (i for i, (_, ln) in enumerate(first_page)
         if heading_level(ln, size) in (1, 2) or NUMBER.match(ln.text)),
        None,
    )  # fmt: skip
    if start is None:
        return set(), []
    above = [line for _, line in first_page[:start]]
    title = title_lines(above, size)
    return {index for index, _ in first_page[:start]}, title


def _meta(masthead: list[Line], title: list[Line], spellings: Spellings) -> dict[str, str]:
    text = " ".join(ln.text.replace("[", "").replace("]", "") for ln in masthead)
    meta = {}
    date, symbol = DATE.search(text), SYMBOL.search(text)
    heads = " ".join(ln.text for ln in masthead if ln not in title)
    organs = list(dict.fromkeys(m[0].title() for m in _ORGAN.finditer(heads)))
    if organs:  # who issues it, as a citation names the author of a UN document
        meta["author"] = "United Nations " + " and ".join(organs)
    if title:
        name = title_text(title, spellings)
        meta["title"] = f"{name} ({symbol[0]})" if symbol else name
    if date:
        meta["published"] = date[0]
    return meta


def _place(layout: Layout, line: Line, size: float, placed: int) -> None:
    """``placed``: the line's level as a heading told by its place, else 0."""
    level = heading_level(line, size) or placed
    cells = _cells(line)
    if level:
        layout.heading(line, level, guessed=not heading_level(line, size) and level > 2)
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


def _table_among_text(page: Page, size: float, foot: set[int]) -> list[int]:
    """Indexes of the lines of a text-box table on a page that also has body text
    (``foot``: the page's footnote lines)."""
    body = [(i, ln) for i, ln in page if i not in foot]
    span = box_region([ln for _, ln in body], lambda ln: heading_level(ln, size) > 0)
    return [i for i, _ in body[span[0] : span[1]]] if span else []


def _placed(
    pages: list[tuple[int, Page]], size: float, pitch: float, feet: dict[int, set[int]]
) -> dict[int, int]:
    """Headings told by their place (:func:`placed_headings`), by index among all lines,
    read over the body text without footnotes (``feet``: each page's, by number)."""
    text: Page = []
    for number, page in pages:
        text += [(i, ln) for i, ln in page if i not in feet[number]]
    levels = placed_headings([ln for _, ln in text], size, pitch)
    return {text[k][0]: level for k, level in levels.items()}


def _read_page(layout: Layout, page: Page, size: float, figures, table, placed, foot) -> None:
    tops = list(figures)
    for index, line in page:
        while tops and line.y < tops[0]:
            tops.pop(0)
            _figure_after_heading(layout, line.page)
        if table and index == table[0]:
            rows = box_table([ln for i, ln in page if i in table])
            layout.add(Block(rows, "table", line=line.page), None)
        if index not in foot and index not in table:
            _place(layout, line, size, placed.get(index, 0))
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
    layout = Layout(vocabulary, pitch(body), margin(body))
    skipped = dropped | masthead
    pages = [(n, [(i, ln) for i, ln in p if i not in skipped]) for n, p in pages]
    feet = {number: page_notes(page, size) for number, page in pages}
    placed = _placed(pages, size, layout.pitch, feet)
    for number, page in pages:
        table = _table_among_text(page, size, feet[number])
        if not table and _figure_page([ln for _, ln in page], size, number in figures):
            _read_figure_page(layout, [ln for _, ln in page], size)
            continue
        _read_page(layout, page, size, figures.get(number, []), table, placed, feet[number])
        if figures.get(number) and (not page or page[-1][1].y > figures[number][-1]):
            _figure_after_heading(layout, number)  # below the page's last line
    spellings = Spellings(ln.text for ln in body)
    meta = _meta([lines[i] for i in sorted(masthead)], title, spellings)
    blocks = layout.finish()
    case_headings(blocks, spellings)
    return Reading([*removed, *blocks], meta, where="page")
