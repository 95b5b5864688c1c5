"""Every page in the real browser: drawn, charts included, with no error shown or logged."""

from __future__ import annotations

import re

import pytest

from casebook.loader import load_content
from tests.conftest import CONTENT
from tests.e2e.conftest import wait_for_app

CASE = load_content(CONTENT).case("minusma")
CODEBOOK = load_content(CONTENT).codebook
EXPLORE = {f"/theme-{t}": 1 for t in CODEBOOK.ids} | {
    "/search?q=insurgen*": 1,
    "/co-occurrence": 1,
    "/compare-sections": 1,
    "/facts": 3,
    "/claims": 1,
}
# path -> how many charts it draws
PATHS = {"/": 3, "/about": 0} | {f"/{s.slug}": 1 for s in CASE.sections} | EXPLORE
# Opening /<page> directly, Streamlit's frontend first probes /<page>/_stcore/... in case
# the app lives under that path, and logs the 404s (streamlit/streamlit#4574).
BASE_PATH_PROBE = re.compile(r"/[a-z-]+/_stcore/(health|host-config)$")


@pytest.mark.parametrize("path", PATHS)
def test_page_draws_without_errors(page, app_url, path):
    expected = PATHS[path]
    failures: list[str] = []
    page.on("pageerror", lambda error: failures.append(f"page error: {error}"))
    page.on(
        "response",
        lambda r: (
            r.status >= 400
            and not BASE_PATH_PROBE.search(r.url)
            and failures.append(f"{r.status} {r.url}")
        ),
    )
    page.on("requestfailed", lambda r: failures.append(f"failed: {r.url}"))
    separator = "&" if "?" in path else "?"
    page.goto(f"{app_url}{path}{separator}theme=security")
    wait_for_app(page)
    assert page.get_by_test_id("stException").count() == 0
    charts = page.get_by_test_id("stPlotlyChart")
    for index in range(expected):  # drawn, under load too: wait for each before counting
        charts.nth(index).locator(".main-svg").first.wait_for()
    assert charts.count() == expected
    assert failures == []
