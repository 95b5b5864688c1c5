"""What a new reader meets, in the real browser: the filter in sight, labels not ids,
a title per tab, and phones (390 x 844) where every chart reads whole.

Layout is checked by bounding boxes, never by pixels; each phone view is also saved as a
screenshot (under pytest's tmp_path) for a person to look at.
"""

from __future__ import annotations

import json
import re
import urllib.request
from datetime import date
from html import escape
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from casebook import contrast, preview
from casebook.loader import load_content
from tests.conftest import CONTENT
from tests.e2e.conftest import chips, download, filter_bar, wait_for_app

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
# A phone's browser says so: Streamlit closes the menu after a page is chosen only when
# the user agent names a mobile device.
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _overlap(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
    )  # fmt: skip


def assert_labels_inside(chart) -> None:
    """Every tick label, bar value and label beside a point lies within the chart, none
    cut off or under the legend, and no two row labels run into each other."""
    box = chart.bounding_box()
    legend = chart.locator(".legend").first
    legend_box = legend.bounding_box() if legend.count() else None
    for label in chart.locator(".ytick text, .xtick text, text.bartext, .textpoint text").all():
        part = label.bounding_box()
        if part is None:
            continue
        inside = (
            part["x"] >= box["x"] - 1 and part["x"] + part["width"] <= box["x"] + box["width"] + 1
            and part["y"] >= box["y"] - 1
            and part["y"] + part["height"] <= box["y"] + box["height"] + 1
        )  # fmt: skip
        assert inside, label.text_content()
        assert not (legend_box and _overlap(part, legend_box)), label.text_content()
    rows = sorted(
        (t.bounding_box() for t in chart.locator(".ytick text").all()), key=lambda b: b["y"]
    )
    for above, below in zip(rows, rows[1:], strict=False):  # row labels never run together
        assert below["y"] - (above["y"] + above["height"]) >= 4, "row labels touch"


@pytest.fixture(scope="module")
def phone_context(browser):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, user_agent=PHONE_AGENT
    )
    yield context
    context.close()


@pytest.fixture
def phone(phone_context):
    """A new tab on the phone for each test (one profile, so the script bundle is cached)."""
    tab = phone_context.new_page()
    yield tab
    tab.close()


@pytest.mark.parametrize("path", ["/", "/political-stability", "/facts"])
def test_the_filter_is_in_sight_without_scrolling_on_a_laptop(page, app_url, path):
    page.set_viewport_size(LAPTOP)
    page.goto(f"{app_url}{path}")
    wait_for_app(page)
    box = filter_bar(page).bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"]


def test_the_filter_is_in_sight_on_a_phone_with_the_menu_closed(phone, app_url):
    phone.goto(f"{app_url}/political-stability")
    wait_for_app(phone)
    box = filter_bar(phone).get_by_test_id("stMultiSelect").bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_an_old_link_with_ids_shows_labels_and_keeps_the_ids(page, app_url):
    page.goto(f"{app_url}/?theme=security&theme=political")
    wait_for_app(page)
    group = filter_bar(page).get_by_role("group", name="Selected values")
    group.locator("[data-tag]").nth(1).wait_for()  # the chips can draw after the heading
    assert [t.inner_text() for t in group.locator("[data-tag]").all()] == ["Security", "Political"]
    assert chips(page) == ["security", "political"]
    assert query(page) == {"theme": ["security", "political"]}
    political = group.locator("[data-tag][aria-label='Political']")
    colours = political.evaluate(
        "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]"
    )
    assert colours == ["rgb(192, 85, 0)", "rgb(255, 255, 255)"]  # #D55E00 darkened to 4.5:1


