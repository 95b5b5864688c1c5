"""Paragraph rows as JSON Lines or CSV (lists and mappings as JSON in CSV cells)."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd

from casebook.validate import url_problem

EXPORT_COLUMNS = [
    "case",
    "section",
    "section_title",
    "position",
    "kind",
    "text",
    "themes",
    "scores",
    "evidence",
    "examples",
]
_JSON_COLUMNS = ("themes", "scores", "evidence", "examples")


def with_kept(frame: pd.DataFrame, cases) -> pd.DataFrame:
    """Paragraph rows with each section's kept blocks (captions, tables, notes, references)
    in their place: no themes, ``position`` the paragraph they follow (0 before the first)."""
    order = {}
    rows = []
    for case in cases:
        for section in case.sections:
            order[(case.slug, section.slug)] = len(order)
            rows += [
                {"case": case.slug, "section": section.slug, "section_title": section.title,
                 "position": extra.after, "kind": extra.kind, "text": extra.text,
                 "themes": [], "scores": {}, "evidence": {}, "_rank": 1}
                for extra in section.extras
            ]  # fmt: skip
    merged = pd.concat([frame.assign(_rank=0), pd.DataFrame(rows)], ignore_index=True)
    keys = zip(merged["case"], merged["section"], strict=True)
    merged["_order"] = [order.get(key, -1) for key in keys]
    merged = merged.sort_values(["_order", "position", "_rank"], kind="stable")
    return merged.drop(columns=["_order", "_rank"]).reset_index(drop=True)


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


def file_name(
    case: str, view: str, selected: list[str], day: date, extension: str, mode: str = "any"
) -> str:
    """'minusma-paragraphs-security-political-2026-11-29.csv': case, view, filter, date.
    Paragraphs that must carry every theme chosen (``mode`` "all") say so:
    '...-security-and-political-...', so the two views' files keep apart."""
    if mode == "all" and len(selected) > 1:
        selected = [" and ".join(selected)]
    parts = [case, view, *selected, day.isoformat()]
    stem = "-".join(re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") for part in parts)
    return f"{re.sub(r'-+', '-', stem)}.{extension}"


def to_markdown(
    frame: pd.DataFrame, title: str, header: dict[str, str], labels: dict[str, str]
) -> str:
    """The paragraphs of a view as a Markdown document, grouped by section, with a header
    that says what it is (case, source, filter, date, permalink)."""
    lines = [f"# {plain(title)}", ""]
    lines += [f"- **{name}:** {_value(value)}" for name, value in header.items() if value]
    section = None
    for row in frame.itertuples(index=False):
        if row.section != section:
            section = row.section
            lines += ["", f"## {plain(row.section_title)}", ""]
        themes = ", ".join(plain(labels.get(t, t)) for t in row.themes) or "no theme"
        lines += [row.text, "", f"*{row.mark} · {themes}*", ""]
    if section is None:
        lines += ["", "*No paragraph matches this view.*"]
    return "\n".join(lines).rstrip() + "\n"


_ACTIVE = re.compile(r"([\\`*_\[\]<>$~])")


def plain(text: str) -> str:
    """A title or label as literal Markdown text: no link, tag, emphasis or formula, and
    no bare address that a reader would turn into a link."""
    out = _ACTIVE.sub(r"\\\1", text)
    return re.sub(r"(?i)(?<=[a-z]):(?=//)", r"\\:", out).replace("www.", "www\\.")


def _value(value: str) -> str:
    """A header value: a valid web address as it is (readers click it), the rest plain."""
    return value if value.startswith("http") and not url_problem(value) else plain(value)
