"""Read and validate the codebook, ``content/themes.yaml``: themes and the tagging rule's
settings, and its coded examples (``examples.yaml``, see casebook/examples.py), every
problem collected as ``file:line: message``."""

from __future__ import annotations

from pathlib import Path

from casebook import examples, validate, yamltext
from casebook.model import Codebook, Rules, Theme
from casebook.problems import Collector, Problem


def _theme(entry, report: Collector, seen: set[str]) -> Theme | None:
    if not isinstance(entry, yamltext.LineDict):
        report.add(1, f"each theme must be a mapping, found {entry!r}")
        return None
    for line, message in validate.unknown_keys(entry, validate.THEME_KEYS):
        report.add(line, message)
    values = {}
    for key in ("id", "label", "colour", "definition"):
        values[key], message = validate.field(entry, key, str)
        report.add(entry.line_of(key), message)
    terms, message = validate.text_list(entry, "terms")
    report.add(entry.line_of("terms"), message)
    optional = {}
    for key in ("strong_terms", "exclude"):
        optional[key], message = validate.text_list(entry, key, required=False)
        report.add(entry.line_of(key), message)
    theme_id, colour = values["id"], values["colour"]
    report.add(entry.line_of("id"), theme_id and validate.theme_id_problem(theme_id))
    report.add(entry.line_of("colour"), colour and validate.colour_problem(colour))
    if theme_id in seen:
        report.add(entry.line_of("id"), f"duplicate theme id '{theme_id}'")
    seen.add(theme_id)
    if None in values.values() or not terms:
        return None
    return Theme(terms=terms, **optional, **values)


def _rules(data: yamltext.LineDict, report: Collector) -> Rules:
    rules = data.get("rules") or yamltext.LineDict()
    if not isinstance(rules, yamltext.LineDict):
        report.add(data.line_of("rules"), "'rules' must be a mapping")
        return Rules()
    for line, message in validate.unknown_keys(rules, validate.RULE_KEYS):
        report.add(line, message)
    values = {}
    for key in validate.RULE_KEYS:
        value, message = validate.field(rules, key, float, required=False)
        report.add(rules.line_of(key), message)
        if value is not None:
            values[key] = value
    for key in ("section_tag_threshold", "neighbour_similarity"):
        if not 0 <= values.get(key, getattr(Rules, key)) <= 1:
            report.add(rules.line_of(key), f"'{key}' must be 0–1")
    count = values.get("neighbours", 0)
    if count != int(count) or count < 0:
        report.add(rules.line_of("neighbours"), "'neighbours' must be a whole number, 0 or more")
    values["neighbours"] = max(0, int(count))
    return Rules(**values)


def read_codebook(path: Path, root: Path, problems: list[Problem]) -> Codebook | None:
    report = Collector(path, root, problems)
    if not path.is_file():
        report.add(1, "missing codebook: every content folder needs a themes.yaml")
        return None
    data = yamltext.read_file(path, report)
    if data is None:
        return None
    if not isinstance(data, yamltext.LineDict) or not isinstance(data.get("themes"), list):
        report.add(1, "the codebook needs a 'themes' list")
        return None
    for line, message in validate.unknown_keys(data, ("themes", "rules")):
        report.add(line, message)
    seen: set[str] = set()
    themes = [_theme(entry, report, seen) for entry in data["themes"]]
    if len(themes) < 2:
        message = "the codebook needs two themes at least (pages compare them)"
        report.add(data.line_of("themes"), message)
    rules = _rules(data, report)
    if None in themes or not themes:
        return None
    ids = tuple(theme.id for theme in themes)
    found = examples.read_examples(
        path.parent / "examples.yaml", root, problems, ids, needed=rules.neighbours > 0
    )
    return Codebook(tuple(themes), rules, found)
