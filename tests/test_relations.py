"""How themes relate (casebook/relations.py): co-occurrence and Jaccard counted by hand.

Six paragraphs of one section, coded by the rule (a plain match adds 1, a theme is coded at 2)
except p5, whose pin gives it humanitarian only. What each carries:

    p1  security, political      Security + troops; elections + political
    p2  security, humanitarian   Troops (twice); aid (twice) + humanitarian
    p3  political, humanitarian  Elections + political; aid + humanitarian
    p4  none                     no term at all
    p5  humanitarian (pinned)    the rule found Security once, below the threshold
    p6  security                 Security + troops

So security is in 3 paragraphs (p1 p2 p6), political in 2 (p1 p3), humanitarian in 3
(p2 p3 p5), development in none.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from casebook.coverage import paragraph_table
from casebook.model import Case, Codebook, Paragraph, Section, Theme
from casebook.relations import cooccurrence, evidence_terms, passages_with

CODEBOOK = Codebook(
    themes=(
        Theme("security", "Security", "#0072B2", "Armed violence.", ("security", "troop*")),
        Theme("political", "Political", "#D55E00", "Governance.", ("election*", "political")),
        Theme("humanitarian", "Humanitarian", "#009E73", "Relief.", ("aid", "humanitarian")),
        Theme("development", "Development", "#CC79A7", "Growth.", ("development",)),
    )
)
TEXTS = [
    ("Security troops watched the elections and the political talks.", ()),
    ("Troops escorted aid convoys; humanitarian aid followed the troops.", ()),
    ("Elections were held; political parties asked for aid and humanitarian access.", ()),
    ("The rains came late.", ()),
    ("Security was calm.", ("humanitarian",)),
    ("Security forces and troops guarded the polls.", ()),
]
CASE = Case(
    slug="mali",
    title="Mali",
    sections=(
        Section(
            slug="s",
            title="S",
            order=1,
            paragraphs=tuple(
                Paragraph("s", i, text, pinned=pinned) for i, (text, pinned) in enumerate(TEXTS, 1)
            ),
        ),
    ),
)
IDS = ["security", "political", "humanitarian", "development"]


@pytest.fixture(scope="module")
def paragraphs() -> pd.DataFrame:
    return paragraph_table([CASE], CODEBOOK)


def test_the_fixture_carries_the_themes_in_the_docstring(paragraphs):
    assert list(paragraphs["themes"]) == [
        ["security", "political"],
        ["security", "humanitarian"],
        ["political", "humanitarian"],
        [],
        ["humanitarian"],
        ["security"],
    ]


# --- cooccurrence -----------------------------------------------------------------------


def test_cooccurrence_has_every_ordered_pair_in_the_given_order(paragraphs):
    matrix = cooccurrence(paragraphs, ["political", "security"])
    assert list(matrix.columns) == ["theme", "other", "both", "either", "jaccard"]
    assert list(matrix.itertuples(index=False, name=None)) == [
        ("political", "political", 2, 2, 1.0),
        ("political", "security", 1, 4, 0.25),  # both: p1; either: p1 p2 p3 p6
        ("security", "political", 1, 4, 0.25),
        ("security", "security", 3, 3, 1.0),
    ]


@pytest.mark.parametrize(
    ("theme", "other", "both", "either", "jaccard"),
    [
        # the diagonal: a theme's own paragraph count, Jaccard 1
        ("security", "security", 3, 3, 1.0),
        ("political", "political", 2, 2, 1.0),
        ("humanitarian", "humanitarian", 3, 3, 1.0),  # p5 counts by its pin
        # both ÷ either
        ("security", "political", 1, 4, 1 / 4),  # p1 ÷ p1 p2 p3 p6
        ("security", "humanitarian", 1, 5, 1 / 5),  # p2 ÷ p1 p2 p3 p5 p6
        ("political", "humanitarian", 1, 4, 1 / 4),  # p3 ÷ p1 p2 p3 p5
        ("humanitarian", "security", 1, 5, 1 / 5),  # the same pair the other way
        # a theme never coded: nothing in common, and no division by zero on the diagonal
        ("development", "security", 0, 3, 0.0),
        ("development", "development", 0, 0, 0.0),
    ],
)
def test_cooccurrence_cells(paragraphs, theme, other, both, either, jaccard):
    matrix = cooccurrence(paragraphs, IDS).set_index(["theme", "other"])
    cell = matrix.loc[(theme, other)]
    assert (cell["both"], cell["either"]) == (both, either)
    assert cell["jaccard"] == pytest.approx(jaccard)


def test_cooccurrence_is_symmetric(paragraphs):
    matrix = cooccurrence(paragraphs, IDS)
    flipped = matrix.rename(columns={"theme": "other", "other": "theme"})
    merged = matrix.merge(flipped, on=["theme", "other"], suffixes=("", "_flipped"))
    assert len(merged) == 16
    assert list(merged["both"]) == list(merged["both_flipped"])
    assert list(merged["jaccard"]) == list(merged["jaccard_flipped"])


def test_cooccurrence_of_no_paragraphs():
    matrix = cooccurrence(paragraph_table([], CODEBOOK), ["security", "political"])
    assert list(matrix.itertuples(index=False, name=None)) == [
        ("security", "security", 0, 0, 0.0),
        ("security", "political", 0, 0, 0.0),
        ("political", "security", 0, 0, 0.0),
        ("political", "political", 0, 0, 0.0),
    ]


# --- passages_with ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "anchors"),
    [
        ("security", "humanitarian", ["s-p2"]),
        ("humanitarian", "security", ["s-p2"]),
        ("political", "humanitarian", ["s-p3"]),
        ("security", "security", ["s-p1", "s-p2", "s-p6"]),  # reading order
        ("humanitarian", "humanitarian", ["s-p2", "s-p3", "s-p5"]),  # the pin counts
        ("development", "security", []),
        ("unknown", "security", []),
    ],
)
def test_passages_with(paragraphs, first, second, anchors):
    assert list(passages_with(paragraphs, first, second)["anchor"]) == anchors


def test_passages_with_keeps_the_columns(paragraphs):
    assert list(passages_with(paragraphs, "security", "political").columns) == list(
        paragraphs.columns
    )


# --- evidence_terms ---------------------------------------------------------------------


def test_evidence_terms(paragraphs):
    # a paragraph lists a term once ("Troops" ... "troops" in p2 is one), so a count is the
    # number of coded paragraphs that hold it; spellings fold together (Security, security)
    assert evidence_terms(paragraphs, IDS) == {
        "security": Counter({"troops": 3, "security": 2}),  # p1 p2 p6; p1 p6 (not p5: pinned)
        "political": Counter({"elections": 2, "political": 2}),  # p1 p3
        "humanitarian": Counter({"aid": 2, "humanitarian": 2}),  # p2 p3 (p5 found none)
        "development": Counter(),
    }


def test_evidence_terms_counts_only_paragraphs_coded_with_the_theme(paragraphs):
    # p5 holds "Security" but carries humanitarian only: its evidence is left out
    p5 = paragraphs[paragraphs["anchor"] == "s-p5"]
    assert p5.iloc[0]["evidence"]["security"] == ["Security"]
    assert evidence_terms(p5, IDS)["security"] == Counter()


def test_evidence_terms_only_for_the_themes_asked(paragraphs):
    assert evidence_terms(paragraphs, ["political"]) == {
        "political": Counter({"elections": 2, "political": 2})
    }


def test_evidence_terms_for_a_theme_outside_the_codebook(paragraphs):
    assert evidence_terms(paragraphs, ["unknown"]) == {"unknown": Counter()}


def test_evidence_terms_of_no_paragraphs():
    assert evidence_terms(paragraph_table([], CODEBOOK), ["security"]) == {"security": Counter()}
