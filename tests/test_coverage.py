"""Coverage frames (casebook/coverage.py) over a two-section case counted by hand.

The case, word by word (the rule codes a theme at a score of 2):

  mandate p1  8 words  "Security troops guarded the election and the dialogue."
              security 2 (security, troops), political 2 (election, dialogue)
  mandate p2  8 words  "Aid and health workers backed dialogue and elections."
              humanitarian 2 (aid, health), political 2 (dialogue, elections)
  impact p1   9 words  "Nothing in this part of the text was coded."   no theme
  impact p2   3 words  "Security troops stayed."   the rule says security 2, the pin says political

mandate holds 16 words, impact 12, the case 28.
"""

from __future__ import annotations

import pandas as pd
import pytest

from casebook.coverage import (
    PARAGRAPH_COLUMNS,
    coverage_by_section,
    coverage_by_theme,
    paragraph_table,
    section_tags,
    uncoded_share,
)
from casebook.model import Case, Codebook, Paragraph, Rules, Section, Theme
from casebook.tagging import paragraph_themes

# The shared sample texts.
GUARDED = "Security troops guarded the election and the dialogue."
AID = "Aid and health workers backed dialogue and elections."
NOTHING = "Nothing in this part of the text was coded."
STAYED = "Security troops stayed."

CODEBOOK = Codebook(
    themes=(
        Theme("security", "Security", "#0072B2", "Armed violence.", ("security", "troop*")),
        Theme("political", "Political", "#D55E00", "Governance.", ("election*", "dialogue")),
        Theme("humanitarian", "Humanitarian", "#009E73", "Relief.", ("aid", "health")),
    ),
    rules=Rules(paragraph_min_score=2.0, section_tag_threshold=0.25),
)

# "mandate" comes first in reading order but after "impact" in the alphabet.
CASE = Case(
    slug="mission",
    title="A mission",
    sections=(
        Section(
            slug="mandate",
            title="The mandate",
            order=1,
            paragraphs=(
                Paragraph("mandate", 1, GUARDED, line=5),
                Paragraph("mandate", 2, AID, line=7),
            ),
        ),
        Section(
            slug="impact",
            title="Impact",
            order=2,
            paragraphs=(
                Paragraph("impact", 1, NOTHING, line=5),
                Paragraph("impact", 2, STAYED, line=8, pinned=("political",)),
            ),
        ),
    ),
)


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return paragraph_table([CASE], CODEBOOK)


def test_paragraph_table_columns(table):
    assert list(table.columns) == PARAGRAPH_COLUMNS == [
        "case", "section", "section_title", "position", "mark", "anchor", "words", "text",
        "themes", "pinned", "scores", "evidence", "examples", "kind",
    ]  # fmt: skip


def row(section, title, position, words, text, themes, pinned, scores, evidence):
    return {
        "case": "mission", "section": section, "section_title": title, "position": position,
        "mark": f"¶{position}",
        "anchor": f"{section}-p{position}", "words": words, "text": text, "themes": themes,
        "pinned": pinned,
        "scores": dict(zip(["security", "political", "humanitarian"], scores, strict=True)),
        "evidence": dict(zip(["security", "political", "humanitarian"], evidence, strict=True)),
        "examples": {"security": [], "political": [], "humanitarian": []},  # none in CODEBOOK
        "kind": "paragraph",
    }  # fmt: skip


EXPECTED_ROWS = [
    row("mandate", "The mandate", 1, 8, GUARDED, ["security", "political"], False,
        (2.0, 2.0, 0.0), (["Security", "troops"], ["election", "dialogue"], [])),
    row("mandate", "The mandate", 2, 8, AID, ["political", "humanitarian"], False,
        (0.0, 2.0, 2.0), ([], ["dialogue", "elections"], ["Aid", "health"])),
    row("impact", "Impact", 1, 9, NOTHING, [], False,
        (0.0, 0.0, 0.0), ([], [], [])),
    # the pin replaces the rule's themes; the scores and evidence are still the rule's
    row("impact", "Impact", 2, 3, STAYED, ["political"], True,
        (2.0, 0.0, 0.0), (["Security", "troops"], [], [])),
]  # fmt: skip


@pytest.mark.parametrize("index", range(len(EXPECTED_ROWS)))
def test_paragraph_table_rows(table, index):
    assert table.to_dict("records")[index] == EXPECTED_ROWS[index]


def test_paragraph_table_has_one_row_per_paragraph_in_reading_order(table):
    assert list(table["anchor"]) == ["mandate-p1", "mandate-p2", "impact-p1", "impact-p2"]


def test_paragraph_table_takes_cases_in_turn():
    other = Case("other", "Other", (Section("intro", "Intro", 1, (Paragraph("intro", 1, AID),)),))
    frame = paragraph_table([CASE, other], CODEBOOK)
    assert list(zip(frame["case"], frame["anchor"], strict=True))[-2:] == [
        ("mission", "impact-p2"),
        ("other", "intro-p1"),
    ]


def test_paragraph_table_themes_agree_with_paragraph_themes(table):
    expected = [list(paragraph_themes(p, CODEBOOK)) for p in CASE.paragraphs]
    assert list(table["themes"]) == expected


