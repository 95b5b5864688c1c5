"""Full-text search (casebook/search.py): query terms, keyword-in-context hits, counts by section.

Word positions are counted by hand from 0 in the shared sample text; a hit keeps
``CONTEXT_WORDS`` (6) words either side, and "…" marks words left out on that side.
"""

from __future__ import annotations

import pandas as pd
import pytest

from casebook.coverage import PARAGRAPH_COLUMNS, paragraph_table
from casebook.model import Case, Codebook, Paragraph, Section, Theme
from casebook.search import (
    CONTEXT_WORDS,
    MAX_QUERY,
    Hit,
    find_hits,
    hits_by_section,
    parse_query,
    search,
    spelling,
    suggestions,
    vocabulary,
)

# The shared sample text, its 18 words numbered:
# The0 mission1 sent2 troops3 to4 the5 north6 where7 the8 G5 9 Sahel10 force11 met12
# insurgents13 near14 Gao15 and16 Timbuktu17
SAMPLE = "The mission sent troops to the north, where the G5 Sahel force met insurgents near Gao and Timbuktu."

CODEBOOK = Codebook(
    themes=(Theme("security", "Security", "#0072B2", "Armed violence.", ("security", "troop*")),)
)
# Sections in reading order: "mandate" first, though "impact" sorts before it.
CASE = Case(
    slug="mali",
    title="Mali",
    sections=(
        Section(
            slug="mandate",
            title="The mandate",
            order=1,
            paragraphs=(
                Paragraph("mandate", 1, "The Security Council sent troops to Mali."),
                Paragraph(
                    "mandate", 2, "Insurgents attacked the troops near Gao, and more troops came."
                ),
                Paragraph("mandate", 3, "Rain fell on Gao."),
            ),
        ),
        Section(
            slug="impact",
            title="Impact",
            order=2,
            paragraphs=(
                Paragraph("impact", 1, "Troops stayed and the peace process stalled."),
                Paragraph("impact", 2, "Aid reached Timbuktu."),
            ),
        ),
    ),
)


@pytest.fixture(scope="module")
def paragraphs() -> pd.DataFrame:
    return paragraph_table([CASE], CODEBOOK)


def test_limits():
    assert (MAX_QUERY, CONTEXT_WORDS) == (200, 6)


# --- parse_query ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("", []),
        ("   ", []),
        ("Troops", ["troops"]),
        ("troops Gao", ["troops", "gao"]),  # query order kept
        ("troops Troops TROOPS", ["troops"]),  # case-folded, then deduplicated
        ('"troops" troops', ["troops"]),  # a one-word phrase is the word
        ('"Peace   Process" troops', ["peace process", "troops"]),  # inner spaces collapse
        ('"peace process" peace', ["peace process", "peace"]),  # a phrase is not its words
        ("Peace, process!", ["peace", "process"]),  # punctuation dropped
        ('"peace, process."', ["peace process"]),  # inside a phrase too
        ("capacity-building", ["capacity building"]),  # a hyphen splits, as in tagging
        ("insurgen*", ["insurgen*"]),  # the star is kept
        ('"peace proc*"', ["peace proc*"]),
        ("* ** troops", ["troops"]),  # a star alone is no term
        ('"" troops', ["troops"]),  # nor an empty phrase
        ('"unclosed phrase', ["unclosed", "phrase"]),  # a stray quote is dropped
        ("<script>alert(1)</script>", ["script alert 1 script"]),  # markup reads as words
        ("<b>troops</b>", ["b troops b"]),
        ("État Straße", ["état", "strasse"]),  # casefold, not lower: ß is ss
        ("?!", []),
    ],
)
def test_parse_query(query, terms):
    assert parse_query(query) == terms


def test_parse_query_cuts_at_max_query():
    # "troops " is 7 characters, so 200 - 7 = 193 of the x's are kept
    assert parse_query("troops " + "x" * 300) == ["troops", "x" * 193]
    # 199 x's and the space fill the 200; "gao" is past the cut
    assert parse_query("x" * 199 + " gao") == ["x" * 199]


def test_parse_query_cut_can_open_a_phrase():
    # the closing quote falls past character 200: the phrase reads as two words
    query = "a " * 94 + '"peace process"'  # 188 characters, then the phrase from 188 on
    assert parse_query(query) == ["a", "peace", "proce"]  # '"peace proce' is what is left


@pytest.mark.parametrize(
    ("query", "terms"), [("security_council", ["security council"]), ("troops _", ["troops"])]
)
def test_parse_query_drops_underscores_as_punctuation(query, terms):
    assert parse_query(query) == terms


def test_search_is_not_emptied_by_an_underscore(paragraphs):
    assert list(search(paragraphs, "troops _")["anchor"]) == list(
        search(paragraphs, "troops")["anchor"]
    )


# --- find_hits --------------------------------------------------------------------------

