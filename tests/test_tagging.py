"""The tagging rule (casebook/tagging.py), checked case by case against hand-counted scores.

Each theme below is built for the one behaviour a row checks, so every score can be counted
by eye: a plain match adds 1, a strong match or a match inside an explicit list adds
``paragraph_min_score`` (2 unless a row says otherwise).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from casebook import tagging
from casebook.model import Codebook, Paragraph, Rules, Theme
from casebook.tagging import (
    code_paragraph,
    code_theme,
    find_term,
    list_ranges,
    paragraph_themes,
    stem,
    words,
)

# The shared sample texts.
PASSING = "The mission spoke of security once."
TWICE = "Security troops guarded the polls."
SERIAL_LIST = "It coordinated military, political, humanitarian, and development activities."
PLAIN_LIST = "It coordinated military, political, humanitarian and development activities."
BARE_AND = "It coordinated military, political and humanitarian activities."
PAIR = "It coordinated military and political activities."


def theme(*terms: str, strong: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Theme:
    return Theme(
        id="t",
        label="T",
        colour="#0072B2",
        definition="A theme for one test.",
        terms=terms,
        exclude=exclude,
        strong_terms=strong,
    )


SECURITY = Theme(
    id="security",
    label="Security",
    colour="#0072B2",
    definition="Armed violence and the means to contain it.",
    terms=("security", "troop*", "military"),
    exclude=("security council",),
    strong_terms=("insurgen*",),
)
POLITICAL = Theme(
    id="political",
    label="Political",
    colour="#D55E00",
    definition="Governance and the political settlement.",
    terms=("political", "election*", "dialogue"),
)
HUMANITARIAN = Theme(
    id="humanitarian",
    label="Humanitarian",
    colour="#009E73",
    definition="Relief for people.",
    terms=("humanitarian", "aid"),
)
DEVELOPMENT = Theme(
    id="development",
    label="Development",
    colour="#CC79A7",
    definition="Growth and infrastructure.",
    terms=("development",),
)
CODEBOOK = Codebook(
    themes=(SECURITY, POLITICAL, HUMANITARIAN, DEVELOPMENT),
    rules=Rules(paragraph_min_score=2.0, section_tag_threshold=0.25),
)


def para(text: str, pinned: tuple[str, ...] = ()) -> Paragraph:
    return Paragraph(section="s", position=1, text=text, line=3, pinned=pinned)


# --- words and singular -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("Capacity-building", [("capacity", 0, 8), ("building", 9, 17)]),
        ("The State’s role", [("the", 0, 3), ("state", 4, 9), ("s", 10, 11), ("role", 12, 16)]),
        ("UN, 2013!", [("un", 0, 2), ("2013", 4, 8)]),
    ],
)
def test_words_are_lower_case_with_offsets(text, expected):
    assert [(w.text, w.start, w.end) for w in words(text)] == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("actors", "actor"),
        ("authorities", "author"),
        ("processes", "process"),
        ("churches", "church"),
        ("forces", "forc"),
        ("force", "forc"),
        ("attacked", "attack"),
        ("attacking", "attack"),
        ("elections", "elect"),
        ("peacekeepers", "peacekeep"),
        ("status", "status"),
        ("its", "it"),
    ],
)
def test_stem_is_the_english_snowball_stem(word, expected):
    assert stem(word) == expected


def test_stems_are_the_same_in_every_thread():
    from concurrent.futures import ThreadPoolExecutor

    words_ = ["attacked", "elections", "authorities", "peacekeepers"] * 200
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(stem, words_))
    assert found == [stem(w) for w in words_]


# --- find_term: spans in word positions -------------------------------------------------


@pytest.mark.parametrize(
    ("term", "text", "spans"),
    [
        ("actor", "Actors and one actor", [(0, 1), (3, 4)]),
        ("attack", "attacked, attacking, attackers", [(0, 1), (1, 2), (2, 3)]),
        ("elections", "elected and an election", [(0, 1), (3, 4)]),
        ("insurgen*", "insurgent insurgents insurgency insurrection", [(0, 1), (1, 2), (2, 3)]),
        ("peace process", "the peace process and the process of peace", [(1, 3)]),
        ("capacity-building", "capacity building", [(0, 2)]),
        ("capacity building", "capacity-building", [(0, 2)]),
        ("aid", "they said", []),
        ("security", "", []),
    ],
)
def test_find_term(term, text, spans):
    assert find_term(term, words(text)) == spans


# --- code_theme: score, coded and evidence ----------------------------------------------

CODE_THEME_CASES = [
    # (case, theme, text, score, coded, evidence)
    ("singular term matches plural", theme("actor"), "Local actors met.", 1.0, False, ("actors",)),
    ("plural term matches singular", theme("actors"), "One actor met.", 1.0, False, ("actor",)),
    ("y matches ies", theme("authority"), "The authorities met.", 1.0, False, ("authorities",)),
    ("ies matches y", theme("authorities"), "State authority.", 1.0, False, ("authority",)),
    # insurgent + insurgents + insurgency = 1 + 1 + 1
    (
        "star matches any ending",
        theme("insurgen*"),
        "An insurgent told insurgents of the insurgency.",
        3.0,
        True,
        ("insurgent", "insurgents", "insurgency"),
    ),
    ("star needs its prefix", theme("insurgen*"), "An insurrection.", 0.0, False, ()),
    ("phrase", theme("peace process"), "The peace process held.", 1.0, False, ("peace process",)),
    (
        "phrase words must be adjacent",
        theme("peace process"),
        "Peace came; the process held.",
        0.0,
        False,
        (),
    ),
    (
        "phrase with a plural last word",
        theme("peace agreement"),
        "Two peace agreements.",
        1.0,
        False,
        ("peace agreements",),
    ),
    (
        "hyphen in the text splits",
        theme("capacity building"),
        "Capacity-building for police.",
        1.0,
        False,
        ("Capacity-building",),
    ),
    (
        "hyphen in the term splits",
        theme("capacity-building"),
        "Capacity building for police.",
        1.0,
        False,
        ("Capacity building",),
    ),
    # SECURITY + Security + security = 3; evidence keeps the first spelling only
    (
        "case-insensitive, evidence once",
        theme("security"),
        "SECURITY, Security and security.",
        3.0,
        True,
        ("SECURITY",),
    ),
    ("whole words only", theme("aid"), "They said it.", 0.0, False, ()),
    # "peacekeeping troops" (1) wins over "troop*" inside it; nothing else is left
    (
        "longest match wins",
        theme("troop*", "peacekeeping troops"),
        "Peacekeeping troops arrived.",
        1.0,
        False,
        ("Peacekeeping troops",),
    ),
    # "security forces" (1) + the second "security" (1); the first is not counted twice
    (
        "no word counts twice",
        theme("security", "security forces"),
        "Security forces brought security.",
        2.0,
        True,
        ("Security forces", "security"),
    ),
    # only the last "security" counts: the first is inside the excluded phrase
    (
        "exclude phrase",
        theme("security", exclude=("security council",)),
        "The Security Council debated security.",
        1.0,
        False,
        ("security",),
    ),
    (
        "exclude phrase alone",
        theme("security", exclude=("security council",)),
        "The Security Council met twice.",
        0.0,
        False,
        (),
    ),
    # "food security" is excluded, so the longer "food" + "security" spans cannot be used
    (
        "exclude beats a term inside it",
        theme("food", "security", exclude=("food security",)),
        "Food security and food.",
        1.0,
        False,
        ("food",),
    ),
    (
        "strong term adds min score",
        theme(strong=("insurgency",)),
        "An insurgency.",
        2.0,
        True,
        ("insurgency",),
    ),
    # the same span as a plain and a strong term counts once, as strong: 2, not 1 + 2
    (
        "strong wins a tie",
        theme("displaced", strong=("displaced",)),
        "Displaced families.",
        2.0,
        True,
        ("Displaced",),
    ),
    # "armed group" strong (2) + "security" plain (1)
    (
        "strong plus plain",
        theme("security", strong=("armed group",)),
        "An armed group threatened security.",
        3.0,
        True,
        ("armed group", "security"),
    ),
    ("passing mention is not coded", theme("security"), PASSING, 1.0, False, ("security",)),
    (
        "two mentions are coded",
        theme("security", "troop*"),
        TWICE,
        2.0,
        True,
        ("Security", "troops"),
    ),
    ("empty text", theme("security"), "", 0.0, False, ()),
]


@pytest.mark.parametrize(
    ("the_theme", "text", "score", "coded", "evidence"),
    [case[1:] for case in CODE_THEME_CASES],
    ids=[case[0] for case in CODE_THEME_CASES],
)
def test_code_theme(the_theme, text, score, coded, evidence):
    coding = code_theme(the_theme, text, min_score=2.0)
    assert (coding.theme, coding.score, coding.coded, coding.evidence) == (
        "t",
        score,
        coded,
        evidence,
    )


@pytest.mark.parametrize(
    ("min_score", "text", "score", "coded"),
    [
        (1.0, PASSING, 1.0, True),  # one mention reaches a min score of 1
        (3.0, TWICE, 2.0, False),  # two plain mentions fall short of 3
        (3.0, "An insurgency.", 3.0, True),  # a strong match adds the min score itself: 3
        (3.0, "An insurgency and troops.", 4.0, True),  # 3 + 1
    ],
)
def test_min_score_sets_the_threshold_and_the_strong_weight(min_score, text, score, coded):
    coding = code_theme(theme("security", "troop*", strong=("insurgen*",)), text, min_score)
    assert (coding.score, coding.coded) == (score, coded)


# --- the explicit-list rule -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # an item is up to three words, so the first one reaches back over "It coordinated"
        (
            SERIAL_LIST,
            ["It coordinated military, political, humanitarian, and development activities"],
        ),
        (
            PLAIN_LIST,
            ["It coordinated military, political, humanitarian and development activities"],
        ),
        ("Aid, food, or water.", ["Aid, food, or water"]),
        (BARE_AND, []),
        (PAIR, []),
        ("", []),
    ],
)
def test_list_ranges(text, listed):
    assert [text[start:end] for start, end in list_ranges(text)] == listed


def test_list_ranges_are_character_offsets():
    assert list_ranges("So: aid, food, or water.") == [(4, 23)]  # "aid" at 4, "water" ends at 23


LIST_CASES = [
    # (case, text, scores for security, political, humanitarian, development)
    ("serial comma: each item coded", SERIAL_LIST, (2.0, 2.0, 2.0, 2.0)),
    ("a, b, c and d: each item coded", PLAIN_LIST, (2.0, 2.0, 2.0, 2.0)),
    ("or works like and", "Military, political, or humanitarian aid.", (2.0, 2.0, 4.0, 0.0)),
    (
        "a verb before the first item is not an item",
        "It coordinated military, political, and humanitarian work.",
        (2.0, 2.0, 2.0, 0.0),
    ),
    ("bare a, b and c is no list", BARE_AND, (1.0, 1.0, 1.0, 0.0)),
    ("two items are no list", PAIR, (1.0, 1.0, 0.0, 0.0)),
]


@pytest.mark.parametrize(
    ("text", "scores"), [c[1:] for c in LIST_CASES], ids=[c[0] for c in LIST_CASES]
)
def test_list_items_add_min_score(text, scores):
    codings = code_paragraph(para(text), CODEBOOK)
    assert tuple(c.score for c in codings.values()) == scores
    assert tuple(c.coded for c in codings.values()) == tuple(s >= 2.0 for s in scores)


# --- code_paragraph and paragraph_themes ------------------------------------------------


def test_code_paragraph_codes_every_theme_in_codebook_order():
    codings = code_paragraph(para(TWICE), CODEBOOK)
    assert list(codings) == ["security", "political", "humanitarian", "development"]
    assert [(c.theme, c.score, c.coded, c.evidence) for c in codings.values()] == [
        ("security", 2.0, True, ("Security", "troops")),
        ("political", 0.0, False, ()),
        ("humanitarian", 0.0, False, ()),
        ("development", 0.0, False, ()),
    ]


@pytest.mark.parametrize(
    ("text", "pinned", "themes"),
    [
        (PASSING, (), ()),
        (TWICE, (), ("security",)),
        (SERIAL_LIST, (), ("security", "political", "humanitarian", "development")),
        # a pin overrides the rule both ways: drops security, adds humanitarian
        (TWICE, ("humanitarian",), ("humanitarian",)),
        (PASSING, ("security",), ("security",)),
        # pinned ids come back in codebook order
        ("", ("development", "security"), ("security", "development")),
        ("", (), ()),
    ],
)
def test_paragraph_themes(text, pinned, themes):
    assert paragraph_themes(para(text, pinned), CODEBOOK) == themes


def test_evidence_is_the_matched_words_after_a_dotted_capital_i():
    coding = code_theme(theme("security"), "İdlib needs security.", min_score=2.0)
    assert coding.evidence == ("security",)


# --- TermScanner: every term's spans in one pass -----------------------------------------


def test_the_scanner_gives_each_label_the_spans_of_its_terms():
    from casebook.matching import TermScanner

    scanner = TermScanner((
        ("attack", "a"), ("peace process", "p"), ("insurgen*", "i"), ("rebel*", "r"),
        ("election", "e"), ("food security", "f"), ("peace talks", "p"), ("", "empty"),
    ))  # fmt: skip
    text = "Insurgents attacked during the peace talks; food prices rose. Insurgency."
    tokens = [word.text for word in words(text)]
    assert scanner.spans(tokens) == {"i": [(0, 1), (9, 10)], "a": [(1, 2)], "p": [(4, 6)]}


_VOCABULARY = ["peace", "process", "processes", "attack", "attacked", "insurgents", "insurgency",
               "in", "the", "aid", "food", "security", "Élection", "elections", "x-y", "é"]  # fmt: skip
_TERMS = ["peace process", "attack", "insurgen*", "in*", "food security", "aid", "election",
          "*", "the peace*", "processes attack*", "x y", "é", "security aid food"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), max_size=30).map(" ".join),
       st.lists(st.sampled_from(_TERMS), min_size=1, max_size=6, unique=True))  # fmt: skip
def test_the_scanner_finds_what_find_term_finds(text, terms):
    """One pass over the words gives each term the spans find_term gives it alone: the
    scanner only saves looking up each term separately."""
    from casebook.matching import TermScanner

    text_words = words(text)
    found = TermScanner(tuple((term, term) for term in terms)).spans([w.text for w in text_words])
    for term in terms:
        assert sorted(found.get(term, [])) == find_term(term, text_words), term


def test_accented_text_keeps_the_places_of_its_words():
    """A text whose lower case is longer than itself ("İ" becomes two characters) still
    gives the evidence as written."""
    the_theme = theme("security", "idlib")
    coding = code_theme(the_theme, "İdlib and Straße: security, security.", 2.0)
    assert coding.evidence == ("security",)
    assert code_theme(the_theme, "Straße: SECURITY.", 2.0).evidence == ("SECURITY",)


def test_term_set_leaves_the_coding_as_a_search_of_every_term_would():
    text = "Rebels attacked; the peace process and elections stalled amid insurgency."
    the_theme = theme("attack", "peace process", "election*", strong=("insurgen*", "rebel*"))
    coding = code_theme(the_theme, text, 2.0)
    assert coding.evidence == ("Rebels", "attacked", "peace process", "elections", "insurgency")
    assert coding.score == 2 + 1 + 1 + 1 + 2


# Texts made of list-like pieces: short words, commas, "and"/"or", capitals and stops.
_PIECES = st.lists(
    st.sampled_from(["a", "aid", "food", "water", "Mali", "x-y", "and", "or", ",", ", ", ".",
                     " ", "  ", "and ", ", and ", " or ", "1", "é"]),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(_PIECES)
def test_the_list_hint_never_skips_a_list(text):
    """The quick test for ", item, " passes every text where the full pattern finds a
    list: skipping the search is only ever right."""
    found = [(m.start(), m.end()) for m in tagging._LIST.finditer(text.lower())]
    assert list_ranges(text) == (found if text.count(", ") >= 2 else [])


def _backtracking_list_pattern():
    """The list pattern with ordinary (greedy, giving back) words, as it was written first."""
    item = r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,2}"
    return re.compile(rf"\b{item}(?:(?:, {item})+, |(?:, {item}){{2,}} )(?:and|or) {item}")


# Words and what may stand between them, so that lists of one- to three-word items with
# "and"/"or" inside and after them come often ("a, aid, food and water").
_WORDS_AND_GAPS = st.lists(
    st.tuples(st.sampled_from(["aid", "food", "water", "x-y", "and", "or", "Mali", "é", "1"]),
              st.sampled_from([" ", ", ", " ", ", ", ",", ". ", ", and ", " or "])),
    min_size=3, max_size=12,
).map(lambda pairs: "".join(word + gap for word, gap in pairs))  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_PIECES, _WORDS_AND_GAPS))
@example("a, aid, food and water")
def test_words_that_never_give_back_letters_find_the_same_lists(text):
    """tagging._LIST's words are possessive (``*+``) to spare the search its retries; it
    finds exactly what the pattern with ordinary words finds, span for span."""
    lower = text.lower()
    expected = [m.span() for m in _backtracking_list_pattern().finditer(lower)]
    assert [m.span() for m in tagging._LIST.finditer(lower)] == expected
