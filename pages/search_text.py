"""Search the text: keyword in context, grouped by section, each hit linked to its paragraph."""

import streamlit as st

from casebook import charts, filtering, markup, search, ui
from casebook.wording import counted

content = ui.load()
codebook = content.codebook
case = ui.current_case(content)
data = ui.tables(case)
view = ui.current_view()
selected, mode = list(view.themes), view.mode
labels = codebook.labels

st.title("Search the text")
query = st.text_input(
    'Words or "quoted phrases"',
    key="q",
    bind="query-params",
    max_chars=search.MAX_QUERY,
    placeholder='e.g. insurgen* or "peace process"',
    help="Case-insensitive whole words, plurals included; * matches any ending. "
    "A paragraph must hold every term. The query is kept in the page URL.",
)
ui.note_view_param("q", query)
pool = ui.filtered(data.paragraphs, codebook)
results = search.search(pool, query)
where = f" among {filtering.describe(selected, mode, labels)}" if selected else ""

if not query.strip():
    st.caption("Type a word or a phrase. The theme filter at the top narrows the search too.")
elif results.empty:
    st.warning(f"Nothing found{where}.")
    texts = data.paragraphs["text"]
    known = ui.shared(lambda: search.vocabulary(texts), "vocabulary", case.slug)
    tips = search.suggestions(query, filtered=bool(selected), known=known)
    st.markdown("Try:\n" + "\n".join(f"- {markup.md_escape(tip)}" for tip in tips))
else:
    per_section = search.hits_by_section(results)
    per_section["section_title"] = per_section["section"].map(case.distinct_titles)  # one bar each
    hits = int(per_section["hits"].sum())
    found = f"{counted(len(results), 'paragraph')}, {counted(len(per_section), 'section')}"
    st.markdown(f"**{counted(hits, 'hit')}** in {found}{where}.")
    ui.render_chart(charts.hits_figure(per_section), key="hits-by-section", alt="Hits per section")
    for _section, group in results.groupby("section", sort=False):
        st.header(f"{markup.md_escape(group['section_title'].iloc[0])} ({len(group)})")
        ui.render_passages(group, codebook, with_hits=True)
    ui.render_exports(results, case, codebook, f"search: {query}", ui.current_view_url(), "search")
