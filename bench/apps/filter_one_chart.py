"""Reference for the filter-change bench: the bare filter app plus ONE of the overview's
figures, following the filter as it does there. CASEBOOK_BENCH_CHART names it: coverage
(the bars by theme, an HTML table) or codeline (HTML too).

Tells what redrawing each figure costs on a filter click, apart from the rest of the app.
bench_filter.py starts it from the repository (its working directory), so casebook imports."""

import os
from pathlib import Path

import streamlit as st

from casebook import codelinemarkup, coverage, tablemarkup
from casebook.loader import load_content
from casebook.pagestyle import STYLE

CONTENT = Path(__file__).resolve().parents[2] / "content"
KIND = os.environ.get("CASEBOOK_BENCH_CHART", "coverage")


@st.cache_resource
def tables():
    content = load_content(CONTENT)
    codebook, case = content.codebook, content.cases[0]
    rows = coverage.paragraph_table([case], codebook)
    titles = {s.slug: s.nav_title for s in case.sections}
    return codebook, rows, titles


codebook, rows, titles = tables()
chosen = st.sidebar.multiselect(
    "Themes", list(codebook.ids), key="theme", bind="query-params", placeholder="All themes"
)
st.title("A bare filter and one chart")
shown = chosen or list(codebook.ids)
if KIND == "coverage":
    by_theme = coverage.coverage_by_theme(rows, codebook)
    bars = tablemarkup.coverage_bars(
        by_theme[by_theme["theme"].isin(shown)], codebook, "Coverage by theme",
        uncoded=coverage.uncoded_share(rows),
    )  # fmt: skip
    st.markdown(STYLE, unsafe_allow_html=True)
    st.markdown(bars, unsafe_allow_html=True)
else:
    html = codelinemarkup.codeline(
        rows, titles, codebook, shown, lambda row: f"{row.section}#{row.anchor}"
    )
    st.markdown(STYLE, unsafe_allow_html=True)
    st.html(f'<div class="cb-block">{html}</div>')
