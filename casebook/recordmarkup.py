"""HTML for the record beside the text: fact cards, sources with their tiers, claim flags.

Every piece of text is escaped with :func:`casebook.markup.escape`, as in ``markup.py``.
"""

from __future__ import annotations

from casebook.markup import escape
from casebook.wording import counted

TIER_LABELS = {"un": "UN source", "news": "news", "secondary": "secondary"}
_TIER_STYLE = {
    "un": "border:2px solid #555555;background:#555555;color:#ffffff",
    "news": "border:2px solid #7A7A7A;color:inherit",
    "secondary": "border:2px dashed #7A7A7A;color:inherit",
}


def tier_badge(tier: str) -> str:
    """The tier of a source: UN solid, news outlined, secondary dashed."""
    style = _TIER_STYLE.get(tier, _TIER_STYLE["secondary"])
    label = escape(TIER_LABELS.get(tier, tier))
    return f'<span class="cb-badge" style="{style}" title="source tier">{label}</span>'


def _source(source) -> str:
    name = escape(source.title + (f", {source.publisher}" if source.publisher else ""))
    if source.url.startswith(("https://", "http://")):
        name = f'<a href="{escape(source.url)}" target="_blank" rel="noopener">{name}</a>'
    date = "undated" if source.date == "n.d." else f"as of {escape(source.date)}"
    return f"<li>{tier_badge(source.tier)} {name} <span class='cb-muted'>({date})</span></li>"


def sources(items) -> str:
    return f'<ul class="cb-sources">{"".join(_source(s) for s in items)}</ul>'


def fact_card(fact) -> str:
    """A fact with its value, the date it refers to, its caveat and every source."""
    note = f'<div class="cb-muted">{escape(fact.note)}</div>' if fact.note else ""
    heading = f'<div class="cb-muted">{escape(fact.label)} · {escape(fact.date)}</div>'
    value = f'<div class="cb-value">{escape(fact.value)}</div>'
    return f'<div class="cb-fact">{heading}{value}{note}{sources(fact.sources)}</div>'


def claim_flag(claim, facts_by_id: dict, colour: str, mark: str = "⚑") -> str:
    """A reviewed claim beside its paragraph: the kind (its mark and name, in the page's
    text colour, framed in the kind's colour), the quoted words, what the record says."""
    cited = [facts_by_id[f] for f in claim.facts if f in facts_by_id]
    evidence = "".join(
        f"<div class='cb-muted'>{escape(f.label)} ({escape(f.date)}): {escape(f.value)}</div>"
        f"{sources(f.sources)}"
        for f in cited
    )
    kind = escape(claim.kind.capitalize())
    record = ""
    if cited:
        theirs = "its" if len(cited) == 1 else "their"
        label = f"What the record says: {counted(len(cited), 'fact')}, with {theirs} sources"
        record = f"<details><summary>{label}</summary>{evidence}</details>"
    return (
        f'<div class="cb-claim" style="border-left-color:{colour}">'
        f'<span class="cb-badge" style="border-color:{colour}">{escape(mark)} {kind}</span> '
        f"<q>{escape(claim.quote)}</q><div>{escape(claim.note)}</div>"
        f'<div class="cb-muted">{escape(review_line(claim))}</div>{record}</div>'
    )


def review_line(claim) -> str:
    """'Article undated · reviewed 2026-11-28 by casebook editors': when the article made
    the claim (``said``), and when and by whom it was reviewed, as far as known."""
    said = f"Article dated {claim.said}" if claim.said else "Article undated"
    reviewed = f"reviewed {claim.reviewed}" if claim.reviewed else "review undated"
    by = f" by {claim.reviewer}" if claim.reviewer else ""
    return f"{said} · {reviewed}{by}"


def event_list(events) -> str:
    """The timeline as a list, oldest first (``events``: rows of ``facts_frame`` with
    ``when``, ``date`` and ``label``), for a screen too narrow for labels beside the dots."""
    rows = events.sort_values("when", kind="stable").itertuples(index=False)
    items = "".join(f"<li><b>{escape(row.date)}</b> {escape(row.label)}</li>" for row in rows)
    return f'<ul class="cb-events">{items}</ul>'
