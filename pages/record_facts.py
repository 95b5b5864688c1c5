"""Key facts from the public record: sourced figures, a timeline, and where sources disagree."""

import streamlit as st

from casebook import facts, filtering, markup, recordcharts, ui

content = ui.load()
codebook = content.codebook
case = ui.current_case(content)
record = ui.case_record(content, case)
selected, mode = ui.selected_themes(codebook), ui.match_mode()
labels = {t.id: t.label for t in codebook.themes}
shown = ui.keep(record.facts, codebook)
frame = facts.facts_frame(shown)
view = (case.slug, tuple(selected), mode)  # what the figures below depend on

st.title("What the record says")
st.markdown(
    "The article was written with AI assistance and asks readers to cross-check it. These are "
    "the key facts from the public record, each with its sources: **UN** sources first, then "
    "news outlets, then secondary aggregators (dashed). Where sources disagree, both sides are "
    "shown below."
)
if selected:
    st.caption(
        f"Showing the {len(shown)} facts about {filtering.describe(selected, mode, labels)[18:]}."
    )

st.header("Key figures")
key = [record.fact(i) for i in record.key_facts if i in {f.id for f in shown}]
ui.render_fact_cards(key)

st.header("Timeline, 2012–2024")
events = frame[frame["kind"] == "event"]
if not events.empty:
    ui.render_chart(
        ui.figure(lambda: recordcharts.timeline_figure(events, codebook), "timeline", *view),
        key="timeline",
        alt="Key events from the 2012 rebellion to the end of the peace agreement in 2024",
    )
    st.caption("Each dot takes the colour of the event's first theme; hover for the detail.")

st.header("Peacekeepers killed in deliberate attacks, per year")
attacks = frame[frame["id"].str.startswith("attacks-")]
if not attacks.empty:
    ui.render_chart(
        ui.figure(lambda: recordcharts.attacks_figure(attacks), "attacks", *view),
        key="attacks",
        alt="Deaths in deliberate attacks per year",
    )
    st.caption(
        "UN Staff Union counts of deaths in **deliberate attacks only**, not all fatalities "
        "(311 personnel died of all causes over ten years). 2014 covers June–October only; "
        "2016 counts all personnel, not only peacekeepers; 2023 was not found."
    )

st.header("Authorised and deployed strength")
authorised = frame[frame["kind"] == "strength_authorised"]
deployed = frame[frame["kind"] == "strength_deployed"]
if not authorised.empty:
    ui.render_chart(
        ui.figure(lambda: recordcharts.strength_figure(authorised, deployed), "strength", *view),
        key="strength",
        alt="The authorised ceiling against deployed counts over time",
    )
    st.caption(
        "The ceiling adds the military and police ceilings of each resolution. Deployed counts "
        "come from different sources counting different things (uniformed, military only, or all "
        "personnel): hover over a point for what it counts."
    )

st.header("Where sources disagree")
for item in record.disagreements:
    with st.expander(item.topic):
        for side in item.sides:
            who = f"**{markup.md_escape(side.who)}:** " if side.who else ""
            st.markdown(f"- {who}{markup.md_escape(side.says)}")
            if side.sources:
                st.markdown(markup.sources(side.sources), unsafe_allow_html=True)
        st.markdown(f"**Safest wording:** {markup.md_escape(item.wording)}")

st.header("Not found in the sources read")
for gap in record.gaps:
    st.markdown(f"- **{markup.md_escape(gap.label)}** — {markup.md_escape(gap.note)}")

with st.expander(f"All {len(shown)} facts with their sources"):
    ui.render_fact_cards(shown)
