"""Widgets shared by the pages: badges, provenance, navigation links, the view's link."""

from __future__ import annotations

from datetime import date

import streamlit as st

from casebook import filtering, links, markup, pagestyle, validate
from casebook.model import Case, Codebook, Section
from casebook.ui.data import CaseTables, kept
from casebook.ui.routes import (
    current_url_path,
    current_view,
    current_view_params,
    section_page,
)
from casebook.wording import counted

COVERAGE_NOTE = (
    "Coverage is the share of words in paragraphs coded with a theme. A paragraph can carry "
    "several themes, so the shares can add up to more than 100%. Uncoded is the share in "
    "paragraphs with no theme."
)
GRID_NOTE = (
    "Each cell: the share of the section's words in paragraphs coded with the theme, in a "
    "darker shade for more. Point at a cell for its count of words."
)


def render_style() -> None:
    st.markdown(pagestyle.STYLE, unsafe_allow_html=True)


def render_html(html: str, box=None) -> None:
    """A fragment that markup.py built (every piece of text in it escaped) drawn as HTML,
    not through Markdown. On a filter change the browser redraws every fragment whose
    HTML changed, and st.markdown parses each one with a Markdown and an HTML parser,
    where st.html only sanitizes it (bench/RESULTS.md, "Filter change"). The wrapper's
    class gives it the spacing a Markdown element has (casebook/pagestyle.py)."""
    (box or st).html(f'<div class="cb-block">{html}</div>')


def render_badges(theme_ids: list[str], codebook: Codebook, pinned: bool = False) -> None:
    if theme_ids:
        st.markdown(markup.badges(theme_ids, codebook, pinned), unsafe_allow_html=True)
    else:
        st.caption("No theme reaches the tagging threshold here.")


def render_provenance(case: Case, method_below: bool = False) -> None:
    """Where the text comes from, and the article's own warning, always in view. The About
    page, which states the method itself, says so (``method_below``) rather than "see About"."""
    lines = []
    if case.notice:
        lines.append(f"**The article's notice:** {markup.md_escape(case.notice)}")
    if case.source_url and not validate.url_problem(case.source_url):
        lines.append(f"**Source:** {markup.md_link(case.source_url, case.source_url)}")
    lines.append(
        "Themes and coverage here are computed from the text by a stated rule "
        + ("(below)" if method_below else "(see About)")
        + "; they describe what the article says, not what happened."
    )
    st.info("  \n".join(lines), icon=":material/info:")


def render_source_line(case: Case) -> None:
    """A reminder of where the text comes from, for readers who arrive by a deep link."""
    usable = case.source_url and not validate.url_problem(case.source_url)
    source = f" ({markup.md_link('source', case.source_url)})" if usable else ""
    note = (
        " The article says it was written with AI assistance: cross-check it."
        if case.notice
        else ""
    )
    st.caption(f"From *{markup.md_escape(case.title)}*{source}.{note}")


def render_section_index(case: Case, data: CaseTables, codebook: Codebook, selected, mode):
    """Each section as a link to its page, saying how many paragraphs it has (and how many
    match the filter) and which themes it carries; those without a match folded away."""
    matches = kept(case, selected, mode).per_section
    index = st.container(key="section-index")  # pagestyle and outline_style style it
    without = []
    for section in case.sections:
        hits = matches.get(section.slug, 0)
        if selected and not hits:
            without.append(section)
            continue
        index.page_link(
            section_page(section),
            label=index_label(section, data, codebook, hits if selected else None),
        )
    if without:
        title = f"{counted(len(without), 'section')} with no paragraph matching the filter"
        with index.expander(title):
            for section in without:
                st.page_link(section_page(section), label=index_label(section, data, codebook, 0))


