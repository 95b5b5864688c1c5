"""The reviewed claims as schema.org ClaimReview (JSON-LD), the form fact-checkers publish
and Google's Fact Check Explorer reads: the claim, the verdict, who checked it and when.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from nameparser import HumanName

from casebook.cite import authors, publisher
from casebook.facts import Claim
from casebook.model import Case

VERDICTS = {
    "outdated": "Outdated",
    "imprecise": "Imprecise",
    "unsourced": "Unsourced",
    "contradicted": "Contradicted",
}


def _pruned(mapping: dict) -> dict:
    """The mapping without empty values, nested mappings pruned too."""
    out = {}
    for key, value in mapping.items():
        value = _pruned(value) if isinstance(value, dict) else value
        if value not in ("", None, {}):
            out[key] = value
    return out


def _claim_author(case: Case) -> dict | list:
    """Who made the claim: the people the byline names (a Person each), else the
    organisation that wrote it or the site that published it (an Organization)."""
    names = authors(case.author)
    if names and all(isinstance(name, HumanName) for name in names):
        people = [{"@type": "Person", "name": str(name)} for name in names]
        return people[0] if len(people) == 1 else people
    source = case.author or publisher(case)
    return {"@type": "Organization", "name": source} if source else {}


def claim_review(claim: Claim, case: Case, url: str) -> dict:
    """One ClaimReview: ``url`` is where the review can be read (the claim in its section)."""
    return _pruned({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.quote,
        "datePublished": claim.reviewed,
        "author": {"@type": "Organization", "name": claim.reviewer},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": VERDICTS.get(claim.kind, claim.kind.capitalize()),
            "ratingExplanation": claim.note,
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": _claim_author(case),
            "datePublished": claim.said,
            "appearance": {"@type": "CreativeWork", "url": case.source_url, "headline": case.title},
        },
    })  # fmt: skip


def claim_reviews_json(claims: Iterable[Claim], case: Case, url: Callable[[Claim], str]) -> str:
    """Every claim as a ClaimReview, in one JSON-LD document (a list)."""
    reviews = [claim_review(claim, case, url(claim)) for claim in claims]
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
