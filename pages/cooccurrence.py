"""Themes together: how often two themes share a paragraph, and the passages where they do."""

import streamlit as st

from casebook import chartdata, charts, markup, relations, tablemarkup, ui, wording
from casebook.wording import counted

content = ui.load()
codebook = content.codebook
case = ui.current_case(content)
data = ui.tables(case)
ids = list(codebook.ids)
labels = codebook.labels

st.title("Themes together")
st.markdown(
    "Each cell counts the paragraphs coded with both themes, then their **overlap**: the "
    "paragraphs with both as a share of those with either (the Jaccard index), also shown "
    "by the shade, so that pairs of common and rare themes compare fairly. The diagonal "
    "is each theme's own paragraph count."
)
figure = ui.figure(
    lambda: charts.cooccurrence_figure(relations.cooccurrence(data.paragraphs, ids), codebook, ids),
    "cooccurrence",
    case.slug,
)
with st.container(key="wide-only-cooccurrence"):  # its cells' text too small on a phone
    ui.render_chart(
        figure, key="cooccurrence", alt="Paragraphs coded with both themes, for each pair of themes"
    )
table = ui.shared(
    lambda: tablemarkup.grid_table(chartdata.figure_table(figure)), "cooccurrence-grid", case.slug
)
st.container(key="phone-only-cooccurrence").markdown(table, unsafe_allow_html=True)

st.header("The passages behind a pair")
left, right = st.columns(2)
first = ui.labelled_choice(left, "Theme", ids, labels, "first")
others = [t for t in ids if t != first]  # a theme with itself is no pair
second = ui.labelled_choice(right, "and", others, labels, "second")
ui.note_view_param("first", first)
ui.note_view_param("second", second)
passages = ui.filtered(relations.passages_with(data.paragraphs, first, second), codebook)
pair = relations.cooccurrence(data.paragraphs, [first, second]).iloc[1]
both = int(pair["both"])
narrowed = f"; {len(passages)} shown with the theme filter" if ui.current_view().themes else ""
st.caption(
    f"{counted(both, 'paragraph')} {'carries' if both == 1 else 'carry'} both "
    f"{markup.md_escape(labels[first])} and {markup.md_escape(labels[second])} "
    f"(overlap {wording.percent(pair['jaccard'])}){narrowed}."
)
ui.render_passages(passages, codebook)
