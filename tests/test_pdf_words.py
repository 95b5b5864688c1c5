"""PDF words as UN reports set them: labels PDFium runs together, raised letters in
tables, lone totals and text-box tables among paragraphs (PDFs built at test time)."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter

import pytest
from fpdf import FPDF

from casebook.ingest import blocks
from casebook.ingest.pdflayout import notes
from casebook.ingest.pdflines import Line, line_cells
from casebook.ingest.pdfreader import furniture, read_pdf
from tests import unreport

PDFTOTEXT = shutil.which("pdftotext")


def _chars(word: str, left: float, bottom: float, advance: float, width: float, height: float):
    """(char, box) pairs of one word, each character ``advance`` further than the last."""
    out = []
    for step, char in enumerate(word):
        x = left + step * advance
        out.append((char, (x, bottom, x + width, bottom + height, 0)))
    return out


def test_two_map_labels_pdfium_runs_together_are_two_words():
    """S/2008/480's map: "Pitsunda" and "Gudauta" set upright side by side, read by PDFium
    as one line with no space; each letter's box ends past the next one's start (about
    -1.1 heights), the two labels stand 1.2 heights apart, and one reads back leftwards."""
    pitsunda = _chars("Pitsunda", 219.9, 153.3, 0.0, 6.6, 4.4)
    gudauta = _chars("Gudauta", 229.3, 173.5, 0.0, 6.6, 4.4)
    assert line_cells(pitsunda + gudauta, 160.0, 4.4)[0] == ["Pitsunda Gudauta"]
    zestaponi = _chars("Zestaponi", 395.7, 464.9, 0.0, 6.5, 3.8)
    chiatura = _chars("Chiatura", 376.0, 491.6, 0.0, 6.5, 3.8)
    assert line_cells(zestaponi + chiatura, 480.0, 3.8)[0] == ["Zestaponi Chiatura"]


def test_a_letter_spaced_word_and_a_capital_inside_a_name_stay_whole():
    """Body text spaced out letter by letter (S/2019/198's "crisis": gaps of 0.1 to 0.4
    heights, which pdftotext splits) and "McLeod" set tight are one word each."""
    crisis = _chars("crisis", 100.0, 500.0, 4.5 + 0.2 * 9.1, 4.5, 9.1)
    assert line_cells(crisis, 500.0, 9.1)[0] == ["crisis"]
    name = _chars("McLeod", 100.0, 500.0, 5.0, 4.8, 9.1)
    assert line_cells(name, 500.0, 9.1)[0] == ["McLeod"]


def _troops_table() -> bytes:
    """A paragraph, then a table whose "Brazil" carries a raised note letter "a", as the
    annexes of S/2016/753 and S/2006/60 do, and the note under it."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.text(30, 40, "1. The Mission counted its troops by country at the end of the period.")
    rows = [("Country", ["Staff", "Troops"]), ("Argentina", ["9", "514"]),
            ("Brazil", ["22", "2 160"]), ("Chile", ["5", "484"])]  # fmt: skip
    for number, (name, cells) in enumerate(rows):
        y = 50 + 5 * number
        pdf.set_font("Helvetica", "", 9)
        pdf.text(30, y, name)
        if name == "Brazil":
            x = 30 + pdf.get_string_width(name) + 0.2
            pdf.set_font("Helvetica", "", 5.5)
            pdf.text(x, y - 1.8, "a")
            pdf.set_font("Helvetica", "", 9)
        for column, cell in enumerate(cells):
            pdf.text(90 + 30 * column, y, cell)
    pdf.set_font("Helvetica", "", 5.5)
    pdf.text(30, 198.2, "a")  # the table's note, in smaller type, in the page's lower half
    pdf.set_font("Helvetica", "", 8)
    pdf.text(32, 200, "Including the Force Commander.")
    return bytes(pdf.output())


