"""Hostile URLs in a real browser: an unknown nested path and a malformed fragment.

The app is served as the image serves it (`streamlit run serve.py`)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import free_port, start_app_on, stop_app, wait_for_app


@pytest.fixture(scope="module")
def served(browser):
    """The app as the image serves it, after one visit to its home page (see app_url)."""
    port = free_port()
    process = start_app_on(port, script="serve.py")
    try:
        context = browser.new_context()
        first = context.new_page()
        first.goto(f"http://127.0.0.1:{port}")
        wait_for_app(first)
        context.close()
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_app(process)


def test_an_unknown_nested_path_says_page_not_found(page, served):
    page.goto(f"{served}/foo/bar?theme=security")
    wait_for_app(page)
    assert page.url == f"{served}/?theme=security"  # /foo, then Streamlit's own fallback
    assert page.get_by_text("Page not found").count() >= 1
    assert (
        page.locator("[data-testid='stMainBlockContainer'] h1")
        .first.inner_text()
        .startswith("Analyzing the Impact")
    )


def test_a_malformed_fragment_raises_no_error_in_the_page(page, served):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{served}/future-outlook?p=future-outlook-p5#%E0%A4%A")
    wait_for_app(page)
    page.wait_for_timeout(1000)
    assert [e for e in errors if "URI" in e or "malformed" in e] == []
