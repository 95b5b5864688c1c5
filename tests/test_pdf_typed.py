"""PDF ingest of a report typed as in the 1990s (S/1997/487, S/1999/284): one face and
size (Courier), no bold, a blank line between paragraphs; headings are centred or set
apart by blank lines alone. Built at test time with fpdf2, compared with pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pytest
from fpdf import FPDF

from casebook.ingest import blocks
from casebook.ingest.pdflines import Line
from casebook.ingest.pdfreader import furniture, read_pdf
from casebook.ingest.sectionfiles import settle_guessed_headings

SYMBOL, JOB = "S/1997/487", "97-16908 (E) 240697"
PITCH = 4.1  # mm from one typed line to the next (12 points)

# (kind, lines): "centre" and "left" set apart by a blank line each side, "p" a paragraph
# fmt: off
TYPED = [
    ("centre", ["I. INTRODUCTION"]),
    ("p", ["1. The present report is submitted pursuant to paragraph 20 of Security",
           "Council resolution 1174 (1998) and covers the activities of the Mission."]),
    ("centre", ["II. ACTIVITIES OF THE UNITED NATIONS TRANSITIONAL",
                "ADMINISTRATION FOR EASTERN SLAVONIA UNDER RESOLUTIONS",
                "1037 (1996) AND 1079 (1996)"]),
    ("centre", ["A. Political aspects"]),
    ("p", ["2. As the Security Council noted in the statement by its President, the",
           "holding of the elections in the region was an essential step for further",
           "progress in the peaceful reintegration of the region and its people. Since",
           "then, the focus of the Transitional Administration has been to facilitate",
           "the establishment of the newly elected bodies and to urge the Government to",
           "implement in full the rights and guarantees outlined in its letter."]),
    ("left", ["Police monitoring"]),
    ("p", ["3. While police restructuring and reform is ongoing, monitoring of the local",
           "police remains a central component of the daily work of the Task Force. Its",
           "focus continues to evolve from general monitoring of local police towards",
           "targeted monitoring meant to support efforts at police restructuring and to",
           "instil confidence in minority police officers across the whole region, with",
           "patrols by day and by night and visits to every police station of the",
           "region, as the Commissioner requested of the parties in April and"]),
    ("page", []),
    ("p", ["again in May, when the agreement on policing was signed."]),
    ("p", ["4. The strength of the civilian police by region is as follows:"]),
    ("left", ["Civilian police by region"]),
    ("rows", [["Vukovar", "120", "Beli Manastir", "80"], ["Total", "200"]]),
    ("left", ["Weapons inspections"]),
    ("p", ["5. The Task Force continued, with the support of the Stabilization Force,",
           "to conduct weapons inspections of police stations in both entities. Over",
           "two hundred inspections took place in the period, most of them without any",
           "notice to the police concerned, and weapons held in excess were seized."]),
    ("left", ["15 June 1997"]),
    ("p", ["6. The Joint Working Group met on that day to review the inspections and",
           "agreed a programme of visits for the following three months, to be carried",
           "out jointly by the police of both entities and the Task Force."]),
]


# an addendum with the cost estimate of S/1996/507/Add.1 as its annex
ADDENDUM = [
    ("p", ["1. In my report to the Security Council, I indicated that the financial",
           "implications of the programme for the protection and promotion of human",
           "rights and of the arrangements being made to deal with the mine threat in",
           "the mission area would be issued as an addendum to that document, with the",
           "estimated costs of those programmes for an initial 12-month period."]),
    ("p", ["2. Should the Council agree to my proposals, it would be my recommendation",
           "to the General Assembly that the additional cost should be considered an",
           "expense of the Organization to be borne by Member States in accordance with",
           "Article 17, paragraph 2, of the Charter of the United Nations."]),
    ("page", []),
    ("centre", ["Annex"]),
    ("centre", ["Cost estimate of the additional costs",
                "(Thousands of United States dollars)"]),
    ("left", ["Amount"]),
    ("budget", [["1. Military personnel costs", "240"], ["2. Civilian personnel costs", "268"],
                ["3. Premises/accommodation", "21"], ["4. Infrastructure repairs", "-"],
                ["5. Transport operations", "31"], ["6. Communications", "29"],
                ["7. Other equipment", "12"], ["8. Mine-clearing programmes", "313"],
                ["9. Staff assessment", "56"], ["Total, lines 1-9", "970"]]),
]
# fmt: on


# page 1 above the first heading, as S/1997/487 sets it: masthead, then the title in capitals
MASTHEAD = [(23, 20, "UNITED NATIONS"), (140, 30, "Distr."), (140, 34, "GENERAL"),
            (140, 42, SYMBOL), (140, 46, "23 June 1997"), (140, 54, "ORIGINAL: ENGLISH"),
            (40, 70, "REPORT OF THE SECRETARY-GENERAL ON THE"),
            (40, 74, "SITUATION IN CROATIA")]  # fmt: skip


def typed(body=TYPED, masthead: bool = False) -> bytes:
    """The report, its running heads where such reports have them: "97-16908 (E) 240697
    /..." at the foot of page 1, the symbol, "English" and "Page 2" at the top right after."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("Courier", "", 10)
    y = _page(pdf)
    for x, y_at, text in MASTHEAD if masthead else []:
        pdf.text(x, y_at, text)
        y = y_at + 3 * PITCH
    for kind, lines in body:
        if kind == "page":
            y = _page(pdf)
            continue
        if kind == "budget":  # double-spaced, each amount set right at one edge
            for label, amount in lines:
                pdf.text(23, y, label)
                pdf.text(160 - pdf.get_string_width(amount), y, amount)
                y += 2 * PITCH
            continue
        for text in lines:
            cells = text if kind == "rows" else [text]
            x = (210 - pdf.get_string_width(text)) / 2 if kind == "centre" else 23
            for column, cell in enumerate(cells):
                pdf.text(x + 40 * column, y, cell)
            y += PITCH
        y += PITCH  # the blank line
    return bytes(pdf.output())