def test_compare_sections_offers_titles_and_keeps_slugs_in_the_url(page, app_url):
    page.goto(f"{app_url}/compare-sections?a=political-stability")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    pickers = main.get_by_test_id("stSelectbox").filter(visible=True)
    for _ in range(20):  # under load the picker can show its first option a moment longer
        shown = pickers.first.locator("input").input_value() or pickers.first.inner_text()
        if "Support for Political Stability" in shown:
            break
        page.wait_for_timeout(250)
    assert "Support for Political Stability and Peacebuilding" in shown
    assert "political-stability" not in main.inner_text()
    pickers.nth(1).click()
    page.get_by_role(
        "option", name="Lessons Learned and Recommendations for Future Peacekeeping Missions"
    ).click()
    page.wait_for_url("**b=lessons-learned**")
    assert query(page)["a"] == ["political-stability"]


def test_each_page_has_its_own_tab_title(page, app_url):
    page.goto(f"{app_url}/political-stability")
    wait_for_app(page)
    assert page.title() == "Political stability · Analyzing the Impact of the UN… · casebook"
    page.goto(f"{app_url}/claims")
    wait_for_app(page)
    assert page.title().startswith("Claims checked · ")


def test_a_shared_link_previews_the_page_it_names(app_url):
    """Link-preview crawlers read the served HTML and run no script: title and description
    are in it."""
    with urllib.request.urlopen(f"{app_url}/political-stability?theme=political") as response:
        html = response.read().decode("utf-8")
    first = load_content(CONTENT).case("minusma").section("political-stability").paragraphs[0]
    title = "Political stability · Analyzing the Impact of the UN… · casebook"
    assert re.findall(r"<title>(.*?)</title>", html) == [title]
    described = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert described == escape(preview.shorten(first.text), quote=True)
    assert f'<meta property="og:title" content="{title}" />' in html
    with urllib.request.urlopen(f"{app_url}/no-such-page") as response:
        assert 'name="description"' not in response.read().decode("utf-8")


@pytest.mark.parametrize(
    "path", ["/search?q=insurgen*", "/facts", "/claims", "/theme-security", "/compare-sections"]
)
def test_on_a_phone_every_chart_fits_and_shows_no_toolbar(phone, app_url, path, tmp_path):
    phone.goto(f"{app_url}{path}")
    wait_for_app(phone)
    charts = phone.get_by_test_id("stPlotlyChart").filter(visible=True)  # not those for wide
    charts.first.locator(".main-svg").first.wait_for()
    assert charts.count() >= 1
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        chart.locator(".main-svg").first.wait_for()
        chart.tap()
        box = chart.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert chart.locator(".modebar-container").filter(visible=True).count() == 0
        assert_labels_inside(chart)
    phone.screenshot(path=tmp_path / "phone.png")


def test_on_a_phone_the_timeline_is_a_list(phone, app_url):
    phone.goto(f"{app_url}/facts")
    wait_for_app(phone)
    assert phone.locator(".st-key-wide-only-timeline").filter(visible=True).count() == 0
    events = phone.locator(".st-key-phone-only-timeline ul.cb-events li")
    record = load_content(CONTENT).records["minusma"]
    assert events.count() == len([f for f in record.facts if f.kind == "event"])
    events.first.scroll_into_view_if_needed()
    assert events.first.is_visible()
    box = phone.locator(".st-key-phone-only-timeline").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_on_a_phone_the_year_labels_are_level_and_apart(phone, app_url):
    """Nine years as categories were tilted 30 degrees at 390 px: every other year, level."""
    phone.goto(f"{app_url}/facts")
    wait_for_app(phone)
    chart = phone.locator(".st-key-attacks").get_by_test_id("stPlotlyChart")
    chart.scroll_into_view_if_needed()
    chart.locator(".main-svg").first.wait_for()
    years = chart.locator(".xtick text")
    assert years.count() >= 3
    assert all("rotate" not in (t.get_attribute("transform") or "") for t in years.all())
    boxes = [t.bounding_box() for t in years.all()]
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert right["x"] - (left["x"] + left["width"]) >= 8, "year labels touch"
    assert_labels_inside(chart)


def test_on_a_laptop_the_timeline_labels_stay_inside_it(page, app_url):
    page.set_viewport_size(LAPTOP)
    page.goto(f"{app_url}/facts")
    wait_for_app(page)
    assert page.locator(".st-key-phone-only-timeline").is_hidden()
    chart = page.locator(".st-key-wide-only-timeline").get_by_test_id("stPlotlyChart")
    chart.scroll_into_view_if_needed()
    chart.locator(".main-svg").first.wait_for()
    assert chart.locator(".textpoint text").count() > 10
    assert_labels_inside(chart)


