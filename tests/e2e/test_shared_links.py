"""In the real browser: shared links reproduce the view, the filter lives in the URL,
bad URLs are harmless, and folded text and evidence are one click away."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from tests.e2e.conftest import (
    chips,
    filter_bar,
    start_app,
    stop_app,
    wait_for_app,
)

CASE_TITLE = "Analyzing the Impact of the UN Mission in Mali: A Comprehensive Case Study"


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def heading(page) -> str:
    return page.locator("[data-testid='stMainBlockContainer'] h1").first.inner_text()


def test_shared_link_with_filter_survives_navigation_and_reload(browser, app_url):
    context = browser.new_context()  # a colleague's fresh browser
    page = context.new_page()
    page.goto(f"{app_url}/security-improvements?theme=security&theme=political")
    wait_for_app(page)
    assert heading(page) == "Security Improvements and Threat Reduction"
    assert chips(page) == ["security", "political"]
    assert page.locator(".cb-para.cb-match").count() == 4

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Lessons learned").click()
    page.wait_for_url("**/lessons-learned?**")
    wait_for_app(page)
    assert heading(page).startswith("Lessons Learned")
    assert query(page) == {"theme": ["security", "political"]}
    assert chips(page) == ["security", "political"]

    page.reload()
    wait_for_app(page)
    assert urlparse(page.url).path == "/lessons-learned"
    assert query(page) == {"theme": ["security", "political"]}
    assert chips(page) == ["security", "political"]
    context.close()


def test_a_page_the_filter_does_not_change_keeps_it_out_of_sight_and_in_the_link(page, app_url):
    """About, Compare sections and Add an article show every theme whatever the filter: the
    filter is not offered there, a filter that is set is named, and it comes back on the
    next page, still in the URL."""
    page.goto(f"{app_url}/about?theme=security&theme=political&match=all")
    wait_for_app(page)
    assert heading(page) == "About this dashboard"
    assert page.get_by_test_id("stMultiSelect").filter(visible=True).count() == 0
    assert page.get_by_test_id("stRadio").filter(visible=True).count() == 0
    note = page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").first.inner_text()
    assert "The filter (Security and Political) is kept for the other pages" in note
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Lessons learned").click()
    page.wait_for_url("**/lessons-learned?**")
    wait_for_app(page)
    assert query(page) == {"theme": ["security", "political"], "match": ["all"]}
    assert chips(page) == ["security", "political"]


def test_choosing_a_theme_writes_it_into_the_url_and_the_share_link(page, app_url):
    page.goto(f"{app_url}/future-outlook")
    wait_for_app(page)
    assert page.locator(".cb-para.cb-match").count() == 0
    filter_bar(page).get_by_test_id("stMultiSelect").locator("input").click()
    page.keyboard.type("Humanitarian")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_url("**theme=humanitarian**")
    wait_for_app(page)
    assert query(page) == {"theme": ["humanitarian"]}
    share = page.get_by_test_id("stSidebar").locator(".cb-share").inner_text()
    assert share.replace("\n", "").endswith("/future-outlook?theme=humanitarian")
    assert page.locator(".cb-para.cb-match").count() >= 1


def test_markup_in_the_url_is_dropped_not_run(page, app_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{app_url}/introduction?theme=%3Cscript%3Ealert(1)%3C/script%3E&theme=security")
    wait_for_app(page)
    assert dialogs == []
    assert page.get_by_test_id("stException").count() == 0
    assert chips(page) == ["security"]
    page.wait_for_function("() => !location.search.includes('script')")
    assert query(page) == {"theme": ["security"]}
    assert page.locator("script:text('alert(1)')").count() == 0


def test_unknown_page_gives_a_short_notice_and_the_overview(page, app_url):
    page.goto(f"{app_url}/no-such-section?theme=security")
    wait_for_app(page)
    assert heading(page) == CASE_TITLE
    assert page.get_by_test_id("stException").count() == 0
    assert page.get_by_role("dialog").get_by_text("Page not found").count() == 1


def test_folded_paragraphs_and_evidence_are_one_click_away(page, app_url):
    page.goto(f"{app_url}/security-improvements?theme=partnerships")
    wait_for_app(page)
    paragraphs = page.locator(".cb-para:visible")
    assert paragraphs.count() == 2  # the other two are folded
    page.get_by_text("2 paragraphs outside the filter").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.cb-para')].filter(e => e.offsetParent).length === 4"
    )
    evidence = page.locator("details.cb-evidence").first
    assert not evidence.get_attribute("open") and "score" not in evidence.inner_text()
    evidence.get_by_text("Evidence").focus()
    page.keyboard.press("Enter")  # a disclosure: a click or the keyboard opens it
    page.wait_for_function("() => document.querySelector('details.cb-evidence').open")
    assert "score" in evidence.inner_text()
    assert "Security" in evidence.inner_text()


def test_first_deep_link_after_start_shows_no_page_not_found_dialog(browser):
    """The first reader of a fresh server comes by a shared link. With a pages/ folder beside
    dashboard.py, Streamlit would start in its legacy mode and show "Page not found" over the
    right page; dashboard.py turns that mode off before any session (see its docstring)."""
    url, process = start_app()
    try:
        first_deep_link_lands(browser, url)
    finally:
        stop_app(process)


def first_deep_link_lands(browser, url: str) -> None:
    page = browser.new_page()
    page.goto(f"{url}/political-stability?theme=political")
    wait_for_app(page)
    assert heading(page) == "Support for Political Stability and Peacebuilding"
    assert chips(page) == ["political"]
    page.wait_for_timeout(1000)  # the dialog, when it comes, follows the first run
    assert page.get_by_role("dialog").count() == 0
