"""axe-core (bundled by the axe-playwright-python package) run on a page of the app.

WCAG 2.2 A and AA rules only; a violation counts when axe rates it serious or critical.
Nothing the app draws is excluded. Left out are only elements Streamlit itself draws and
the app cannot change:

- ``stSidebarNav``: Streamlit's page menu. Its ``<ul>`` holds a ``<div>`` per menu
  section around the ``<li>`` items, which axe reports as ``list``/``listitem``
  (serious) on every page of any app with a sectioned menu.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

STREAMLIT_DRAWN = ["[data-testid='stSidebarNav']"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SERIOUS = {"serious", "critical"}

_AXE = Axe()


def serious_violations(page) -> list[dict]:
    """The serious and critical WCAG violations axe finds on the page as drawn now."""
    context = {"exclude": [[selector] for selector in STREAMLIT_DRAWN]}
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    if not page.evaluate("() => typeof window.axe?.run === 'function'"):  # once per page load
        page.evaluate(_AXE.axe_script)
    results = page.evaluate("([c, o]) => axe.run(c, o)", [context, options])
    return [v for v in results["violations"] if v["impact"] in SERIOUS]


# True once the app is drawn in the colour scheme asked for (dark or not, by its background)
# and every Plotly chart has been drawn on that background: charts redraw after the app does.
_DRAWN_IN_SCHEME = """dark => {
    const background = getComputedStyle(document.querySelector("[data-testid='stApp']"))
        .backgroundColor;
    const [r, g, b] = background.match(/\\d+/g).map(Number);
    if ((r + g + b < 3 * 128) !== dark) return false;
    return [...document.querySelectorAll("[data-testid='stPlotlyChart']")].every(chart => {
        const svg = chart.querySelector(".main-svg");
        return svg !== null && getComputedStyle(svg).backgroundColor === background;
    });
}"""


def show_in_scheme(page, scheme: str) -> None:
    """Make the browser prefer ``scheme`` (light or dark) and wait until the app, charts
    included, is drawn in it. The app follows the browser's preference as it changes, so one
    page load serves both modes."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function(_DRAWN_IN_SCHEME, arg=scheme == "dark")


def show_whole_page(page, width: int, tallest: int = 30000) -> None:
    """Make the window as tall as the page. axe checks contrast only of what is on screen,
    and Streamlit scrolls the page inside its main pane: in a laptop's window, everything
    below the first screen would go unchecked."""
    height = page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    assert height <= tallest, f"page of {height} px: taller than axe is run on"
    page.set_viewport_size({"width": width, "height": height})


def node_count(violations: list[dict]) -> int:
    return sum(len(v["nodes"]) for v in violations)


def describe(violations: list[dict]) -> str:
    """One line per failing element: rule, where, the snippet and axe's numbers."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            data = (node.get("any") or [{}])[0].get("data") or {}
            numbers = {k: data[k] for k in ("fgColor", "bgColor", "contrastRatio") if k in data}
            snippet = node["html"][:120]
            lines.append(f"{violation['id']} {node['target'][-1]} {snippet} {numbers or ''}")
    return "\n".join(lines)