# --- coverage_by_theme ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("theme", "coded_words", "paragraphs", "coverage"),
    [
        ("security", 8, 1, 8 / 28),  # mandate p1 only: the pin took impact p2 away
        ("political", 19, 3, 19 / 28),  # 8 + 8 + 3 (the pinned paragraph)
        ("humanitarian", 8, 1, 8 / 28),  # mandate p2
    ],
)
def test_coverage_by_theme(table, theme, coded_words, paragraphs, coverage):
    frame = coverage_by_theme(table, CODEBOOK).set_index("theme")
    assert frame.loc[theme].to_dict() == {
        "coded_words": coded_words,
        "paragraphs": paragraphs,
        "total_words": 28,
        "coverage": coverage,
    }


def test_coverage_by_theme_rows_follow_the_codebook_and_add_past_one(table):
    frame = coverage_by_theme(table, CODEBOOK)
    assert list(frame.columns) == ["theme", "coded_words", "paragraphs", "total_words", "coverage"]
    assert list(frame["theme"]) == ["security", "political", "humanitarian"]
    # (8 + 19 + 8) / 28 = 35 / 28 = 1.25: a paragraph can carry two themes
    assert frame["coded_words"].sum() == 35
    assert frame["coverage"].sum() == pytest.approx(1.25)


# --- coverage_by_section ----------------------------------------------------------------

# (section, theme, coded words, paragraphs, section words, coverage)
SECTION_ROWS = [
    ("mandate", "security", 8, 1, 16, 8 / 16),  # 0.5
    ("mandate", "political", 16, 2, 16, 16 / 16),  # 1.0: both paragraphs
    ("mandate", "humanitarian", 8, 1, 16, 8 / 16),  # 0.5; the section adds up to 2.0
    ("impact", "security", 0, 0, 12, 0 / 12),
    ("impact", "political", 3, 1, 12, 3 / 12),  # 0.25: the pinned paragraph
    ("impact", "humanitarian", 0, 0, 12, 0 / 12),
]


def test_coverage_by_section(table):
    frame = coverage_by_section(table, CODEBOOK)
    assert list(frame.columns) == [
        "section", "theme", "coded_words", "paragraphs", "total_words", "coverage",
    ]  # fmt: skip
    assert [tuple(r) for r in frame.itertuples(index=False)] == SECTION_ROWS


def test_coverage_by_section_shares_add_past_one(table):
    frame = coverage_by_section(table, CODEBOOK)
    totals = frame.groupby("section", sort=False)["coverage"].sum()
    assert totals.to_dict() == {"mandate": 2.0, "impact": 0.25}  # 0.5 + 1.0 + 0.5; 0.25


# --- uncoded_share ----------------------------------------------------------------------


def test_uncoded_share(table):
    assert uncoded_share(table) == 9 / 28  # impact p1 is the only paragraph with no theme


def test_uncoded_share_of_one_section(table):
    assert uncoded_share(table[table["section"] == "impact"]) == 9 / 12
    assert uncoded_share(table[table["section"] == "mandate"]) == 0.0


# --- section_tags -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("threshold", "tags"),
    [
        (0.25, {"mandate": ["security", "political", "humanitarian"], "impact": ["political"]}),
        (0.2500001, {"mandate": ["security", "political", "humanitarian"], "impact": []}),
        (0.5, {"mandate": ["security", "political", "humanitarian"], "impact": []}),
        (0.51, {"mandate": ["political"], "impact": []}),
        (1.0, {"mandate": ["political"], "impact": []}),
        (1.01, {"mandate": [], "impact": []}),
        (0.0, {"mandate": ["security", "political", "humanitarian"],
               "impact": ["security", "political", "humanitarian"]}),
    ],
)  # fmt: skip
def test_section_tags_at_and_around_the_threshold(table, threshold, tags):
    assert section_tags(coverage_by_section(table, CODEBOOK), threshold) == tags


def test_section_tags_keep_reading_order(table):
    assert list(section_tags(coverage_by_section(table, CODEBOOK), 0.25)) == ["mandate", "impact"]


# --- the empty text ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def empty() -> pd.DataFrame:
    return paragraph_table([], CODEBOOK)


def test_empty_paragraph_table(empty):
    assert (list(empty.columns), len(empty)) == (PARAGRAPH_COLUMNS, 0)


def test_empty_case_paragraph_table():
    frame = paragraph_table([Case("c", "C", ())], CODEBOOK)
    assert (list(frame.columns), len(frame)) == (PARAGRAPH_COLUMNS, 0)


def test_empty_coverage_by_theme(empty):
    frame = coverage_by_theme(empty, CODEBOOK)
    assert frame.to_dict("records") == [
        {"theme": t, "coded_words": 0, "paragraphs": 0, "total_words": 0, "coverage": 0.0}
        for t in ("security", "political", "humanitarian")
    ]


def test_empty_coverage_by_section(empty):
    frame = coverage_by_section(empty, CODEBOOK)
    assert (list(frame.columns), len(frame)) == (
        ["section", "theme", "coded_words", "paragraphs", "total_words", "coverage"],
        0,
    )


def test_empty_uncoded_share_and_tags(empty):
    assert uncoded_share(empty) == 0.0
    assert section_tags(coverage_by_section(empty, CODEBOOK), 0.25) == {}
