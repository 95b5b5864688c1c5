"""Widgets for exploring across sections: passages with a way back, exports, citations."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from casebook import cite, codelinemarkup, export, filtering, links, markup
from casebook.model import Case, Codebook
from casebook.ui.data import content_dir, shared
from casebook.ui.routes import TARGET_KEY, current_view
from casebook.ui.widgets import render_html
from casebook.wording import counted


def paragraph_href(row, codebook: Codebook) -> str:
    """A link to a paragraph in its section, scrolled to and marked, filter kept."""
    extras = {TARGET_KEY: row.anchor}
    return links.href(row.section, current_view().query(extras), row.anchor)


def render_passages(
    rows: pd.DataFrame, codebook: Codebook, with_hits: bool = False, key: tuple = ()
) -> None:
    """Paragraphs shown away from their sections, each with a link to it in context: one
    element for them all (a filter click redraws every element of a page). With ``key``
    (all the rows depend on, the view's query included: the links keep it), the HTML is
    built once per view and shared."""
    if rows.empty:
        return

    def build() -> str:
        parts = []
        for row in rows.itertuples(index=False):
            body = markup.kwic(row.hits) if with_hits else markup.text_block(row.text)
            marks = markup.badges(row.themes, codebook, row.pinned)
            heading = f"{row.section_title} · {row.mark}"
            parts.append(markup.passage(heading, body, marks, paragraph_href(row, codebook)))
        return "".join(parts)

    render_html(shared(build, "passages", *key) if key else build())


def render_exports(
    rows: pd.DataFrame, case: Case, codebook: Codebook, view: str, url: str, name: str
) -> None:
    """CSV and Markdown of exactly what the view shows, the Markdown with a header, made
    once per view and shared by every rerun and session that shows it."""
    labels, today = codebook.labels, date.today()
    header = {
        "Case": case.title,
        "Source": case.source_url,
        "View": view,
        "Exported": f"{today:%d %B %Y} from casebook",
        "Permalink": url,
        "Note": "the article says it was written with AI assistance" if case.notice else "",
    }
    first, second = st.columns(2)
    shown = current_view()
    named = partial(export.file_name, case.slug, name, list(shown.themes), today, mode=shown.mode)
    # The files are made here, not on the click: a callable ``data`` is answered by a
    # request that a click landing as a rerun ends can leave unanswered, and the button
    # then stays disabled. Made once per view (its link holds page, case and filter).
    csv = shared(lambda: export.to_csv(rows, url), "export-csv", name, case.slug, url, today)
    text = shared(
        lambda: export.to_markdown(rows, case.title, header, labels),
        "export-md", name, case.slug, url, view, today,
    )  # fmt: skip
    first.download_button(
        "Paragraphs (CSV)",
        data=csv,
        file_name=named("csv"),
        mime="text/csv",
        icon=":material/download:",
        key=f"csv-{name}",
    )
    second.download_button(
        "Text (Markdown)",
        data=text,
        file_name=named("md"),
        mime="text/markdown",
        icon=":material/download:",
        key=f"md-{name}",
    )


CITE_KEY = "cite-open"  # the citation expander's state; it opens with a rerun
LIST_KEY = "paragraph-list-open"


def render_cite(box, case: Case, url: str) -> None:
    """The view's link with a copy button, and a ready citation of the article naming that
    link and today's date. Drawn only when opened (a rerun): the first code block on a page
    makes the browser load Streamlit's syntax highlighter, some 150 ms of its main thread
    (bench/RESULTS.md), on every page, for what few readers want on a given visit."""
    cite_box = box.expander(
        "Copy the link or cite this view",
        icon=":material/format_quote:",
        key=CITE_KEY,
        on_change="rerun",
    )
    if not cite_box.open:
        return
    with cite_box:
        today = date.today()
        version = shared(lambda: cite.content_version(content_dir()), "content-version")
        st.caption("Link (with a copy button)")
        st.code(url, language=None, wrap_lines=True)
        st.caption("APA")
        st.code(cite.apa(case, url, today, version), language=None, wrap_lines=True)
        st.caption("BibTeX")
        st.code(cite.bibtex(case, url, today, version), language=None)


def render_codeline(rows: pd.DataFrame, case: Case, codebook: Codebook, themes) -> None:
    """Coding stripes for the whole case, each mark a link to its paragraph (HTML, built
    once per view: its links keep the filter); under it, every paragraph as a list."""
    query = current_view().query()
    html = shared(
        lambda: codelinemarkup.codeline(
            rows, case.distinct_titles, codebook, themes,
            lambda row: paragraph_href(row, codebook),
        ),
        "codeline", case.slug, tuple(themes), query,
    )  # fmt: skip
    render_html(html)
    title = f"The {counted(len(rows), 'paragraph')} as a list"
    listing = st.expander(title, key=LIST_KEY, on_change="rerun")
    if listing.open:
        # One element for the whole list, built once per view: an element per paragraph
        # made every rerun of the overview send 51 more messages.
        items = lambda: markup.link_list(  # noqa: E731 - built only on a cache miss
            (paragraph_href(row, codebook), f"{row.section_title} · {row.mark}: "
             f"{codelinemarkup.first_words(row.text, 10)}")
            for row in rows.itertuples(index=False)
        )  # fmt: skip
        html = shared(items, "paragraph-list", case.slug, query)
        listing.markdown(html, unsafe_allow_html=True)


def filtered(rows: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """The rows the theme filter keeps."""
    shown = current_view()
    return rows[filtering.matching(rows, list(shown.themes), shown.mode)]


def render_evidence_terms(counts, codebook: Codebook) -> None:
    """For each theme, the evidence terms found in a text and how often, most frequent first."""
    for theme in codebook.themes:
        found = counts.get(theme.id)
        if not found:
            continue
        st.markdown(markup.badges([theme.id], codebook), unsafe_allow_html=True)
        terms = ", ".join(f"{markup.md_escape(term)} ({n})" for term, n in found.most_common())
        st.caption(terms)
    if not any(counts.values()):
        st.caption("No theme is coded in this section.")
