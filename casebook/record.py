"""Read and validate ``facts.yaml`` and ``claims.yaml`` the way ``loader.py`` reads the rest.

Every problem is collected as ``file:line: message`` and bad content never raises.
A claim names its paragraph by a short quote; quotes match after straightening
quotation marks and collapsing white space, so an edit of the article that drops
the quote shows up as a problem instead of a flag beside the wrong paragraph.
"""

from __future__ import annotations

import re
from datetime import date as Date
from pathlib import Path

from casebook import reviews, validate, yamltext
from casebook.facts import (
    CLAIM_KINDS,
    FACT_KINDS,
    TIERS,
    ChartNote,
    Claim,
    Disagreement,
    Fact,
    Gap,
    Record,
    Side,
    Source,
    quoted_paragraphs,
)
from casebook.model import Case, Codebook
from casebook.problems import Collector, Problem, did_you_mean, unknown_theme
from casebook.yamltext import LineDict

RECORD_KEYS = ("key_facts", "facts", "disagreements", "gaps", "charts")
CHART_PLACES = ("timeline", "attacks", "strength")  # the facts page's charts
CHART_KEYS = ("title", "note")
FACT_KEYS = ("id", "label", "value", "amount", "unit", "date", "kind", "themes", "sources", "note")
SOURCE_KEYS = ("title", "publisher", "url", "date", "tier", "note")
DISAGREEMENT_KEYS = ("id", "topic", "facts", "sides", "wording")
SIDE_KEYS = ("says", "who", "facts", "sources")
GAP_KEYS = ("id", "label", "note", "themes")
CLAIM_KEYS = ("id", "section", "quote", "kind", "note", "facts", "themes", "said", "reviewed",
              "reviewer", "corrections")  # fmt: skip
UNDATED = "n.d."
DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$")
DATE_HINT = "an ISO date (2013-04-25), a year-month (2013-04) or a year (2013)"


def _entries(path: Path, key: str, report: Collector) -> LineDict | None:
    """The file's top mapping, if it reads as YAML and holds a ``key`` list."""
    data = yamltext.read_file(path, report)
    if data is None:
        return None
    if not isinstance(data, LineDict) or not isinstance(data.get(key), list):
        report.add(1, f"{path.name} needs a '{key}' list")
        return None
    return data


def _mappings(data: LineDict, key: str, what: str, report: Collector) -> list[LineDict]:
    items = data.get(key) or []
    if not isinstance(items, list):
        report.add(data.line_of(key), f"'{key}' must be a list")
        return []
    for item in items:
        if not isinstance(item, LineDict):
            report.add(data.line_of(key), f"each {what} must be a mapping, found {item!r}")
    return [item for item in items if isinstance(item, LineDict)]


def _texts(entry: LineDict, keys, report: Collector, required: bool = True) -> dict:
    values = {}
    for key in keys:
        values[key], message = validate.field(entry, key, str, required)
        report.add(entry.line_of(key), message)
    return values


def date_text(value) -> str | None:
    """A date as written in the files (YAML may read it as a date or a number)."""
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else None


def date_problem(text: str) -> str | None:
    if DATE.match(text):
        try:
            if len(text) == 10:
                Date.fromisoformat(text)
            return None
        except ValueError:
            pass
    return f"date '{text}' must be {DATE_HINT}"


def _choice(value: str, known: tuple[str, ...], what: str) -> str | None:
    if value in known:
        return None
    hint = did_you_mean(value.lower(), known) or f" (expected one of: {', '.join(known)})"
    return f"unknown {what} '{value}'{hint}"


def _themes(entry: LineDict, codebook: Codebook, report: Collector, required=True):
    themes, message = validate.text_list(entry, "themes", required)
    report.add(entry.line_of("themes"), message)
    unknown = [theme for theme in themes if theme not in codebook.ids]
    for theme in unknown:
        report.add(entry.line_of("themes"), unknown_theme(theme, codebook.ids))
    return None if message or unknown else themes


def _ids(entry: LineDict, key: str, known: dict, report: Collector, required=False):
    """A list of fact ids, each checked against the known ones."""
    ids, message = validate.text_list(entry, key, required)
    report.add(entry.line_of(key), message)
    for fact_id in ids:
        if fact_id not in known:
            hint = did_you_mean(fact_id, list(known))
            report.add(entry.line_of(key), f"unknown fact '{fact_id}'{hint}")
    return ids


def _new_id(entry: LineDict, value: str | None, seen: dict, what: str, report: Collector) -> None:
    if value is None:
        return
    if not validate.SLUG.match(value):
        message = f"{what} id '{value}' must be lower-case letters and digits joined by hyphens"
        report.add(entry.line_of("id"), message)
    if value in seen:
        message = f"duplicate {what} id '{value}' (first at line {seen[value]})"
        report.add(entry.line_of("id"), message)
    seen.setdefault(value, entry.line_of("id"))


