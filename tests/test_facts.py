"""The record beside the text (casebook/facts.py, factsfile.py, claimsfile.py).

Broken files go into a copy of the tiny fixture case as ``demo/facts.yaml`` or
``demo/claims.yaml``; one file per failure mode, exact messages and lines.
The shipped MINUSMA record is checked too: it loads cleanly, every claim finds
its paragraph, and no source address is missing from the research notes.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from casebook import claimsfile, facts, factsfile, recordfields
from casebook.facts import Claim, Fact, Source
from casebook.loader import load_content, read_codebook
from casebook.problems import ContentError
from casebook.yamltext import load
from tests.conftest import BROKEN, CONTENT, ROOT

# The research notes every source was read from, kept beside the article.
NOTES = ROOT / "content" / "minusma" / "source" / "research-notes.md"
MINUSMA = CONTENT / "minusma"

# The one fact the broken claims files may name.
TALKS = Fact(
    id="talks", label="Talks opened", value="Talks opened in the capital", date="2014-05-01",
    kind="event", themes=("political",), sources=(Source("A press release", "un", "2014-05-01"),),
)  # fmt: skip


def facts_problems(content: Path) -> list[str]:
    """The problems read_record reports for ``demo/facts.yaml`` in a tiny case."""
    problems = []
    codebook = read_codebook(content / "themes.yaml", content, [])
    factsfile.read_record(content / "demo/facts.yaml", content, problems, codebook)
    return [str(problem) for problem in problems]


def read_broken_facts(content: Path, broken: str) -> list[str]:
    shutil.copy(BROKEN / broken, content / "demo/facts.yaml")
    return facts_problems(content)


def read_broken_claims(content: Path, broken: str) -> list[str]:
    loaded = load_content(content)  # the case as it is, before the broken file joins it
    shutil.copy(BROKEN / broken, content / "demo/claims.yaml")
    problems = []
    path = content / "demo/claims.yaml"
    claimsfile.read_claims(path, content, problems, loaded.codebook, loaded.case("demo"), (TALKS,))
    return [str(problem) for problem in problems]


HINT = "an ISO date (2013-04-25), a year-month (2013-04) or a year (2013)"
BROKEN_FACTS = [
    ("facts_chart_unknown_place.yaml",
     ["content/demo/facts.yaml:2: unknown key 'timline' (did you mean 'timeline'?)",
      "content/demo/facts.yaml:5: missing 'title'"]),
    ("facts_no_source.yaml", ["content/demo/facts.yaml:2: fact 'talks' has no source"]),
    ("facts_no_date.yaml", [f"content/demo/facts.yaml:2: fact 'talks' has no date: give {HINT}"]),
    ("facts_bad_date.yaml", [f"content/demo/facts.yaml:5: date '1 May 2014' must be {HINT}"]),
    ("facts_source_no_title.yaml",
     ["content/demo/facts.yaml:9: a source of fact 'talks' has no title"]),
    ("facts_source_no_tier.yaml",
     ["content/demo/facts.yaml:9: a source of fact 'talks' has no tier (un, news or secondary)"]),
    ("facts_source_no_date.yaml",
     ["content/demo/facts.yaml:9: a source of fact 'talks' has no date (give its date or 'n.d.')"]),
    ("facts_unknown_tier.yaml",
     ["content/demo/facts.yaml:13: unknown tier 'UN' (did you mean 'un'?)"]),
    ("facts_unknown_theme.yaml",
     ["content/demo/facts.yaml:7: unknown theme 'politcal' (did you mean 'political'?)"]),
    ("facts_unknown_kind.yaml",
     ["content/demo/facts.yaml:6: unknown kind 'evnt' (did you mean 'event'?)"]),
    ("facts_duplicate_id.yaml",
     ["content/demo/facts.yaml:12: duplicate fact id 'talks' (first at line 2)"]),
    ("facts_amount_without_unit.yaml", ["content/demo/facts.yaml:5: 'amount' needs a 'unit'"]),
    ("facts_bad_url.yaml",
     ["content/demo/facts.yaml:10: url 'example.org/talks' must start with http:// or https:// "
      "and name a host"]),
    ("facts_disagreement_unknown_fact.yaml",
     ["content/demo/facts.yaml:15: unknown fact 'talk' (did you mean 'talks'?)"]),
    ("facts_disagreement_one_side.yaml",
     ["content/demo/facts.yaml:17: a side of disagreement 'opening-date' names no source "
      "(give 'who', 'facts' or 'sources')",
      "content/demo/facts.yaml:16: disagreement 'opening-date' needs at least two sides"]),
    ("facts_bad_yaml.yaml",
     ["content/demo/facts.yaml:4: not valid YAML: expected ',' or ']', but got ':'"]),
    ("facts_no_list.yaml", ["content/demo/facts.yaml:1: facts.yaml needs a 'facts' list"]),
]  # fmt: skip

BROKEN_CLAIMS = [
    ("claims_bad_review.yaml",
     [f"content/demo/claims.yaml:3: date '28 Nov 2026' must be {HINT}",
      "content/demo/claims.yaml:13: missing 'note'"]),
    ("claims_stale_quote.yaml",
     ["content/demo/claims.yaml:4: annotation 'attack' no longer matches: "
      "its quote is in no paragraph of 'opening'"]),
    ("claims_unknown_section.yaml",
     ["content/demo/claims.yaml:3: unknown section 'openning' (did you mean 'opening'?)"]),
    ("claims_unknown_fact.yaml",
     ["content/demo/claims.yaml:7: unknown fact 'talk' (did you mean 'talks'?)"]),
    ("claims_unknown_kind.yaml",
     ["content/demo/claims.yaml:5: unknown kind 'outdate' (did you mean 'outdated'?)"]),
    ("claims_no_facts.yaml",
     ["content/demo/claims.yaml:2: claim 'dialogue' (outdated) must name at least one fact"]),
    ("claims_ambiguous_quote.yaml",
     ["content/demo/claims.yaml:4: annotation 'both' is ambiguous: its quote is in "
      "paragraphs 1 and 2 of 'opening'; quote more words"]),
    ("claims_duplicate_id.yaml",
     ["content/demo/claims.yaml:9: duplicate claim id 'dialogue' (first at line 2)"]),
    ("claims_no_quote.yaml", ["content/demo/claims.yaml:2: missing 'quote'"]),
]  # fmt: skip


@pytest.mark.parametrize(("broken", "expected"), BROKEN_FACTS)
def test_each_broken_facts_file_is_reported_with_file_and_line(tiny_copy, broken, expected):
    assert read_broken_facts(tiny_copy, broken) == expected


@pytest.mark.parametrize(("broken", "expected"), BROKEN_CLAIMS)
def test_each_broken_claims_file_is_reported_with_file_and_line(tiny_copy, broken, expected):
    assert read_broken_claims(tiny_copy, broken) == expected


def test_every_broken_fixture_is_exercised():
    named = {name for name, _ in BROKEN_FACTS + BROKEN_CLAIMS}
    on_disk = {p.name for p in BROKEN.glob("facts_*.yaml")} | {
        p.name for p in BROKEN.glob("claims_*.yaml")
    }
    assert named == on_disk


def test_a_case_without_facts_or_claims_has_an_empty_record(tiny_copy):
    problems = []
    loaded = load_content(tiny_copy)
    found = factsfile.read_record(
        tiny_copy / "demo/facts.yaml", tiny_copy, problems, loaded.codebook
    )
    claims = claimsfile.read_claims(
        tiny_copy / "demo/claims.yaml", tiny_copy, problems, loaded.codebook,
        loaded.case("demo"), found.facts,
    )  # fmt: skip
    assert (found, claims, problems) == (facts.Record(), (), [])


def test_a_good_claim_is_placed_on_its_paragraph(tiny_copy):
    (tiny_copy / "demo/claims.yaml").write_text(
        "claims:\n  - id: polls\n    section: middle-part\n    quote: kept security around\n"
        "    kind: unsourced\n    note: No source.\n    facts: []\n    themes: [security]\n",
        encoding="utf-8",
    )
    loaded = load_content(tiny_copy)
    problems = []
    (claim,) = claimsfile.read_claims(
        tiny_copy / "demo/claims.yaml", tiny_copy, problems, loaded.codebook,
        loaded.case("demo"), (TALKS,),
    )  # fmt: skip
    assert problems == []
    assert (claim.section, claim.position, claim.anchor) == ("middle-part", 1, "middle-part-p1")
    assert facts.locate_claim(claim, loaded.case("demo")).text.startswith("Elections were held")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2013", None),
        ("2013-04", None),
        ("2013-04-25", None),
        ("2013-02-30", f"date '2013-02-30' must be {HINT}"),
        ("2013-13", f"date '2013-13' must be {HINT}"),
        ("25 Apr 2013", f"date '25 Apr 2013' must be {HINT}"),
    ],
)
def test_dates_are_iso_or_a_year_month_or_a_year(text, problem):
    assert recordfields.date_problem(text) == problem


@pytest.mark.parametrize(
    ("value", "text"),
    [(date(2013, 4, 25), "2013-04-25"), (2014, "2014"), (" 2013-07 ", "2013-07"), (None, None)],
)
def test_dates_read_by_yaml_as_dates_or_numbers_are_kept_as_text(value, text):
    assert recordfields.date_text(value) == text


@pytest.mark.parametrize(
    ("quote", "text", "found"),
    [
        ("the mission’s mandate", "Strengthening the mission's mandate", True),
        ('"re-hatted"', "troops “re-hatted” in Bamako", True),
        ("two  words", "two\nwords", True),
        ("absent", "present", False),
    ],
)
def test_quotes_match_across_curly_marks_and_white_space(quote, text, found):
    assert (facts.normalise(quote) in facts.normalise(text)) is found


def test_every_problem_in_a_facts_file_is_collected(tiny_copy):
    (tiny_copy / "demo/facts.yaml").write_text(
        "facts:\n  - id: talks\n    label: Talks\n    value: Talks opened\n    kind: evnt\n"
        "    themes: [securty]\n  - id: Bad_Id\n    label: Bad\n    value: Bad\n"
        "    date: '2014'\n    kind: event\n    themes: [security]\n"
        "    sources:\n      - {title: A page, date: n.d., tier: blog}\n",
        encoding="utf-8",
    )
    assert facts_problems(tiny_copy) == [
        "content/demo/facts.yaml:5: unknown kind 'evnt' (did you mean 'event'?)",
        f"content/demo/facts.yaml:2: fact 'talks' has no date: give {HINT}",
        "content/demo/facts.yaml:6: unknown theme 'securty' (did you mean 'security'?)",
        "content/demo/facts.yaml:2: fact 'talks' has no source",
        "content/demo/facts.yaml:7: fact id 'Bad_Id' must be lower-case letters and digits "
        "joined by hyphens",
        "content/demo/facts.yaml:14: unknown tier 'blog' (expected one of: un, news, secondary)",
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [("2014", "2014-01-01"), ("2014-07", "2014-07-01"), ("2014-07-15", "2014-07-15")],
)
def test_a_date_starts_on_the_first_day_it_can_mean(text, day):
    assert facts.start_day(text) == pd.Timestamp(day)


# --- frames ----------------------------------------------------------------

BUDGET = Fact(
    id="budget", label="Budget", value="$1.1 billion", date="2017-07", kind="budget",
    themes=("partnerships",), amount=1.1e9, unit="USD",
    sources=(Source("Repost", "secondary", "2017-06-30"), Source("Release", "un", "n.d.")),
)  # fmt: skip
CLAIMS = (
    Claim("a", "opening", "troops", "outdated", "Ended.", ("talks",), ("security",), 1),
    Claim("b", "opening", "dialogue", "unsourced", "No source.", (), ("political",), 2),
    Claim("c", "middle-part", "Elections", "unsourced", "No source.", (), ("political",), 1),
)


def test_facts_frame_has_one_row_per_fact_with_its_best_tier_and_start_day():
    frame = facts.facts_frame((TALKS, BUDGET))
    assert list(frame.columns) == facts.FACT_COLUMNS
    assert list(frame["tier"]) == ["un", "un"]
    assert list(frame["when"]) == [pd.Timestamp("2014-05-01"), pd.Timestamp("2017-07-01")]
    assert list(frame["sources"]) == [1, 2]
    assert frame.loc[1, "amount"] == 1.1e9 and frame.loc[1, "themes"] == ["partnerships"]


def test_sources_frame_has_one_row_per_fact_and_source():
    frame = facts.sources_frame((TALKS, BUDGET))
    assert list(zip(frame["fact"], frame["position"], frame["tier"], strict=True)) == [
        ("talks", 1, "un"), ("budget", 1, "secondary"), ("budget", 2, "un"),
    ]  # fmt: skip


def test_claims_frame_and_counts_by_kind():
    frame = facts.claims_frame(CLAIMS)
    assert list(frame["anchor"]) == ["opening-p1", "opening-p2", "middle-part-p1"]
    counts = facts.claim_counts(CLAIMS)
    assert dict(zip(counts["kind"], counts["claims"], strict=True)) == {
        "outdated": 1, "imprecise": 0, "unsourced": 2, "contradicted": 0,
    }  # fmt: skip


def test_claims_are_grouped_by_the_paragraph_they_flag():
    grouped = facts.claims_by_anchor(CLAIMS)
    assert {anchor: [c.id for c in found] for anchor, found in grouped.items()} == {
        "opening-p1": ["a"], "opening-p2": ["b"], "middle-part-p1": ["c"],
    }  # fmt: skip


# --- the shipped MINUSMA record -------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    content = load_content(CONTENT)
    problems = []
    found = factsfile.read_record(MINUSMA / "facts.yaml", CONTENT, problems, content.codebook)
    claims = claimsfile.read_claims(
        MINUSMA / "claims.yaml", CONTENT, problems, content.codebook,
        content.case("minusma"), found.facts,
    )  # fmt: skip
    return content.case("minusma"), found, claims, problems


def test_the_shipped_facts_and_claims_load_without_a_problem(shipped):
    _, found, claims, problems = shipped
    assert [str(p) for p in problems] == []
    assert len(found.facts) > 50 and len(found.disagreements) == 14 and len(claims) > 30


def test_every_shipped_claim_quote_is_in_the_paragraph_it_flags(shipped):
    case, _, claims, _ = shipped
    for claim in claims:
        paragraph = case.section(claim.section).paragraphs[claim.position - 1]
        assert facts.normalise(claim.quote) in facts.normalise(paragraph.text), claim.id
        assert facts.locate_claim(claim, case) == paragraph


# (fact id, date, amount): the key facts issue 4 asks for, as the notes give them.
KEY_FACTS = [
    ("established", "2013-04-25", None),
    ("afisma-takeover", "2013-07-01", None),
    ("mandate-ended", "2023-06-30", None),
    ("withdrawal-completed", "2023-12-31", None),
    ("authorised-2013", "2013-04-25", 12640),
    ("authorised-peak", "2016-06-29", 15209),
    ("fatalities-total-un", "2023-12-31", 311),
    ("mali-leaves-g5", "2022-05-15", None),
    ("peace-agreement-signed", "2015-05-15", None),
    ("withdrawal-request", "2023-06-16", None),
    ("peace-agreement-terminated", "2024-01-25", None),
    ("attacks-2022", "2022", 14),
]


@pytest.mark.parametrize(("fact_id", "when", "amount"), KEY_FACTS)
def test_the_key_facts_carry_the_dates_and_figures_of_the_notes(shipped, fact_id, when, amount):
    fact = shipped[1].fact(fact_id)
    assert (fact.date, fact.amount) == (when, amount)


# (section, words the issue names): statements that must be flagged.
REQUIRED_FLAGS = [
    ("future-outlook", "As the mission progresses"),
    ("future-outlook", "Strengthening the mission’s mandate will be crucial"),
    ("future-outlook", "Continued engagement is necessary"),
    ("future-outlook", "remains pivotal"),
    ("future-outlook", "Continued support remains essential"),
    ("future-outlook", "G5 Sahel"),
    ("background-and-context", "was established in 2013"),
    ("security-improvements", "a measurable decrease in the frequency and scale of violent"),
    ("impact-and-outcomes", "notable progress"),
    ("impact-and-outcomes", "significantly contributed"),
]


@pytest.mark.parametrize(("section", "words"), REQUIRED_FLAGS)
def test_the_statements_issue_4_names_are_flagged(shipped, section, words):
    claims = [c for c in shipped[2] if c.section == section]
    assert any(facts.normalise(words) in facts.normalise(c.quote) for c in claims)


def test_the_g5_outlook_is_checked_against_mali_leaving_on_15_may_2022(shipped):
    _, found, claims, _ = shipped
    (g5,) = [c for c in claims if "G5 Sahel" in c.quote]
    assert "mali-leaves-g5" in g5.facts and found.fact("mali-leaves-g5").date == "2022-05-15"


def file_urls(path: Path) -> set[str]:
    """Every ``url`` value in a YAML file, wherever it stands."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            found.update(v for k, v in node.items() if k == "url" and isinstance(v, str))
            node = list(node.values())
        if isinstance(node, list):
            for item in node:
                walk(item)

    walk(load(path.read_text(encoding="utf-8")))
    return found


