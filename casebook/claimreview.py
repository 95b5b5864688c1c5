"""The reviewed claims as schema.org ClaimReview (JSON-LD), the form fact-checkers publish
and Google's Fact Check Explorer reads: the claim, the verdict, who checked it and when.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from casebook.cite import publisher
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


def claim_review(claim: Claim, case: Case, url: str) -> dict:
    """One ClaimReview: ``url`` is where the review can be read (the claim in its section)."""
    source = case.author or publisher(case)
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
            "author": {"@type": "Organization", "name": source} if source else {},
            "datePublished": claim.said,
            "appearance": {"@type": "CreativeWork", "url": case.source_url, "headline": case.title},
        },
    })  # fmt: skip


def claim_reviews_json(claims: Iterable[Claim], case: Case, url: Callable[[Claim], str]) -> str:
    """Every claim as a ClaimReview, in one JSON-LD document (a list)."""
    reviews = [claim_review(claim, case, url(claim)) for claim in claims]
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