def _page(pdf: FPDF) -> float:
    pdf.add_page()
    number = pdf.page_no()
    if number == 1:
        pdf.text(23, 275, f"{JOB}                                             /...")
        return 40
    for offset, text in enumerate([SYMBOL, "English", f"Page {number}"]):
        pdf.text(172, 12 + offset * PITCH, text)
    return 35


@pytest.fixture(scope="module")
def reading():
    return read_pdf(typed()).blocks


def test_headings_set_apart_by_place_alone_are_sections(reading):
    """Centred, or at the margin with a blank line each side and running text below;
    a heading's second line set close under it in capitals joins it."""
    settle_guessed_headings(reading)  # as the case's sections are drafted
    headings = [(b.level, b.text.lower()) for b in reading if b.kind == "heading"]
    assert headings == [
        (1, "i. introduction"),
        (1, "ii. activities of the united nations transitional administration for eastern"
            " slavonia under resolutions 1037 (1996) and 1079 (1996)"),
        (2, "a. political aspects"),
        (4, "police monitoring"),
        (4, "weapons inspections"),
    ]  # fmt: skip
    # those typed in capitals are written as the text writes their words, number kept
    cased = [b.text for b in reading if b.kind == "heading"][:2]
    assert cased[0] == "I. Introduction"
    assert cased[1].startswith("II. Activities of the United Nations Transitional Administration")


def test_short_lines_that_head_no_running_text_stay_what_they_are(reading):
    """A table's title over its rows, a date, a paragraph's last line across a page:
    not headings."""
    texts = {b.text: b.kind for b in reading}
    assert texts["Civilian police by region"] == "paragraph"
    assert texts["15 June 1997"] == "paragraph"
    assert "| Total | 200 |" in next(b.text for b in reading if b.kind == "table")


def test_page_one_foot_is_dropped_and_a_paragraph_runs_on_across_the_page(reading):
    paragraphs = [b.text for b in reading if b.kind == "paragraph"]
    numbers = [m[0] for p in paragraphs if (m := re.match(r"\d+\. ", p))]
    assert numbers == ["1. ", "2. ", "3. ", "4. ", "5. ", "6. "]
    assert paragraphs[2].endswith(
        "as the Commissioner requested of the parties in April "
        "and again in May, when the agreement on policing was signed."
    )
    dropped = [b.text for b in reading if b.kind == "boilerplate"]
    assert {f"{JOB} /...", SYMBOL, "English", "Page 2"} <= set(dropped)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("body", [TYPED, ADDENDUM], ids=["report", "addendum"])
def test_every_typed_word_is_kept(tmp_path, body):
    path = tmp_path / "typed.pdf"
    path.write_bytes(typed(body))
    reading = read_pdf(path.read_bytes()).blocks
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    for piece in [JOB, SYMBOL, "/...", "English", *(f"Page {n}" for n in (2, 3))]:
        text = text.replace(piece, " ")
    kept = " ".join(b.text for b in reading if b.kind != "boilerplate")
    expected = Counter(w.lower() for w in blocks.words(text))
    assert expected - Counter(w.lower() for w in blocks.words(re.sub(r"[|]", " ", kept))) == {}


def test_a_short_addendum_keeps_its_annex_heading_and_its_cost_table():
    """Its double-spaced table does not set the line pitch (the last paragraph of page 1
    does not run on into the annex), and a numbered item with its amount is a row."""
    reading = read_pdf(typed(ADDENDUM)).blocks
    assert [b.text for b in reading if b.kind == "paragraph"][1].endswith("United Nations.")
    assert [(b.level, b.text) for b in reading if b.kind == "heading"] == [(1, "Annex")]
    rows = next(b.text for b in reading if b.kind == "table").split("\n")
    assert rows[0] == "| 1. Military personnel costs | 240 |"
    assert rows[2:] == [f"| {label} | {amount} |" for label, amount in ADDENDUM[-1][1][1:]]


def test_a_scanned_pages_running_head_set_lower_is_still_one():
    """A scan's "Page 5" may stand 82 points from the top (S/1995/987): dropped; the same
    words in the middle of the page are text."""
    lines = [
        Line(text, 5, 486, y, 11, False, 842)
        for text, y in [("S/1995/987", 783), ("English", 772), ("Page 5", 760), ("Page 5", 400)]
    ]
    assert furniture(lines) == {0, 1, 2}


def test_a_typed_reports_title_is_its_line_in_capitals_above_the_first_heading():
    """No bold in the masthead: the title is the lines in capitals above "I.", not the
    masthead's "ORIGINAL: ENGLISH", written in the case of the report's own text."""
    reading = read_pdf(typed(masthead=True))
    assert reading.meta == {
        "title": f"Report of the Secretary-General on the situation in Croatia ({SYMBOL})",
        "published": "23 June 1997",
    }
    assert [b.text for b in reading.blocks if b.kind == "title"] == [
        MASTHEAD[-2][2],
        MASTHEAD[-1][2],
    ]
