"""The theme filter (casebook/filtering.py): which paragraphs pass, and how it reads."""

from __future__ import annotations

import pandas as pd
import pytest

from casebook import filtering
from casebook.filtering import MATCH_MODES, clean_selection, describe, matches, matching
from casebook.model import Codebook, Theme

# The shared sample theme sets a paragraph can carry.
NONE: list[str] = []
SECURITY = ["security"]
BOTH = ["security", "political"]

CODEBOOK = Codebook(
    themes=(
        Theme("security", "Security", "#0072B2", "Armed violence.", ("security",)),
        Theme("political", "Political", "#D55E00", "Governance.", ("election*",)),
        Theme("humanitarian", "Humanitarian", "#009E73", "Relief.", ("aid",)),
    )
)
LABELS = {theme.id: theme.label for theme in CODEBOOK.themes}


def test_each_match_mode_the_filter_offers_keeps_its_own_paragraphs():
    """A paragraph coded Security only, against Security and Political: "any" keeps it,
    "all" does not; a mode renamed, added or dropped changes the answer."""
    kept = {mode: matches(SECURITY, ["security", "political"], mode) for mode in MATCH_MODES}
    assert kept == {"any": True, "all": False}


@pytest.mark.parametrize(
    ("themes", "selected", "mode", "expected"),
    [
        # no selection passes every paragraph, even one with no theme
        (NONE, [], "any", True),
        (NONE, [], "all", True),
        (BOTH, [], "all", True),
        # any: one shared theme is enough
        (SECURITY, ["security"], "any", True),
        (SECURITY, ["security", "political"], "any", True),
        (SECURITY, ["political"], "any", False),
        (SECURITY, ["political", "humanitarian"], "any", False),
        (NONE, ["security"], "any", False),
        # all: every selected theme must be carried
        (BOTH, ["security", "political"], "all", True),
        (BOTH, ["political"], "all", True),
        (SECURITY, ["security", "political"], "all", False),
        (NONE, ["security"], "all", False),
        # any is the default
        (SECURITY, ["security", "political"], None, True),
        # a tuple or any iterable of themes works like a list
        (("political",), ["political"], "any", True),
        (iter(BOTH), ["security", "political"], "all", True),
    ],
)
def test_matches(themes, selected, mode, expected):
    result = matches(themes, selected) if mode is None else matches(themes, selected, mode)
    assert result is expected


@pytest.fixture
def paragraphs() -> pd.DataFrame:
    return pd.DataFrame({"anchor": ["s-p1", "s-p2", "s-p3"], "themes": [NONE, SECURITY, BOTH]})


@pytest.mark.parametrize(
    ("selected", "mode", "mask"),
    [
        ([], "any", [True, True, True]),
        (["security"], "any", [False, True, True]),
        (["political", "humanitarian"], "any", [False, False, True]),
        (["security", "political"], "all", [False, False, True]),
        (["humanitarian"], "any", [False, False, False]),
    ],
)
def test_matching(paragraphs, selected, mode, mask):
    result = matching(paragraphs, selected, mode)
    assert (result.dtype, list(result), list(result.index)) == (bool, mask, [0, 1, 2])


def test_matching_an_empty_table():
    result = matching(pd.DataFrame({"themes": []}), ["security"])
    assert (result.dtype, len(result)) == (bool, 0)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], []),
        (["security"], ["security"]),
        # codebook order, whatever order they came in
        (["humanitarian", "security"], ["security", "humanitarian"]),
        # each once
        (["political", "political", "security"], ["security", "political"]),
        # unknown ids (a typo in a URL, markup) are dropped
        (["securty", "political", "<b>x</b>"], ["political"]),
        (["Security"], []),  # ids are case-sensitive
        (("humanitarian",), ["humanitarian"]),
    ],
)
def test_clean_selection(values, expected):
    assert clean_selection(values, CODEBOOK.ids) == expected


@pytest.mark.parametrize(
    ("selected", "mode", "sentence"),
    [
        ([], "any", "all paragraphs"),
        ([], "all", "all paragraphs"),
        (["security"], "any", "paragraphs coded Security"),
        (["security"], "all", "paragraphs coded Security"),
        (["security", "political"], "any", "paragraphs coded Security or Political"),
        (["security", "political"], "all", "paragraphs coded Security and Political"),
        (
            ["security", "political", "humanitarian"],
            "any",
            "paragraphs coded Security, Political or Humanitarian",
        ),
        (
            ["security", "political", "humanitarian"],
            "all",
            "paragraphs coded Security, Political and Humanitarian",
        ),
        # an id without a label is named by its id
        (["security", "gender"], "all", "paragraphs coded Security and gender"),
    ],
)
def test_describe(selected, mode, sentence):
    assert describe(selected, mode, LABELS) == sentence


@pytest.mark.parametrize(
    ("selected", "mode", "phrase"),
    [
        ([], "any", ""),
        (["security"], "any", "Security"),
        (["security", "political"], "any", "Security or Political"),
        (["security", "political", "humanitarian"], "all", "Security, Political and Humanitarian"),
    ],
)
def test_themes_phrase(selected, mode, phrase):
    labels = {"security": "Security", "political": "Political", "humanitarian": "Humanitarian"}
    assert filtering.themes_phrase(selected, mode, labels) == phrase


@pytest.mark.parametrize(
    ("hits", "total", "note"),
    [
        (2, 4, "Highlighting paragraphs coded Security: 2 of 4 here. The others are folded; "
               "one click shows them."),
        (4, 4, "Highlighting paragraphs coded Security: all 4 here."),  # nothing folded
        (1, 1, "Highlighting paragraphs coded Security: the only one here."),
        (0, 4, "No paragraphs coded Security here: all 4 are folded; one click shows them."),
        (0, 1, "No paragraphs coded Security here: it is folded; one click shows it."),
        (0, 0, None),  # a section with no paragraphs of its own says nothing
    ],
)  # fmt: skip
def test_a_section_says_what_the_filter_highlights_and_folds(hits, total, note):
    assert filtering.highlight_note(["security"], "any", LABELS, hits, total) == note
