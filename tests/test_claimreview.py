"""Claims as schema.org ClaimReview (casebook/claimreview.py): the fields fact-checkers use."""

from __future__ import annotations

import json
from dataclasses import replace

from casebook.claimreview import claim_review, claim_reviews_json
from casebook.facts import Claim
from casebook.model import Case

CASE = Case(
    slug="demo",
    title="A <case> study",
    source_url="https://www.example.org/post",
    notice="",
    sections=(),
)
CLAIM = Claim(
    id="c1", section="intro", quote="The mission remains active", kind="outdated",
    note="Its mandate ended on 30 Jun 2023.", facts=("ended",), themes=("security",),
    position=2, said="2023-01-05", reviewed="2026-11-28", reviewer="casebook editors",
)  # fmt: skip


def test_a_claim_review_names_the_claim_the_verdict_the_checker_and_the_dates():
    review = claim_review(CLAIM, CASE, "https://app/intro?p=intro-p2#intro-p2")
    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://app/intro?p=intro-p2#intro-p2",
        "claimReviewed": "The mission remains active",
        "datePublished": "2026-11-28",
        "author": {"@type": "Organization", "name": "casebook editors"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "Outdated",
            "ratingExplanation": "Its mandate ended on 30 Jun 2023.",
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": "example.org"},
            "datePublished": "2023-01-05",
            "appearance": {
                "@type": "CreativeWork",
                "url": "https://www.example.org/post",
                "headline": "A <case> study",
            },
        },
    }


def test_the_claim_is_by_the_people_the_byline_names_else_by_an_organisation():
    def by(author: str):
        return claim_review(CLAIM, replace(CASE, author=author), "u")["itemReviewed"]["author"]

    assert by("Jane Doe") == {"@type": "Person", "name": "Jane Doe"}
    assert by("Jane Doe and Amadou Sow") == [
        {"@type": "Person", "name": "Jane Doe"},
        {"@type": "Person", "name": "Amadou Sow"},
    ]
    assert by("United Nations Security Council") == {
        "@type": "Organization",
        "name": "United Nations Security Council",
    }


def test_unknown_dates_are_left_out_not_invented():
    undated = Claim(**{**CLAIM.__dict__, "said": ""})
    review = claim_review(undated, CASE, "u")
    assert "datePublished" not in review["itemReviewed"]
    assert review["datePublished"] == "2026-11-28"


def test_the_document_is_json_ld_with_one_review_per_claim():
    second = Claim(**{**CLAIM.__dict__, "id": "c2", "kind": "contradicted", "quote": "Q </script>"})
    text = claim_reviews_json([CLAIM, second], CASE, lambda c: f"https://app/{c.id}")
    reviews = json.loads(text)
    assert [r["url"] for r in reviews] == ["https://app/c1", "https://app/c2"]
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Outdated", "Contradicted"]
    assert reviews[1]["claimReviewed"] == "Q </script>"