def test_every_source_address_comes_from_the_research_notes():
    """No source can be invented: each URL, without its scheme, is in the notes."""
    notes = NOTES.read_text(encoding="utf-8")
    urls = file_urls(MINUSMA / "facts.yaml")
    assert len(urls) > 30
    missing = [url for url in urls if re.sub(r"^https?://", "", url) not in notes]
    assert missing == []


@pytest.mark.parametrize(
    ("broken", "name", "expected"),
    [
        (
            "facts_no_source.yaml",
            "facts.yaml",
            "content/demo/facts.yaml:2: fact 'talks' has no source",
        ),
        ("claims_unknown_section.yaml", "claims.yaml", "content/demo/claims.yaml:"),
    ],
)
def test_load_content_and_check_reject_a_broken_record(tiny_copy, broken, name, expected):
    """The loader (and so `python -m casebook check` and the app) reads facts and claims too."""
    shutil.copy(BROKEN / broken, tiny_copy / "demo" / name)
    with pytest.raises(ContentError) as caught:
        load_content(tiny_copy)
    assert any(str(problem).startswith(expected) for problem in caught.value.problems)


def test_shipped_record_is_part_of_the_loaded_content():
    content = load_content(CONTENT)
    assert len(content.records["minusma"].facts) >= 80
    assert content.records["minusma"].key_facts[0] == "established"
    assert len(content.claims["minusma"]) >= 40


