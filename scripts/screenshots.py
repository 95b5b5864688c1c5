"""Refresh the README screenshots from the real browser: python scripts/screenshots.py

Starts the app on a free port, opens each view in Debian's Chromium and writes PNGs to docs/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, start_app, stop_app, wait_for_app  # noqa: E402

VIEWS = {
    "overview.png": "/",
    "section.png": "/security-improvements?theme=security&theme=partnerships",
}


def main() -> int:
    url, process = start_app()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            wait_for_app(page)
            for name, path in VIEWS.items():
                page.goto(url + path)
                wait_for_app(page)
                page.wait_for_timeout(1500)  # let Plotly finish drawing
                page.screenshot(path=str(ROOT / "docs" / name))
                print(f"wrote docs/{name}")
            browser.close()
    finally:
        stop_app(process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