def index_label(section: Section, data: CaseTables, codebook: Codebook, hits) -> str:
    """A section's link in the index, e.g. "Title · 2 of 4 paragraphs match · themes:
    Security, Political": one element a section, where a row of three (the link, coloured
    badges and the count) cost every filter click about 2 ms an element; the colours are
    in the sections × themes table above it. The themes are the section's tags (its
    coverage), named as such: a paragraph can match a theme its section is not tagged with."""
    text = counted(len(section.paragraphs), "paragraph")
    if hits is not None:
        text = f"{hits} of {text} match"
    tags = ", ".join(codebook.theme(t).label for t in data.tags.get(section.slug, []))
    tags = f"themes: {tags}" if tags else ""
    return " · ".join(markup.md_escape(part) for part in (section.title, text, tags) if part)


def render_breadcrumb(case: Case, section: Section) -> None:
    """The chain of sections above this one, outermost first, each a link: "Part of: II.
    Political developments" › "A. Elections" (the chevron is an icon, which screen readers
    skip: they read the links in turn)."""
    row = st.container(horizontal=True, gap="small", key="breadcrumb")
    for place, ancestor in enumerate(case.ancestors(section.slug)):
        title = markup.md_escape(ancestor.title)
        row.page_link(
            section_page(ancestor),
            label=f"Part of: {title}" if place == 0 else title,
            icon=":material/north_west:" if place == 0 else ":material/chevron_right:",
        )


def render_children(case: Case, section: Section) -> None:
    """Links to a section's direct sub-sections, so the parent page leads into them."""
    children = case.children(section.slug)
    if children:
        st.caption("Sub-sections")
        for child in children:
            st.page_link(section_page(child), label=markup.md_escape(child.title))


def render_prev_next(case: Case, section: Section) -> None:
    index = case.sections.index(section)
    before, after = st.columns(2)
    if index > 0:
        previous = case.sections[index - 1]
        before.page_link(
            section_page(previous),
            label=f"Previous: {markup.md_escape(previous.nav_title)}",
            icon=":material/arrow_back:",
        )
    if index + 1 < len(case.sections):
        following = case.sections[index + 1]
        after.page_link(
            section_page(following),
            label=f"Next: {markup.md_escape(following.nav_title)}",
            icon=":material/arrow_forward:",
        )


def render_codebook(codebook: Codebook) -> None:
    """Each theme: its badge, id (as links carry it), definition and terms (each term once;
    plain text, since code styling in a caption falls below 4.5:1)."""
    for theme in codebook.themes:
        st.markdown(markup.badges([theme.id], codebook), unsafe_allow_html=True)
        st.markdown(f"`{theme.id}` — {markup.md_escape(theme.definition)}")
        st.caption(markup.md_escape(markup.term_lists(theme)))
        if theme.exclude:
            st.caption(markup.md_escape("Excluded phrases: " + ", ".join(theme.exclude)))
        if codebook.examples:
            count = sum(theme.id in e.themes for e in codebook.examples)
            st.caption(f"Coded examples of this theme: {count} of {len(codebook.examples)}")


def view_url(shown: links.View, url_path: str, extras: dict[str, str] | None = None) -> str:
    """The full URL of a view: page, case, theme filter and the page's own parameters."""
    base = st.context.url or f"/{url_path}"
    query = shown.query(extras)
    return f"{base}?{query}" if query else base


def current_view_url() -> str:
    """The URL of the view being drawn (for exports and citations inside a page)."""
    return view_url(current_view(), current_url_path(), current_view_params())


def render_share_link(box, url: str) -> None:
    """The link to the current view, always in sight and selectable (a copy button is under
    "Copy the link or cite this view")."""
    box.caption("Link to this view")
    box.markdown(markup.share_link(url), unsafe_allow_html=True)


def render_print_header(box, codebook: Codebook, shown: links.View, url: str) -> None:
    """Into ``box`` (shown only when printing): the view's link, its filter and today."""
    selected = filtering.describe(list(shown.themes), shown.mode, codebook.labels)
    html = markup.print_header(url, f"showing {selected}", f"{date.today():%d %B %Y}")
    box.markdown(html, unsafe_allow_html=True)
