"""Compare two sections side by side: coverage by theme and the terms that drove it."""

import streamlit as st

from casebook import comparecharts, markup, relations, ui

content = ui.load()
codebook = content.codebook
case = ui.current_case(content)
data = ui.tables(case)
slugs = [s.slug for s in case.sections]
titles = {s.slug: s.title for s in case.sections}

st.title("Compare sections")
left, right = st.columns(2)
# In the pickers a sub-section names the section it is part of (titles may repeat).
picked = {
    s.slug: f"{s.title} (in {case.section(s.parent).nav_title})" if s.parent else s.title
    for s in case.sections
}
# by default the first two sections with text of their own (a report's "II." may be a
# heading over its parts alone, with nothing to compare)
texts = [i for i, s in enumerate(case.sections) if s.paragraphs] or [0]
first = ui.labelled_choice(left, "Section", slugs, picked, "a", index=texts[0])
second = ui.labelled_choice(right, "with", slugs, picked, "b", index=(texts[1:] or texts)[0])
ui.note_view_param("a", first)
ui.note_view_param("b", second)

coverage = [data.sections[data.sections["section"] == slug] for slug in (first, second)]
names = (titles[first], titles[second])
if names[0] == names[1]:  # two sections of one name stay two in the chart's legend
    names = (case.distinct_titles[first], case.distinct_titles[second])
figure = comparecharts.compare_figure(*coverage, names, codebook)
ui.render_chart(figure, key="compare", alt="Theme coverage of the two sections side by side")

for column, slug in zip(st.columns(2), (first, second), strict=True):
    with column:
        st.header(markup.md_escape(titles[slug]))
        st.caption("The section's themes")
        ui.render_badges(data.tags.get(slug, []), codebook)
        st.caption("The words behind each theme, and how often they occur")
        rows = data.paragraphs[data.paragraphs["section"] == slug]
        ui.render_evidence_terms(relations.evidence_terms(rows, codebook.ids), codebook)
