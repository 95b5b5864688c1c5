"""Overview: the case at a glance, its coverage by theme, and a way into each section."""

import streamlit as st

from casebook import filtering, markup, tablemarkup, trust, ui

content = ui.load()
codebook = content.codebook
case = ui.current_case(content)
data = ui.tables(case)
view = ui.current_view()
selected, mode = list(view.themes), view.mode
shown = selected or list(codebook.ids)
labels = codebook.labels

st.title(markup.md_escape(case.title))
ui.render_provenance(case)

kept = ui.kept(case, selected, mode)
described = filtering.describe(selected, mode, labels)
matching = f"{len(kept.rows):,} of {len(case.paragraphs):,}" if selected else "no filter"
counts = [
    ("Sections", f"{len(case.sections):,}", ""),
    ("Paragraphs", f"{len(case.paragraphs):,}", ""),
    ("Words", f"{case.words:,}", ""),
    ("Matching the filter", matching, described if selected else ""),
]
ui.render_html(tablemarkup.counts(counts), st.container(key="counts"))

note = trust.uncoded_note(data.uncoded)
if note:
    st.warning(note, icon=":material/help:")
    st.page_link(ui.page(ui.ABOUT_URL), label="The codebook (About)", icon=":material/info:")

left, right = st.columns([2, 3], gap="large")
with left:
    st.header("Coverage by theme")
    bars = ui.shared(
        lambda: tablemarkup.coverage_bars(
            data.themes[data.themes["theme"].isin(shown)], codebook, ui.COVERAGE_NOTE,
            uncoded=data.uncoded,
        ),
        "coverage-bars",
        case.slug,
        tuple(shown),
    )  # fmt: skip
    ui.render_html(bars, st.container(key="coverage-bars"))
with right:
    st.header("Sections × themes")
    table = ui.shared(
        lambda: tablemarkup.heat_table(
            data.sections[data.sections["theme"].isin(shown)], case, codebook, ui.GRID_NOTE
        ),
        "section-grid",
        case.slug,
        tuple(shown),
    )
    ui.render_html(table, st.container(key="section-grid"))

st.header("Codeline")
st.caption(
    "Every paragraph in reading order, one row per theme, marked where it is coded; "
    "thin lines separate sections. Click a mark to open that paragraph; from the keyboard, "
    "open *The paragraphs as a list* under the chart: every paragraph, as a link."
)
ui.render_codeline(data.paragraphs, case, codebook, shown)

st.header("Sections")
ui.render_section_index(case, data, codebook, selected, mode)

with st.container(key="screen-only-exports"):  # its buttons do not print, so neither does it
    st.header("Take it with you")
    st.caption(f"{described[0].upper()}{described[1:]} ({len(kept.rows)}), as a table or as text.")
    ui.render_exports(kept.rows, case, codebook, described, ui.current_view_url(), "paragraphs")
