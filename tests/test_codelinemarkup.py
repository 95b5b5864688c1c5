"""The codeline as HTML (casebook/codelinemarkup.py): a mark for each coded paragraph in its
theme's row, each a link named by its tooltip, lines where sections start, every text
escaped."""

from __future__ import annotations

import lxml.html
import pandas as pd
import pytest

from casebook.codelinemarkup import AXIS_TITLE, codeline, first_words
from casebook.coverage import paragraph_table
from casebook.model import Case, Paragraph, Section
from tests.test_charts import CODEBOOK, TITLES  # the labels and titles hold markup

# Pins fix each paragraph's themes (the impact p1 has none and no term the rule could find).
# Reading order numbers them 1 to 4, in grid columns 2 to 5; impact starts at paragraph 3.
LONG = "Troops guarded the polls on election day across the north."  # 10 words
CASE = Case(
    slug="mali",
    title="Mali",
    sections=(
        Section(
            "mandate",
            "The mandate",
            1,
            (
                Paragraph("mandate", 1, LONG, pinned=("security", "political")),
                Paragraph("mandate", 2, "Parties talked.", pinned=("political",)),
            ),
        ),
        Section(
            "impact",
            "Impact",
            2,
            (
                Paragraph("impact", 1, "Rain fell."),
                Paragraph(
                    "impact", 2, "Food <b>came</b> with troops.",
                    pinned=("security", "humanitarian"),
                ),
            ),
        ),
    ),
)  # fmt: skip
ROWS = paragraph_table([CASE], CODEBOOK)
ALL = ["security", "political", "humanitarian"]


def href(row) -> str:
    return f"{row.section}?theme=security&target={row.anchor}#{row.anchor}"


def draw(themes=ALL, rows=ROWS) -> str:
    return codeline(rows, TITLES, CODEBOOK, themes, href)


def parsed(html: str):
    return lxml.html.fromstring(html)


def area(element) -> tuple[int, ...]:
    """The grid-area of an element's inline style, as numbers."""
    style = dict(part.split(":", 1) for part in element.get("style").split(";") if ":" in part)
    return tuple(int(n) for n in style["grid-area"].split("/"))


def marks(html: str) -> list:
    return parsed(html).find_class("cb-cl-mark")


@pytest.mark.parametrize(
    ("line", "colour", "columns", "anchors"),
    [
        (1, "#0072B2", [2, 5], ["mandate-p1", "impact-p2"]),
        (2, "#D55E00", [2, 3], ["mandate-p1", "mandate-p2"]),
        (3, "#009E73", [5], ["impact-p2"]),
    ],
)
def test_a_mark_for_each_coded_paragraph_in_its_themes_row(line, colour, columns, anchors):
    found = [m for m in marks(draw()) if area(m)[0] == line]
    assert [area(m)[1] for m in found] == columns  # the paragraph's place in reading order
    assert all(f"background:{colour}" in m.get("style") for m in found)
    assert [m.get("href") for m in found] == [
        f"{a.split('-p')[0]}?theme=security&target={a}#{a}" for a in anchors
    ]
    assert all(m.get("tabindex") == "-1" for m in found)  # the list under it is for keys


def test_the_rows_are_named_in_the_order_asked_and_escaped():
    html = draw(["humanitarian", "security"])
    names = parsed(html).find_class("cb-cl-theme")
    assert [(n.text_content(), area(n)) for n in names] == [
        ("Aid <b>& relief</b>", (1, 1)),
        ("Security", (2, 1)),
    ]
    assert "<b>" not in html
    assert [area(m)[0] for m in marks(html)] == [1, 2, 2]


def test_a_tooltip_names_the_theme_section_and_paragraph_escaped():
    html = draw()
    assert [m.get("title") for m in marks(html) if area(m)[0] == 1] == [
        # the first 8 of LONG's 10 words
        "Security: The mandate · ¶1: Troops guarded the polls on election day across …",
        "Security: Impact <i>& after</i> · ¶2: Food <b>came</b> with troops.",
    ]
    assert "<i>" not in html and "<b>came" not in html


def test_a_line_where_each_section_but_the_first_starts():
    lines = parsed(draw()).find_class("cb-cl-start")
    assert [area(line) for line in lines] == [(1, 4, 4, 4)]  # before paragraph 3, every row


def test_ticks_every_fifth_paragraph_under_the_rows():
    rows = pd.concat([ROWS] * 6, ignore_index=True)  # 24 paragraphs
    html = draw(["security"], rows)
    ticks = parsed(html).find_class("cb-cl-tick")
    assert [(t.text_content(), area(t)) for t in ticks] == [
        (str(n), (2, n + 1)) for n in (5, 10, 15, 20)
    ]
    grid = parsed(html).find_class("cb-cl")[0]
    assert "repeat(24,minmax(0,1fr))" in grid.get("style")


def test_screen_readers_get_a_sentence_and_not_the_grid():
    root = parsed(draw())
    (grid,) = root.find_class("cb-cl")
    assert grid.get("aria-hidden") == "true"
    (sentence,) = root.find_class("cb-sr")
    assert sentence.text_content() == (
        "The codeline: 4 paragraphs in reading order, with those coded Security (2), "
        "Political (2), Aid <b>& relief</b> (1). Every paragraph is a link in the list under it."
    )
    assert root.find("figcaption").text_content() == AXIS_TITLE


def test_no_paragraphs_say_so():
    assert "No paragraphs to show." in draw(rows=ROWS.iloc[0:0])
    assert marks(draw(rows=ROWS.iloc[0:0])) == []


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("Troops guarded the polls.", 8, "Troops guarded the polls."),  # short: no "…"
        ("one two three four", 4, "one two three four"),  # exactly the count
        ("one two  three\nfour five", 4, "one two three four …"),  # cut, spaces tidied
        ("", 8, ""),
    ],
)
def test_first_words_add_an_ellipsis_only_when_cut(text, count, expected):
    assert first_words(text, count) == expected