def test_a_raised_letter_after_a_name_is_a_marker_and_its_row_stays_whole():
    """Not "Brazila", and not a row cut after the marker ("| Brazila |", "| 22 | 2 160 |");
    the note under the table is a note, not a paragraph to code."""
    found = read_pdf(_troops_table()).blocks
    assert [(b.kind, b.text) for b in found if b.kind in ("note", "paragraph")] == [
        ("paragraph", "1. The Mission counted its troops by country at the end of the period."),
        ("note", "[a] Including the Force Commander."),
    ]
    table = [b.text for b in found if b.kind == "table"]
    assert table == [
        "| Country | Staff | Troops |\n| --- | --- | --- |\n| Argentina | 9 | 514 |\n"
        "| Brazil[a] | 22 | 2 160 |\n| Chile | 5 | 484 |"
    ]


def _police_table(grand_total_gap: float = 16.0) -> bytes:
    """S/2019/198's annex II in small: rows, a "Total" row, and the grand total alone on
    its line under the last column, further below than rows are apart; then a paragraph
    and a number alone under it, set apart."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.text(30, 40, "1. The police of the Mission numbered 980 officers in February.")
    rows = [["Country", "Officers", "Units"], ["Benin", "29", "140"], ["Total", "280", "700"]]
    for number, row in enumerate(rows):
        for column, cell in enumerate(row):
            pdf.set_font("Helvetica", "B" if number == 0 else "", 9)
            pdf.text(30 + 45 * column, 50 + 5 * number, cell)
    pdf.set_font("Helvetica", "B", 9)
    pdf.text(120, 60 + grand_total_gap, "980")
    pdf.set_font("Helvetica", "", 10)
    pdf.text(30, 100, "2. The number of units did not change during the period.")
    pdf.text(100, 115, "1 250")
    return bytes(pdf.output())


def test_a_lone_total_stays_with_its_table_and_is_never_a_paragraph():
    found = [(b.kind, b.text) for b in read_pdf(_police_table()).blocks]
    assert found == [
        ("paragraph", "1. The police of the Mission numbered 980 officers in February."),
        (
            "table",
            "| Country | Officers | Units |\n| --- | --- | --- |\n| Benin | 29 | 140 |\n"
            "| Total | 280 | 700 |\n|  |  | 980 |",
        ),
        ("paragraph", "2. The number of units did not change during the period."),
        ("caption", "1 250"),
    ]


BENCHMARKS = unreport.BOX_TABLE
TABLE_TEXT = (
    "| Benchmark | Indicator | Update |\n| --- | --- | --- |\n"
    "| 1. Legislation improves access to justice | 1.1 New Criminal Code adopted "
    "| Senate commission issued its report |\n"
    "| 2. Police develop and perform | 2.1 Police officers per 1,000 inhabitants "
    "| 1.36 officers in January |\n"
    "| 3. Prisons meet standards | 3.1 Pretrial detention rate | 74 per cent in December |"
)
OPENING = [
    "1. The present report covers the period from 1 January to 30 June and sets",
    "out the benchmarks of the Mission, with their indicators and the latest update,",
    "in the table below, which the Mission revised with the Government of the country",
    "in May.",
]
CLOSING = [
    "2. Progress against the benchmarks is summarized in the table above and will",
    "be reviewed again in the next report of the Secretary-General to the Council.",
]
MORE = [
    "3. The Mission and the country team will support the Government in meeting the",
    "benchmarks by the end of the period, in particular those on the prisons.",
]


def _boxes_among_text(paragraphs_after: int) -> bytes:
    body = [("h1", "I. Benchmarks"), ("p", OPENING), ("boxes", BENCHMARKS), ("p", CLOSING)]
    return unreport.build(body=body + [("p", MORE)] * paragraphs_after)


@pytest.mark.parametrize("paragraphs_after", [0, 1])
def test_a_text_box_table_among_paragraphs_is_one_table_and_the_paragraphs_stay(
    paragraphs_after,
):
    """The table's cells are neither paragraphs (a page mostly of text) nor a table that
    takes in the paragraphs around it (a page mostly of table); the paragraph's short
    last line just above the table stays in its paragraph."""
    found = [
        (b.kind, b.text)
        for b in read_pdf(_boxes_among_text(paragraphs_after)).blocks
        if b.kind not in ("boilerplate", "title")
    ]
    assert found == [
        ("heading", "I. Benchmarks"),
        ("paragraph", " ".join(OPENING)),
        ("table", TABLE_TEXT),
        ("paragraph", " ".join(CLOSING)),
        *[("paragraph", " ".join(MORE))] * paragraphs_after,
    ]


def _sparse_table() -> bytes:
    """S/2019/198's annex II in small: group headers, numbers set flush right in their
    columns, and a row prints only its non-empty cells."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.text(30, 40, "1. The police of the Mission by country, as at 7 February 2019.")
    rights = [None, 95, 120, 145, 170]  # right edges of the number columns, in mm
    rows = [["Country", "Women", "Men", "Women", "Men"], ["Argentina", "", "4", "", ""],
            ["India", "", "", "", "140"], ["Nepal", "2", "4", "7", "133"],
            ["Germany", "1", "", "", ""]]  # fmt: skip
    pdf.set_font("Helvetica", "", 9)
    pdf.text(80, 45, "United Nations police")  # a group header over two columns each
    pdf.text(130, 45, "Formed units")
    for number, row in enumerate(rows):
        y = 50 + 5 * number
        pdf.text(30, y, row[0])
        for cell, right in zip(row[1:], rights[1:], strict=True):
            pdf.text(right - pdf.get_string_width(cell), y, cell)
    return bytes(pdf.output())