@pytest.mark.parametrize("viewer", ["phone", "page"])
def test_the_sections_by_themes_table_fits_and_reads_as_a_table(viewer, request, app_url):
    screen = request.getfixturevalue(viewer)  # a phone, then a laptop-sized tab
    screen.goto(f"{app_url}/?theme=security&theme=humanitarian")
    wait_for_app(screen)
    grid = screen.locator(".st-key-section-grid table.cb-heat")
    grid.scroll_into_view_if_needed()
    assert grid.is_visible()
    width = screen.viewport_size["width"]
    column = screen.locator(".st-key-section-grid").bounding_box()
    box = grid.bounding_box()
    assert (
        column["x"] <= box["x"]
        and box["x"] + box["width"] <= min(width, column["x"] + column["width"]) + 1
    )
    heads = [h.inner_text() for h in grid.locator("thead th").all()]
    assert heads == ["Section", "Security", "Humanitarian"]
    assert grid.locator("tbody th[scope='row']").count() == 13
    cut = grid.evaluate_all(
        "ts => ts.flatMap(t => [...t.querySelectorAll('th, td')])"
        ".filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText)"
    )
    assert cut == []


def test_on_a_phone_the_co_occurrence_heatmap_is_a_table(phone, app_url):
    phone.goto(f"{app_url}/co-occurrence")
    wait_for_app(phone)
    assert phone.locator(".st-key-cooccurrence").filter(visible=True).count() == 0
    grid = phone.locator(".st-key-phone-only-cooccurrence table.cb-grid")
    grid.scroll_into_view_if_needed()
    assert grid.is_visible()
    box = grid.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    headers = [h.inner_text() for h in grid.locator("th").all()]
    assert headers == ["", "Security", "Political", "Humanitarian", "Partnerships"]
    assert len(grid.locator("tbody tr").all()) >= 4


def test_on_a_phone_choosing_a_page_in_the_menu_shows_the_page(phone, app_url):
    """The menu covers the screen on a phone: once a page is chosen it closes, and the
    page comes up with the filter kept."""
    phone.goto(f"{app_url}/?theme=security")
    wait_for_app(phone)
    phone.get_by_test_id("stExpandSidebarButton").tap()
    link = phone.get_by_test_id("stSidebarNavLink").filter(has_text="Political stability")
    link.wait_for()
    link.tap()
    phone.get_by_role("heading", level=1, name="Support for Political Stability").wait_for()
    phone.wait_for_function(
        "() => document.querySelector(\"[data-testid='stSidebar']\")"
        ".getBoundingClientRect().right <= 0"
    )  # the menu slid away
    assert query(phone) == {"theme": ["security"]}


@pytest.mark.parametrize(
    "path",
    ["/?theme=security", "/security-improvements?theme=political", "/theme-security",
     "/search?q=troops", "/co-occurrence", "/compare-sections", "/facts", "/claims", "/about"],
)  # fmt: skip
def test_on_a_phone_no_page_scrolls_sideways(phone, app_url, path):
    """WCAG 1.4.10 (reflow): at 390 px nothing reaches past the screen's edge. A wide
    table may scroll inside itself; the page may not (a key figure that did not wrap once
    pushed the record page to 1,723 px)."""
    phone.goto(f"{app_url}{path}")
    wait_for_app(phone)
    phone.wait_for_timeout(500)  # charts settle to the screen's width
    main = phone.get_by_test_id("stMain")
    assert main.evaluate("m => m.scrollWidth <= m.clientWidth + 1")
    assert phone.evaluate("() => document.documentElement.scrollWidth <= innerWidth + 1")


