"""A second, ingested case in the real browser: chosen in the sidebar, kept in the URL, compared."""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlparse

from tests.e2e.conftest import wait_for_app

SECOND = "Peacekeeping after MINUSMA: Lessons for the Sahel"  # the HTML fixture's title


def heading(page) -> str:
    return page.locator("[data-testid='stMainBlockContainer'] h1").first.inner_text()


def test_choose_a_case_compare_and_share(page, two_case_url):
    # content/site.yaml names minusma the default, though messy-post sorts first
    page.goto(two_case_url)
    wait_for_app(page)
    assert heading(page).startswith("Analyzing the Impact of the UN Mission in Mali")

    selector = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")
    assert selector.locator("input").input_value() == heading(page)  # a title, not "minusma"
    selector.locator("input").click()
    page.keyboard.press("ArrowDown")  # opens the list
    options = page.get_by_role("option")
    options.first.wait_for()
    # the list opens as wide as the titles need, past the sidebar's edge: none is cut
    cut = """els => els.map(e => {
        const text = document.createRange(); text.selectNodeContents(e);
        const box = e.closest("[role='listbox']").getBoundingClientRect();
        return text.getBoundingClientRect().right > box.right; })"""
    assert options.evaluate_all(cut) == [False, False]
    page.keyboard.type("after minusma")  # part of the other's title
    page.get_by_role("option", name=SECOND).wait_for()
    page.keyboard.press("Enter")
    page.wait_for_url("**case=messy-post**")
    wait_for_app(page)
    assert heading(page) == SECOND

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Compare cases").click()
    page.wait_for_url("**/compare?**")
    wait_for_app(page)
    assert parse_qs(urlparse(page.url).query) == {"case": ["messy-post"]}
    chart = page.get_by_label("Theme coverage by case")
    chart.locator(".main-svg").first.wait_for()
    legend = chart.locator(".legendtext").evaluate_all("els => els.map(e => e.textContent)")
    assert SECOND in legend and any(t.startswith("Analyzing the Impact") for t in legend)


def test_a_menu_or_page_link_opened_in_a_new_tab_keeps_the_case_and_filter(page, two_case_url):
    # Streamlit's links point at a page alone: a new tab opened the default case there
    page.goto(f"{two_case_url}/?case=messy-post&theme=security&theme=political&match=all")
    wait_for_app(page)
    link = page.get_by_test_id("stSidebarNav").get_by_role("link").nth(1)  # a section
    title = link.inner_text().split("\n")[-1].strip()  # after its icon's name
    link.hover()
    href = link.get_attribute("href")
    query = "?case=messy-post&theme=security&theme=political&match=all"
    assert href.endswith(query)
    fresh = page.context.new_page()
    fresh.goto(urljoin(two_case_url + "/", href))
    wait_for_app(fresh)
    assert heading(fresh) == title
    assert fresh.get_by_text("Page not found").count() == 0
    assert parse_qs(urlparse(fresh.url).query) == {
        "case": ["messy-post"], "theme": ["security", "political"], "match": ["all"],
    }  # fmt: skip
    fresh.close()
    # the element carrying the script takes no room on the page (no gap above the filter)
    hidden = page.evaluate(
        "() => [...document.querySelectorAll('script')]"
        ".filter(s => s.textContent.includes('__casebookLinks'))"
        ".map(s => getComputedStyle(s.closest('[data-testid=stElementContainer]')).display)"
    )
    assert hidden == ["none"]
    # a page link in the page (the section's "Next") is kept up to date the same way
    following = page.get_by_test_id("stPageLink").first.get_by_role("link")
    following.focus()
    assert following.get_attribute("href").endswith(query)


def test_a_one_bar_hits_chart_keeps_its_axis_title_clear_of_the_ticks(page, two_case_url):
    # "vacuum" is only in the second case's "Introduction": one bar, a one-line label
    page.goto(f"{two_case_url}/search?case=messy-post&q=vacuum")
    wait_for_app(page)
    chart = page.locator(".stPlotlyChart").first
    chart.locator(".xtitle").wait_for()
    assert chart.locator(".ytick").count() == 1
    gaps = chart.evaluate(
        "c => { const t = c.querySelector('.xtitle').getBoundingClientRect();"
        " return [...c.querySelectorAll('.xtick text')]"
        ".map(x => t.top - x.getBoundingClientRect().bottom); }"
    )
    assert gaps and min(gaps) >= 0, gaps
