"""Read and validate a case's ``facts.yaml`` the way ``loader.py`` reads the rest.

The record beside the text: facts with their sources, disagreements between sources,
gaps and the notes of the facts page's charts. Every problem is collected as
``file:line: message`` and bad content never raises.
"""

from __future__ import annotations

from pathlib import Path

from casebook import validate
from casebook.facts import (
    FACT_KINDS,
    TIERS,
    ChartNote,
    Disagreement,
    Fact,
    Gap,
    Record,
    Side,
    Source,
)
from casebook.model import Codebook
from casebook.problems import Collector, Problem
from casebook.recordfields import (
    DATE_HINT,
    UNDATED,
    check_new_id,
    choice_problem,
    date_problem,
    date_text,
    fact_ids,
    mappings,
    texts,
    theme_ids,
    top_mapping,
)
from casebook.yamltext import LineDict

RECORD_KEYS = ("key_facts", "facts", "disagreements", "gaps", "charts")
CHART_PLACES = ("timeline", "attacks", "strength")  # the facts page's charts
CHART_KEYS = ("title", "note")
FACT_KEYS = ("id", "label", "value", "amount", "unit", "date", "kind", "themes", "sources", "note")
SOURCE_KEYS = ("title", "publisher", "url", "date", "tier", "note")
DISAGREEMENT_KEYS = ("id", "topic", "facts", "sides", "wording")
SIDE_KEYS = ("says", "who", "facts", "sources")
GAP_KEYS = ("id", "label", "note", "themes")


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
    values = texts(entry, ("publisher", "url", "note"), report, required=False)
    values["title"] = _required(entry, "title", owner, "", report)
    values["tier"] = tier = _required(entry, "tier", owner, " (un, news or secondary)", report)
    report.add(entry.line_of("tier"), tier and choice_problem(tier, TIERS, "tier"))
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
    items = mappings(entry, "sources", "source", report)
    sources = [_source(item, owner, report) for item in items]
    return tuple(sources) if None not in sources and len(sources) == len(raw) else None


def _amount(entry: LineDict, report: Collector) -> tuple[float | None, str | None]:
    amount, message = validate.field(entry, "amount", float, required=False)
    report.add(entry.line_of("amount"), message)
    unit = texts(entry, ("unit",), report, required=False)["unit"]
    if amount is not None and not unit:
        report.add(entry.line_of("amount"), "'amount' needs a 'unit'")
    if unit and amount is None and not message:
        report.add(entry.line_of("unit"), "'unit' given without an 'amount'")
    return amount, unit


def _fact(entry: LineDict, codebook: Codebook, seen: dict, report: Collector) -> Fact | None:
    for line, message in validate.unknown_keys(entry, FACT_KEYS):
        report.add(line, message)
    values = texts(entry, ("id", "label", "value", "kind"), report)
    note = texts(entry, ("note",), report, required=False)["note"] or ""
    check_new_id(entry, values["id"], seen, "fact", report)
    owner, kind = f"fact '{values['id']}'", values["kind"]
    report.add(entry.line_of("kind"), kind and choice_problem(kind, FACT_KINDS, "kind"))
    when = date_text(entry.get("date"))
    if not when:
        report.add(entry.line, f"{owner} has no date: give {DATE_HINT}")
    report.add(entry.line_of("date"), when and date_problem(when))
    amount, unit = _amount(entry, report)
    themes = theme_ids(entry, codebook, report)
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
    says = texts(entry, ("says",), report)["says"]
    who = texts(entry, ("who",), report, required=False)["who"] or ""
    facts = fact_ids(entry, "facts", known, report)
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
    values = texts(entry, ("id", "topic", "wording"), report)
    check_new_id(entry, values["id"], seen, "disagreement", report)
    owner = f"disagreement '{values['id']}'"
    facts = fact_ids(entry, "facts", known, report)
    entries = mappings(entry, "sides", "side", report)
    sides = [_side(side, owner, known, report) for side in entries]
    if len(sides) < 2:
        report.add(entry.line_of("sides"), f"{owner} needs at least two sides")
    if None in values.values() or None in sides or len(sides) < 2:
        return None
    return Disagreement(sides=tuple(sides), facts=facts, **values)


def _gap(entry: LineDict, codebook: Codebook, seen: dict, report: Collector) -> Gap | None:
    for line, message in validate.unknown_keys(entry, GAP_KEYS):
        report.add(line, message)
    values = texts(entry, ("id", "label", "note"), report)
    check_new_id(entry, values["id"], seen, "gap", report)
    themes = theme_ids(entry, codebook, report, required=False)
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
        values = texts(charts[place], ("title",), report)
        values |= texts(charts[place], ("note",), report, required=False)
        if values["title"]:
            notes.append(ChartNote(place, values["title"], values["note"] or ""))
    return tuple(notes)


def read_record(path: Path, root: Path, problems: list[Problem], codebook: Codebook) -> Record:
    """Facts, disagreements and gaps from a case's ``facts.yaml``; empty if there is none."""
    report = Collector(path, root, problems)
    data = top_mapping(path, "facts", report) if path.is_file() else None
    if data is None:
        return Record()
    for line, message in validate.unknown_keys(data, RECORD_KEYS):
        report.add(line, message)
    seen: dict[str, int] = {}
    facts = [_fact(e, codebook, seen, report) for e in mappings(data, "facts", "fact", report)]
    key = fact_ids(data, "key_facts", seen, report)
    # Facts with problems of their own still count as known, so that a
    # disagreement naming one does not add a second, misleading problem.
    entries = mappings(data, "disagreements", "disagreement", report)
    debated: dict[str, int] = {}
    disagreements = [_disagreement(entry, seen, debated, report) for entry in entries]
    missing: dict[str, int] = {}
    gaps = [_gap(e, codebook, missing, report) for e in mappings(data, "gaps", "gap", report)]
    kept = (tuple(x for x in items if x) for items in (facts, disagreements, gaps))
    return Record(*kept, key_facts=tuple(key or ()), charts=_chart_notes(data, report))


def read_facts(
    path: Path, root: Path, problems: list[Problem], codebook: Codebook
) -> tuple[Fact, ...]:
    """The facts of a case's ``facts.yaml`` (the whole file is checked; see :func:`read_record`)."""
    return read_record(path, root, problems, codebook).facts