@pytest.mark.parametrize("path", ["/?theme=security", "/theme-security"])
def test_on_a_phone_the_counts_sit_two_to_a_row_and_none_is_cut(phone, app_url, path):
    phone.goto(f"{app_url}{path}")
    wait_for_app(phone)
    counts = phone.locator(".st-key-counts .cb-counts > div")
    counts.nth(2).wait_for()  # the counts come after the heading wait_for_app waits for
    boxes = [counts.nth(i).bounding_box() for i in range(counts.count())]
    assert len(boxes) >= 3
    assert boxes[0]["y"] == boxes[1]["y"] < boxes[2]["y"]  # two to a row, then the next
    cut = phone.locator(".st-key-counts dd").evaluate_all(
        "els => els.filter(e => [e, ...e.querySelectorAll('*')].some("
        "n => n.scrollWidth > n.clientWidth + 1)).map(e => e.innerText)"
    )
    assert cut == []  # no value ends in an ellipsis


def test_on_a_phone_each_section_link_reads_whole_with_its_count(phone, app_url):
    """The overview's index: one link a section, title then count, wrapped within the
    screen, none cut and none over the next."""
    phone.goto(f"{app_url}/?theme=security")
    wait_for_app(phone)
    index = phone.locator(".st-key-section-index")
    links = index.get_by_test_id("stPageLink-NavLink").filter(visible=True)
    links.first.wait_for()
    assert links.count() >= 5  # the sections with a match; the others folded
    boxes = []
    for place in range(links.count()):
        link = links.nth(place)
        assert re.search(r" · \d+ of \d+ paragraphs? match", link.inner_text())
        boxes.append(link.bounding_box())
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= PHONE["width"] for b in boxes)
    assert all(a["y"] + a["height"] <= b["y"] for a, b in zip(boxes, boxes[1:], strict=False))
    cut = links.evaluate_all(
        "els => els.filter(e => [e, ...e.querySelectorAll('*')].some("
        "n => n.scrollWidth > n.clientWidth + 1)).map(e => e.innerText)"
    )
    assert cut == []
    level = index.locator('[data-testid="stPageLink-NavLink"] > span:last-child').evaluate_all(
        "els => els.map(e => getComputedStyle(e, '::before').content)"
    )
    assert any("level 2" in content for content in level)  # sub-sections say their level


@pytest.mark.parametrize("path", ["/?theme=security", "/facts", "/claims"])
def test_a_printed_view_is_the_document_alone_with_its_link_and_date(page, app_url, path):
    page.goto(f"{app_url}{path}")
    wait_for_app(page)
    overview = path.startswith("/?")  # its codeline is HTML, the record's charts Plotly's
    chart = page.locator(".cb-codeline" if overview else "[data-testid='stPlotlyChart'] .main-svg")
    chart.first.wait_for()
    page.emulate_media(media="print")
    for hidden in ("stSidebar", "stHeader", "stExpander", "stDownloadButton"):
        assert page.get_by_test_id(hidden).filter(visible=True).count() == 0, hidden
    assert filter_bar(page).is_hidden()
    assert page.locator(".modebar-container").filter(visible=True).count() == 0
    # the exports' heading and note go with their buttons (they once ended a printout alone)
    assert page.get_by_text("Take it with you").filter(visible=True).count() == 0
    header = page.locator(".st-key-print-only")
    assert header.is_visible()
    text = header.inner_text()
    assert f"{date.today():%d %B %Y}" in text and f"{app_url}" in text
    assert header.bounding_box()["y"] < page.locator("h1").first.bounding_box()["y"]
    assert chart.first.is_visible()
    main = page.get_by_test_id("stMain")
    heights = main.evaluate("m => [m.scrollHeight, m.clientHeight]")
    assert heights[0] <= heights[1] + 1  # nothing cut off below a scrolling pane
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")  # Chromium prints it


