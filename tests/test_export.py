"""Paragraph rows as JSON Lines and CSV (casebook/export.py), exact and round-tripped."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pandas as pd
import pytest

from casebook.coverage import paragraph_table
from casebook.export import EXPORT_COLUMNS, file_name, to_csv, to_jsonl, to_markdown
from casebook.model import Case, Codebook, Paragraph, Section, Theme

# The shared sample texts: a quote and a comma for CSV, non-ASCII for JSON.
QUOTED = 'Security troops said "no", twice.'
CURLY = "Elections in Gao’s north."
TITLE = "Côte, “intro”"

CODEBOOK = Codebook(
    themes=(
        Theme("security", "Security", "#0072B2", "Armed violence.", ("security", "troop*")),
        Theme("political", "Political", "#D55E00", "Governance.", ("election*",)),
    )
)
CASE = Case(
    slug="mali",
    title="Mali",
    sections=(
        Section(
            slug="intro",
            title=TITLE,
            order=1,
            paragraphs=(
                Paragraph("intro", 1, QUOTED),
                Paragraph("intro", 2, CURLY, pinned=("political",)),
            ),
        ),
    ),
)

# What each row holds: security 2 (Security, troops) codes row 1; row 2 scores political 1
# (Elections), below the threshold, but carries political by its pin.
RECORDS = [
    {
        "case": "mali", "section": "intro", "section_title": TITLE, "position": 1, "kind": "paragraph",
        "text": QUOTED, "themes": ["security"],
        "scores": {"security": 2.0, "political": 0.0},
        "evidence": {"security": ["Security", "troops"], "political": []},
        "examples": {"security": [], "political": []},
    },
    {
        "case": "mali", "section": "intro", "section_title": TITLE, "position": 2, "kind": "paragraph",
        "text": CURLY, "themes": ["political"],
        "scores": {"security": 0.0, "political": 1.0},
        "evidence": {"security": [], "political": ["Elections"]},
        "examples": {"security": [], "political": []},
    },
]  # fmt: skip

EXPECTED_JSONL = (
    '{"case": "mali", "section": "intro", "section_title": "Côte, “intro”", "position": 1, "kind": "paragraph", '
    '"text": "Security troops said \\"no\\", twice.", "themes": ["security"], '
    '"scores": {"security": 2.0, "political": 0.0}, '
    '"evidence": {"security": ["Security", "troops"], "political": []}, '
    '"examples": {"security": [], "political": []}}\n'
    '{"case": "mali", "section": "intro", "section_title": "Côte, “intro”", "position": 2, "kind": "paragraph", '
    '"text": "Elections in Gao’s north.", "themes": ["political"], '
    '"scores": {"security": 0.0, "political": 1.0}, '
    '"evidence": {"security": [], "political": ["Elections"]}, '
    '"examples": {"security": [], "political": []}}\n'
)

# Cells with a comma or a quote are quoted, inner quotes doubled; JSON cells hold JSON.
EXPECTED_CSV = (
    "case,section,section_title,position,kind,text,themes,scores,evidence,examples\n"
    'mali,intro,"Côte, “intro”",1,paragraph,"Security troops said ""no"", twice.",'
    '"[""security""]","{""security"": 2.0, ""political"": 0.0}",'
    '"{""security"": [""Security"", ""troops""], ""political"": []}",'
    '"{""security"": [], ""political"": []}"\n'
    'mali,intro,"Côte, “intro”",2,paragraph,Elections in Gao’s north.,'
    '"[""political""]","{""security"": 0.0, ""political"": 1.0}",'
    '"{""security"": [], ""political"": [""Elections""]}",'
    '"{""security"": [], ""political"": []}"\n'
)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return paragraph_table([CASE], CODEBOOK)


def test_export_columns():
    assert EXPORT_COLUMNS == [
        "case", "section", "section_title", "position", "kind", "text", "themes", "scores",
        "evidence", "examples",
    ]  # fmt: skip


def test_to_jsonl_exact(frame):
    assert to_jsonl(frame) == EXPECTED_JSONL


def test_to_jsonl_round_trip(frame):
    lines = to_jsonl(frame).splitlines()
    assert [json.loads(line) for line in lines] == RECORDS


def test_to_jsonl_keeps_non_ascii(frame):
    text = to_jsonl(frame)
    assert ("Côte" in text, "\\u" in text) == (True, False)


def test_to_csv_exact(frame):
    assert to_csv(frame) == EXPECTED_CSV


def test_to_csv_round_trip(frame):
    rows = list(csv.DictReader(io.StringIO(to_csv(frame))))
    for row in rows:
        row["position"] = int(row["position"])
        for column in ("themes", "scores", "evidence", "examples"):
            row[column] = json.loads(row[column])
    assert rows == RECORDS


def test_exports_leave_the_frame_unchanged(frame):
    before = frame.copy()
    to_csv(frame)
    to_jsonl(frame)
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize(
    ("export", "empty"),
    [
        (to_jsonl, ""),
        (to_csv, "case,section,section_title,position,kind,text,themes,scores,evidence,examples\n"),
    ],
)
def test_exports_of_no_rows(export, empty):
    assert export(paragraph_table([], CODEBOOK)) == empty


# --- to_markdown ------------------------------------------------------------------------

# Two sections: intro as above (p1 security, p2 political by its pin), and an outlook
# paragraph with no theme.
TWO_SECTIONS = Case(
    slug="mali",
    title="Mali",
    sections=(
        CASE.sections[0],
        Section(
            slug="outlook",
            title="Outlook",
            order=2,
            paragraphs=(Paragraph("outlook", 1, "Rain fell on the north."),),
        ),
    ),
)
LABELS = {"security": "Security", "political": "Political"}
HEADER = {
    "Case": "Mali",
    "Source": "https://example.org/mali",
    "View": "theme: Security",
    "Note": "",  # empty: no line
}

# A new section opens with a blank line, after the blank that closes the paragraph before.
EXPECTED_MARKDOWN = """\
# Mali: paragraphs

