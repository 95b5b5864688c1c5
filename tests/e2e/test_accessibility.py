"""WCAG 2.2 AA on every page, in light and in dark mode, checked by axe-core.

Each page is loaded once and checked in both modes: the app follows the browser's colour
preference as it changes (see accessibility.show_in_scheme).

Fails on any serious or critical violation in what the app draws (see accessibility.py
for the one Streamlit element left out, and why).
"""

from __future__ import annotations

import pytest

from casebook.loader import load_content
from tests.conftest import CONTENT
from tests.e2e.accessibility import describe, serious_violations, show_in_scheme
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


LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def laptop(browser):
    """One tab at a laptop's 1366 x 768 for the module; each test sets its colour scheme."""
    context = browser.new_context(viewport=LAPTOP)
    yield context.new_page()
    context.close()


def violations_in_each_mode(page, url: str) -> dict[str, list[dict]]:
    """Open ``url`` once, then run axe on it as drawn in each mode, light first."""
    page.emulate_media(color_scheme=MODES[0])
    page.goto(url)
    wait_for_app(page)
    found = {}
    for mode in MODES:
        show_in_scheme(page, mode)
        found[mode] = serious_violations(page)
    return found


def report(path: str, found: dict[str, list[dict]]) -> str:
    return "\n".join(f"{mode} {path}:\n{describe(v)}" for mode, v in found.items() if v)


@pytest.mark.parametrize("path", PATHS)
def test_no_serious_violation_in_light_and_dark_mode(laptop, app_url, path):
    found = violations_in_each_mode(laptop, f"{app_url}{path}")
    assert not any(found.values()), report(path, found)


def test_no_serious_violation_comparing_cases(laptop, two_case_url):
    """/compare exists only with several cases: the second case comes from the ingest fixture."""
    found = violations_in_each_mode(laptop, f"{two_case_url}/compare")
    assert not any(found.values()), report("/compare", found)
