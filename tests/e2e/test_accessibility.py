"""Every page in the real browser, filtered: drawn, charts included, with no error shown
or logged; and WCAG 2.2 AA in light and in dark mode, checked by axe-core.

Each page is loaded once at a laptop's width, its window then made as tall as the page (axe
checks only what is on screen), and checked in both modes: the app follows the browser's
colour preference as it changes (see accessibility.show_in_scheme).

Fails on any error, on a missing chart, on a chart without an accessible name or without
the table of its numbers under it, and on any serious or critical violation in what
the app draws (see accessibility.py for the one Streamlit element left out, and why).
"""

from __future__ import annotations

import re

import pytest

from casebook import contrast
from casebook.loader import load_content
from tests.conftest import CONTENT
from tests.e2e.accessibility import (
    describe,
    serious_violations,
    show_in_scheme,
    show_whole_page,
)
from tests.e2e.conftest import wait_for_app

_CONTENT = load_content(CONTENT)
CASE = _CONTENT.case("minusma")
PATHS = [
    "/",
    *(f"/{s.slug}" for s in CASE.sections),
    *(f"/theme-{t}" for t in _CONTENT.codebook.ids),
    "/search?q=insurgen*",
    "/co-occurrence",
    "/compare-sections",
    "/facts",
    "/claims",
    "/about",
]
MODES = ("light", "dark")
FILTER = "theme=security"  # every page opened filtered: the filter is read on each
# path -> how many Plotly charts it draws: none on a section page (its coverage bars are a
# table) or About, three on the facts page, one on each other page
CHARTS = {f"/{s.slug}": 0 for s in CASE.sections} | {"/": 0, "/about": 0, "/facts": 3}
# Opening /<page> directly, Streamlit's frontend first probes /<page>/_stcore/... in case
# the app lives under that path, and logs the 404s (streamlit/streamlit#4574).
BASE_PATH_PROBE = re.compile(r"/[a-z-]+/_stcore/(health|host-config)$")


LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def laptop(browser):
    """One tab at a laptop's 1366 x 768 for the module; each test sets its colour scheme."""
    context = browser.new_context(viewport=LAPTOP)
    yield context.new_page()
    context.close()


def violations_in_each_mode(page, url: str) -> dict[str, list[dict]]:
    """Open ``url`` once, then run axe on the whole of it as drawn in each mode, light first;
    to axe's findings, add chart text that reads under 4.5:1 on the page (axe leaves the
    text inside a chart's SVG alone)."""
    page.set_viewport_size(LAPTOP)
    page.emulate_media(color_scheme=MODES[0])
    page.goto(url)
    wait_for_app(page)
    show_whole_page(page, LAPTOP["width"])
    found = {}
    for mode in MODES:
        show_in_scheme(page, mode)
        found[mode] = serious_violations(page) + faint_chart_text(page)
    return found


# A chart's text drawn on the page itself (not on a mark): axes, their titles, the colour
# bar, legends, labels beside points; with its fill and the page's background.
_CHART_TEXT = """() => {
    const page = getComputedStyle(document.querySelector("[data-testid='stApp']")).backgroundColor;
    const parts = ".xtick, .ytick, .g-xtitle, .g-ytitle, .cbtitle, .cbaxis, .legendtext, .textpoint";
    return [...document.querySelectorAll(`[data-testid='stPlotlyChart'] :is(${parts}) text`)]
        .filter(t => t.textContent.trim())
        .map(t => [t.textContent.trim(), getComputedStyle(t).fill, page]);
}"""


def _hex(rgb: str) -> str:
    return "#{:02x}{:02x}{:02x}".format(*map(int, re.findall(r"\d+", rgb)[:3]))


def faint_chart_text(page) -> list[dict]:
    """Chart text under 4.5:1 on the page, as one axe-like finding (WCAG 1.4.3)."""
    faint = []
    for text, fill, background in page.evaluate(_CHART_TEXT):
        ratio = contrast.ratio(_hex(fill), _hex(background))
        if ratio < 4.5:
            numbers = {"fgColor": fill, "bgColor": background, "contrastRatio": round(ratio, 2)}
            faint.append({"html": text, "target": ["chart text"], "any": [{"data": numbers}]})
    return [{"id": "chart-text-contrast", "impact": "serious", "nodes": faint}] if faint else []


def report(path: str, found: dict[str, list[dict]]) -> str:
    return "\n".join(f"{mode} {path}:\n{describe(v)}" for mode, v in found.items() if v)


