"""Hostile URLs in a real browser: an unknown nested path and a malformed fragment, under
`streamlit run dashboard.py` (the command the README and the image run)."""

from __future__ import annotations

from tests.e2e.conftest import wait_for_app


def test_an_unknown_nested_path_says_page_not_found(page, app_url):
    page.goto(f"{app_url}/foo/bar?theme=security")
    wait_for_app(page)
    assert page.url == f"{app_url}/?theme=security"  # /foo, then Streamlit's own fallback
    assert page.get_by_text("Page not found").count() >= 1
    assert (
        page.locator("[data-testid='stMainBlockContainer'] h1")
        .first.inner_text()
        .startswith("Analyzing the Impact")
    )


def test_a_malformed_fragment_raises_no_error_in_the_page(page, app_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{app_url}/future-outlook?p=future-outlook-p5#%E0%A4%A")
    wait_for_app(page)
    page.wait_for_timeout(1000)
    assert [e for e in errors if "URI" in e or "malformed" in e] == []
