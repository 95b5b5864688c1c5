"""The lines of a text PDF, with where they stand and how they are set, read with pypdfium2.

pypdfium2 (PDFium's bindings; Apache-2.0/BSD) was chosen by measurement on UN
Secretary-General reports against poppler's ``pdftotext``: it kept 99.7% of the
words, in order, about fifteen times faster than pypdf and fifty times faster than
pdfplumber (``bench/bench_pdf_libs.py``, figures in ``bench/RESULTS.md``).

Each line keeps its page, its left edge and baseline, its size (the height of the
loose character box, which follows the font size even where PDFium's font size reads
1.0), whether it is bold, and where wide gaps split it into cells. A superscript run of
digits (a footnote marker) reads ``[1]``, and so does one raised letter after a word (a
table's "Brazil" and "a": ``Brazil[a]``, not "Brazila"); a raised 2 or 3 right after a
unit of length is a power ("m²", not "m[2]"). Where PDFium runs two labels of a map
together with no space (a lower-case letter, then a capital standing apart from it), a
space parts them.
"""

from __future__ import annotations

import ctypes
import re
import statistics
from dataclasses import dataclass, field

import pypdfium2
import pypdfium2.raw as pdfium_c

from casebook.ingest.source import IngestError

_CELL_GAP = 2.2  # a gap wider than this many line heights splits cells
_SUPERSCRIPT = 0.8  # digits smaller than this share of the line's height are a marker
# a unit of length right before a raised 2 or 3 makes it a power ("2.5 m²", "40 km²")
_UNIT = re.compile(r"(?:^|[\s\d])(?:sq\.?\s?)?(?:[kcdm]?m|ft|in|mi)$")
_POWERS = {"2": "²", "3": "³"}
_STROKES = 300  # path objects that make a page a drawing
_LABEL_GAP = 0.8  # a gap this many line heights off the usual one between letters parts words


@dataclass
class Line:
    text: str
    page: int
    x: float
    y: float  # baseline, from the bottom of the page
    size: float
    bold: bool
    top: float  # the page's height, to tell running heads from body
    cells: list[str] = field(default_factory=list)  # more than one when wide gaps split it
    spans: list[tuple[float, float]] = field(default_factory=list)  # each cell's edges


def open_pdf(data: bytes, name: str) -> pypdfium2.PdfDocument:
    """The document, or an IngestError: damaged, encrypted."""
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if "password" in str(error).lower() or "security" in str(error).lower():
            raise IngestError(name, "encrypted PDF: remove the password first") from None
        raise IngestError(name, "not a readable PDF (damaged or incomplete)") from None


def _char(textpage, index: int) -> tuple[float, float, float, float, int]:
    left, bottom, right, top = textpage.get_charbox(index, loose=True)
    return left, bottom, right, top, index


def _bold(textpage, index: int) -> bool:
    """A weight of 600 or more, or a font named bold (the standard fonts give no weight)."""
    if pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600:
        return True
    name = ctypes.create_string_buffer(96)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, 96, None)
    return b"bold" in name.value.lower() or b"black" in name.value.lower()


def _marker(chars: list[tuple[str, tuple]], at: int, line: tuple[float, float]) -> bool:
    """A raised footnote marker in smaller type: digits, or one letter after a word on
    the baseline ("Brazil" and a raised "a"). ``line``: the line's (baseline, size)."""
    char, box = chars[at]
    base, size = line
    if not (box[3] - box[1] < _SUPERSCRIPT * size and box[1] > base + 0.15 * size):
        return False
    if char.isdigit():
        return True
    after = chars[at + 1][0] if at + 1 < len(chars) else " "
    before, before_box = chars[at - 1] if at else (" ", ())
    if not (char.islower() and before.isalpha() and not after.isalpha()):
        return False
    return abs(before_box[1] - base) < 0.1 * size and box[0] > before_box[2] - 0.1 * size


def _usual_gap(chars: list[tuple[str, tuple]]) -> float:
    """The median space between two letters of a word on this line."""
    gaps = [
        b[1][0] - a[1][2] for a, b in zip(chars, chars[1:], strict=False)
        if a[1] and b[1] and not a[0].isspace() and not b[0].isspace()
    ]  # fmt: skip
    return statistics.median(gaps) if gaps else 0.0


Span = tuple[float, float]  # a cell's left and right edges