def test_a_printed_section_leaves_out_icons_shut_details_and_clicking(page, app_url):
    """On paper an icon prints its name into the PDF's text ("north_west Part of: …"), a
    shut <details> its summary alone, and "opens to show why" asks for a click."""
    page.goto(f"{app_url}/security-improvements?theme=security")
    wait_for_app(page)
    shown = page.get_by_test_id("stIconMaterial").filter(visible=True)
    assert shown.count() >= 1  # on screen the links keep their icons
    assert page.get_by_text("opens to show why").filter(visible=True).count() == 1
    page.emulate_media(media="print")
    assert page.get_by_test_id("stIconMaterial").filter(visible=True).count() == 0
    assert page.locator("details:not([open])").filter(visible=True).count() == 0
    assert page.get_by_text("opens to show why").filter(visible=True).count() == 0
    assert page.get_by_text("Badges: outlined = coded by the rule").is_visible()
    assert page.get_by_text("Part of: Impact and Outcomes").is_visible()
    assert page.locator(".cb-claim").first.is_visible()  # the flags, without their details


def test_on_screen_the_print_header_stays_out_of_sight(page, app_url):
    page.goto(f"{app_url}/")
    wait_for_app(page)
    assert page.locator(".st-key-print-only").is_hidden()


def test_the_claims_download_as_claimreview_json_ld(page, app_url):
    page.goto(f"{app_url}/claims")
    wait_for_app(page)
    file = download(page, "Claims as ClaimReview (JSON-LD)")
    assert file.suggested_filename == "minusma-claim-reviews.jsonld"
    reviews = json.loads(Path(file.path()).read_text("utf-8"))
    claims = load_content(CONTENT).claims["minusma"]
    assert len(reviews) == len(claims)
    first = reviews[0]
    assert first["@type"] == "ClaimReview" and first["author"]["name"] == claims[0].reviewer
    anchor = claims[0].anchor
    assert first["url"] == f"{app_url}/{claims[0].section}?p={anchor}#{anchor}"


def test_a_full_bar_keeps_its_value_whole_in_a_narrow_column(page, app_url):
    """The section's coverage bars (an HTML table in the side column): a 100% bar ends
    before its value, the value stays whole inside the column, and bars are as long as
    their shares."""
    page.set_viewport_size(LAPTOP)
    page.goto(f"{app_url}/political-stability")  # Political covers 100% of it
    wait_for_app(page)
    table = page.get_by_test_id("stColumn").locator("table.cb-bars")
    table.wait_for()
    column = table.bounding_box()

    def row(label: str):
        return table.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=label))

    full, value = row("Political").locator(".cb-bar"), row("Political").locator(".cb-value")
    assert value.inner_text() == "100%"
    bar, written = full.bounding_box(), value.bounding_box()
    assert bar["x"] + bar["width"] <= written["x"]
    assert written["x"] + written["width"] <= column["x"] + column["width"]
    share = row("Partnerships").locator(".cb-value").inner_text()  # e.g. "27%"
    part = row("Partnerships").locator(".cb-bar").bounding_box()
    assert part["width"] / bar["width"] == pytest.approx(int(share[:-1]) / 100, abs=0.02)


@pytest.mark.parametrize("viewer", ["phone", "page"])
def test_the_codeline_fits_its_column_with_ticks_over_its_title(viewer, request, app_url):
    screen = request.getfixturevalue(viewer)  # a phone, then a laptop-sized tab
    screen.goto(f"{app_url}/?theme=security&theme=political")
    wait_for_app(screen)
    figure = screen.locator(".cb-codeline")
    figure.scroll_into_view_if_needed()
    main = screen.get_by_test_id("stMainBlockContainer").bounding_box()
    grid = figure.locator(".cb-cl").bounding_box()
    assert main["x"] <= grid["x"] and grid["x"] + grid["width"] <= main["x"] + main["width"] + 1
    names = [n.bounding_box() for n in figure.locator(".cb-cl-theme").all()]
    marks = [m.bounding_box() for m in figure.locator(".cb-cl-mark").all()]
    assert len(names) == 2 and len(marks) > 20
    assert all(m["width"] >= 2 and m["x"] >= max(n["x"] + n["width"] for n in names) for m in marks)
    assert all(m["x"] + m["width"] <= grid["x"] + grid["width"] + 0.5 for m in marks)
    ticks = [t.bounding_box() for t in figure.locator(".cb-cl-tick").all()]
    title = figure.locator("figcaption").bounding_box()
    assert [t.inner_text() for t in figure.locator(".cb-cl-tick").all()] == [
        str(n) for n in range(5, 51, 5)
    ]
    assert all(
        t["x"] >= grid["x"] and t["x"] + t["width"] <= grid["x"] + grid["width"] for t in ticks
    )
    lowest_mark = max(m["y"] + m["height"] for m in marks)
    assert all(lowest_mark <= t["y"] and t["y"] + t["height"] <= title["y"] + 0.5 for t in ticks)
    lefts = [t["x"] for t in ticks]
    assert all(b - a > 1 for a, b in zip(lefts, lefts[1:], strict=False))  # in order, apart


