"""The rule-based finder (casebook/candidates.py) over a shared set of sample sentences."""

from __future__ import annotations

import pytest

from casebook import candidates as finder
from casebook.candidates import Candidate
from casebook.claimsfile import read_claims
from casebook.facts import Claim
from casebook.factsfile import read_record
from casebook.loader import load_content
from casebook.model import Case, Paragraph, Section
from tests.conftest import CONTENT

# The shared sample sentences.
PROGRESSES = "As the mission progresses, its outcomes will influence regional security."
MEASURABLE = "These measures have contributed to a measurable decrease in violent incidents."
RELIES = "The mission relies on collaborative efforts with partners."
CITED = "According to the UN, 311 personnel died and 700 were injured."
PLAIN = "Insurgents attacked the town and troops began patrols."
YEAR = "MINUSMA was established in 2013 to support peace."
SHARE = "Violence fell by 40% in two years."
POLITICAL_WILL = "Their role depends on political will and capacity."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (PROGRESSES, [("time-bound", ("as the mission progresses", "will"))]),
        (MEASURABLE, [("unsourced evaluation", ("contributed to", "measurable")),
                      ("quantity", ("decrease",))]),
        (RELIES, [("time-bound", ("the mission relies",))]),
        (CITED, []),
        (PLAIN, []),
        (YEAR, [("quantity", ("2013",))]),
        (SHARE, [("quantity", ("40%",))]),
        (POLITICAL_WILL, []),
        ("The mission has ended.", []),
        ("The UN Mission in Mali is still needed.", [("time-bound", ("the un mission in mali is", "still"))]),
    ],
)  # fmt: skip
def test_each_sentence_is_proposed_for_the_reasons_its_words_give(sentence, expected):
    assert finder.sentence_reasons(sentence) == expected


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("", []),
        ("One. Two!", ["One.", "Two!"]),
        ("Forces, e.g. police, left. Then more.", ["Forces, e.g. police, left.", "Then more."]),
        ("It was set up by res. 2100 in April. Next.", ["It was set up by res. 2100 in April.", "Next."]),
        ("Weak structures. The mission left.", ["Weak structures.", "The mission left."]),
        ("He said “it ended.” Then\nit left.", ["He said “it ended.”", "Then it left."]),
        ("Around 6.5 million people.", ["Around 6.5 million people."]),
    ],
)  # fmt: skip
def test_paragraphs_split_into_sentences(text, sentences):
    assert finder.split_sentences(text) == sentences


CASE = Case(
    slug="demo",
    title="Demo",
    sections=(
        Section("outlook", "Outlook", 1, (
            Paragraph("outlook", 1, f"{PLAIN} {PROGRESSES}"),
            Paragraph("outlook", 2, PROGRESSES),
        )),
        Section("record", "Record", 2, (Paragraph("record", 1, CITED),)),
    ),
)  # fmt: skip


def test_candidates_name_their_section_paragraph_sentence_reason_and_cues():
    found = finder.find_candidates(CASE)
    assert found == (
        Candidate("outlook", 1, PROGRESSES, "time-bound", ("as the mission progresses", "will")),
        Candidate("outlook", 2, PROGRESSES, "time-bound", ("as the mission progresses", "will")),
    )
    assert found[0].anchor == "outlook-p1"


def test_a_reviewed_claim_removes_only_the_candidate_on_its_own_sentence():
    claim = Claim("progress", "outlook", "As the mission progresses", "outdated", "Ended.",
                  ("mandate-ended",), ("security",), 2)  # fmt: skip
    left = finder.unreviewed(finder.find_candidates(CASE), [claim])
    assert [(c.section, c.position) for c in left] == [("outlook", 1)]


def test_candidates_frame_has_one_row_per_sentence_and_reason():
    frame = finder.candidates_frame(finder.find_candidates(CASE))
    assert list(frame.columns) == finder.CANDIDATE_COLUMNS
    assert list(frame["anchor"]) == ["outlook-p1", "outlook-p2"]
    assert frame.loc[0, "cues"] == ["as the mission progresses", "will"]


def test_an_empty_case_has_no_candidates():
    empty = Case(slug="empty", title="Empty", sections=())
    assert finder.find_candidates(empty) == ()
    assert list(finder.candidates_frame(()).columns) == finder.CANDIDATE_COLUMNS


@pytest.fixture(scope="module")
def minusma():
    content = load_content(CONTENT)
    case = content.case("minusma")
    problems = []
    folder = CONTENT / "minusma"
    facts = read_record(folder / "facts.yaml", CONTENT, problems, content.codebook).facts
    claims = read_claims(folder / "claims.yaml", CONTENT, problems, content.codebook, case, facts)
    assert problems == []
    return case, claims


@pytest.mark.parametrize(
    "words",
    [
        "As the mission progresses",
        "Strengthening the mission’s mandate will be crucial",
        "Continued engagement is necessary",
        "remains pivotal",
        "Continued support remains essential",
        "a measurable decrease",
        "notable progress",
        "significantly contributed",
    ],
)
def test_the_finder_proposes_what_reviewers_flagged_and_drops_it_once_reviewed(minusma, words):
    case, claims = minusma
    proposed = [c for c in finder.find_candidates(case) if words in c.sentence]
    assert proposed
    assert [c for c in finder.unreviewed(proposed, claims)] == []
