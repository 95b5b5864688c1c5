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
st.markdown(ui.method_text(codebook))

st.header("How well the tags agree with independent coders")
st.markdown(
    "Texts about other peace operations, which the codebook was not tuned on, were coded "
    "paragraph by paragraph by coders given only the theme definitions below and nothing "
    "of the tagger (AI assistants, each started fresh; see eval/README.md); the tags are "
    "compared with their codes. Precision: of the paragraphs the rule codes with a theme, "
    "the share the coders coded with it too; recall: of those the coders coded, the share "
    "the rule found; Cohen's kappa: agreement beyond chance (1 is perfect, 0 chance)."
)
ui.render_agreement(codebook)

st.header("How coverage is computed")
st.markdown(
    ui.COVERAGE_NOTE + f" A section is tagged with a theme when its coverage reaches "
    f"{codebook.rules.section_tag_threshold:.0%} (set in the codebook). Percentages are "
    "rounded down, so a share reads as the threshold only once it reaches it."
)

st.header("The codebook", anchor="codebook")
ui.render_codebook(codebook)
