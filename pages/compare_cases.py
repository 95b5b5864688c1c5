"""Compare cases: how each article covers the themes, side by side."""

import pandas as pd
import streamlit as st

from casebook import comparecharts, coverage, ui

content = ui.load()
codebook = content.codebook
tables = {case.slug: ui.tables(case).paragraphs for case in content.cases}
titles = {case.slug: case.title for case in content.cases}

st.title("Compare cases")
st.markdown(
    "Coverage of each theme in each case: the share of the article's words in paragraphs "
    "coded with it. Bars share the theme colours; each case has its own hatching."
)
by_case = coverage.coverage_by_case(tables, codebook)
shown = list(ui.current_view().themes) or list(codebook.ids)
by_case = by_case[by_case["theme"].isin(shown)]
ui.render_chart(
    comparecharts.cases_figure(by_case, titles, codebook), key="cases", alt="Theme coverage by case"
)
summary = pd.DataFrame(
    {
        "case": [case.title for case in content.cases],
        "sections": [len(case.sections) for case in content.cases],
        "paragraphs": [len(case.paragraphs) for case in content.cases],
        "words": [case.words for case in content.cases],
    }
)
st.dataframe(summary, hide_index=True)
st.caption(ui.COVERAGE_NOTE)
