"""Explore features in the real browser: deep links scroll and mark, search highlights, markup stays text."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from casebook import coverage
from casebook.loader import load_content
from tests.conftest import CONTENT
from tests.e2e.conftest import chips, download, wait_for_app

CODEBOOK = load_content(CONTENT).codebook
CASE = load_content(CONTENT).case("minusma")


def visible_top(page, selector: str) -> float:
    """Where an element stands in the viewport (px from the top)."""
    return page.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top")


def test_paragraph_link_opens_its_section_scrolled_and_marked(page, app_url):
    page.set_viewport_size({"width": 1200, "height": 600})
    page.goto(f"{app_url}/theme-partnerships?theme=political")
    wait_for_app(page)
    link = page.locator('a.cb-link[href^="future-outlook?"]').first
    href = link.get_attribute("href")
    assert href.startswith("future-outlook?theme=political&p=future-outlook-p")
    anchor = href.split("#")[1]
    link.click()
    page.wait_for_url(f"**/future-outlook?**#{anchor}")
    wait_for_app(page)
    target = f"#{anchor}"
    page.wait_for_function(
        f"() => {{ const r = document.querySelector('{target}').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }"
    )
    assert "cb-target" in page.locator(target).get_attribute("class")
    outline = page.locator(target).evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"
    assert chips(page) == ["political"]  # the filter came along


def test_a_fresh_browser_opening_a_deep_link_far_down_is_scrolled_to_it(browser, app_url):
    context = browser.new_context(viewport={"width": 1200, "height": 500})
    page = context.new_page()
    page.goto(f"{app_url}/future-outlook?p=future-outlook-p6#future-outlook-p6")
    wait_for_app(page)
    page.wait_for_function(
        "() => { const r = document.getElementById('future-outlook-p6').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }"
    )
    assert page.get_by_test_id("stMain").evaluate("e => e.scrollTop") > 300
    context.close()


def test_search_highlights_hits_and_keeps_the_query_in_the_url(page, app_url):
    page.goto(f"{app_url}/search")
    wait_for_app(page)
    box = page.get_by_test_id("stTextInput").locator("input")
    box.fill('"peace process"')
    box.press("Enter")
    page.wait_for_url("**/search?q=*")
    wait_for_app(page)
    assert parse_qs(urlparse(page.url).query) == {"q": ['"peace process"']}
    marks = page.locator(".cb-kwic mark")
    assert marks.count() == 2
    assert {marks.nth(i).inner_text().lower() for i in range(2)} == {"peace process"}
    assert marks.first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(240, 228, 66)"


def test_a_markup_query_is_shown_as_text(page, app_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    query = "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E"
    page.goto(f"{app_url}/search?q={query}")
    wait_for_app(page)
    value = page.get_by_test_id("stTextInput").locator("input").input_value()
    assert value == "<img src=x onerror=alert(1)><script>alert(2)</script>"
    assert page.locator("img[src='x']").count() == 0  # main page and sidebar
    assert page.get_by_text("Nothing found.").count() == 1
    share = page.locator(".cb-share").inner_text().replace("\n", "")
    assert share.endswith("/search?q=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E%3Cscript%3E"
                          "alert%282%29%3C%2Fscript%3E")  # fmt: skip
    assert dialogs == []


def test_a_codeline_mark_opens_its_paragraph_with_the_filter(page, app_url):
    page.set_viewport_size({"width": 1200, "height": 600})
    page.goto(f"{app_url}/?theme=security")
    wait_for_app(page)
    table = coverage.paragraph_table([CASE], CODEBOOK)
    fourth = table[["security" in themes for themes in table["themes"]]].iloc[3]
    mark = page.locator(".cb-codeline a.cb-cl-mark").nth(3)  # the first row: Security
    anchor = fourth["anchor"]
    assert mark.get_attribute("href") == f"{fourth['section']}?theme=security&p={anchor}#{anchor}"
    short = {s.slug: s.nav_title for s in CASE.sections}[fourth["section"]]  # as the menu
    assert mark.get_attribute("title").startswith(f"Security: {short} · ¶{fourth['position']}: ")
    mark.click()
    page.wait_for_url(f"**/{fourth['section']}?**#{anchor}")
    wait_for_app(page)
    page.wait_for_function(
        f"() => {{ const r = document.getElementById('{anchor}').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }"
    )
    assert "cb-target" in page.locator(f"#{anchor}").get_attribute("class")
    assert chips(page) == ["security"]  # the filter came along


def test_the_overview_exports_download_what_the_filter_shows(page, app_url):
    """Both files arrive, with the rows the filter keeps and the Markdown's header naming
    the view."""
    page.goto(f"{app_url}/?theme=humanitarian")
    wait_for_app(page)
    table = coverage.paragraph_table([CASE], CODEBOOK)
    expected = table[table["themes"].map(lambda themes: "humanitarian" in themes)]
    csv_download = download(page, "Paragraphs (CSV)")
    today = date.today().isoformat()
    assert csv_download.suggested_filename == f"minusma-paragraphs-humanitarian-{today}.csv"
    rows = list(csv.DictReader(io.StringIO(Path(csv_download.path()).read_text("utf-8"))))
    assert {row["view_link"] for row in rows} == {f"{app_url}?theme=humanitarian"}
    assert [(row["section"], int(row["position"])) for row in rows] == list(
        zip(expected["section"], expected["position"], strict=True)
    )
    md_download = download(page, "Text (Markdown)")
    text = Path(md_download.path()).read_text("utf-8")
    assert text.startswith(f"# {CASE.title}")
    assert "paragraphs coded Humanitarian" in text
    assert "?theme=humanitarian" in text  # the permalink of the view
    assert text.count("\n## ") == expected["section"].nunique()


def test_an_export_of_paragraphs_with_every_theme_is_named_so(page, app_url):
    """'any' and 'all' are two views with two sets of rows: their files keep apart."""
    page.goto(f"{app_url}/?theme=security&theme=political&match=all")
    wait_for_app(page)
    name = download(page, "Text (Markdown)").suggested_filename
    assert name == f"minusma-paragraphs-security-and-political-{date.today().isoformat()}.md"


def test_the_codeline_list_links_every_paragraph_with_the_filter(page, app_url):
    page.goto(f"{app_url}/?theme=security")
    wait_for_app(page)
    page.get_by_text("The 51 paragraphs as a list").click()
    links = page.locator("ul.cb-links a.cb-link")
    links.first.wait_for()
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    table = coverage.paragraph_table([CASE], CODEBOOK)
    assert hrefs == [
        f"{row.section}?theme=security&p={row.anchor}#{row.anchor}" for row in table.itertuples()
    ]


def test_cite_this_view_opens_with_the_citation_of_the_view(page, app_url):
    """The copyable link and the citation are drawn only when their expander opens."""
    page.goto(f"{app_url}/lessons-learned?theme=security")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    assert sidebar.locator(".cb-share").inner_text().endswith("/lessons-learned?theme=security")
    assert sidebar.get_by_test_id("stCode").count() == 0
    sidebar.get_by_text("Copy the link or cite this view").click()
    bibtex = sidebar.get_by_test_id("stCode").filter(has_text="@online{minusma-")
    bibtex.wait_for()
    apa = sidebar.get_by_test_id("stCode").filter(has_text="Retrieved")
    assert "(read in casebook, content version " in apa.inner_text()
    assert "lessons-learned?theme=security" in apa.inner_text()
    link = sidebar.get_by_test_id("stCode").first
    assert link.inner_text().replace("\n", "").endswith("/lessons-learned?theme=security")
    link.hover()  # the copy button shows on hover
    sidebar.get_by_role("button", name="Copy to clipboard").first.wait_for()
