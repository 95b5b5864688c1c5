"""About: the source and its notice, how themes and coverage are computed, the codebook."""

import streamlit as st

from casebook import markup, ui

content = ui.load()
codebook = content.codebook
case = ui.current_case(content)

st.title("About this dashboard")
st.markdown(
    "casebook turns a long case-study article into something to read by theme: each "
    "section on its own page, the themes each part covers and how much, a filter kept in "
    "the URL so that any view can be shared as a link."
)

st.header("The source")
st.markdown(f"**{markup.md_escape(case.title)}**")
ui.render_provenance(case, method_below=True)

st.header("How paragraphs are coded")
st.markdown(ui.METHOD.format(min_score=codebook.rules.paragraph_min_score))

st.header("How coverage is computed")
st.markdown(
    ui.COVERAGE_NOTE + f" A section is tagged with a theme when its coverage reaches "
    f"{codebook.rules.section_tag_threshold:.0%} (set in the codebook)."
)

st.header("The codebook")
ui.render_codebook(codebook)
