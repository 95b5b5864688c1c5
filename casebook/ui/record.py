"""Widgets for the record beside the text: fact cards, claim flags, claims to check."""

from __future__ import annotations

import streamlit as st

from casebook import facts, filtering, markup, recordcharts, recordmarkup
from casebook.facts import Claim, Record
from casebook.loader import Content
from casebook.model import Case, Codebook
from casebook.ui.explore import paragraph_href
from casebook.ui.routes import current_url_path, current_view

KIND_HELP = {
    "outdated": "written as if still true; the record has moved on",
    "imprecise": "right in outline; the record dates or sharpens it",
    "unsourced": "a figure or judgement with no source or measure",
    "contradicted": "the record says otherwise",
}


CLAIMS_METHOD = """\
Each claim is a statement of the article, quoted word for word, checked against the key
facts of the public record (the *Key facts* page), and given one of four conclusions
rather than a true/false score:

- **Outdated** (◷): {outdated}.
- **Imprecise** (≈): {imprecise}.
- **Unsourced** (?): {unsourced}.
- **Contradicted** (✕): {contradicted}.

Sources are ranked in three tiers: **UN** documents and UN news first (the primary
record), then **news** outlets, then **secondary** aggregators and reposts (shown dashed).
Every source gives the date its figures hold for ("as of"); a figure is never newer than
its source. Where sources disagree, the *Key facts* page shows both sides and the safest
wording.
""".format(**KIND_HELP)


def review_summary(claims) -> str:
    """Who reviewed the claims and when, in one line, from the claims themselves."""
    reviewers = sorted({c.reviewer for c in claims if c.reviewer})
    dates = sorted({c.reviewed for c in claims if c.reviewed})
    if not claims:
        return "No claim has been reviewed yet."
    when = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}" if dates else "undated"
    said = "the article gives no date" if not any(c.said for c in claims) else "as given per claim"
    who = ", ".join(reviewers) or "unnamed reviewers"
    return (
        f"**Reviewed** by {markup.md_escape(who)}, {when}. **When the article said it:** "
        f"{said}. Corrections to a review are listed under *Corrections* below."
    )


def render_corrections(claims) -> None:
    """Every correction to a review, newest first; or a line saying there is none."""
    found = sorted(
        ((fix, claim) for claim in claims for fix in claim.corrections),
        key=lambda pair: pair[0].date,
        reverse=True,
    )
    if not found:
        first = min((c.reviewed for c in claims if c.reviewed), default="")
        since = f" since the first review ({first})" if first else ""
        st.caption(f"No review has been corrected{since}.")
    for fix, claim in found:
        st.markdown(
            f"- **{fix.date}** · ¶{claim.position} of *{markup.md_escape(claim.section)}*: "
            f"{markup.md_escape(fix.note)}"
        )


def absolute(href: str) -> str:
    """A relative link of the app (as paragraph_href gives) as a full URL."""
    url, path = st.context.url or "", current_url_path()
    base = url[: -len(path)] if path and url.endswith("/" + path) else url.rstrip("/") + "/"
    return base + href


def case_record(content: Content, case: Case) -> Record:
    return content.records.get(case.slug, Record())


def case_claims(content: Content, case: Case) -> tuple[Claim, ...]:
    return content.claims.get(case.slug, ())


def keep(items, codebook: Codebook) -> list:
    """Facts or claims that carry the themes the theme filter asks for."""
    themes, mode = list(current_view().themes), current_view().mode
    return [item for item in items if filtering.matches(item.themes, themes, mode)]


def render_fact_cards(items, columns: int = 2) -> None:
    slots = st.columns(columns)
    for index, fact in enumerate(items):
        slots[index % columns].markdown(recordmarkup.fact_card(fact), unsafe_allow_html=True)


def claim_flags(claims, record: Record) -> list[str]:
    """The HTML of each claim's flag, in its kind's colour and mark."""
    by_id = {fact.id: fact for fact in record.facts}
    return [
        recordmarkup.claim_flag(
            claim,
            by_id,
            recordcharts.CLAIM_COLOURS.get(claim.kind, "#7A7A7A"),
            recordcharts.CLAIM_MARKS.get(claim.kind, "⚑"),
        )
        for claim in claims
    ]


def render_claim_flags(claims, record: Record) -> None:
    for flag in claim_flags(claims, record):
        st.markdown(flag, unsafe_allow_html=True)


def flagger(claims, record: Record):
    """A function giving, for a paragraph, the flags of the reviewed claims about it (HTML,
    drawn under the paragraph). Every flag, whatever the theme filter: the filter says
    which paragraphs stand out, and a paragraph opened from a fold keeps its warnings."""
    by_anchor = facts.claims_by_anchor(claims)

    def flags(row) -> list[str]:
        return claim_flags(by_anchor.get(row.anchor, ()), record)

    return flags


def render_claims_by_section(claims, record: Record, case: Case, codebook: Codebook, rows):
    """Every reviewed claim, in reading order, each with a link to its paragraph."""
    by_anchor = {row.anchor: row for row in rows.itertuples(index=False)}
    for section in case.sections:
        here = [c for c in claims if c.section == section.slug]
        if not here:
            continue
        st.header(f"{markup.md_escape(section.title)} ({len(here)})")
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