def test_a_claim_takes_the_files_review_and_may_give_its_own(tiny_copy):
    loaded = load_content(tiny_copy)
    path = tiny_copy / "demo/claims.yaml"
    path.write_text(
        'review: {reviewer: Desk A, date: "2026-11-28", said: "2023-05"}\n'
        "claims:\n"
        "  - {id: one, section: opening, quote: supported dialogue, kind: unsourced,\n"
        "     note: No source., themes: [political]}\n"
        "  - {id: two, section: opening, quote: attacked the town, kind: unsourced,\n"
        "     note: No count., themes: [security], reviewer: Desk B, reviewed: 2026-12-01,\n"
        '     corrections: [{date: "2026-12-01", note: Kind changed from outdated.}]}\n',
        encoding="utf-8",
    )
    problems = []
    claims = claimsfile.read_claims(
        path, tiny_copy, problems, loaded.codebook, loaded.case("demo"), ()
    )
    assert problems == []
    one, two = claims
    assert (one.said, one.reviewed, one.reviewer, one.corrections) == (
        "2023-05",
        "2026-11-28",
        "Desk A",
        (),
    )
    assert (two.said, two.reviewed, two.reviewer) == ("2023-05", "2026-12-01", "Desk B")
    assert two.corrections == (facts.Correction("2026-12-01", "Kind changed from outdated."),)
