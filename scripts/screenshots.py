"""Refresh the README screenshots from the real browser: python scripts/screenshots.py

Starts the app on a free port, opens each view in Debian's Chromium and writes PNGs to docs/.
The case's notice opens with an emoji: install a colour emoji font first (Debian:
`apt-get install fonts-noto-color-emoji`), or Chromium draws an empty box in its place.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import chromium  # noqa: E402
from tests.e2e.conftest import start_app, stop_app, wait_for_app  # noqa: E402

DESKTOP = {"viewport": {"width": 1400, "height": 1000}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
VIEWS = {  # file name: (path, browser context)
    "overview.png": ("/", DESKTOP),
    "section.png": ("/security-improvements?theme=security&theme=partnerships", DESKTOP),
    "phone.png": ("/political-stability?theme=political", PHONE),
}


def main() -> int:
    url, process = start_app()
    try:
        with chromium() as browser:
            for name, (path, context_args) in VIEWS.items():
                page = browser.new_context(device_scale_factor=1, **context_args).new_page()
                page.goto(url + path)
                wait_for_app(page)
                page.wait_for_timeout(1500)  # let Plotly finish drawing
                page.screenshot(path=str(ROOT / "docs" / name))
                print(f"wrote docs/{name}")
                page.context.close()
    finally:
        stop_app(process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
