"""The page registry, the current page, and the theme filter as the pages read it."""

from __future__ import annotations

from contextvars import ContextVar

import streamlit as st

from casebook import filtering, links
from casebook.model import Case, Codebook, Section

OVERVIEW_URL = "home"  # the default page; served at /
ABOUT_URL = "about"
FILTER_KEY, MATCH_KEY = links.FILTER_KEY, links.MATCH_KEY

_current_page: ContextVar[str] = ContextVar("casebook_page", default="")


def overview_page() -> st.Page:
    return st.Page(
        "pages/overview.py",
        title="Overview",
        icon=":material/dashboard:",
        url_path=OVERVIEW_URL,
        default=True,
    )


def about_page() -> st.Page:
    return st.Page("pages/about_case.py", title="About", icon=":material/info:", url_path=ABOUT_URL)


def section_page(section: Section) -> st.Page:
    icon = ":material/subdirectory_arrow_right:" if section.parent else ":material/article:"
    return st.Page("pages/section.py", title=section.nav_title, icon=icon, url_path=section.slug)


def navigation(case: Case) -> dict[str, list[st.Page]]:
    """The menu: overview, the case's sections in reading order, then about."""
    return {
        "": [overview_page()],
        "Read the case": [section_page(s) for s in case.sections],
        "Method": [about_page()],
    }


def run_page(page: st.Page) -> None:
    """Run the chosen page, letting it know which URL path it was opened at."""
    token = _current_page.set(page.url_path)
    try:
        page.run()
    finally:
        _current_page.reset(token)


def current_section(case: Case) -> Section:
    return case.section(_current_page.get())


def selected_themes(codebook: Codebook) -> list[str]:
    return filtering.clean_selection(st.session_state.get(FILTER_KEY) or [], codebook.ids)


def match_mode() -> str:
    mode = st.session_state.get(MATCH_KEY)
    return mode if mode in filtering.MATCH_MODES else "any"