- **Case:** Mali
- **Source:** https://example.org/mali
- **View:** theme: Security

## Côte, “intro”

Security troops said "no", twice.

*¶1 · Security*

Elections in Gao’s north.

*¶2 · Political*


## Outlook

Rain fell on the north.

*¶1 · no theme*
"""


@pytest.fixture(scope="module")
def two_sections() -> pd.DataFrame:
    return paragraph_table([TWO_SECTIONS], CODEBOOK)


def test_to_markdown_exact(two_sections):
    assert to_markdown(two_sections, "Mali: paragraphs", HEADER, LABELS) == EXPECTED_MARKDOWN


@pytest.mark.parametrize(
    ("header", "lines"),
    [
        ({}, []),
        ({"Case": "Mali"}, ["- **Case:** Mali"]),
        ({"Case": "Mali", "Note": "", "View": "all"}, ["- **Case:** Mali", "- **View:** all"]),
        ({"Source": "", "Note": ""}, []),
        # the order given is kept
        ({"View": "all", "Case": "Mali"}, ["- **View:** all", "- **Case:** Mali"]),
    ],
)
def test_to_markdown_header_lines(frame, header, lines):
    text = to_markdown(frame, "Mali", header, LABELS)
    assert [line for line in text.splitlines() if line.startswith("- **")] == lines
    assert text.splitlines()[:2] == ["# Mali", ""]


def test_to_markdown_section_headings_in_reading_order(two_sections):
    text = to_markdown(two_sections, "Mali", {}, LABELS)
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Côte, “intro”",
        "## Outlook",
    ]


@pytest.mark.parametrize(
    ("labels", "line"),
    [
        (LABELS, "*¶1 · Security*"),
        ({"security": "Armed <b>security</b>"}, r"*¶1 · Armed \<b\>security\</b\>*"),
        ({}, "*¶1 · security*"),  # a theme without a label: its id
    ],
)
def test_to_markdown_theme_line(frame, labels, line):
    assert line in to_markdown(frame.iloc[:1], "Mali", {}, labels).splitlines()


def test_to_markdown_lists_every_theme_of_a_paragraph(frame):
    both = frame.iloc[:1].copy()
    both["themes"] = [["security", "political"]]
    assert "*¶1 · Security, Political*" in to_markdown(both, "Mali", {}, LABELS)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            {"Case": "Mali", "Note": ""},
            "# Mali\n\n- **Case:** Mali\n\n*No paragraph matches this view.*\n",
        ),
        ({}, "# Mali\n\n\n*No paragraph matches this view.*\n"),
    ],
)
def test_to_markdown_of_no_rows(header, expected):
    assert to_markdown(paragraph_table([], CODEBOOK), "Mali", header, LABELS) == expected


def test_to_markdown_ends_with_one_newline(two_sections):
    text = to_markdown(two_sections, "Mali", HEADER, LABELS)
    assert (text.endswith("*\n"), text.endswith("\n\n")) == (True, False)


def test_to_csv_carries_the_view_link_on_every_row(frame):
    link = "https://example.org/theme-security?theme=security&q=a%2Cb"
    rows = list(csv.DictReader(io.StringIO(to_csv(frame, view_link=link))))
    assert [row["view_link"] for row in rows] == [link] * len(frame)
    assert list(rows[0])[:-1] == EXPORT_COLUMNS


@pytest.mark.parametrize(
    ("view", "selected", "expected"),
    [
        ("paragraphs", [], "minusma-paragraphs-2026-11-29.csv"),
        (
            "paragraphs",
            ["security", "political"],
            "minusma-paragraphs-security-political-2026-11-29.csv",
        ),
        ("theme-security", ["security"], "minusma-theme-security-security-2026-11-29.csv"),
        ("Search: <b>x</b>/..", [], "minusma-search-b-x-b-2026-11-29.csv"),
    ],
)
def test_file_name_names_case_view_filter_and_date(view, selected, expected):
    assert file_name("minusma", view, selected, date(2026, 11, 29), "csv") == expected


def test_file_name_tells_every_theme_from_any_theme():
    day, both = date(2026, 11, 29), ["security", "political"]
    every = file_name("minusma", "paragraphs", both, day, "csv", mode="all")
    assert every == "minusma-paragraphs-security-and-political-2026-11-29.csv"
    assert every != file_name("minusma", "paragraphs", both, day, "csv", mode="any")
    one = file_name("minusma", "paragraphs", ["security"], day, "csv", mode="all")
    assert one == "minusma-paragraphs-security-2026-11-29.csv"  # one theme: the same view
