"""Read and validate a case's ``claims.yaml``: the reviewed claims beside the text.

A claim names its paragraph by a short quote; quotes match after straightening
quotation marks and collapsing white space, so an edit of the article that drops
the quote shows up as a problem instead of a flag beside the wrong paragraph.
Every problem is collected as ``file:line: message`` and bad content never raises.
"""

from __future__ import annotations

from pathlib import Path

from casebook import reviews, validate
from casebook.facts import CLAIM_KINDS, Claim, quoted_paragraphs
from casebook.model import Case, Codebook
from casebook.problems import Collector, Problem, did_you_mean
from casebook.recordfields import (
    check_new_id,
    choice_problem,
    fact_ids,
    mappings,
    texts,
    theme_ids,
    top_mapping,
)
from casebook.yamltext import LineDict

CLAIM_KEYS = ("id", "section", "quote", "kind", "note", "facts", "themes", "said", "reviewed",
              "reviewer", "corrections")  # fmt: skip


def _place(values: dict, entry: LineDict, case: Case, report: Collector) -> int | None:
    """The position of the claim's paragraph, reporting a lost or ambiguous quote."""
    claim_id, section, quote = values["id"], values["section"], values["quote"]
    if section not in {s.slug for s in case.sections}:
        hint = did_you_mean(section, [s.slug for s in case.sections])
        report.add(entry.line_of("section"), f"unknown section '{section}'{hint}")
        return None
    found = quoted_paragraphs(quote, case, section)
    if len(found) > 1:
        where = " and ".join(str(p.position) for p in found)
        message = f"annotation '{claim_id}' is ambiguous: its quote is in paragraphs {where}"
        report.add(entry.line_of("quote"), f"{message} of '{section}'; quote more words")
    elif not found:
        message = f"annotation '{claim_id}' no longer matches: its quote is in no paragraph"
        report.add(entry.line_of("quote"), f"{message} of '{section}'")
    return found[0].position if len(found) == 1 else None


def _claim(entry, codebook: Codebook, case: Case, known: dict, seen: dict, report: Collector,
           review: dict | None = None):  # fmt: skip
    for line, message in validate.unknown_keys(entry, CLAIM_KEYS):
        report.add(line, message)
    values = texts(entry, ("id", "section", "quote", "kind", "note"), report)
    check_new_id(entry, values["id"], seen, "claim", report)
    kind = values["kind"]
    report.add(entry.line_of("kind"), kind and choice_problem(kind, CLAIM_KINDS, "kind"))
    facts = fact_ids(entry, "facts", known, report)
    if kind in CLAIM_KINDS and kind != "unsourced" and not facts:
        report.add(entry.line, f"claim '{values['id']}' ({kind}) must name at least one fact")
    themes = theme_ids(entry, codebook, report)
    if None in values.values() or themes is None:
        return None
    position = _place(values, entry, case, report)
    if position is None or kind not in CLAIM_KINDS:
        return None
    reviewed = reviews.claim_review(entry, review or {}, report)
    return Claim(facts=facts, themes=themes, position=position, **values, **reviewed)


def read_claims(
    path: Path, root: Path, problems: list[Problem], codebook: Codebook, case: Case, facts
) -> tuple[Claim, ...]:
    """The reviewed claims of a case's ``claims.yaml``; empty if there is none."""
    report = Collector(path, root, problems)
    data = top_mapping(path, "claims", report) if path.is_file() else None
    if data is None:
        return ()
    for line, message in validate.unknown_keys(data, ("claims", "review")):
        report.add(line, message)
    known = {fact.id: fact for fact in facts}
    seen: dict[str, int] = {}
    review = reviews.read_review(data, report)
    entries = mappings(data, "claims", "claim", report)
    claims = [_claim(e, codebook, case, known, seen, report, review) for e in entries]
    return tuple(claim for claim in claims if claim)