def test_a_row_with_empty_cells_keeps_each_number_under_its_column():
    """Before, "Argentina" and its 4 read "| Argentina | 4 |": the 4 under "Women"; and
    the group headers stood over "Country" and "Women"."""
    table = [b.text for b in read_pdf(_sparse_table()).blocks if b.kind == "table"]
    assert table == [
        "|  | United Nations police |  | Formed units |  |\n| --- | --- | --- | --- | --- |\n"
        "| Country | Women | Men | Women | Men |\n"
        "| Argentina |  | 4 |  |  |\n| India |  |  |  | 140 |\n"
        "| Nepal | 2 | 4 | 7 | 133 |\n| Germany | 1 |  |  |  |"
    ]


def test_a_marker_with_no_note_after_it_is_kept():
    """A line of digits at a page's foot read as a footnote marker with no note under it
    (S/1995/222's "490") was dropped."""
    foot = [
        Line("Including the Force Commander.", 1, 60, 80, 8, False, 842),
        Line("490", 1, 60, 70, 8, False, 842),
    ]
    assert [(b.kind, b.text) for b in notes(foot)] == [
        ("note", "Including the Force Commander."),
        ("note", "[490]"),
    ]


def words_of(text: str) -> Counter:
    return Counter(w.lower() for w in blocks.words(text))


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
@pytest.mark.parametrize(
    "make", [_troops_table, _police_table, _sparse_table, lambda: _boxes_among_text(1)]
)
def test_nothing_is_lost_against_pdftotext(tmp_path, make):
    path = tmp_path / "report.pdf"
    path.write_bytes(make())
    reference = subprocess.run(
        [PDFTOTEXT, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = words_of(" ".join(b.text for b in read_pdf(path.read_bytes()).blocks))
    missing = words_of(reference) - found
    assert not missing, missing


def test_running_heads_on_a_page_turned_sideways_are_dropped():
    """A map annex set sideways (S/2018/795's last page) has its symbol and job number
    away from the page's edges: they are running heads still, not a paragraph; the
    symbol in page 1's masthead stays for the title."""

    def line(text, page, y):
        return Line(text, page, 60, y, 9, False, 612)

    lines = [line("S/2018/795", 1, 400), line("1. The present report covers the period.", 1, 300),
             line("S/2018/795", 2, 580), line("2. The Mission supported the courts.", 2, 300),
             line("S/2018/795", 3, 80.4), line("18-13777 27/27", 3, 528),
             line("Annex III", 3, 540), line("/22 15-03052", 3, 300)]  # fmt: skip
    assert furniture(lines) == {2, 4, 5, 7}
