"""Charts and tables are built once per content version and view, shared by sessions, and
rebuilt when either changes (casebook.ui.figure, casebook.ui.shared)."""

from __future__ import annotations

import json
import time
from collections import Counter

import pandas.testing as pdt
import plotly.io
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from casebook import charts, codelinemarkup, coverage, filtering, relations, tablemarkup
from casebook.loader import load_content
from casebook.ui import data, routes
from tests.test_app import codeline_rows, coverage_bars, open_app

# what the overview draws from the view: the codeline, the bars and the table
OVERVIEW_PARTS = {
    "codeline": codelinemarkup,
    "coverage_bars": tablemarkup,
    "heat_table": tablemarkup,
}
OVERVIEW_CHARTS = tuple(OVERVIEW_PARTS)


@pytest.fixture
def builds(monkeypatch) -> Counter:
    """How often each overview part is built, from an empty cache."""
    data.forget_shared()  # start from nothing cached
    counted: Counter = Counter()
    for name, module in OVERVIEW_PARTS.items():
        build = getattr(module, name)

        def counting(*args, _build=build, _name=name, **kwargs):
            counted[_name] += 1
            return _build(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    yield counted
    data.forget_shared()  # leave no counted figures to later tests


def overview(**query) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_a_view_builds_its_charts_once_for_every_session(builds):
    first = overview(theme=["humanitarian"])
    assert builds == dict.fromkeys(OVERVIEW_CHARTS, 1)
    second = overview(theme=["humanitarian"])  # another reader, same view
    second.run()  # and a rerun of it
    assert builds == dict.fromkeys(OVERVIEW_CHARTS, 1)
    assert codeline_rows(second) == codeline_rows(first)
    assert coverage_bars(second) == coverage_bars(first)


def test_another_filter_gets_its_own_charts(builds):
    overview(theme=["humanitarian"])
    at = overview(theme=["security", "political"])
    assert builds == dict.fromkeys(OVERVIEW_CHARTS, 2)
    assert list(codeline_rows(at)) == ["Security", "Political"]
    at.multiselect(key="theme").set_value(["humanitarian"]).run()  # back to a cached view
    assert builds == dict.fromkeys(OVERVIEW_CHARTS, 2)
    assert list(codeline_rows(at)) == ["Humanitarian"]
    assert list(coverage_bars(at)) == ["Humanitarian", "Uncoded"]


def test_an_edited_section_redraws_the_charts(builds, tiny_copy, monkeypatch):
    monkeypatch.setenv("CASEBOOK_CONTENT", str(tiny_copy))
    monkeypatch.setattr(data, "SIGNATURE_SECONDS", 0.0)  # read the folder on every rerun
    at = overview()
    before = coverage_bars(at)["Security"]
    opening = tiny_copy / "demo/01-opening.md"
    text = opening.read_text(encoding="utf-8")
    time.sleep(0.01)  # a later modification time, even on coarse clocks
    opening.write_text(
        text.replace("The mission supported dialogue", "Troops and insurgents fought"),
        encoding="utf-8",
    )
    at.run()
    after = coverage_bars(at)["Security"]
    assert builds == dict.fromkeys(OVERVIEW_CHARTS, 2)
    assert float(after[1]) > float(before[1])


def test_no_page_changes_the_shared_tables():
    """The frames are shared by every session (casebook/memo.py): after every page has run,
    with and without a filter, they equal a fresh computation."""
    from tests.test_app import EXPLORE, SLUGS, open_app

    pages = ["about", "facts", "claims", *SLUGS, *EXPLORE]
    for query in ({}, {"theme": ["security", "political"], "match": "all"}):
        at = open_app(None, **query)  # the overview, then every other page in the same session
        titles = [at.title[0].value]
        for page in pages:
            at.query_params.clear()
            at.query_params.update(query)
            at._page_hash = calc_hash(page)  # noqa: SLF001 - see tests/test_app.py
            at.run()
            assert not at.exception, (page, [e.value for e in at.exception])
            titles.append(at.title[0].value)
        assert len(set(titles)) == 1 + len(pages), titles  # each run drew another page
    root = data.content_dir()
    kept = data._tables(str(root), data._version(root), "minusma")  # noqa: SLF001
    content = load_content(root)
    fresh = coverage.paragraph_table([content.case("minusma")], content.codebook)
    pdt.assert_frame_equal(kept.paragraphs, fresh)
    pdt.assert_frame_equal(kept.sections, coverage.coverage_by_section(fresh, content.codebook))
    pdt.assert_frame_equal(kept.themes, coverage.coverage_by_theme(fresh, content.codebook))
    case = content.case("minusma")
    for selected, mode in ([], "any"), (["security", "political"], "all"):  # as the pages ran
        rows = fresh[filtering.matching(fresh, selected, mode)]
        shared = data.kept(case, selected, mode)
        pdt.assert_frame_equal(shared.rows, rows)
        assert shared.per_section == rows["section"].value_counts().to_dict()
        assert len(shared.rows) < len(fresh) or not selected


def test_a_shared_figure_sends_what_plotly_would():
    """A shared figure makes its dict once (casebook.ui.data._Drawn); the chart's spec is
    what Plotly itself makes of the same figure, in every session and rerun."""
    content = load_content(data.content_dir())
    case = content.case("minusma")
    paragraphs = data.tables(case).paragraphs
    ids = list(content.codebook.ids)
    build = lambda: charts.cooccurrence_figure(  # noqa: E731
        relations.cooccurrence(paragraphs, ids), content.codebook, ids
    )
    expected = json.loads(plotly.io.to_json(build(), validate=False))
    first = open_app("co-occurrence")
    second = open_app("co-occurrence")
    second.run()
    assert specs(first) == specs(second) == [expected]
    drawn = data.figure(build, "cooccurrence", case.slug)
    assert drawn.to_dict() is drawn.to_dict()  # made once
    assert drawn.to_dict() == build().to_dict()


def test_a_session_makes_its_pages_once(monkeypatch):
    """st.Page objects are made in a session's first run and reused by its later runs;
    another session makes its own (st.navigation marks the one it runs)."""
    made: list[str] = []
    real = st.Page

    def counting(page, **kwargs):
        made.append(kwargs["url_path"])
        return real(page, **kwargs)

    monkeypatch.setattr(routes.st, "Page", counting)
    at = overview(theme=["security"])
    first = len(made)
    assert first > len(load_content(data.content_dir()).case("minusma").sections)
    at.multiselect(key="theme-pick").set_value(["political"]).run()
    at.run()
    assert not at.exception
    assert len(made) == first  # no page made again in the same session
    overview()
    assert len(made) == 2 * first  # a new session makes its own
