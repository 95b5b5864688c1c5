"""A second, ingested case in the real browser: chosen in the sidebar, kept in the URL, compared."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import CONTENT, FIXTURES, ROOT
from tests.e2e.conftest import start_app, stop_app, wait_for_app

SECOND = "Peacekeeping after MINUSMA: Lessons for the Sahel"  # the HTML fixture's title


@pytest.fixture(scope="module")
def two_case_url(tmp_path_factory, browser):
    root = tmp_path_factory.mktemp("cases") / "content"
    shutil.copytree(CONTENT, root)
    subprocess.run(
        [sys.executable, "-m", "casebook", "ingest", str(FIXTURES / "ingest" / "messy_post.html"),
         "--case", "messy-post", "--content", str(root)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    os.environ["CASEBOOK_CONTENT"] = str(root)
    try:
        url, process = start_app()
    finally:
        del os.environ["CASEBOOK_CONTENT"]
    warm = browser.new_page()
    warm.goto(url)
    wait_for_app(warm)
    warm.close()
    yield url
    stop_app(process)


def heading(page) -> str:
    return page.locator("[data-testid='stMainBlockContainer'] h1").first.inner_text()


def test_choose_a_case_compare_and_share(page, two_case_url):
    page.goto(two_case_url)  # the first case folder, messy-post, is the default
    wait_for_app(page)
    assert heading(page) == SECOND

    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").locator("input").click()
    page.keyboard.type("minusma")
    page.keyboard.press("Enter")
    page.wait_for_url("**case=minusma**")
    wait_for_app(page)
    assert heading(page).startswith("Analyzing the Impact of the UN Mission in Mali")

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Compare cases").click()
    page.wait_for_url("**/compare?**")
    wait_for_app(page)
    assert parse_qs(urlparse(page.url).query) == {"case": ["minusma"]}
    chart = page.get_by_label("Theme coverage by case")
    chart.locator(".main-svg").first.wait_for()
    legend = chart.locator(".legendtext").evaluate_all("els => els.map(e => e.textContent)")
    assert SECOND in legend and any(t.startswith("Analyzing the Impact") for t in legend)
