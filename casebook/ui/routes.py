"""The page registry, the current page, and the theme filter as the pages read it."""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass

import streamlit as st

from casebook import filtering, links
from casebook.model import Case, Codebook, Section, Theme
from casebook.ui.cases import chosen_case_slug
from casebook.ui.data import shared

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
_view: ContextVar[links.View | None] = ContextVar("casebook_view", default=None)


@dataclass(frozen=True)
class PageSpec:
    """A page of the menu: its script, the title and icon the menu shows, its URL path, and
    whether the theme filter changes what it shows."""

    script: str
    title: str
    icon: str
    url: str
    filtered: bool = True


# Every page that does not come from the content (sections and themes do, below).
PAGES = (
    PageSpec("pages/overview.py", "Overview", ":material/dashboard:", OVERVIEW_URL),
    PageSpec("pages/search_text.py", "Search", ":material/search:", SEARCH_URL),
    PageSpec("pages/cooccurrence.py", "Themes together", ":material/grid_on:", COOCCURRENCE_URL),
    PageSpec(
        "pages/compare_sections.py", "Compare sections", ":material/compare:",
        COMPARE_SECTIONS_URL, filtered=False,
    ),
    PageSpec(
        "pages/compare_cases.py", "Compare cases", ":material/stacked_bar_chart:",
        COMPARE_CASES_URL,
    ),
    PageSpec("pages/record_facts.py", "Key facts", ":material/fact_check:", FACTS_URL),
    PageSpec("pages/record_claims.py", "Claims checked", ":material/flag:", CLAIMS_URL),
    PageSpec("pages/about_case.py", "About", ":material/info:", ABOUT_URL, filtered=False),
    PageSpec(
        "pages/add_article.py", "Add an article", ":material/upload_file:", ADD_ARTICLE_URL,
        filtered=False,
    ),
)  # fmt: skip
_BY_URL = {spec.url: spec for spec in PAGES}


_PAGES_KEY = "casebook-pages"  # this session's st.Page objects (see _page)
_PAGES_KEPT = 1024  # more than any menu and its links need; past it, the memo starts again


def _page(script: str, title: str, icon: str, url_path: str, default: bool = False) -> st.Page:
    """An st.Page, made once per session and reused by its later runs. Making one resolves
    and checks its script file and validates its icon, some 0.2 ms, and a run of the
    overview needs about 50 (the menu, then the sections index's links): a tenth of the
    server's time per rerun (bench/RESULTS.md). Never shared between sessions:
    st.navigation marks the page it returns as the one to run, and a session's runs come
    one after another, while two sessions' runs overlap."""
    made = st.session_state.get(_PAGES_KEY)
    if made is None or len(made) > _PAGES_KEPT:
        made = st.session_state[_PAGES_KEY] = {}
    key = (script, title, icon, url_path, default)
    found = made.get(key)
    if found is None:
        found = made[key] = st.Page(
            script, title=title, icon=icon, url_path=url_path, default=default
        )
    return found


def follows_filter(url_path: str) -> bool:
    """Whether the theme filter changes the page at ``url_path`` (sections and themes do)."""
    spec = _BY_URL.get(url_path)
    return spec is None or spec.filtered


def page(url: str) -> st.Page:
    """The page of PAGES served at ``url`` (the overview is the default, served at /)."""
    spec = _BY_URL[url]
    return _page(spec.script, spec.title, spec.icon, spec.url, default=spec.url == OVERVIEW_URL)


def section_page(section: Section) -> st.Page:
    icon = ":material/subdirectory_arrow_right:" if section.parent else ":material/article:"
    return _page("pages/section.py", section.nav_title, icon, section.slug)


INDENT_REM = 1.25  # per level below the second (a sub-section already has its arrow icon)


