"""The record beside the text: sourced facts, and the article's claims checked against them.

A case folder may hold ``facts.yaml`` (facts, each with the date it refers to and
its sources; disagreements between sources; gaps the research could not fill)
and ``claims.yaml`` (reviewed annotations of statements in the article that the
record dates, sharpens or contradicts). This module holds their model, finds a
claim's paragraph, and turns them into tidy frames; ``factsfile.py`` and
``claimsfile.py`` read and validate the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from casebook.model import Case, Paragraph

if TYPE_CHECKING:  # pandas is imported where a frame is built: the loader and an ingest
    import pandas as pd  # read facts and claims without it, and it is slow to import

TIERS = ("un", "news", "secondary")  # best first
FACT_KINDS = (
    "event", "strength_authorised", "strength_deployed", "drawdown",
    "fatalities", "budget", "contributors",
)  # fmt: skip
CLAIM_KINDS = ("outdated", "imprecise", "unsourced", "contradicted")
_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@dataclass(frozen=True)
class Source:
    title: str
    tier: str
    date: str
    publisher: str = ""
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Fact:
    id: str
    label: str
    value: str
    date: str
    kind: str
    themes: tuple[str, ...]
    sources: tuple[Source, ...]
    amount: float | None = None
    unit: str = ""
    note: str = ""

    @property
    def tier(self) -> str:
        """The best tier among the fact's sources."""
        return min((source.tier for source in self.sources), key=TIERS.index)


@dataclass(frozen=True)
class Side:
    """One position in a disagreement: what is said, and by whom."""

    says: str
    who: str = ""
    facts: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Disagreement:
    id: str
    topic: str
    sides: tuple[Side, ...]
    wording: str
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gap:
    """Something the research looked for and did not find."""

    id: str
    label: str
    note: str
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChartNote:
    """What the case says about one of the facts page's charts: its title and a caveat."""

    place: str  # timeline | attacks | strength
    title: str
    note: str = ""


@dataclass(frozen=True)
class Record:
    facts: tuple[Fact, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    gaps: tuple[Gap, ...] = ()
    key_facts: tuple[str, ...] = ()  # the ids to show first, in this order
    charts: tuple[ChartNote, ...] = ()

    def chart(self, place: str, title: str) -> ChartNote:
        """The case's note for a chart, or ``title`` with no note."""
        return next((c for c in self.charts if c.place == place), ChartNote(place, title))

    def fact(self, fact_id: str) -> Fact:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)


@dataclass(frozen=True)
class Correction:
    """A change to a published review: when, and what was corrected."""

    date: str
    note: str


@dataclass(frozen=True)
class Claim:
    """A reviewed statement of the article; ``position`` (its paragraph's) comes from the quote.
    ``said`` is when the article made it, ``reviewed`` when and ``reviewer`` by whom it was
    checked (the file's ``review`` block gives them for every claim; a claim may differ)."""

    id: str
    section: str
    quote: str
    kind: str
    note: str
    facts: tuple[str, ...]
    themes: tuple[str, ...]
    position: int = 0
    said: str = ""
    reviewed: str = ""
    reviewer: str = ""
    corrections: tuple[Correction, ...] = ()

    @property
    def anchor(self) -> str:
        return f"{self.section}-p{self.position}"


def normalise(text: str) -> str:
    """Text as quotes are matched: straight quotation marks, single spaces."""
    return " ".join(text.translate(_STRAIGHT).split())


def quoted_paragraphs(quote: str, case: Case, section: str) -> list[Paragraph]:
    """The paragraphs of ``section`` whose text holds ``quote``."""
    wanted = normalise(quote)
    found = [s for s in case.sections if s.slug == section]
    return [p for s in found for p in s.paragraphs if wanted and wanted in normalise(p.text)]


def locate_claim(claim: Claim, case: Case) -> Paragraph | None:
    """The paragraph a claim flags, or None when its quote is no longer found there."""
    found = quoted_paragraphs(claim.quote, case, claim.section)
    return found[0] if len(found) == 1 else None


def claims_by_anchor(claims) -> dict[str, tuple[Claim, ...]]:
    """The claims flagged on each paragraph, keyed by the paragraph's anchor."""
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(claim.anchor, []).append(claim)
    return {anchor: tuple(found) for anchor, found in grouped.items()}


def start_day(text: str) -> pd.Timestamp:
    """The first day a fact's date can mean (a year means 1 January)."""
    import pandas as pd

    return pd.Timestamp(text + {4: "-01-01", 7: "-01"}.get(len(text), ""))


FACT_COLUMNS = [
    "id", "label", "value", "amount", "unit", "date", "when", "kind",
    "themes", "tier", "sources", "note",
]  # fmt: skip
CLAIM_COLUMNS = ["id", "section", "position", "anchor", "kind", "quote", "note", "facts", "themes"]


def facts_frame(facts) -> pd.DataFrame:
    """One row per fact: its value, the day its date starts on, best tier and source count."""
    import pandas as pd

    rows = [
        {
            "id": f.id, "label": f.label, "value": f.value, "amount": f.amount, "unit": f.unit,
            "date": f.date, "when": start_day(f.date), "kind": f.kind, "themes": list(f.themes),
            "tier": f.tier, "sources": len(f.sources), "note": f.note,
        }
        for f in facts
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=FACT_COLUMNS)


def sources_frame(facts) -> pd.DataFrame:
    """One row per (fact, source), in the order the sources are given."""
    import pandas as pd

    rows = [
        {"fact": fact.id, "position": n, "title": s.title, "publisher": s.publisher,
         "url": s.url, "date": s.date, "tier": s.tier, "note": s.note}
        for fact in facts
        for n, s in enumerate(fact.sources, start=1)
    ]  # fmt: skip
    columns = ["fact", "position", "title", "publisher", "url", "date", "tier", "note"]
    return pd.DataFrame(rows, columns=columns)


def claims_frame(claims) -> pd.DataFrame:
    """One row per reviewed claim, with the anchor of the paragraph it flags."""
    import pandas as pd

    rows = [
        {
            "id": c.id, "section": c.section, "position": c.position, "anchor": c.anchor,
            "kind": c.kind, "quote": c.quote, "note": c.note, "facts": list(c.facts),
            "themes": list(c.themes),
        }
        for c in claims
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def claim_counts(claims) -> pd.DataFrame:
    """How many claims of each kind, every kind listed (zero included), in a fixed order."""
    import pandas as pd

    kinds = [claim.kind for claim in claims]
    return pd.DataFrame({"kind": CLAIM_KINDS, "claims": [kinds.count(k) for k in CLAIM_KINDS]})