def charts_expected(path: str) -> int:
    return CHARTS.get(path, 1)


# Each chart: its role, its accessible name, and the text of what comes right after it.
_CHART_NAMES = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")].map(c => {
    const next = c.closest("[data-testid='stElementContainer']").nextElementSibling;
    return [c.getAttribute("role"), c.getAttribute("aria-label") || "", next?.innerText || ""];
})"""


def skipped_headings(page) -> list[str]:
    """Headings of the page that skip a level (an h3 right under the h1, say): the outline
    a screen reader offers must not jump (WCAG 1.3.1). The page starts at its h1."""
    levels = page.evaluate(
        "() => [...document.querySelectorAll(\"[data-testid='stMain'] :is(h1,h2,h3,h4,h5,h6)\")]"
        ".map(h => [Number(h.tagName[1]), h.textContent.trim()])"
    )
    skipped, before = [], 0
    for level, text in levels:
        if level > before + 1:
            skipped.append(f"h{level} after h{before}: {text}")
        before = level
    return skipped


def unnamed_charts(page) -> list[list[str]]:
    """Charts without a name for screen readers or without their table under them."""
    return [
        chart
        for chart in page.evaluate(_CHART_NAMES)
        if chart[0] != "figure" or not chart[1].strip() or "Data behind this chart" not in chart[2]
    ]


@pytest.mark.parametrize("path", PATHS)
def test_every_page_draws_without_errors_and_has_no_serious_violation(laptop, app_url, path):
    failures: list[str] = []
    listeners = {
        "pageerror": lambda error: failures.append(f"page error: {error}"),
        "response": lambda r: (
            r.status >= 400 and not BASE_PATH_PROBE.search(r.url)
            and failures.append(f"{r.status} {r.url}")
        ),
        "requestfailed": lambda r: failures.append(f"failed: {r.url}"),
    }  # fmt: skip
    for event, listener in listeners.items():
        laptop.on(event, listener)
    try:
        separator = "&" if "?" in path else "?"
        found = violations_in_each_mode(laptop, f"{app_url}{path}{separator}{FILTER}")
        assert laptop.get_by_test_id("stException").count() == 0
        charts = laptop.get_by_test_id("stPlotlyChart")
        for index in range(charts_expected(path)):  # each drawn, then none more
            charts.nth(index).locator(".main-svg").first.wait_for()
        assert charts.count() == charts_expected(path)
        assert unnamed_charts(laptop) == []  # each named, its numbers one click away
        assert skipped_headings(laptop) == []
        assert failures == []
    finally:
        for event, listener in listeners.items():
            laptop.remove_listener(event, listener)
    assert not any(found.values()), report(path, found)


def test_no_serious_violation_comparing_cases(laptop, two_case_url):
    """/compare exists only with several cases: the second case comes from the ingest fixture."""
    found = violations_in_each_mode(laptop, f"{two_case_url}/compare")
    assert not any(found.values()), report("/compare", found)


# What the focused element is, and how its focus shows: its outline.
_FOCUSED = """() => {
    const e = document.activeElement, s = getComputedStyle(e);
    return [e.getAttribute("data-testid") || e.tagName, s.outlineStyle, s.outlineWidth,
            s.outlineColor];
}"""


@pytest.mark.parametrize("mode", MODES)
def test_keyboard_focus_shows_a_solid_ring_on_menu_and_page_links(laptop, app_url, mode):
    """WCAG 2.4.7: tabbing from the top of a section page, the menu's links, the page's
    own links (Part of, Previous, Next) and the scrolling page itself each show a 2 px
    ring in the accent colour (Streamlit alone gives the links a faint background)."""
    laptop.set_viewport_size(LAPTOP)
    laptop.emulate_media(color_scheme=mode)
    laptop.goto(f"{app_url}/security-improvements?{FILTER}")
    wait_for_app(laptop)
    seen = {}
    for _ in range(80):
        laptop.keyboard.press("Tab")
        kind, style, width, colour = laptop.evaluate(_FOCUSED)
        if kind in ("stSidebarNavLink", "stPageLink-NavLink", "stMain"):
            seen.setdefault(kind, (style, width, colour))
    ring = ("solid", "2px", "rgb(0, 114, 178)")
    assert seen == {"stSidebarNavLink": ring, "stPageLink-NavLink": ring, "stMain": ring}
