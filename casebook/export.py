"""Paragraph rows as JSON Lines or CSV (lists and mappings as JSON in CSV cells)."""

from __future__ import annotations

import json

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


def to_csv(frame: pd.DataFrame) -> str:
    flat = frame[EXPORT_COLUMNS].copy()
    for column in _JSON_COLUMNS:
        flat[column] = flat[column].map(lambda value: json.dumps(value, ensure_ascii=False))
    return flat.to_csv(index=False, lineterminator="\n")