def _required(entry: LineDict, key: str, owner: str, hint: str, report: Collector) -> str | None:
    """A required text of a source; a missing or empty one is named with its owner."""
    value, message = validate.field(entry, key, str)
    if value is None and not str(entry.get(key) or "").strip():
        message = f"a source of {owner} has no {key}{hint}"
    report.add(entry.line_of(key), message)
    return value


def _source(entry: LineDict, owner: str, report: Collector) -> Source | None:
    for line, message in validate.unknown_keys(entry, SOURCE_KEYS):
        report.add(line, message)
    values = _texts(entry, ("publisher", "url", "note"), report, required=False)
    values["title"] = _required(entry, "title", owner, "", report)
    values["tier"] = tier = _required(entry, "tier", owner, " (un, news or secondary)", report)
    report.add(entry.line_of("tier"), tier and _choice(tier, TIERS, "tier"))
    url, when = values["url"], date_text(entry.get("date"))
    report.add(entry.line_of("url"), url and validate.url_problem(url))
    if not when:
        report.add(entry.line, f"a source of {owner} has no date (give its date or '{UNDATED}')")
    elif when != UNDATED:
        report.add(entry.line_of("date"), date_problem(when))
    if None in (values["title"], tier, when) or tier not in TIERS:
        return None
    if when != UNDATED and date_problem(when):
        return None
    return Source(date=when, **{k: v or "" for k, v in values.items()})


def _sources(entry: LineDict, owner: str, report: Collector, required=True):
    """The sources of a fact (at least one) or of a side of a disagreement (optional)."""
    raw = entry.get("sources")
    if not raw:
        if required:
            report.add(entry.line_of("sources"), f"{owner} has no source")
            return None
        return ()
    if not isinstance(raw, list):
        report.add(entry.line_of("sources"), "'sources' must be a list")
        return None
    items = _mappings(entry, "sources", "source", report)
    sources = [_source(item, owner, report) for item in items]
    return tuple(sources) if None not in sources and len(sources) == len(raw) else None


def _amount(entry: LineDict, report: Collector) -> tuple[float | None, str | None]:
    amount, message = validate.field(entry, "amount", float, required=False)
    report.add(entry.line_of("amount"), message)
    unit = _texts(entry, ("unit",), report, required=False)["unit"]
    if amount is not None and not unit:
        report.add(entry.line_of("amount"), "'amount' needs a 'unit'")
    if unit and amount is None and not message:
        report.add(entry.line_of("unit"), "'unit' given without an 'amount'")
    return amount, unit


def _fact(entry: LineDict, codebook: Codebook, seen: dict, report: Collector) -> Fact | None:
    for line, message in validate.unknown_keys(entry, FACT_KEYS):
        report.add(line, message)
    values = _texts(entry, ("id", "label", "value", "kind"), report)
    note = _texts(entry, ("note",), report, required=False)["note"] or ""
    _new_id(entry, values["id"], seen, "fact", report)
    owner, kind = f"fact '{values['id']}'", values["kind"]
    report.add(entry.line_of("kind"), kind and _choice(kind, FACT_KINDS, "kind"))
    when = date_text(entry.get("date"))
    if not when:
        report.add(entry.line, f"{owner} has no date: give {DATE_HINT}")
    report.add(entry.line_of("date"), when and date_problem(when))
    amount, unit = _amount(entry, report)
    themes = _themes(entry, codebook, report)
    sources = _sources(entry, owner, report)
    if None in (*values.values(), themes, sources, when) or kind not in FACT_KINDS:
        return None
    if date_problem(when):
        return None
    return Fact(
        date=when, themes=themes, sources=sources, amount=amount, unit=unit or "", note=note,
        **values,
    )  # fmt: skip


def _side(entry: LineDict, owner: str, known: dict, report: Collector) -> Side | None:
    for line, message in validate.unknown_keys(entry, SIDE_KEYS):
        report.add(line, message)
    says = _texts(entry, ("says",), report)["says"]
    who = _texts(entry, ("who",), report, required=False)["who"] or ""
    facts = _ids(entry, "facts", known, report)
    sources = _sources(entry, owner, report, required=False)
    if not (who or facts or entry.get("sources")):
        message = f"a side of {owner} names no source (give 'who', 'facts' or 'sources')"
        report.add(entry.line, message)
    if says is None or sources is None:
        return None
    return Side(says=says, who=who, facts=facts, sources=sources)