def outline_style(case: Case) -> str:
    """CSS that shows each sub-section's depth in the menu and in the overview's index:
    indented below the second level, and its level in words for screen readers (CSS
    alternative text, read before the label: Streamlit hides icons from them). Slugs are
    lower-case letters, digits and hyphens, safe in a selector."""
    rules = []
    for section in case.sections:
        depth = case.depth(section.slug)
        if depth < 2:
            continue
        nav = f'[data-testid="stSidebarNavLink"][href$="/{section.slug}"]'
        link = '.st-key-section-index [data-testid="stPageLink-NavLink"]'
        rows = [f'{link}[href="{section.slug}"]', f'{link}[href$="/{section.slug}"]']
        rules.append(f"{','.join([nav, *rows])}{{margin-left:{(depth - 2) * INDENT_REM}rem}}")
        label = ",".join(
            [f"{nav} > span[label]::before", *(f"{r} > span:last-child::before" for r in rows)]
        )
        rules.append(f'{label}{{content:"" / "level {depth}: "}}')
    return f"<style>{''.join(rules)}</style>" if rules else ""


def theme_page(theme: Theme) -> st.Page:
    return _page("pages/theme.py", theme.label, ":material/label:", THEME_PREFIX + theme.id)


def navigation(
    case: Case, codebook: Codebook, has_record: bool = True, several_cases: bool = False,
    uploads: bool = False,
) -> dict[str, list[st.Page]]:  # fmt: skip
    """The menu: overview, the case's sections in reading order (sub-sections marked by
    depth: :func:`outline_style`), ways to explore (and the comparison of cases, when there
    are several), the record beside the text (when the case has one), about, and adding
    an article (when the server allows uploads)."""
    explore = [SEARCH_URL, COOCCURRENCE_URL, COMPARE_SECTIONS_URL]
    menu = {
        "": [page(OVERVIEW_URL)],
        "Read the case": [section_page(s) for s in case.sections],
        "Explore": [
            *(theme_page(t) for t in codebook.themes),
            *(page(url) for url in explore + ([COMPARE_CASES_URL] if several_cases else [])),
        ],
    }
    outline = shared(lambda: outline_style(case), "outline-style", case.slug)
    if outline:
        st.html(outline)  # only CSS: Streamlit gives it no room on the page
    if has_record:
        menu["What the record says"] = [page(FACTS_URL), page(CLAIMS_URL)]
    menu["Method"] = [page(url) for url in [ABOUT_URL] + ([ADD_ARTICLE_URL] if uploads else [])]
    return menu


def run_page(page: st.Page, view: links.View) -> dict[str, str]:
    """Run the chosen page, letting it know which URL path it was opened at and the view
    (:func:`read_view`). Returns the page's own URL parameters (a search query, say) for
    the link to the view."""
    params: dict[str, str] = {}
    tokens = _current_page.set(page.url_path), _view_params.set(params), _view.set(view)
    try:
        page.run()
    finally:
        for var, token in zip((_current_page, _view_params, _view), tokens, strict=True):
            var.reset(token)
    return params


def read_view(codebook: Codebook) -> links.View:
    """The view as the session holds it once the filter is drawn: read once per rerun."""
    return links.View(tuple(selected_themes(codebook)), match_mode(), chosen_case_slug())


def current_view() -> links.View:
    """The view of the page being drawn (set by :func:`run_page`)."""
    found = _view.get()
    if found is None:
        raise RuntimeError("current_view() is for pages run by run_page, which hands them the view")
    return found


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


def target_anchor(anchors: Iterable[str]) -> str:
    """The paragraph a link pointed at (?p=...), if it is one of ``anchors``; then it is
    also kept in the link to the view, as it is in the address bar."""
    wanted = st.query_params.get(TARGET_KEY, "")
    found = wanted if wanted and wanted in set(anchors) else ""
    note_view_param(TARGET_KEY, found)
    return found


def selected_themes(codebook: Codebook) -> list[str]:
    return filtering.clean_selection(st.session_state.get(FILTER_KEY) or [], codebook.ids)


def match_mode() -> str:
    mode = st.session_state.get(MATCH_KEY)
    return mode if mode in filtering.MATCH_MODES else "any"
