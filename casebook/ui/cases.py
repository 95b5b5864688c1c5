"""Which case a session reads: the choice in the URL (``?case=``), the default one, a case
a page asked to switch to, and what is said about a case that is unknown or does not load."""

from __future__ import annotations

import functools

import streamlit as st

from casebook import links, markup
from casebook.loader import Content
from casebook.model import Case
from casebook.problems import Problem
from casebook.ui.data import render_problems, shared
from casebook.wording import symbol_first, told_apart

CASE_KEY = links.CASE_KEY  # ?case=<folder name>, bound to the sidebar's case selector


def chosen_case_slug() -> str:
    """The case named in the URL, when the reader has a choice of cases (else empty)."""
    return st.session_state.get(CASE_KEY) or ""


def chosen_problems(content: Content) -> tuple[Problem, ...]:
    """The problems of the case the reader chose (else of the default one), if it does not
    load."""
    chosen = st.session_state.get(CASE_KEY)
    slug = chosen if chosen in content.slugs else content.default_slug
    return content.broken.get(slug, ())


def render_case_problems(problems: tuple[Problem, ...]) -> None:
    """A page in place of a case that does not load: its problems, file by file."""
    st.title("This case cannot be shown")
    render_problems(problems, "This case")
    st.caption("The other cases load as usual: choose one in the sidebar.")


def problems_page(problems: tuple[Problem, ...]) -> st.Page:
    """The one page of a case that does not load, at every path of the dashboard."""
    return st.Page(
        functools.partial(render_case_problems, problems), title="Problems",
        icon=":material/error:", url_path="home", default=True,
    )  # fmt: skip


def render_broken_cases(content: Content) -> None:
    """Under the case selector: which cases cannot be shown (their names escaped, since a
    broken case's folder name has not passed the slug check)."""
    if content.broken:
        names = ", ".join(markup.md_escape(slug) for slug in content.broken)
        st.sidebar.caption(f":material/error: Has problems, cannot be shown: {names}")


def render_unknown_case(content: Content) -> None:
    """Over the page, when the link's ``?case=`` names no case: which case is shown
    instead (the name as typed, escaped and cut short). Read from the URL before the case
    selector takes it, since the selector drops a value it does not offer."""
    asked = st.query_params.get(CASE_KEY)
    if asked is None or asked in content.slugs:
        return
    shown = _case_named(content, None).title
    listed = " The cases are listed in the sidebar." if len(content.slugs) > 1 else ""
    st.warning(
        f"This link names a case {markup.quoted_value(asked, 60)} that is not here; showing "
        f"*{markup.md_escape(shown)}*.{listed}",
        icon=":material/help:",
    )


def current_case(content: Content) -> Case:
    """The case the reader chose (?case=), else the default one (``Content.default_slug``),
    else the first that loads; unknown names fall back."""
    return _case_named(content, st.session_state.get(CASE_KEY))


def _case_named(content: Content, slug: str | None) -> Case:
    known = {case.slug: case for case in content.cases}
    return known.get(slug) or known.get(content.default_slug) or content.cases[0]


OPEN_CASE_KEY = "casebook_open_case"  # a case to switch to on the next run (set by a page)


def take_pending_case() -> str | None:
    """Before the case selector is drawn: the case a page asked to switch to, if any
    (asked once: the selector then shows it as the reader's choice)."""
    return st.session_state.pop(OPEN_CASE_KEY, None)


def case_names(content: Content) -> dict[str, str]:
    """What the case selector shows for each case folder: its title, a report's document
    symbol first (two cases of one title told apart by folder), or for a case that does
    not load, its folder and why."""

    def build() -> dict[str, str]:
        titles = {case.slug: symbol_first(case.title) for case in content.cases}
        names = told_apart({slug: titles.get(slug, slug) for slug in content.slugs})
        return {
            slug: f"{name} (has problems)" if slug in content.broken else name
            for slug, name in names.items()
        }

    return shared(build, "case-names")
