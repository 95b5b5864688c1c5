"""The record beside the text in AppTest: key facts, claims checked, flags beside paragraphs."""

from __future__ import annotations

import json

from casebook import candidates, facts
from casebook.loader import load_content
from casebook.markup import escape  # HTML and Markdown both literal
from tests.conftest import CONTENT
from tests.test_app import markdown, open_app

LOADED = load_content(CONTENT)
RECORD = LOADED.records["minusma"]
CLAIMS = LOADED.claims["minusma"]
CASE = LOADED.case("minusma")


def test_facts_page_shows_key_figures_with_sources_and_the_charts():
    at = open_app("facts")
    assert at.title[0].value == "What the record says"
    text = markdown(at)
    for fact_id in RECORD.key_facts:
        fact = RECORD.fact(fact_id)
        assert escape(fact.value) in text
    assert "Security Council establishes peacekeeping force for Mali effective 1 July" in text
    timeline, attacks, strength = (json.loads(c.proto.spec) for c in at.get("plotly_chart"))
    events = [f for f in RECORD.facts if f.kind == "event"]
    assert len(timeline["data"][0]["x"]) == len(events)
    assert attacks["data"][0]["x"] == [str(y) for y in range(2014, 2023)]
    assert attacks["data"][0]["y"] == [28, 11, 23, 21, 11, 22, 6, 19, 14]
    assert strength["data"][0]["y"][-2:] == [15209, 15209]
    assert len([e for e in at.expander if e.label]) >= len(RECORD.disagreements)


def test_facts_follow_the_theme_filter():
    at = open_app("facts", theme=["humanitarian"])
    wanted = [f for f in RECORD.facts if "humanitarian" in f.themes]
    assert f"Showing the {len(wanted)} facts about" in " ".join(c.value for c in at.caption)


def test_claims_page_counts_by_kind_and_links_each_claim():
    at = open_app("claims")
    counts = {m.label: m.value for m in at.metric}
    expected = facts.claim_counts(CLAIMS)
    assert counts == {row.kind.capitalize(): str(row.claims) for row in expected.itertuples()}
    text = markdown(at)
    for claim in CLAIMS:
        assert f'p={claim.anchor}#{claim.anchor}"' in text
    left = candidates.unreviewed(candidates.find_candidates(CASE), CLAIMS)
    assert f"{len(left)} more statements a rule proposes" in " ".join(c.value for c in at.caption)


def test_flags_stand_beside_the_right_paragraphs():
    at = open_app("future-outlook")
    text = markdown(at)
    flags = [c for c in CLAIMS if c.section == "future-outlook"]
    assert text.count('class="cb-claim"') == len(flags)
    # every flag comes after its own paragraph and before the next one
    for claim in flags:
        here = text.index(f'id="{claim.anchor}"')
        following = text.find('class="cb-para', here + 1)
        flag = text.index(escape(claim.quote), here)
        assert following == -1 or flag < following


def test_mission_still_running_is_flagged_as_outdated():
    outdated = {c.quote for c in CLAIMS if c.kind == "outdated"}
    assert any("As the mission progresses" in q for q in outdated)
    assert any(c.section == "future-outlook" and "G5 Sahel" in c.quote for c in CLAIMS)
    assert any("established in 2013" in c.quote for c in CLAIMS)
    assert any("measurable decrease" in c.quote for c in CLAIMS)


def test_flags_follow_the_theme_filter():
    at = open_app("future-outlook", theme=["humanitarian"], match="any")
    shown = [c for c in CLAIMS if c.section == "future-outlook" and "humanitarian" in c.themes]
    assert markdown(at).count('class="cb-claim"') == len(shown)
