"""The record beside the text in AppTest: key facts, claims checked, flags beside paragraphs."""

from __future__ import annotations

import json

import pytest

from casebook import candidates, facts
from casebook.loader import load_content
from casebook.markup import escape  # HTML and Markdown both literal
from tests.conftest import CONTENT, ROOT
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
    assert attacks["data"][0]["x"] == list(range(2014, 2023))
    assert attacks["data"][0]["y"] == [28, 11, 23, 21, 11, 22, 6, 19, 14]
    assert strength["data"][0]["y"][-2:] == [15209, 15209]
    assert len([e for e in at.expander if e.label]) >= len(RECORD.disagreements)


@pytest.mark.parametrize("theme", ["security", "humanitarian"])
def test_facts_say_how_the_theme_filter_narrows_them(theme):
    at = open_app("facts", theme=[theme])
    wanted = [f for f in RECORD.facts if theme in f.themes]
    label = LOADED.codebook.theme(theme).label
    notes = " ".join(i.value for i in at.info)
    assert f"the {len(wanted)} facts of {len(RECORD.facts)} about {label}." in notes
    assert f"about {label[1:]}" not in notes  # the word whole, not sliced


def test_facts_page_draws_no_empty_heading():
    """Humanitarian facts hold no event, attack count or strength: no heading for them."""
    at = open_app("facts", theme=["humanitarian"])
    shown = [f for f in RECORD.facts if "humanitarian" in f.themes]
    charts = len(at.get("plotly_chart"))
    headers = [h.value for h in at.header]
    kinds = {f.kind for f in shown}
    assert ("Timeline, 2012–2024" in headers) == ("event" in kinds)
    assert len([h for h in headers if h in {n.title for n in RECORD.charts}]) == charts
    assert not any(e.label.startswith("All 0") for e in at.expander)


def test_chart_titles_and_caveats_come_from_the_case():
    at = open_app("facts")
    assert [n.place for n in RECORD.charts] == ["timeline", "attacks", "strength"]
    headers = [h.value for h in at.header]
    for note in RECORD.charts:
        assert note.title in headers
    captions = " ".join(c.value for c in at.caption)
    assert "deliberate attacks only" in captions  # from facts.yaml, not from the page's code
    assert "deliberate attacks only" not in (ROOT / "pages" / "record_facts.py").read_text()


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


@pytest.mark.parametrize("themes", [["humanitarian"], ["political"], ["security", "partnerships"]])
def test_every_flag_stays_under_its_paragraph_whatever_the_filter(themes):
    """The filter folds the paragraphs it does not keep; opened, each still shows its flags."""
    at = open_app("future-outlook", theme=themes, match="any")
    assert any("outside the filter" in fold.label for fold in at.expander)  # some folded
    flags = [c for c in CLAIMS if c.section == "future-outlook"]
    assert markdown(at).count('class="cb-claim"') == len(flags)
    for claim in flags:
        assert escape(claim.quote) in markdown(at)


def test_claims_say_how_the_theme_filter_narrows_them():
    at = open_app("claims", theme=["humanitarian"])
    wanted = [c for c in CLAIMS if "humanitarian" in c.themes]
    notes = " ".join(i.value for i in at.info)
    assert f"the {len(wanted)} claims of {len(CLAIMS)} about Humanitarian." in notes
    assert not open_app("claims").info  # no filter, no note


def test_claims_page_states_its_method_reviewer_corrections_and_offers_claimreview():
    at = open_app("claims")
    text = markdown(at)
    assert "Sources are ranked in three tiers" in text
    assert "**Reviewed** by casebook editors, 2026-11-28." in text
    assert "the article gives no date" in text
    assert "Corrections" in [h.value for h in at.header]
    assert any("No review has been corrected since the first review (2026-11-28)" in c.value
               for c in at.caption)  # fmt: skip
    buttons = {b.proto.label: b.proto for b in at.get("download_button")}
    assert "Claims as ClaimReview (JSON-LD)" in buttons
    assert "Article undated · reviewed 2026-11-28 by casebook editors" in text


@pytest.mark.parametrize(
    ("path", "params"), [("claims", {}), ("", {}), ("search", {"q": "mission"})]
)  # the Add page's zip: tests/test_app_upload.py
def test_every_download_button_carries_its_file(path, params):
    # A file made on the click (a callable ``data``) is fetched by a request that a click
    # landing as a rerun ends can leave unanswered: the button then stays disabled.
    buttons = open_app(path, **params).get("download_button")
    assert buttons
    for button in buttons:
        assert not button.proto.HasField("deferred_file_id"), button.proto.label
        assert button.proto.url, button.proto.label
