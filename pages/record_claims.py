"""The article's claims checked against the record, and statements a rule proposes to check."""

import streamlit as st

from casebook import candidates, claimreview, facts, filtering, recordcharts, ui
from casebook.wording import counted

content = ui.load()
codebook = content.codebook
case = ui.current_case(content)
record = ui.case_record(content, case)
data = ui.tables(case)
reviewed = ui.case_claims(content, case)
claims = ui.keep(reviewed, codebook)
view = ui.current_view()
selected, mode = list(view.themes), view.mode
labels = codebook.labels

st.title("Claims checked")
st.markdown(
    "Statements of the article that the public record dates, sharpens or contradicts, "
    "each reviewed against the key facts and flagged beside its paragraph on the section pages."
)
with st.expander("How the claims are checked", icon=":material/rule:"):
    st.markdown(ui.CLAIMS_METHOD)
    st.markdown(ui.review_summary(reviewed))
if selected:
    st.info(
        f"Narrowed by the theme filter: the {counted(len(claims), 'claim')} of "
        f"{len(reviewed)} about {filtering.themes_phrase(selected, mode, labels)}.",
        icon=":material/filter_alt:",
    )
counts = facts.claim_counts(claims)
left, right = st.columns([1, 2])
with left:
    for row in counts.itertuples(index=False):
        st.metric(row.kind.capitalize(), row.claims, help=ui.KIND_HELP[row.kind])
with right:
    ui.render_chart(
        recordcharts.claim_counts_figure(counts), key="claim-kinds", alt="Claims by kind"
    )

ui.render_claims_by_section(claims, record, case, codebook, data.paragraphs)

st.header("Corrections")
ui.render_corrections(reviewed)

st.header("Take them with you")
rows = {row.anchor: row for row in data.paragraphs.itertuples(index=False)}
links = {c.id: ui.absolute(ui.paragraph_href(rows[c.anchor], codebook)) for c in claims}
# Made now, not on the click: a callable ``data`` can leave the button disabled for good
# when the click lands as a rerun ends (see ui.render_exports). The links name the claims
# shown and hold the view, so they key the file.
reviews = ui.shared(
    lambda: claimreview.claim_reviews_json(claims, case, lambda c: links[c.id]),
    "claim-reviews", case.slug, tuple(links.items()),
)  # fmt: skip
st.download_button(
    "Claims as ClaimReview (JSON-LD)",
    data=reviews,
    file_name=f"{case.slug}-claim-reviews.jsonld",
    mime="application/ld+json",
    icon=":material/download:",
    help="schema.org ClaimReview, the form fact-checkers publish: the claim, the verdict, "
    "who checked it and when.",
)

st.header("To check")
found = candidates.unreviewed(candidates.find_candidates(case), reviewed)
st.caption(
    f"{len(found)} more statements a rule proposes for checking (time-bound wording such as "
    "'remains' or 'will'; quantities and evaluations without a source). Not reviewed."
)
with st.expander("Show the statements to check"):
    ui.render_candidates(candidates.candidates_frame(found), case)
