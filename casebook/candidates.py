"""Statements worth checking, proposed by plain rules in any case's text.

The finder decides nothing: it splits each paragraph into sentences and
proposes the ones whose wording a reviewer should check against the record,
saying which words made it propose each. Its proposals ("to check") are kept
apart from reviewed claims (``claims.yaml``); :func:`unreviewed` drops those a
reviewer has already annotated.

The rules, all case-insensitive and on whole words (``*`` matches any ending,
as in the codebook):

- **time-bound**: wording that is true only at the time of writing, so that
  the record may have overtaken it: the cues below, and the mission named as
  the subject of a verb in the present tense ("the mission relies");
- **unsourced evaluation**: a judgement of size or success with no source;
- **quantity**: a figure, a year or a change in amount with no source.

A sentence that names a source (see ``SOURCE_MARKERS``) is not proposed for
the last two reasons. A sentence may be proposed for several reasons, once each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from casebook.facts import Claim, normalise
from casebook.model import Case, Paragraph

TIME_BOUND_CUES = (
    "as the mission progresses", "as the mission navigates", "remain", "remains",
    "will", "continu*", "ongoing", "future", "currently", "at present", "now",
    "still", "going forward", "to date", "yet to", "is necessary", "is essential",
)  # fmt: skip
# The mission as the subject of a present-tense verb: a subject, an optional
# adverb, then "is" or a word ending in -s other than "has" and "was".
MISSION_SUBJECTS = (
    "the mission", "minusma", "the un mission in mali", "the un", "the united nations",
)  # fmt: skip
PRESENT_TENSE = (
    rf"\b(?:{'|'.join(re.escape(s) for s in MISSION_SUBJECTS)})"
    r"(?:\s+(?:also|actively|still|now))?\s+(?!has\b|was\b)(?:is|[a-z]+[^s']s)\b"
)
# Phrases that hold a cue word without its meaning ("political will").
NOT_CUES = ("political will", "goodwill")
EVALUATION_CUES = (
    "significant*", "measurabl*", "notable", "notably", "substantial*",
    "considerabl*", "remarkabl*", "dramatic*", "instrumental", "achieved",
    "has improved", "have improved", "helped restore", "contributed to",
)  # fmt: skip
QUANTITY_CUES = (
    "hundreds", "thousands", "millions", "billions", "dozens", "doubled",
    "halved", "tripled", "increase*", "decrease*", "decline*", "reduction*",
    "fewer", "more than", "less than",
)  # fmt: skip
# Digits: a percentage, a number with thousands separators or decimals, a year.
QUANTITY_PATTERN = r"\d+(?:[.,]\d+)*\s?%|\b\d+(?:[.,]\d+)*\b|\bper ?cent\b"
# Words that show a sentence gives its source.
SOURCE_MARKERS = ("according to", "reported by", "data from", "figures from", "source:", "http")
# Full stops that do not end a sentence.
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "U.N.", "U.S.", "Mr.", "Ms.", "Dr.", "No.", "vs.", "res.")

REASONS = ("time-bound", "unsourced evaluation", "quantity")
# A sentence ends at . ! or ?, perhaps closed by a quotation mark or bracket,
# before white space and a capital or a digit.
_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Candidate:
    """A sentence proposed for checking, with the words that made the rule propose it."""

    section: str
    position: int
    sentence: str
    reason: str
    cues: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return f"{self.section}-p{self.position}"


def cue_pattern(cues: Iterable[str]) -> re.Pattern:
    """One case-insensitive pattern for a list of whole-word cues (``*`` = any ending)."""
    parts = []
    for cue in cues:
        stem = r"\s+".join(re.escape(word) for word in cue.rstrip("*").split())
        parts.append(rf"\b{stem}" + (r"\w*" if cue.endswith("*") else r"\b"))
    return re.compile("|".join(parts), re.IGNORECASE)


def _either(*patterns: str) -> re.Pattern:
    return re.compile("|".join(patterns), re.IGNORECASE)


RULES = (
    ("time-bound", _either(cue_pattern(TIME_BOUND_CUES).pattern, PRESENT_TENSE)),
    ("unsourced evaluation", cue_pattern(EVALUATION_CUES)),
    ("quantity", _either(QUANTITY_PATTERN, cue_pattern(QUANTITY_CUES).pattern)),
)


_NOT_CUES = cue_pattern(NOT_CUES)


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, keeping abbreviations such as "e.g." inside them."""
    if not text.strip():
        return []
    sentences: list[str] = []
    for piece in _BREAK.split(" ".join(text.split())):
        if sentences and sentences[-1].split()[-1] in ABBREVIATIONS:
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def cited(sentence: str) -> bool:
    """Whether the sentence names a source."""
    lowered = sentence.lower()
    return any(marker in lowered for marker in SOURCE_MARKERS)


def matched_cues(sentence: str, pattern: re.Pattern) -> tuple[str, ...]:
    """The words of the sentence a rule matched, lower-cased, each once, in order."""
    sentence = _NOT_CUES.sub(lambda match: " " * len(match.group(0)), sentence)
    found = (" ".join(match.group(0).lower().split()) for match in pattern.finditer(sentence))
    return tuple(dict.fromkeys(found))


def sentence_reasons(sentence: str) -> list[tuple[str, tuple[str, ...]]]:
    """(reason, cues) for each rule the sentence meets."""
    reasons = []
    for reason, pattern in RULES:
        if reason != "time-bound" and cited(sentence):
            continue
        cues = matched_cues(sentence, pattern)
        if cues:
            reasons.append((reason, cues))
    return reasons


def paragraph_candidates(paragraph: Paragraph) -> list[Candidate]:
    return [
        Candidate(paragraph.section, paragraph.position, sentence, reason, cues)
        for sentence in split_sentences(paragraph.text)
        for reason, cues in sentence_reasons(sentence)
    ]


def find_candidates(case: Case) -> tuple[Candidate, ...]:
    """Every proposal in a case, in reading order."""
    return tuple(c for p in case.paragraphs for c in paragraph_candidates(p))


def reviewed(candidate: Candidate, claims: Iterable[Claim]) -> bool:
    """Whether a reviewed claim already covers the candidate's sentence."""
    sentence = normalise(candidate.sentence)
    for claim in claims:
        quote = normalise(claim.quote)
        same_place = (claim.section, claim.position) == (candidate.section, candidate.position)
        if same_place and (quote in sentence or sentence in quote):
            return True
    return False


def unreviewed(candidates: Iterable[Candidate], claims: Iterable[Claim]) -> tuple[Candidate, ...]:
    """The candidates no reviewed claim covers yet."""
    claims = tuple(claims)
    return tuple(c for c in candidates if not reviewed(c, claims))


CANDIDATE_COLUMNS = ["section", "position", "anchor", "sentence", "reason", "cues"]


def candidates_frame(candidates: Iterable[Candidate]) -> pd.DataFrame:
    """One row per (sentence, reason)."""
    rows = [
        {"section": c.section, "position": c.position, "anchor": c.anchor,
         "sentence": c.sentence, "reason": c.reason, "cues": list(c.cues)}
        for c in candidates
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
