"""Timing Streamlit pages in Debian's headless Chromium (never `playwright install`).

A script injected before the page's own records, with ``performance.now()`` (milliseconds
since the navigation started), the moments that matter to a reader:

- ``heading``: the first ``h1`` of the main block is in the page;
- ``drawn``: the script has finished (``data-test-script-state`` is ``notRunning``), no
  element is stale, and every Plotly chart (at least as many as the page is known to hold)
  has drawn its ``.main-svg``;
- ``redrawn``: after a click armed with :func:`arm`, the same, once a rerun has been seen;
- ``busy``: the main thread's long tasks (over 50 ms) until drawn, in total.

A MutationObserver checks on every change of the page, so the times do not depend on how
often Python polls.
"""

from __future__ import annotations

from contextlib import contextmanager

from bench import benchlib

TRACKER = """
(() => {
  const b = window.__bench = {heading: null, drawn: null, click: null, redrawn: null,
                              sawRun: false, armed: false, charts: 0, busy: 0};
  const app = () => document.querySelector("[data-testid='stApp']");
  const ready = () => {
    const a = app();
    if (!a || a.dataset.testConnectionState !== "CONNECTED") return false;
    if (a.dataset.testScriptState !== "notRunning") return false;
    if (document.querySelector("[data-stale='true']")) return false;
    const charts = document.querySelectorAll("[data-testid='stPlotlyChart']");
    if (charts.length < (window.__benchCharts || 0)) return false;
    b.charts = charts.length;
    return [...charts].every((c) => c.querySelector(".main-svg"));
  };
  const check = () => {
    const now = performance.now();
    if (b.heading === null &&
        document.querySelector("[data-testid='stMainBlockContainer'] h1")) b.heading = now;
    const state = app() && app().dataset.testScriptState;
    if (b.click !== null && (state === "running" || state === "rerunRequested")) b.sawRun = true;
    if (b.heading !== null && b.drawn === null && ready()) b.drawn = now;
    if (b.click !== null && b.sawRun && b.redrawn === null && ready()) b.redrawn = now;
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true,
                                                 attributes: true, characterData: true});
  // Main-thread work the reader waits through: long tasks (over 50 ms) until drawn.
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      if (b.drawn === null) b.busy += task.duration;
    }
  }).observe({type: "longtask", buffered: true});
  document.addEventListener("pointerdown", () => {
    if (b.armed) { b.click = performance.now(); b.armed = false; }
  }, true);
})();
"""

TIMEOUT_MS = 60_000  # one page load or one redraw, whatever happens


@contextmanager
def chromium():
    """A headless Chromium (Debian's), shared by the samples; each sample gets a context."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=benchlib.CHROMIUM, args=benchlib.CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def cold_page(browser, charts: int = 0):
    """A page in a fresh context (no cache, no cookies, no storage) with the tracker."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(f"window.__benchCharts = {int(charts)};\n{TRACKER}")
    try:
        yield context.new_page()
    finally:
        context.close()


def load(page, url: str) -> dict:
    """Open ``url`` and wait until it is drawn; the tracker's record (times in ms)."""
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    page.wait_for_function("() => window.__bench.drawn !== null", timeout=TIMEOUT_MS)
    return page.evaluate("() => ({...window.__bench})")


def arm(page) -> None:
    """Time the next pointer press and the redraw it causes."""
    page.evaluate(
        "() => Object.assign(window.__bench,"
        " {click: null, redrawn: null, sawRun: false, armed: true})"
    )


def redrawn(page) -> float:
    """Milliseconds from the armed press to the page drawn again after its rerun."""
    page.wait_for_function("() => window.__bench.redrawn !== null", timeout=TIMEOUT_MS)
    record = page.evaluate("() => ({...window.__bench})")
    return record["redrawn"] - record["click"]
