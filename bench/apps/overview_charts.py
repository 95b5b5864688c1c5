"""Reference for the page-load bench: a title and the overview's figures, nothing else (the
same theme bars, sections × themes table and codeline, all HTML, laid out as the overview
lays them out).

Against bench/apps/bare_chart.py it says what the charts alone cost; against the overview,
what the rest of the app costs (sidebar, filter, links, text)."""

from pathlib import Path

import streamlit as st

from casebook import codelinemarkup, coverage, tablemarkup
from casebook.loader import load_content
from casebook.pagestyle import STYLE

CONTENT = Path(__file__).resolve().parents[2] / "content"


@st.cache_resource
def figures():
    content = load_content(CONTENT)
    codebook, case = content.codebook, content.cases[0]
    rows = coverage.paragraph_table([case], codebook)
    sections = coverage.coverage_by_section(rows, codebook)
    titles = {s.slug: s.nav_title for s in case.sections}
    by_theme = coverage.coverage_by_theme(rows, codebook)
    return (
        tablemarkup.coverage_bars(
            by_theme, codebook, "Coverage by theme", uncoded=coverage.uncoded_share(rows)
        ),
        tablemarkup.heat_table(sections, case, codebook, "Each cell: a share of words."),
        codelinemarkup.codeline(
            rows, titles, codebook, list(codebook.ids), lambda row: f"{row.section}#{row.anchor}"
        ),
    )


st.markdown(STYLE, unsafe_allow_html=True)
st.title("The overview's charts")
bars, grid, codeline = figures()
left, right = st.columns([2, 3], gap="large")
left.markdown(bars, unsafe_allow_html=True)
right.markdown(grid, unsafe_allow_html=True)
st.html(f'<div class="cb-block">{codeline}</div>')
