"""HTML for the record beside the text (casebook/recordmarkup.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from casebook.recordmarkup import claim_flag, event_list, review_line, sources


def test_a_claim_flag_says_when_it_was_said_and_reviewed_and_by_whom():
    claim = SimpleNamespace(said="", reviewed="2026-11-28", reviewer="casebook editors")
    assert review_line(claim) == "Article undated · reviewed 2026-11-28 by casebook editors"
    claim = SimpleNamespace(said="2023-01", reviewed="", reviewer="")
    assert review_line(claim) == "Article dated 2023-01 · review undated"


def test_a_claim_flag_opens_on_the_facts_it_cites_counted():
    fact = SimpleNamespace(label="Strength", date="2023", value="13,000", sources=[])
    facts = {"a": fact, "b": fact}
    claim = SimpleNamespace(facts=("a",), kind="outdated", quote="q", note="n", said="",
                            reviewed="", reviewer="")  # fmt: skip
    assert "<summary>What the record says: 1 fact, with its sources</summary>" in claim_flag(
        claim, facts, "#000000"
    )
    claim.facts = ("a", "b", "missing")  # a fact the record no longer holds is not counted
    assert "<summary>What the record says: 2 facts, with their sources</summary>" in claim_flag(
        claim, facts, "#000000"
    )
    claim.facts = ()
    assert "<details>" not in claim_flag(claim, facts, "#000000")


def test_each_source_gives_its_as_of_date():
    dated = SimpleNamespace(title="T", publisher="", url="", date="2013-04-25", tier="un")
    undated = SimpleNamespace(title="U", publisher="", url="", date="n.d.", tier="news")
    html = sources([dated, undated])
    assert "(as of 2013-04-25)" in html and "(undated)" in html


def test_the_timeline_as_a_list_is_in_date_order_and_escaped():
    events = pd.DataFrame(
        {
            "when": pd.to_datetime(["2020-08-18", "2012-01-17"]),
            "date": ["2020-08-18", "2012-01"],
            "label": ["Coup <b>two</b>", "Rebellion *begins*"],
        }
    )
    html = event_list(events)
    assert html.startswith('<ul class="cb-events"><li><b>2012-01</b> Rebellion')
    assert html.index("2012-01") < html.index("2020-08-18")
    assert "<b>two</b>" not in html and "*begins*" not in html