FIND_HITS_CASES = [
    # (case, terms, context, hits as (before, match, after))
    # troops is word 3: 3 words before (none left out), 6 after (words 4-9), 8 more after
    (
        "singular term finds the plural",
        ["troop"],
        6,
        [("The mission sent ", "troops", " to the north, where the G5 …")],
    ),
    # north is word 6: exactly 6 words before, so none is left out and no "…" leads
    (
        "exactly the context before: no ellipsis",
        ["north"],
        6,
        [("The mission sent troops to the ", "north", ", where the G5 Sahel force met …")],
    ),
    # G5 (9) and Sahel (10) touch: one hit, words 9-10; context words 3-8 and 11-16
    (
        "touching matches merge",
        ["g5", "sahel"],
        6,
        [("… troops to the north, where the ", "G5 Sahel", " force met insurgents near Gao and …")],
    ),
    (
        "a phrase",
        ["g5 sahel"],
        6,
        [("… troops to the north, where the ", "G5 Sahel", " force met insurgents near Gao and …")],
    ),
    (
        "overlapping matches merge",
        ["sahel", "g5 sahel"],
        6,
        [("… troops to the north, where the ", "G5 Sahel", " force met insurgents near Gao and …")],
    ),
    # insurgents is word 13: context 2 keeps words 11-12 and 14-15
    ("star term, context 2", ["insurgen*"], 2, [("… force met ", "insurgents", " near Gao …")]),
    # the last word: nothing after it, not even the full stop
    (
        "match at the end",
        ["timbuktu"],
        6,
        [("… force met insurgents near Gao and ", "Timbuktu", "")],
    ),
    ("context 0", ["sahel"], 0, [("… ", "Sahel", " …")]),
    # two terms far apart: two hits, in reading order, not query order
    (
        "hits in reading order",
        ["gao", "troops"],
        1,
        [("… sent ", "troops", " to …"), ("… near ", "Gao", " and …")],
    ),
    ("a term missing: no hits at all", ["troops", "bamako"], 6, []),
    ("whole words only", ["ion"], 6, []),
    ("no terms", [], 6, []),
]


@pytest.mark.parametrize(
    ("terms", "context", "hits"),
    [case[1:] for case in FIND_HITS_CASES],
    ids=[case[0] for case in FIND_HITS_CASES],
)
def test_find_hits(terms, context, hits):
    assert find_hits(SAMPLE, terms, context) == [Hit(*hit) for hit in hits]


def test_find_hits_default_context_is_six_words():
    assert find_hits(SAMPLE, ["north"]) == find_hits(SAMPLE, ["north"], context=6)


def test_find_hits_in_empty_text():
    assert find_hits("", ["troops"]) == []


def test_find_hits_keeps_the_text_as_written():
    # casefold changes the length of "ß"; the hit is cut from the text itself
    assert find_hits("Die Straße der Truppen.", ["strasse"]) == [
        Hit("Die ", "Straße", " der Truppen")
    ]


def test_find_hits_keeps_markup_as_text():
    # script is words 1 and 4 of "Use script alert 1 script here": two hits, not merged
    assert find_hits("Use <script>alert(1)</script> here", ["script"]) == [
        Hit("Use <", "script", ">alert(1)</script> here"),
        Hit("Use <script>alert(1)</", "script", "> here"),
    ]


# --- search -----------------------------------------------------------------------------


def test_search_rows_and_hits(paragraphs):
    results = search(paragraphs, "troops")
    assert list(results.columns) == [*PARAGRAPH_COLUMNS, "hits"]
    assert list(results["anchor"]) == ["mandate-p1", "mandate-p2", "impact-p1"]
    assert list(results["hits"]) == [
        [Hit("The Security Council sent ", "troops", " to Mali")],
        # troops is word 3 and word 8 of 10: each keeps its own context, the second
        # from word 2 on, so words 0-1 are left out
        [
            Hit("Insurgents attacked the ", "troops", " near Gao, and more troops came"),
            Hit("… the troops near Gao, and more ", "troops", " came"),
        ],
        [Hit("", "Troops", " stayed and the peace process stalled")],
    ]


@pytest.mark.parametrize(
    ("query", "anchors"),
    [
        ("gao", ["mandate-p2", "mandate-p3"]),
        ("gao troops", ["mandate-p2"]),  # every term required
        ('"peace process"', ["impact-p1"]),
        ('"process peace"', []),  # a phrase in its order only
        ("TIMBUKTU", ["impact-p2"]),
        ("troop*", ["mandate-p1", "mandate-p2", "impact-p1"]),
        ("security", ["mandate-p1"]),  # the text, not the theme: p2 is coded security too
        ("bamako", []),
        ("", []),
        ("!!", []),
    ],
)
def test_search_matches(paragraphs, query, anchors):
    assert list(search(paragraphs, query)["anchor"]) == anchors


def test_search_keeps_the_paragraph_columns(paragraphs):
    row = search(paragraphs, "timbuktu").iloc[0]
    assert (row["case"], row["section"], row["section_title"], row["position"]) == (
        "mali",
        "impact",
        "Impact",
        2,
    )
    assert row["text"] == "Aid reached Timbuktu."


