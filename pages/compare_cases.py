"""Compare cases: how each article covers the themes, side by side."""

import pandas as pd
import streamlit as st

from casebook import comparecharts, coverage, tablemarkup, ui, wording

content = ui.load()
codebook = content.codebook
tables = {case.slug: ui.tables(case).paragraphs for case in content.cases}
titles = {case.slug: wording.symbol_first(case.title) for case in content.cases}  # a list of titles

st.title("Compare cases")
drawn_as = (
    "Bars share the theme colours; each case has its own hatching."
    if len(content.cases) <= comparecharts.GROUPED_CASES
    else "One row a case, one column a theme: a darker shade for more coverage."
)
st.markdown(
    "Coverage of each theme in each case: the share of the article's words in paragraphs "
    f"coded with it. {drawn_as}"
)
by_case = coverage.coverage_by_case(tables, codebook)
shown = list(ui.current_view().themes) or list(codebook.ids)
by_case = by_case[by_case["theme"].isin(shown)]
named = wording.told_apart(titles)  # two cases of one title by their folder, as in the chart
with st.container(key="wide-only-cases"):  # long titles leave a phone no room for the bars
    ui.render_chart(
        comparecharts.cases_figure(by_case, titles, codebook), key="cases",
        alt="Theme coverage by case",
    )  # fmt: skip
grid = by_case.assign(
    case=by_case["case"].map(named),
    theme=by_case["theme"].map(codebook.labels),
    coverage=by_case["coverage"].map(wording.percent),
).pivot(index="case", columns="theme", values="coverage")
order = [named[case.slug] for case in content.cases]  # as the menu and the table below
grid = grid.reindex(index=order, columns=[codebook.labels[t] for t in shown]).reset_index()
st.container(key="phone-only-cases").markdown(tablemarkup.grid_table(grid), unsafe_allow_html=True)
summary = pd.DataFrame(
    {
        "case": [named[case.slug] for case in content.cases],
        "sections": [len(case.sections) for case in content.cases],
        "paragraphs": [len(case.paragraphs) for case in content.cases],
        "words": [case.words for case in content.cases],
    }
)
counts = st.column_config.NumberColumn(format="localized")  # 200,000 words, not 200000
st.dataframe(
    summary, hide_index=True,
    column_config={name: counts for name in ("sections", "paragraphs", "words")},
)  # fmt: skip
st.caption(ui.COVERAGE_NOTE)