def line_cells(
    chars: list[tuple[str, tuple]], base: float, size: float
) -> tuple[list[str], list[Span]]:
    """The text of a line's characters ((char, (left, bottom, right, top, index))), split
    into cells at wide gaps, with each cell's span; markers read ``[1]``; a space where two
    labels meet with none between them (a map's "Pitsunda" and "Gudauta", read by PDFium
    as "PitsundaGudauta")."""
    usual = _usual_gap(chars)
    cells, previous_right, adjacent = [""], None, False
    spans: list[list[float]] = [[]]
    for at, (char, box) in enumerate(chars):
        if char.isspace() or char == "\xad":
            cells[-1] += char
            adjacent = False
            continue
        small = _marker(chars, at, (base, size)) and not cells[-1].endswith(("/", "-"))
        if previous_right is not None and box[0] - previous_right > _CELL_GAP * size:
            cells.append("")
            spans.append([])
        elif (
            adjacent
            and cells[-1][-1:].islower()
            and char.isupper()
            and (abs(box[0] - previous_right - usual) > _LABEL_GAP * size)
        ):
            cells[-1] += " "
        power = small and char in _POWERS and _UNIT.search(cells[-1]) is not None
        small = small and not power
        piece = _POWERS[char] if power else f"[{char}]" if small else char
        if small and cells[-1].endswith("]") and cells[-1][-2:-1].isdigit():
            cells[-1], piece = cells[-1][:-1], f"{char}]"
        cells[-1] += piece
        spans[-1] = [spans[-1][0] if spans[-1] else box[0], box[2]]
        previous_right, adjacent = box[2], True
    kept = [(" ".join(c.split()), s) for c, s in zip(cells, spans, strict=True) if c.strip(" \xad")]
    return [c for c, _ in kept], [(s[0], s[1]) for _, s in kept]


def _line(chars: list[tuple[str, tuple]], page: int, height: float, textpage) -> Line | None:
    """One line from its characters, with where it stands and how it is set."""
    visible = [(c, box) for c, box in chars if not c.isspace() and c != "\xad"]
    if not visible:
        return None
    size = statistics.median(box[3] - box[1] for _, box in visible)
    base = statistics.median(box[1] for _, box in visible)
    cells, spans = line_cells(chars, base, size)
    probes = {visible[0][1][4], visible[len(visible) // 2][1][4], visible[-1][1][4]}
    bold = all(_bold(textpage, index) for index in probes)
    return Line(" ".join(cells), page, visible[0][1][0], base, size, bold, height, cells, spans)


def _runs_on(chars: list[tuple[str, tuple]], box: tuple) -> bool:
    """Whether PDFium broke a line right after a raised marker ("Brazil" and a raised
    "a" in a table) though the next character stands on the same baseline, further right."""
    boxes = [b for c, b in chars if b and not c.isspace()]
    if not boxes or not box:
        return False
    base = statistics.median(b[1] for b in boxes)
    size = statistics.median(b[3] - b[1] for b in boxes)
    raised = boxes[-1][1] > base + 0.15 * size
    return raised and abs(box[1] - base) < 0.1 * size and box[0] > boxes[-1][2]


def page_lines(textpage, page: int, height: float) -> list[Line]:
    text = textpage.get_text_range()
    lines: list[Line] = []
    chars: list[tuple[str, tuple]] = []
    broken = False
    for index, char in enumerate(text):
        if char in "\r\n":
            broken = True
            continue
        special = char in "\x02\xad\ufffe"  # PDFium joins a word hyphenated across lines
        box = () if special else _char(textpage, index)  # with U+FFFE; a soft hyphen is
        if broken and not char.isspace():  # U+00AD or U+0002
            if _runs_on(chars, box):
                chars.append((" ", ()))
            else:
                lines.append(_line(chars, page, height, textpage))
                chars = []
            broken = False
        chars.append(("\xad" if special else char, box))
    lines.append(_line(chars, page, height, textpage))
    return [line for line in lines if line]


def figure_tops(page) -> list[float]:
    """The top edge of each image or drawn form covering a tenth of the page or more
    (logos and the small icons of a table do not count), and the page's top where it is
    drawn with many strokes (a vector map: 600 and more on UN reports' maps, 50 at most
    on pages of text and tables)."""
    width, height = page.get_size()
    tops, strokes = [], 0
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        item = pdfium_c.FPDFPage_GetObject(page.raw, index)
        kind = pdfium_c.FPDFPageObj_GetType(item)
        strokes += kind == pdfium_c.FPDF_PAGEOBJ_PATH
        if kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM):
            left, bottom, right, top = (ctypes.c_float() for _ in range(4))
            pdfium_c.FPDFPageObj_GetBounds(item, left, bottom, right, top)
            if (right.value - left.value) * (top.value - bottom.value) >= 0.1 * width * height:
                tops.append(top.value)
    if strokes >= _STROKES:
        tops.append(height)
    return sorted(tops, reverse=True)


def read_lines(data: bytes, name: str) -> tuple[list[Line], dict[int, list[float]]]:
    """Every line of every page, in PDFium's reading order, and where figures stand
    (page number to the tops of its figures, highest first)."""
    pdf = open_pdf(data, name)
    try:
        lines: list[Line] = []
        figures: dict[int, list[float]] = {}
        for number in range(len(pdf)):
            try:
                page = pdf[number]
                textpage = page.get_textpage()
                if tops := figure_tops(page):
                    figures[number + 1] = tops
            except pypdfium2.PdfiumError:
                raise IngestError(
                    name, f"not a readable PDF (page {number + 1} is damaged)"
                ) from None
            lines += page_lines(textpage, number + 1, page.get_height())
            textpage.close()
            page.close()
        return lines, figures
    finally:
        pdf.close()
