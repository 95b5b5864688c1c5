"""Timing Streamlit pages in Debian's headless Chromium (never `playwright install`).

A script injected before the page's own records, with ``performance.now()`` (milliseconds
since the navigation started), the moments that matter to a reader:

- ``heading``: the first ``h1`` of the main block is in the page;
- ``drawn``: the server has said the script finished (a ``script_finished`` message on the
  websocket, which the script watches), the app shows it (``data-test-script-state`` is
  ``notRunning``), no element is stale, and every Plotly chart (at least as many as the
  page is known to hold) has drawn its ``.main-svg``;
- ``redrawn``: after a click armed with :func:`arm`, the same, once a script run that
  finished after the click has been seen (a fast run can start and end between two
  renders, so the script-state attribute alone can miss it);
- ``busy``: the main thread's long tasks (over 50 ms) until drawn, in total.

A MutationObserver checks on every change of the page, so the times do not depend on how
often Python polls.
"""

from __future__ import annotations

from contextlib import contextmanager

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import benchlib

TRACKER = """
(() => {
  const b = window.__bench = {heading: null, drawn: null, click: null, redrawn: null,
                              runs: 0, ranAfterClick: false, armed: false, charts: 0, busy: 0,
                              expect: null};
  const app = () => document.querySelector("[data-testid='stApp']");
  const ready = () => {
    const a = app();
    if (!a || a.dataset.testConnectionState !== "CONNECTED") return false;
    if (a.dataset.testScriptState !== "notRunning") return false;
    if (document.querySelector("[data-stale='true']")) return false;
    if (b.expect !== null) {  // another page: drawn once its own heading shows
      const h1 = document.querySelector("[data-testid='stMainBlockContainer'] h1");
      if (!h1 || !h1.textContent.includes(b.expect)) return false;
    }
    const charts = document.querySelectorAll("[data-testid='stPlotlyChart']");
    if (charts.length < (window.__benchCharts || 0)) return false;
    b.charts = charts.length;
    return [...charts].every((c) => c.querySelector(".main-svg"));
  };
  const check = () => {
    const now = performance.now();
    if (b.heading === null &&
        document.querySelector("[data-testid='stMainBlockContainer'] h1")) b.heading = now;
    if (b.runs > 0 && b.heading !== null && b.drawn === null && ready()) b.drawn = now;
    if (b.ranAfterClick && b.redrawn === null && ready()) b.redrawn = now;
  };
  // A script run ends with a ForwardMsg carrying script_finished (field 6, a varint) at
  // its top level: read the top-level fields of every binary message from the server.
  const finishes = (bytes) => {
    let at = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = bytes[at++]; value += (byte & 127) * 2 ** shift; shift += 7; }
      while (byte & 128 && at < bytes.length);
      return value;
    };
    while (at < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), type = tag % 8;
      if (type === 0) { varint(); if (field === SCRIPT_FINISHED) return true; }
      else if (type === 2) { const length = varint(); at += length; }
      else if (type === 1) at += 8;
      else if (type === 5) at += 4;
      else return false;
    }
    return false;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data instanceof ArrayBuffer && finishes(new Uint8Array(event.data))) {
          b.runs += 1;
          if (b.click !== null) b.ranAfterClick = true;
          check();
        }
      });
    }
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
""".replace("SCRIPT_FINISHED", str(ForwardMsg.SCRIPT_FINISHED_FIELD_NUMBER))

TIMEOUT_MS = 60_000  # one page load or one redraw, whatever happens


@contextmanager
def chromium():
    """A headless Chromium (Debian's), shared by the samples; each sample gets a context."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(benchlib.CHROMIUM), args=benchlib.CHROMIUM_ARGS
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


def charts_on(browser, url: str, settle_ms: int = 1500, most_ms: int = 15_000) -> int:
    """Warm a page up and count the charts it draws: the count once it has stayed the same
    for ``settle_ms`` (a page's first visit on a new server can take seconds to draw its
    charts, and counting too early made a page with charts count none)."""
    with cold_page(browser) as page:
        load(page, url)
        charts = page.locator("[data-testid='stPlotlyChart'] .main-svg")
        seen, steady, waited = -1, 0, 0
        while steady < settle_ms and waited < most_ms:
            count = page.locator("[data-testid='stPlotlyChart']").count()
            drawn = charts.count()
            steady = steady + 250 if count == seen and drawn >= count else 0
            seen = count
            page.wait_for_timeout(250)
            waited += 250
        return seen


def load(page, url: str) -> dict:
    """Open ``url`` and wait until it is drawn; the tracker's record (times in ms)."""
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    page.wait_for_function("() => window.__bench.drawn !== null", timeout=TIMEOUT_MS)
    return page.evaluate("() => ({...window.__bench})")


def arm(page, heading: str | None = None) -> None:
    """Time the next pointer press and the redraw it causes; with ``heading``, the press
    opens another page, drawn only once its first heading holds that text (a run of the
    page left behind can finish after the press, over a page that has not changed yet)."""
    page.evaluate(
        "(heading) => Object.assign(window.__bench,"
        " {click: null, redrawn: null, ranAfterClick: false, armed: true, expect: heading})",
        heading,
    )


def redrawn(page) -> float:
    """Milliseconds from the armed press to the page drawn again after its rerun."""
    page.wait_for_function("() => window.__bench.redrawn !== null", timeout=TIMEOUT_MS)
    record = page.evaluate("() => ({...window.__bench})")
    return record["redrawn"] - record["click"]
