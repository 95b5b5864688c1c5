"""Several cases in one dashboard: a case selector in the URL, and /compare across cases."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from tests import conftest
from tests.conftest import CONTENT, FIXTURES, ROOT
from tests.test_app import share_link


@pytest.fixture(scope="module")
def two_cases(tmp_path_factory):
    """The shipped content plus a second case ingested from a fixture article."""
    root = tmp_path_factory.mktemp("cases") / "content"
    shutil.copytree(CONTENT, root)
    subprocess.run(
        [sys.executable, "-m", "casebook", "ingest", str(FIXTURES / "ingest" / "messy_post.md"),
         "--case", "messy-post", "--content", str(root)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    return root


def run(content, page: str | None = None, **query) -> AppTest:
    return conftest.open_app(content, page, 30, **query)


def test_one_case_means_no_case_selector():
    at = run(CONTENT)
    assert not at.sidebar.selectbox
    labels = [link.proto.label for link in at.get("page_link")]
    assert "Compare cases" not in labels


def test_the_case_selector_follows_the_url(two_cases):
    at = run(two_cases, case="minusma")
    assert at.sidebar.selectbox(key="case").value == "minusma"
    assert at.title[0].value.startswith("Analyzing the Impact of the UN Mission in Mali")
    assert share_link(at) == "/?case=minusma"
    other = run(two_cases, case="messy-post")
    assert other.title[0].value == "Counting the Cost: MINUSMA and the Politics of Withdrawal"


def test_an_unknown_case_falls_back_to_the_first_folder(two_cases):
    at = run(two_cases, case="<b>nope</b>")
    assert at.title[0].value == "Counting the Cost: MINUSMA and the Politics of Withdrawal"


def test_compare_shows_every_case(two_cases):
    at = run(two_cases, "compare")
    (figure,) = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert [trace["name"] for trace in figure["data"]] == [
        "Counting the Cost: MINUSMA and the Politics of Withdrawal",
        "Analyzing the Impact of the UN Mission in Mali: A Comprehensive Case Study",
    ]
    assert len(figure["data"][0]["x"]) == 4
