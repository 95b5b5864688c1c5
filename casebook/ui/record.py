"""Widgets for the record beside the text: fact cards, claim flags, claims to check."""

from __future__ import annotations

import streamlit as st

from casebook import facts, filtering, markup, recordcharts
from casebook.facts import Claim, Record
from casebook.loader import Content
from casebook.model import Case, Codebook
from casebook.ui.explore import paragraph_href
from casebook.ui.routes import match_mode, selected_themes

KIND_HELP = {
    "outdated": "written as if still true; the record has moved on",
    "imprecise": "right in outline; the record dates or sharpens it",
    "unsourced": "a figure or judgement with no source or measure",
    "contradicted": "the record says otherwise",
}


def case_record(content: Content, case: Case) -> Record:
    return content.records.get(case.slug, Record())


def case_claims(content: Content, case: Case) -> tuple[Claim, ...]:
    return content.claims.get(case.slug, ())


def keep(items, codebook: Codebook) -> list:
    """Facts or claims that carry the themes the theme filter asks for."""
    selected, mode = selected_themes(codebook), match_mode()
    return [item for item in items if filtering.matches(item.themes, selected, mode)]


def render_fact_cards(items, columns: int = 2) -> None:
    slots = st.columns(columns)
    for index, fact in enumerate(items):
        slots[index % columns].markdown(markup.fact_card(fact), unsafe_allow_html=True)


def render_claim_flags(claims, record: Record) -> None:
    by_id = {fact.id: fact for fact in record.facts}
    for claim in claims:
        colour = recordcharts.CLAIM_COLOURS.get(claim.kind, "#7A7A7A")
        mark = recordcharts.CLAIM_MARKS.get(claim.kind, "⚑")
        st.markdown(markup.claim_flag(claim, by_id, colour, mark), unsafe_allow_html=True)


def flagger(claims, record: Record, codebook: Codebook):
    """A function drawing, under a paragraph, the reviewed claims about it the filter keeps."""
    by_anchor = facts.claims_by_anchor(keep(claims, codebook))

    def flag(row) -> None:
        render_claim_flags(by_anchor.get(row.anchor, ()), record)

    return flag


def render_claims_by_section(claims, record: Record, case: Case, codebook: Codebook, rows):
    """Every reviewed claim, in reading order, each with a link to its paragraph."""
    by_anchor = {row.anchor: row for row in rows.itertuples(index=False)}
    for section in case.sections:
        here = [c for c in claims if c.section == section.slug]
        if not here:
            continue
        st.subheader(f"{section.title} ({len(here)})")
        for claim in here:
            render_claim_flags([claim], record)
            row = by_anchor[claim.anchor]
            label = f"Open ¶{claim.position} in context →"
            st.markdown(markup.link(paragraph_href(row, codebook), label), unsafe_allow_html=True)


def render_candidates(frame, case: Case) -> None:
    """Statements the rule-based finder proposes to check; not reviewed."""
    titles = {s.slug: s.title for s in case.sections}
    for row in frame.itertuples(index=False):
        cues = ", ".join(row.cues)
        st.markdown(
            f"**{markup.md_escape(titles.get(row.section, row.section))} · ¶{row.position}** — "
            f"*{markup.md_escape(row.reason)}* ({markup.md_escape(cues)})  \n"
            f"{markup.md_escape(row.sentence)}"
        )
