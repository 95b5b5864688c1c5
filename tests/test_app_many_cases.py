"""Twenty cases: a case selector searched by part of a name, and /compare as a grid."""

from __future__ import annotations

import shutil
from functools import partial

import pytest
from streamlit.proto.SelectWidgetFilterMode_pb2 import SelectWidgetFilterMode

from casebook import comparecharts
from tests import conftest
from tests.conftest import TINY

COUNT = 20
REPORT = "Report of the Secretary-General on Testland (S/2024/20)"  # the last case's title


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    root = tmp_path_factory.mktemp("many") / "content"
    root.mkdir()
    shutil.copy(TINY / "themes.yaml", root)
    for number in range(1, COUNT + 1):
        folder = root / f"case-{number:02d}"
        shutil.copytree(TINY / "demo", folder)
        yaml = (folder / "case.yaml").read_text(encoding="utf-8")
        title = f"Mission report number {number}" if number != 7 else "Mission report number 1"
        title = REPORT if number == COUNT else title
        (folder / "case.yaml").write_text(
            "\n".join(f"title: {title}" if line.startswith("title:") else line
                      for line in yaml.splitlines()) + "\n", encoding="utf-8",
        )  # fmt: skip
    return root


# Twenty cases make a slower first run than one.
open_app = partial(conftest.open_app, timeout=60)


def test_the_selector_lists_every_case_by_title_and_searches_by_part_of_one(many):
    at = open_app(many, case="case-12")
    selector = at.sidebar.selectbox(key="case-pick")
    titles = [f"Mission report number {n}" for n in range(1, COUNT + 1)]
    titles[0], titles[6] = "Mission report number 1 (case-01)", "Mission report number 1 (case-07)"
    titles[-1] = "S/2024/20 · Report of the Secretary-General on Testland"  # the symbol first
    assert selector.options == titles  # in folder order; two of one title told apart
    assert selector.value == "case-12"  # the folder name, as the URL keeps it
    assert selector.index == 11
    assert at.selectbox(key="case").value == "case-12"  # the URL's widget, out of sight
    assert at.title[0].value == "Mission report number 12"
    assert selector.proto.filter_mode == SelectWidgetFilterMode.FILTER_MODE_CONTAINS


def test_compare_shows_twenty_cases_as_a_grid_with_one_row_each(many):
    at = open_app(many, "compare")
    figure = at.get("plotly_chart")[0].proto.spec
    assert '"type":"scatter"' in figure.replace(" ", "")
    assert figure.count("Mission report number 1 (case-01)") >= 1  # two cases share a title
    assert "Mission report number 19" in figure
    assert len(at.dataframe[0].value) == COUNT
    cases = list(at.dataframe[0].value["case"])
    assert cases[-1] == "S/2024/20 · Report of the Secretary-General on Testland"  # as listed
    assert cases.count("Mission report number 1 (case-01)") == 1  # told apart as in the chart
    assert cases.count("Mission report number 1 (case-07)") == 1
    intro = " ".join(md.value for md in at.markdown)
    assert "One row a case, one column a theme" in intro and "hatching" not in intro


def test_a_few_cases_keep_the_grouped_bars():
    assert comparecharts.GROUPED_CASES == 4