def test_search_of_nothing_found_has_the_columns(paragraphs):
    results = search(paragraphs, "bamako")
    assert (len(results), list(results.columns)) == (0, [*PARAGRAPH_COLUMNS, "hits"])


def test_search_looks_only_at_the_rows_it_is_given(paragraphs):
    impact = paragraphs[paragraphs["section"] == "impact"]
    assert list(search(impact, "troops")["anchor"]) == ["impact-p1"]


def test_search_in_no_paragraphs():
    results = search(paragraph_table([], CODEBOOK), "troops")
    assert (len(results), list(results.columns)) == (0, [*PARAGRAPH_COLUMNS, "hits"])


# --- hits_by_section --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        # mandate: p1 (1 hit) + p2 (2 hits); impact: p1 (1 hit). Reading order, not a-z.
        (
            "troops",
            [("mandate", "The mandate", 2, 3), ("impact", "Impact", 1, 1)],
        ),
        ("gao", [("mandate", "The mandate", 2, 2)]),
        ("timbuktu", [("impact", "Impact", 1, 1)]),
    ],
)
def test_hits_by_section(paragraphs, query, rows):
    counts = hits_by_section(search(paragraphs, query))
    assert list(counts.columns) == ["section", "section_title", "paragraphs", "hits"]
    assert list(counts.itertuples(index=False, name=None)) == rows


def test_hits_by_section_of_no_results(paragraphs):
    counts = hits_by_section(search(paragraphs, "bamako"))
    assert (len(counts), list(counts.columns)) == (
        0,
        ["section", "section_title", "paragraphs", "hits"],
    )


# --- suggestions ------------------------------------------------------------------------

STAR = "end a word with * to find every ending: insurgen* finds insurgent and insurgency"
FILTER = "clear the theme filter at the top of the page: it narrows the search too"
FEWER = "use fewer words: a paragraph must hold every one of them"
QUOTES = "drop the quotes: a quoted phrase must appear word for word"


@pytest.mark.parametrize(
    ("query", "tips"),
    [
        ("", [STAR, FILTER]),
        ("bamako", [STAR, FILTER]),
        ("bamako Bamako", [STAR, FILTER]),  # one term once deduplicated
        ("bamako gao", [FEWER, STAR, FILTER]),
        ('"peace deal"', [QUOTES, STAR, FILTER]),
        ('"peace deal" bamako', [FEWER, QUOTES, STAR, FILTER]),
        ('"bamako"', [STAR, FILTER]),  # a one-word phrase is no phrase
        # no quotes typed, so none to drop: what punctuation did is said instead
        ("<b>x</b>", ["<b>x</b> is searched as the phrase “b x b”, since punctuation "
                      "splits words: try it without", STAR, FILTER]),
        ('"peace deal" peace-keeping',
         [FEWER, QUOTES, "peace-keeping is searched as the phrase “peace keeping”, since "
          "punctuation splits words: try it without", STAR, FILTER]),
    ],
)  # fmt: skip
def test_suggestions(query, tips):
    assert suggestions(query, filtered=True) == tips
    assert suggestions(query) == [tip for tip in tips if tip != FILTER]  # no filter, no tip


KNOWN = frozenset({"ceasefire", "ceasefires", "fire", "peace", "insurgency"})


@pytest.mark.parametrize(
    ("query", "tips"),
    [
        ("ceasfire", ["check the spelling of ceasfire: the text has ceasefire, ceasefires"]),
        ("ceasefire", []),  # in the text: nothing to correct
        ("zebra", []),  # nothing close
        ('"peace talks"', []),  # phrases and wildcards are left as they are
        ("insurgensy*", []),
        ("peace insurgensy", ["check the spelling of insurgensy: the text has insurgency"]),
    ],
)
def test_spelling_offers_the_text_s_own_words(query, tips):
    assert spelling(parse_query(query), KNOWN) == tips


def test_spelling_is_checked_for_the_first_three_unknown_words_only():
    query = "zebra ceasfire peace insurgensy ceasfires ceasfyre"
    assert spelling(parse_query(query), KNOWN) == [
        "check the spelling of ceasfire: the text has ceasefire, ceasefires",
        "check the spelling of insurgensy: the text has insurgency",
    ]  # zebra, ceasfire, insurgensy: three unknown words; ceasfyre is the fourth


def test_spelling_tips_come_first_among_the_suggestions():
    assert suggestions("ceasfire", known=KNOWN) == [
        "check the spelling of ceasfire: the text has ceasefire, ceasefires",
        STAR,
    ]


def test_the_vocabulary_is_the_texts_words_lower_case():
    assert vocabulary(["Cease-fire held.", "MINUSMA's troops"]) == frozenset(
        {"cease", "fire", "held", "minusma", "s", "troops"}
    )
