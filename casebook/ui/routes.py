"""The page registry, the current page, and the theme filter as the pages read it."""

from __future__ import annotations

from contextvars import ContextVar

import streamlit as st

from casebook import filtering, links
from casebook.model import Case, Codebook, Section, Theme

OVERVIEW_URL = "home"  # the default page; served at /
ABOUT_URL = "about"
SEARCH_URL = "search"
COOCCURRENCE_URL = "co-occurrence"
COMPARE_SECTIONS_URL = "compare-sections"
THEME_PREFIX = "theme-"
FACTS_URL = "facts"
CLAIMS_URL = "claims"
COMPARE_CASES_URL = "compare"
ADD_ARTICLE_URL = "add-article"
FILTER_KEY, MATCH_KEY = links.FILTER_KEY, links.MATCH_KEY
TARGET_KEY = "p"  # ?p=<paragraph anchor>: the paragraph a link points at

_current_page: ContextVar[str] = ContextVar("casebook_page", default="")
_view_params: ContextVar[dict | None] = ContextVar("casebook_view_params", default=None)


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


def theme_page(theme: Theme) -> st.Page:
    return st.Page(
        "pages/theme.py",
        title=theme.label,
        icon=":material/label:",
        url_path=THEME_PREFIX + theme.id,
    )


def search_page() -> st.Page:
    return st.Page(
        "pages/search_text.py", title="Search", icon=":material/search:", url_path=SEARCH_URL
    )


def cooccurrence_page() -> st.Page:
    return st.Page(
        "pages/cooccurrence.py",
        title="Themes together",
        icon=":material/grid_on:",
        url_path=COOCCURRENCE_URL,
    )


def compare_sections_page() -> st.Page:
    return st.Page(
        "pages/compare_sections.py",
        title="Compare sections",
        icon=":material/compare:",
        url_path=COMPARE_SECTIONS_URL,
    )


def facts_page() -> st.Page:
    return st.Page(
        "pages/record_facts.py", title="Key facts", icon=":material/fact_check:", url_path=FACTS_URL
    )


def claims_page() -> st.Page:
    return st.Page(
        "pages/record_claims.py",
        title="Claims checked",
        icon=":material/flag:",
        url_path=CLAIMS_URL,
    )


def compare_cases_page() -> st.Page:
    return st.Page(
        "pages/compare_cases.py",
        title="Compare cases",
        icon=":material/stacked_bar_chart:",
        url_path=COMPARE_CASES_URL,
    )


def add_article_page() -> st.Page:
    return st.Page(
        "pages/add_article.py",
        title="Add an article",
        icon=":material/upload_file:",
        url_path=ADD_ARTICLE_URL,
    )


def navigation(
    case: Case, codebook: Codebook, has_record: bool = True, several_cases: bool = False,
    uploads: bool = False,
) -> dict[str, list[st.Page]]:  # fmt: skip
    """The menu: overview, the case's sections in reading order, ways to explore (and
    the comparison of cases, when there are several), the record beside the text (when
    the case has one), about, and adding an article (when the server allows uploads)."""
    menu = {
        "": [overview_page()],
        "Read the case": [section_page(s) for s in case.sections],
        "Explore": [
            *(theme_page(t) for t in codebook.themes),
            search_page(),
            cooccurrence_page(),
            compare_sections_page(),
            *([compare_cases_page()] if several_cases else []),
        ],
    }
    if has_record:
        menu["What the record says"] = [facts_page(), claims_page()]
    menu["Method"] = [about_page(), *([add_article_page()] if uploads else [])]
    return menu


def run_page(page: st.Page) -> dict[str, str]:
    """Run the chosen page, letting it know which URL path it was opened at. Returns the
    page's own URL parameters (a search query, say) for the link to the view."""
    params: dict[str, str] = {}
    page_token, params_token = _current_page.set(page.url_path), _view_params.set(params)
    try:
        page.run()
    finally:
        _current_page.reset(page_token)
        _view_params.reset(params_token)
    return params


def note_view_param(key: str, value: str) -> None:
    """Record a page parameter that belongs in the link to the current view."""
    params = _view_params.get()
    if params is not None and value:
        params[key] = value


def current_url_path() -> str:
    return _current_page.get()


def current_view_params() -> dict[str, str]:
    return dict(_view_params.get() or {})


def current_section(case: Case) -> Section:
    return case.section(_current_page.get())


def current_theme(codebook: Codebook) -> Theme:
    return codebook.theme(_current_page.get().removeprefix(THEME_PREFIX))


def target_anchor(anchors: list[str]) -> str:
    """The paragraph a link pointed at (?p=...), if it is one of ``anchors``."""
    wanted = st.query_params.get(TARGET_KEY, "")
    return wanted if wanted in anchors else ""


def selected_themes(codebook: Codebook) -> list[str]:
    return filtering.clean_selection(st.session_state.get(FILTER_KEY) or [], codebook.ids)


def match_mode() -> str:
    mode = st.session_state.get(MATCH_KEY)
    return mode if mode in filtering.MATCH_MODES else "any"
