"""Who reviewed the claims of a case and when, and the corrections since, from claims.yaml.

The file's ``review`` block says it once for every claim (``reviewer``, ``date``, and
``said``: when the article made its statements, if known); a claim may give its own
``said``, ``reviewed``, ``reviewer`` and a list of ``corrections`` (``date``, ``note``).
"""

from __future__ import annotations

from casebook import validate
from casebook.facts import Correction
from casebook.problems import Collector
from casebook.recordfields import date_problem, date_text
from casebook.yamltext import LineDict

REVIEW_KEYS = ("reviewer", "date", "said")
CORRECTION_KEYS = ("date", "note")


def _date(entry: LineDict, key: str, report: Collector) -> str:
    """A date field (as the facts read dates), or "" if absent or wrong (then reported)."""
    if entry.get(key) is None:
        return ""
    text = date_text(entry[key])
    problem = date_problem(text) if text else f"'{key}' must be a date"
    report.add(entry.line_of(key), problem)
    return "" if problem else text


def read_review(data: LineDict, report: Collector) -> dict[str, str]:
    """The ``review`` block as defaults for every claim: said, reviewed, reviewer."""
    block = data.get("review")
    if block is None:
        return {}
    if not isinstance(block, LineDict):
        report.add(data.line_of("review"), "'review' must be a mapping: reviewer, date, said")
        return {}
    for line, message in validate.unknown_keys(block, REVIEW_KEYS):
        report.add(line, message)
    reviewer, message = validate.field(block, "reviewer", str)
    report.add(block.line_of("reviewer"), message)
    reviewed = _date(block, "date", report)
    if block.get("date") is None:
        report.add(block.line, "'review' needs the 'date' the claims were reviewed")
    return {"reviewer": reviewer or "", "reviewed": reviewed, "said": _date(block, "said", report)}


def claim_review(entry: LineDict, defaults: dict[str, str], report: Collector) -> dict:
    """A claim's own dates and reviewer over the file's, and its corrections."""
    values = dict(defaults)
    for key in ("said", "reviewed"):
        values[key] = _date(entry, key, report) or values.get(key, "")
    reviewer, message = validate.field(entry, "reviewer", str, required=False)
    report.add(entry.line_of("reviewer"), message)
    values["reviewer"] = reviewer or values.get("reviewer", "")
    values["corrections"] = tuple(_corrections(entry, report))
    return values


def _corrections(entry: LineDict, report: Collector):
    for item in entry.get("corrections") or []:
        if not isinstance(item, LineDict):
            report.add(entry.line_of("corrections"), "each correction needs a date and a note")
            continue
        for line, message in validate.unknown_keys(item, CORRECTION_KEYS):
            report.add(line, message)
        note, message = validate.field(item, "note", str)
        report.add(item.line_of("note"), message)
        when = _date(item, "date", report)
        if when and note:
            yield Correction(when, note)
