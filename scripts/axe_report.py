"""axe-core on every page, light and dark: serious and critical WCAG 2.2 A/AA failures
per page, split into what the app draws and what Streamlit draws (its page menu).

Run: python scripts/axe_report.py   (starts the app on a free port; Debian's Chromium)
The test (tests/e2e/test_accessibility.py) fails on any in what the app draws; this
prints the counts behind it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import chromium  # noqa: E402
from tests.e2e.accessibility import (  # noqa: E402
    STREAMLIT_DRAWN,
    node_count,
    serious_violations,
    show_whole_page,
)
from tests.e2e.conftest import start_app, stop_app, wait_for_app  # noqa: E402
from tests.e2e.test_accessibility import MODES, PATHS  # noqa: E402


def streamlit_drawn(page) -> int:
    """Failing elements inside what accessibility.py leaves out (Streamlit's own)."""
    inside = " , ".join(STREAMLIT_DRAWN)
    return page.evaluate(
        "([sel, tags]) => axe.run({include: [[sel]]}, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']}).then(r => r.violations.filter(v => ['serious',"
        " 'critical'].includes(v.impact)).reduce((n, v) => n + v.nodes.length, 0))",
        [inside, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]],
    )


def main() -> int:
    url, process = start_app()
    try:
        with chromium() as browser:
            print("| mode | page | app | Streamlit |\n| --- | --- | --- | --- |")
            for mode in MODES:
                context = browser.new_context(
                    viewport={"width": 1366, "height": 768}, color_scheme=mode
                )
                page = context.new_page()
                page.goto(url)
                wait_for_app(page)
                for path in PATHS:
                    page.set_viewport_size({"width": 1366, "height": 768})
                    page.goto(url + path)
                    wait_for_app(page)
                    show_whole_page(page, 1366)
                    app = node_count(serious_violations(page))
                    print(f"| {mode} | {path} | {app} | {streamlit_drawn(page)} |", flush=True)
                context.close()
    finally:
        stop_app(process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
