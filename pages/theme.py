"""One theme across the case: its definition, where it is, and every passage coded with it."""

import streamlit as st

from casebook import charts, filtering, markup, tablemarkup, ui, wording

content = ui.load()
codebook = content.codebook
case = ui.current_case(content)
theme = ui.current_theme(codebook)
data = ui.tables(case)
view = ui.current_view()
selected, mode = list(view.themes), view.mode
labels = codebook.labels

st.title(markup.md_escape(theme.label))
st.markdown(markup.badges([theme.id], codebook), unsafe_allow_html=True)
st.markdown(markup.md_escape(theme.definition))
st.caption(markup.md_escape(markup.term_lists(theme)))

coded = ui.shared(
    lambda: data.paragraphs[data.paragraphs["themes"].map(lambda t: theme.id in t)],
    "theme-coded", case.slug, theme.id,
)  # fmt: skip
whole = data.themes.set_index("theme").loc[theme.id]
counts = [
    ("Paragraphs", f"{len(coded):,} of {len(data.paragraphs):,}", ""),
    (
        "Sections with a passage",
        f"{coded['section'].nunique()} of {len(case.sections)}",
        f"{sum(theme.id in tags for tags in data.tags.values())} tagged with it "
        f"({codebook.rules.section_tag_threshold:.0%} of their words or more)",
    ),
    ("Coverage", wording.percent(whole["coverage"]), "of the case's words (see About)"),
]
ui.render_html(tablemarkup.counts(counts), st.container(key="counts"))

st.header("Coverage by section")
titles = case.distinct_titles  # bars of one name would merge
figure = ui.figure(
    lambda: charts.theme_by_section_figure(data.sections, theme.id, titles, codebook),
    "theme-by-section",
    case.slug,
    theme.id,
)
ui.render_chart(figure, key="theme-by-section", alt=f"Coverage of {theme.label} in each section")

st.header("Every passage")
shown = ui.shared(
    lambda: coded[filtering.matching(coded, selected, mode)],
    "theme-shown", case.slug, theme.id, view.themes, mode,
)  # fmt: skip
if selected:
    st.caption(
        f"{len(shown)} of {len(coded)} passages, narrowed by the theme filter to "
        f"{filtering.describe(selected, mode, labels)}."
    )
if shown.empty:
    st.info("No passage matches both this theme and the theme filter at the top.")
ui.render_passages(shown, codebook, key=(case.slug, theme.id, view.query()))
ui.render_exports(
    shown,
    case,
    codebook,
    f"{theme.label} passages",
    ui.current_view_url(),
    f"theme-{theme.id}",
)
