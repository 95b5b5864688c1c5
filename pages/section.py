"""One section of the case: its themes, its coverage, and its text with the evidence."""

import streamlit as st

from casebook import filtering, markup, ui

content = ui.load()
codebook = content.codebook
case = ui.current_case(content)
section = ui.current_section(case)
data = ui.tables(case)
view = ui.current_view()
selected, mode = list(view.themes), view.mode
labels = codebook.labels
rows = ui.shared(
    lambda: data.paragraphs[data.paragraphs["section"] == section.slug],
    "section-rows", case.slug, section.slug,
)  # fmt: skip

if section.parent:
    ui.render_breadcrumb(case, section)
st.title(markup.md_escape(section.title))

text, side = st.columns([3, 1], gap="large")
with side:
    ui.render_html(
        ui.shared(lambda: ui.section_side(section, data, codebook), "section-side", case.slug,
                  section.slug)
    )  # fmt: skip
with text:
    if selected:
        hits = ui.kept(case, selected, mode).per_section.get(section.slug, 0)
        note = filtering.highlight_note(selected, mode, labels, hits, len(rows))
        if note:
            st.caption(note)
    target = ui.target_anchor(rows["anchor"])
    claims, record = ui.case_claims(content, case), ui.case_record(content, case)
    blocks = ui.shared(
        lambda: ui.paragraph_blocks(
            rows, codebook, selected, mode, target, ui.flagger(claims, record),
            section.extras,
        ),
        "section-text", case.slug, section.slug, view.themes, mode, target,
    )  # fmt: skip
    ui.render_paragraphs(blocks, scroll_to_target=bool(target))
    ui.render_children(case, section)

st.divider()
ui.render_prev_next(case, section)
ui.render_source_line(case)
