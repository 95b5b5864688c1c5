"""Paragraph rows as JSON Lines or CSV (lists and mappings as JSON in CSV cells)."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd

EXPORT_COLUMNS = [
    "case",
    "section",
    "section_title",
    "position",
    "text",
    "themes",
    "scores",
    "evidence",
]
_JSON_COLUMNS = ("themes", "scores", "evidence")


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame[EXPORT_COLUMNS].to_dict("records")


def to_jsonl(frame: pd.DataFrame) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in _records(frame))


def to_csv(frame: pd.DataFrame, view_link: str = "") -> str:
    """One row per paragraph; with ``view_link``, a last column giving on every row the
    link of the view the rows were exported from, so the file says where it came from."""
    flat = frame[EXPORT_COLUMNS].copy()
    for column in _JSON_COLUMNS:
        flat[column] = flat[column].map(lambda value: json.dumps(value, ensure_ascii=False))
    if view_link:
        flat["view_link"] = view_link
    return flat.to_csv(index=False, lineterminator="\n")


def file_name(case: str, view: str, selected: list[str], day: date, extension: str) -> str:
    """'minusma-paragraphs-security-political-2026-11-29.csv': case, view, filter, date."""
    parts = [case, view, *selected, day.isoformat()]
    stem = "-".join(re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") for part in parts)
    return f"{re.sub(r'-+', '-', stem)}.{extension}"


def to_markdown(
    frame: pd.DataFrame, title: str, header: dict[str, str], labels: dict[str, str]
) -> str:
    """The paragraphs of a view as a Markdown document, grouped by section, with a header
    that says what it is (case, source, filter, date, permalink)."""
    lines = [f"# {title}", ""]
    lines += [f"- **{name}:** {value}" for name, value in header.items() if value]
    section = None
    for row in frame.itertuples(index=False):
        if row.section != section:
            section = row.section
            lines += ["", f"## {row.section_title}", ""]
        themes = ", ".join(labels.get(t, t) for t in row.themes) or "no theme"
        lines += [row.text, "", f"*¶{row.position} · {themes}*", ""]
    if section is None:
        lines += ["", "*No paragraph matches this view.*"]
    return "\n".join(lines).rstrip() + "\n"
