"""Several cases in one dashboard: a case selector in the URL, and /compare across cases."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from casebook import coverage
from casebook.loader import load_content
from casebook.ui.explore import LIST_KEY
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


MINUSMA_TITLE = "Analyzing the Impact of the UN Mission in Mali: A Comprehensive Case Study"
OTHER_TITLE = "Counting the Cost: MINUSMA and the Politics of Withdrawal"


def run(content, page: str | None = None, **query) -> AppTest:
    return conftest.open_app(content, page, 30, **query)


def test_one_case_means_no_case_selector():
    at = run(CONTENT)
    assert not at.sidebar.selectbox
    labels = [link.proto.label for link in at.get("page_link")]
    assert "Compare cases" not in labels


def test_the_case_selector_follows_the_url(two_cases):
    at = run(two_cases, case="minusma")
    selector = at.sidebar.selectbox(key="case-pick")
    assert selector.options == [OTHER_TITLE, MINUSMA_TITLE]  # titles, in folder order
    assert selector.value == at.selectbox(key="case").value == "minusma"  # the URL's id
    assert at.title[0].value.startswith("Analyzing the Impact of the UN Mission in Mali")
    assert share_link(at) == "/?case=minusma"
    other = run(two_cases, case="messy-post")
    assert other.title[0].value == "Counting the Cost: MINUSMA and the Politics of Withdrawal"


def test_choosing_a_case_by_its_title_puts_its_folder_in_the_link(two_cases, monkeypatch):
    monkeypatch.setenv("CASEBOOK_CONTENT", str(two_cases))
    at = run(two_cases)
    at.sidebar.selectbox(key="case-pick").select_index(0).run()  # as a browser sends it
    assert not at.exception
    assert at.title[0].value == OTHER_TITLE
    assert at.selectbox(key="case").value == "messy-post"
    assert share_link(at) == "/?case=messy-post"


def test_an_unknown_case_falls_back_to_the_default_case_and_says_so(two_cases):
    at = run(two_cases, case="<b>nope</b>")
    assert at.title[0].value == MINUSMA_TITLE
    (notice,) = [w.value for w in at.warning]
    assert notice.startswith("This link names a case “&lt;b&gt;nope&lt;/b&gt;” that is not here")
    assert "The cases are listed in the sidebar." in notice
    for known in (run(two_cases, case="messy-post"), run(two_cases)):  # nothing to say
        assert not any("This link names a case" in w.value for w in known.warning)


def test_a_link_without_a_case_opens_the_default_though_a_new_case_sorts_first(two_cases):
    """content/site.yaml names minusma: adding messy-post, which sorts before it, changes
    nothing an old link shows (it once opened messy-post's overview, and an old section
    link said "Page not found")."""
    assert run(two_cases).title[0].value == MINUSMA_TITLE
    section = run(two_cases, "security-improvements")
    assert section.title[0].value == "Security Improvements and Threat Reduction"
    assert section.sidebar.selectbox(key="case-pick").value == "minusma"


def test_without_a_site_file_the_first_folder_is_the_default(two_cases, tmp_path):
    bare = tmp_path / "content"
    shutil.copytree(two_cases, bare)
    (bare / "site.yaml").unlink()
    assert run(bare).title[0].value == OTHER_TITLE


def test_a_default_that_names_no_case_is_reported_and_the_site_still_opens(two_cases, tmp_path):
    wrong = tmp_path / "content"
    shutil.copytree(two_cases, wrong)
    (wrong / "site.yaml").write_text("default_case: minusm\n", encoding="utf-8")
    assert run(wrong).title[0].value == OTHER_TITLE  # the first folder stands in
    check = subprocess.run(
        [sys.executable, "-m", "casebook", "check", "--content", str(wrong)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode != 0
    assert (
        "default_case 'minusm' is no case folder (did you mean 'minusma'?)"
        in check.stdout + check.stderr
    )


def test_compare_shows_every_case(two_cases):
    at = run(two_cases, "compare")
    (figure,) = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert [trace["name"] for trace in figure["data"]] == [
        "Counting the Cost: MINUSMA and the Politics of Withdrawal",
        "Analyzing the Impact of the UN Mission in Mali: A Comprehensive Case Study",
    ]
    assert len(figure["data"][0]["x"]) == 4
    assert any("each case has its own hatching" in md.value for md in at.markdown)  # as drawn
    # on a phone, where long titles leave the bars no room, a cases × themes table instead
    (grid,) = [md.value for md in at.markdown if md.value.startswith("<table")]
    heads = re.findall(r"<th>(.*?)</th>", grid)
    assert heads == ["case", "Security", "Political", "Humanitarian", "Partnerships"]
    assert [html.unescape(row) for row in re.findall(r"<tr>\s*<td>(.*?)</td>", grid)] == [
        OTHER_TITLE, MINUSMA_TITLE,
    ]  # fmt: skip


def test_the_paragraph_list_cuts_only_long_paragraphs(two_cases, monkeypatch):
    """Under the codeline, each paragraph's opening words: "…" only where it goes on."""
    at = run(two_cases, case="messy-post")
    monkeypatch.setenv("CASEBOOK_CONTENT", str(two_cases))
    at.session_state[LIST_KEY] = True  # the reader opens the list: a rerun draws it
    at.run()
    (listing,) = [md.value for md in at.markdown if 'class="cb-links"' in md.value]
    items = re.findall(r"<li><a [^>]*>(.*?)</a></li>", listing)
    case = load_content(two_cases).case("messy-post")
    table = coverage.paragraph_table([case], load_content(two_cases).codebook)
    assert len(items) == len(table)
    lengths = [len(text.split()) for text in table["text"]]
    assert min(lengths) <= 10 < max(lengths)  # the case has both kinds
    for item, row, length in zip(items, table.itertuples(), lengths, strict=True):
        words = row.text.split()
        opening = " ".join(words) if length <= 10 else " ".join(words[:10]) + " …"
        assert html.unescape(item) == f"{row.section_title} · ¶{row.position}: {opening}"
