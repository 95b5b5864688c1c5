"""The field checks ``facts.yaml`` and ``claims.yaml`` share: lists, texts, dates, ids, themes.

Each check reports its problems as ``file:line: message`` through a
:class:`~casebook.problems.Collector` and returns what it could read (``None`` where
the value is unusable), so a file's every problem is found in one reading.
"""

from __future__ import annotations

import re
from datetime import date as Date
from pathlib import Path

from casebook import validate, yamltext
from casebook.model import Codebook
from casebook.problems import Collector, did_you_mean, unknown_theme
from casebook.yamltext import LineDict

UNDATED = "n.d."
DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$")
DATE_HINT = "an ISO date (2013-04-25), a year-month (2013-04) or a year (2013)"


def top_mapping(path: Path, key: str, report: Collector) -> LineDict | None:
    """The file's top mapping, if it reads as YAML and holds a ``key`` list."""
    data = yamltext.read_file(path, report)
    if data is None:
        return None
    if not isinstance(data, LineDict) or not isinstance(data.get(key), list):
        report.add(1, f"{path.name} needs a '{key}' list")
        return None
    return data


def mappings(data: LineDict, key: str, what: str, report: Collector) -> list[LineDict]:
    """The mappings of the ``key`` list; anything else in it is reported and left out."""
    items = data.get(key) or []
    if not isinstance(items, list):
        report.add(data.line_of(key), f"'{key}' must be a list")
        return []
    for item in items:
        if not isinstance(item, LineDict):
            report.add(data.line_of(key), f"each {what} must be a mapping, found {item!r}")
    return [item for item in items if isinstance(item, LineDict)]


def texts(entry: LineDict, keys, report: Collector, required: bool = True) -> dict:
    """The text of each key (``None`` where missing or not text, then reported)."""
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
    """What is wrong with a date as written, or ``None``."""
    if DATE.match(text):
        try:
            if len(text) == 10:
                Date.fromisoformat(text)
            return None
        except ValueError:
            pass
    return f"date '{text}' must be {DATE_HINT}"


def choice_problem(value: str, known: tuple[str, ...], what: str) -> str | None:
    """An unknown value of a fixed list, with a hint, or ``None`` for a known one."""
    if value in known:
        return None
    hint = did_you_mean(value.lower(), known) or f" (expected one of: {', '.join(known)})"
    return f"unknown {what} '{value}'{hint}"


def theme_ids(entry: LineDict, codebook: Codebook, report: Collector, required=True):
    """The ``themes`` list, or ``None`` if it is wrong or names an unknown theme."""
    themes, message = validate.text_list(entry, "themes", required)
    report.add(entry.line_of("themes"), message)
    unknown = [theme for theme in themes if theme not in codebook.ids]
    for theme in unknown:
        report.add(entry.line_of("themes"), unknown_theme(theme, codebook.ids))
    return None if message or unknown else themes


def fact_ids(entry: LineDict, key: str, known: dict, report: Collector, required=False):
    """A list of fact ids, each checked against the known ones."""
    ids, message = validate.text_list(entry, key, required)
    report.add(entry.line_of(key), message)
    for fact_id in ids:
        if fact_id not in known:
            hint = did_you_mean(fact_id, list(known))
            report.add(entry.line_of(key), f"unknown fact '{fact_id}'{hint}")
    return ids


def check_new_id(entry: LineDict, value: str | None, seen: dict, what: str, report: Collector):
    """Report an id that is not a slug or was seen before; remember where it stands."""
    if value is None:
        return
    if not validate.SLUG.match(value):
        message = f"{what} id {value!r} must be lower-case letters and digits joined by hyphens"
        report.add(entry.line_of("id"), message)
    if value in seen:
        message = f"duplicate {what} id '{value}' (first at line {seen[value]})"
        report.add(entry.line_of("id"), message)
    seen.setdefault(value, entry.line_of("id"))
