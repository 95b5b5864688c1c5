"""Read and check ``content/examples.yaml``: coded paragraphs, which the rule
compares new paragraphs with (see casebook/semantic.py).

    examples:
      - id: monusco-2023-p4          # unique
        source: monusco-2023         # the text it comes from (a case folder or eval text)
        themes: [security, partnerships]   # may be empty: an example of no theme
        text: "The paragraph, as published."
"""

from __future__ import annotations

from pathlib import Path

import yaml

from casebook import validate, yamltext
from casebook.model import Example
from casebook.problems import Collector, Problem, unknown_theme

EXAMPLE_KEYS = ("id", "source", "themes", "text")
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _valid(entry, known: tuple[str, ...]) -> bool:
    return (
        isinstance(entry, dict)
        and set(entry) == set(EXAMPLE_KEYS)
        and all(isinstance(entry[k], str) and entry[k].strip() for k in ("id", "source", "text"))
        and validate.SLUG.match(entry["id"]) is not None
        and isinstance(entry["themes"], list)
        and all(theme in known for theme in entry["themes"])
    )


def _bounded(text: str) -> bool:
    """Whether the file keeps within yamltext's bounds without help: no alias (which could
    stand for any amount of data), no deeper nesting, no more characters."""
    if len(text) > yamltext.MAX_CHARS:
        return False
    depth = 0
    for event in yaml.parse(text, Loader=_FAST):
        if isinstance(event, yaml.AliasEvent):
            return False
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > yamltext.MAX_DEPTH:
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return True


def _read_fast(text: str, known: tuple[str, ...]) -> tuple[Example, ...] | None:
    """The examples of a file with no problem, read by libyaml (some 15 times faster than
    the line-keeping reader); None at the first doubt, for the slow path to report."""
    try:
        if not _bounded(text):
            return None
        data = yaml.load(text, Loader=_FAST)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None
    entries = data.get("examples") if isinstance(data, dict) else None
    if set(data or ()) != {"examples"} or not isinstance(entries, list) or not entries:
        return None
    if not all(_valid(entry, known) for entry in entries):
        return None
    if len({entry["id"] for entry in entries}) < len(entries):
        return None
    return tuple(Example(e["id"], e["source"], e["text"], tuple(e["themes"])) for e in entries)


def _themes(entry: yamltext.LineDict, known: tuple[str, ...], report: Collector) -> tuple | None:
    themes = entry.get("themes")
    if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
        report.add(entry.line_of("themes"), "'themes' must be a list of theme ids (may be [])")
        return None
    for theme in themes:
        if theme not in known:
            report.add(entry.line_of("themes"), unknown_theme(theme, known))
    return tuple(themes)


def _example(entry, known: tuple[str, ...], report: Collector, seen: set[str]) -> Example | None:
    if not isinstance(entry, yamltext.LineDict):
        report.add(1, f"each example must be a mapping, found {entry!r}")
        return None
    for line, message in validate.unknown_keys(entry, EXAMPLE_KEYS):
        report.add(line, message)
    values = {}
    for key in ("id", "source", "text"):
        values[key], message = validate.field(entry, key, str)
        report.add(entry.line_of(key), message)
    themes = _themes(entry, known, report)
    if values["id"] is not None and not validate.SLUG.match(values["id"]):
        message = "must be lower-case letters and digits joined by hyphens"
        report.add(entry.line_of("id"), f"example id {values['id']!r} {message}")
        values["id"] = None
    if values["id"] in seen:
        report.add(entry.line_of("id"), f"duplicate example id '{values['id']}'")
    seen.add(values["id"])
    if None in values.values() or themes is None:
        return None
    return Example(themes=themes, **values)


def read_examples(
    path: Path, root: Path, problems: list[Problem], known: tuple[str, ...], needed: bool
) -> tuple[Example, ...]:
    """The examples (none when the file is absent). ``needed``: the rules ask for them, so a
    missing or empty file is a problem."""
    report = Collector(path, root, problems)
    if not path.is_file():
        report.add(1, needed and "missing: the codebook's rules ask for nearest examples")
        return ()
    try:
        fast = _read_fast(path.read_text(encoding="utf-8"), known)
    except (OSError, UnicodeDecodeError):
        fast = None
    if fast is not None:
        return fast
    data = yamltext.read_file(path, report)
    if data is None:
        return ()
    if not isinstance(data, yamltext.LineDict) or not isinstance(data.get("examples"), list):
        report.add(1, "the file needs an 'examples' list")
        return ()
    for line, message in validate.unknown_keys(data, ("examples",)):
        report.add(line, message)
    seen: set[str] = set()
    examples = [_example(entry, known, report, seen) for entry in data["examples"]]
    if needed and not examples:
        report.add(data.line_of("examples"), "no examples, but the rules ask for them")
    return tuple(e for e in examples if e is not None)
