"""HTML for the record beside the text (casebook/recordmarkup.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from casebook.recordmarkup import event_list, review_line, sources


def test_a_claim_flag_says_when_it_was_said_and_reviewed_and_by_whom():
    claim = SimpleNamespace(said="", reviewed="2026-11-28", reviewer="casebook editors")
    assert review_line(claim) == "Said: undated · reviewed 2026-11-28 by casebook editors"
    claim = SimpleNamespace(said="2023-01", reviewed="", reviewer="")
    assert review_line(claim) == "Said: 2023-01 · review undated"


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
