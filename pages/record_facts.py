"""Key facts from the public record: sourced figures, a timeline, and where sources disagree."""

import streamlit as st

from casebook import facts, filtering, markup, recordcharts, recordmarkup, ui
from casebook.wording import counted

content = ui.load()
codebook = content.codebook
case = ui.current_case(content)
record = ui.case_record(content, case)
view = ui.current_view()
selected, mode = list(view.themes), view.mode
labels = codebook.labels
shown = ui.keep(record.facts, codebook)
frame = facts.facts_frame(shown)
view = (case.slug, tuple(selected), mode)  # what the figures below depend on

st.title("What the record says")
st.markdown(
    "The key facts from the public record, each with its sources: **UN** sources first, then "
    "news outlets, then secondary aggregators (dashed). Where sources disagree, both sides are "
    "shown below."
)
if selected:
    st.info(
        f"Narrowed by the theme filter: the {counted(len(shown), 'fact')} of "
        f"{len(record.facts)} about {filtering.themes_phrase(selected, mode, labels)}.",
        icon=":material/filter_alt:",
    )
if not shown:
    st.warning("No fact of the record carries these themes. Clear the theme filter to see all.")

key = [record.fact(i) for i in record.key_facts if i in {f.id for f in shown}]
if key:
    st.header("Key figures")
    ui.render_fact_cards(key)


def chart_section(place: str, default: str, rows, build, phone_list: str = "") -> None:
    """A chart of the record under its heading, with the case's note; nothing if no rows.
    With ``phone_list``, a phone shows that list in place of the chart."""
    if rows.empty:
        return
    note = record.chart(place, default)
    st.header(markup.md_escape(note.title))
    with st.container(key=f"wide-only-{place}" if phone_list else None):
        ui.render_chart(ui.figure(build, place, *view), key=place, alt=note.title)
    if phone_list:
        st.container(key=f"phone-only-{place}").markdown(phone_list, unsafe_allow_html=True)
    if note.note:
        st.caption(markup.md_bold_only(note.note))


events = frame[frame["kind"] == "event"]
chart_section(  # on a phone the labels beside the dots would be cut: a list there
    "timeline", "Timeline", events, lambda: recordcharts.timeline_figure(events, codebook),
    recordmarkup.event_list(events),
)  # fmt: skip
attacks = frame[frame["id"].str.startswith("attacks-")]
chart_section(
    "attacks", "Deaths in deliberate attacks", attacks, lambda: recordcharts.attacks_figure(attacks)
)
authorised = frame[frame["kind"] == "strength_authorised"]
deployed = frame[frame["kind"] == "strength_deployed"]
chart_section(
    "strength",
    "Authorised and deployed strength",
    authorised,
    lambda: recordcharts.strength_figure(authorised, deployed),
)

if record.disagreements:
    st.header("Where sources disagree")
for item in record.disagreements:
    with st.expander(markup.md_escape(item.topic)):
        for side in item.sides:
            who = f"**{markup.md_escape(side.who)}:** " if side.who else ""
            st.markdown(f"- {who}{markup.md_escape(side.says)}")
            if side.sources:
                st.markdown(recordmarkup.sources(side.sources), unsafe_allow_html=True)
        st.markdown(f"**Safest wording:** {markup.md_escape(item.wording)}")

if record.gaps:
    st.header("Not found in the sources read")
for gap in record.gaps:
    st.markdown(f"- **{markup.md_escape(gap.label)}** — {markup.md_escape(gap.note)}")

if shown:
    with st.expander(f"All {counted(len(shown), 'fact')} with their sources"):
        ui.render_fact_cards(shown)
