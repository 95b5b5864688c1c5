"""WCAG 2.2 AA on every page, in light and in dark mode, checked by axe-core.

Fails on any serious or critical violation in what the app draws (see accessibility.py
for the one Streamlit element left out, and why).
"""

from __future__ import annotations

import pytest

from casebook.loader import load_content
from tests.conftest import CONTENT
from tests.e2e.accessibility import describe, serious_violations
from tests.e2e.conftest import wait_for_app
from tests.e2e.test_cases import two_case_url  # noqa: F401 - the two-case app, a fixture

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


@pytest.fixture(scope="module")
def pages_by_mode(browser, app_url):
    """One browser page per colour scheme, at a laptop's 1366 x 768."""
    contexts = {
        mode: browser.new_context(viewport={"width": 1366, "height": 768}, color_scheme=mode)
        for mode in MODES
    }
    yield {mode: context.new_page() for mode, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", PATHS)
def test_no_serious_violation(pages_by_mode, app_url, mode, path):
    page = pages_by_mode[mode]
    page.goto(f"{app_url}{path}")
    wait_for_app(page)
    violations = serious_violations(page)
    assert not violations, f"{mode} {path}:\n{describe(violations)}"


@pytest.mark.parametrize("mode", MODES)
def test_no_serious_violation_comparing_cases(browser, two_case_url, mode):  # noqa: F811
    """/compare exists only with several cases: the second case comes from the ingest fixture."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, color_scheme=mode)
    page = context.new_page()
    page.goto(f"{two_case_url}/compare")
    wait_for_app(page)
    violations = serious_violations(page)
    context.close()
    assert not violations, f"{mode} /compare:\n{describe(violations)}"
