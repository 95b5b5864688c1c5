"""Charts and tables are built once per content version and view, shared by sessions, and
rebuilt when either changes (casebook.ui.figure, casebook.ui.shared)."""

from __future__ import annotations

import json
import time
from collections import Counter

import pandas.testing as pdt
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from casebook import charts, coverage, markup
from casebook.loader import load_content
from casebook.ui import data
from tests.test_app import coverage_bars

# what the overview draws from the view: the codeline chart, the bars and the table
OVERVIEW_PARTS = {"codeline_figure": charts, "coverage_bars": markup, "heat_table": markup}
OVERVIEW_CHARTS = tuple(OVERVIEW_PARTS)


@pytest.fixture
def builds(monkeypatch) -> Counter:
    """How often each overview part is built, from an empty cache."""
    data._shared.clear()  # noqa: SLF001 - start from nothing cached
    counted: Counter = Counter()
    for name, module in OVERVIEW_PARTS.items():
        build = getattr(module, name)

        def counting(*args, _build=build, _name=name, **kwargs):
            counted[_name] += 1
            return _build(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    yield counted
    data._shared.clear()  # noqa: SLF001 - leave no counted figures to later tests


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
    assert specs(second) == specs(first)
    assert coverage_bars(second) == coverage_bars(first)


def test_another_filter_gets_its_own_charts(builds):
    overview(theme=["humanitarian"])
    at = overview(theme=["security", "political"])
    assert builds == dict.fromkeys(OVERVIEW_CHARTS, 2)
    (codeline,) = specs(at)
    assert [trace["name"] for trace in codeline["data"]] == ["Security", "Political"]
    at.multiselect(key="theme").set_value(["humanitarian"]).run()  # back to a cached view
    assert builds == dict.fromkeys(OVERVIEW_CHARTS, 2)
    assert [trace["name"] for trace in specs(at)[0]["data"]] == ["Humanitarian"]
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
    """The frames are shared by every session (st.cache_resource): after every page has run,
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