def test_the_numbers_behind_a_chart_are_one_click_away(page, app_url):
    page.goto(f"{app_url}/facts")
    wait_for_app(page)
    chart = page.get_by_test_id("stPlotlyChart").first
    chart.locator(".main-svg").first.wait_for()
    data = page.get_by_test_id("stExpander").filter(has_text="Data behind this chart").first
    assert data.get_by_test_id("stDataFrame").count() == 0  # drawn only once opened
    data.get_by_text("Data behind this chart").click()
    data.get_by_test_id("stDataFrame").wait_for()


# The colour of an element's border, its fill and the page behind it, as drawn.
_BORDER = """e => {
    const box = [e, ...e.querySelectorAll('*')].find(x => {
        const s = getComputedStyle(x);
        return s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) >= 1;
    });
    const page = getComputedStyle(document.querySelector("[data-testid='stApp']"));
    const style = getComputedStyle(box);
    return [style.borderTopColor, style.backgroundColor, page.backgroundColor];
}"""


def _hex(css: str, behind: str = "#ffffff") -> str:
    """A computed CSS colour as #rrggbb, a translucent one laid over ``behind``."""
    parts = [float(n) for n in css[css.index("(") + 1 : -1].split(",")]
    alpha = parts[3] if len(parts) == 4 else 1.0
    under = [int(behind[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c * alpha + u * (1 - alpha)) for c, u in zip(parts[:3], under, strict=False)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_control_borders_stand_3_to_1_off_the_page_and_the_fill(page, app_url, scheme):
    """WCAG 1.4.11: the filter's picker and an unchecked radio circle are seen by their border."""
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{app_url}/")
    wait_for_app(page)
    bar = filter_bar(page)
    picker = bar.get_by_test_id("stMultiSelect")
    unchecked = bar.get_by_test_id("stRadio").locator("label").filter(has_text="all")
    for control in (picker, unchecked):
        border, fill, background = control.evaluate(_BORDER)
        behind = _hex(background)
        assert contrast.ratio(_hex(border, behind), behind) >= contrast.MARK, border
        assert contrast.ratio(_hex(border, behind), _hex(fill, behind)) >= contrast.MARK, fill


_LEGEND_HATCH = """chart => {
    const page = getComputedStyle(document.querySelector("[data-testid='stApp']"));
    return [...chart.querySelectorAll('.legend .traces .legendpoints path')].map(p => {
        const found = /url\\(["']?#([^"')]+)/.exec(p.style.fill || '');
        const pattern = found && document.getElementById(found[1]);
        return pattern && [...pattern.querySelectorAll('path')].map(q => getComputedStyle(q).stroke);
    }).filter(Boolean).flat().concat([page.backgroundColor]);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_compare_legend_shows_the_hatching_that_marks_the_second_section(page, app_url, scheme):
    """WCAG 1.4.11: the legend is how a reader tells the two sections' bars apart, so its
    hatched swatch's lines stand 3:1 off the page (once white, and unseen on white)."""
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{app_url}/compare-sections")
    wait_for_app(page)
    chart = page.get_by_test_id("stPlotlyChart").first
    chart.locator(".legend").wait_for()
    *strokes, background = chart.evaluate(_LEGEND_HATCH)
    assert strokes  # the second section's swatch is hatched
    behind = _hex(background)
    for stroke in strokes:
        assert contrast.ratio(_hex(stroke, behind), behind) >= contrast.MARK, stroke