def _disagreement(entry: LineDict, known: dict, seen: dict, report: Collector):
    for line, message in validate.unknown_keys(entry, DISAGREEMENT_KEYS):
        report.add(line, message)
    values = _texts(entry, ("id", "topic", "wording"), report)
    _new_id(entry, values["id"], seen, "disagreement", report)
    owner = f"disagreement '{values['id']}'"
    facts = _ids(entry, "facts", known, report)
    entries = _mappings(entry, "sides", "side", report)
    sides = [_side(side, owner, known, report) for side in entries]
    if len(sides) < 2:
        report.add(entry.line_of("sides"), f"{owner} needs at least two sides")
    if None in values.values() or None in sides or len(sides) < 2:
        return None
    return Disagreement(sides=tuple(sides), facts=facts, **values)


def _gap(entry: LineDict, codebook: Codebook, seen: dict, report: Collector) -> Gap | None:
    for line, message in validate.unknown_keys(entry, GAP_KEYS):
        report.add(line, message)
    values = _texts(entry, ("id", "label", "note"), report)
    _new_id(entry, values["id"], seen, "gap", report)
    themes = _themes(entry, codebook, report, required=False)
    if None in values.values() or themes is None:
        return None
    return Gap(themes=themes, **values)


def _chart_notes(data: LineDict, report: Collector) -> tuple[ChartNote, ...]:
    """The optional ``charts`` mapping: a title and a note for each chart of the facts page."""
    charts = data.get("charts")
    if charts is None:
        return ()
    if not isinstance(charts, LineDict):
        report.add(data.line_of("charts"), "'charts' must be a mapping of chart to title and note")
        return ()
    notes = []
    for line, message in validate.unknown_keys(charts, CHART_PLACES):
        report.add(line, message)
    for place in (p for p in CHART_PLACES if isinstance(charts.get(p), LineDict)):
        for line, message in validate.unknown_keys(charts[place], CHART_KEYS):
            report.add(line, message)
        values = _texts(charts[place], ("title",), report)
        values |= _texts(charts[place], ("note",), report, required=False)
        if values["title"]:
            notes.append(ChartNote(place, values["title"], values["note"] or ""))
    return tuple(notes)


def read_record(path: Path, root: Path, problems: list[Problem], codebook: Codebook) -> Record:
    """Facts, disagreements and gaps from a case's ``facts.yaml``; empty if there is none."""
    report = Collector(path, root, problems)
    data = _entries(path, "facts", report) if path.is_file() else None
    if data is None:
        return Record()
    for line, message in validate.unknown_keys(data, RECORD_KEYS):
        report.add(line, message)
    seen: dict[str, int] = {}
    facts = [_fact(e, codebook, seen, report) for e in _mappings(data, "facts", "fact", report)]
    key = _ids(data, "key_facts", seen, report)
    # Facts with problems of their own still count as known, so that a
    # disagreement naming one does not add a second, misleading problem.
    entries = _mappings(data, "disagreements", "disagreement", report)
    debated: dict[str, int] = {}
    disagreements = [_disagreement(entry, seen, debated, report) for entry in entries]
    missing: dict[str, int] = {}
    gaps = [_gap(e, codebook, missing, report) for e in _mappings(data, "gaps", "gap", report)]
    kept = (tuple(x for x in items if x) for items in (facts, disagreements, gaps))
    return Record(*kept, key_facts=tuple(key or ()), charts=_chart_notes(data, report))


def read_facts(
    path: Path, root: Path, problems: list[Problem], codebook: Codebook
) -> tuple[Fact, ...]:
    """The facts of a case's ``facts.yaml`` (the whole file is checked; see :func:`read_record`)."""
    return read_record(path, root, problems, codebook).facts


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
    values = _texts(entry, ("id", "section", "quote", "kind", "note"), report)
    _new_id(entry, values["id"], seen, "claim", report)
    kind = values["kind"]
    report.add(entry.line_of("kind"), kind and _choice(kind, CLAIM_KINDS, "kind"))
    facts = _ids(entry, "facts", known, report)
    if kind in CLAIM_KINDS and kind != "unsourced" and not facts:
        report.add(entry.line, f"claim '{values['id']}' ({kind}) must name at least one fact")
    themes = _themes(entry, codebook, report)
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
    data = _entries(path, "claims", report) if path.is_file() else None
    if data is None:
        return ()
    for line, message in validate.unknown_keys(data, ("claims", "review")):
        report.add(line, message)
    known = {fact.id: fact for fact in facts}
    seen: dict[str, int] = {}
    review = reviews.read_review(data, report)
    entries = _mappings(data, "claims", "claim", report)
    claims = [_claim(e, codebook, case, known, seen, report, review) for e in entries]
    return tuple(claim for claim in claims if claim)
