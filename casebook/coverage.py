"""Tidy frames: which paragraph carries which theme, and how much of a text that covers.

Coverage follows NVivo's "% coverage": a section's coverage of a theme is the
share of its words that stand in paragraphs coded with the theme. A paragraph
may carry several themes, so a section's shares can add up past 100%; the
uncoded share is the part in paragraphs that carry none.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from casebook.model import Case, Codebook
from casebook.tagging import code_texts, paragraph_themes

PARAGRAPH_COLUMNS = [
    "case", "section", "section_title", "position", "mark", "anchor", "words", "text",
    "themes", "pinned", "scores", "evidence", "examples", "kind",
]  # fmt: skip


def _examples(coding) -> list[dict]:
    """The nearest examples behind a theme: id, first words, similarity (3 decimals)."""
    return [
        {"example": n.example, "opening": n.opening, "similarity": round(n.similarity, 3)}
        for n in coding.neighbours
    ]


def paragraph_table(cases: Iterable[Case], codebook: Codebook) -> pd.DataFrame:
    """One row per paragraph: its themes (pins applied), scores and evidence (the matched
    words, and the nearest examples that added to a score); ``mark`` names it beside its
    section ("¶5", or a report's own "para. 22": ``Case.mark``)."""
    rows = []
    for case in cases:
        texts = [paragraph.text for paragraph in case.paragraphs]
        all_codings = iter(code_texts(texts, codebook, leave_out=case.slug))
        for section in case.sections:
            for paragraph in section.paragraphs:
                codings = next(all_codings)
                rows.append({
                    "case": case.slug, "section": section.slug,
                    "section_title": section.title, "position": paragraph.position,
                    "mark": case.mark(paragraph),
                    "anchor": paragraph.anchor, "words": paragraph.words,
                    "text": paragraph.text,
                    "themes": list(paragraph_themes(paragraph, codebook, codings)),
                    "pinned": bool(paragraph.pinned),
                    "scores": {t: codings[t].score for t in codebook.ids},
                    "evidence": {t: list(codings[t].evidence) for t in codebook.ids},
                    "examples": {t: _examples(codings[t]) for t in codebook.ids},
                    "kind": paragraph.kind,
                })  # fmt: skip
    return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)


def coverage_by_theme(paragraphs: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """One row per theme for a whole text: coded words, paragraphs, coverage 0–1."""
    total = int(paragraphs["words"].sum())
    rows = []
    for theme in codebook.ids:
        mask = paragraphs["themes"].map(lambda themes, t=theme: t in themes)
        coded = int(paragraphs.loc[mask, "words"].sum())
        rows.append({
            "theme": theme, "coded_words": coded, "paragraphs": int(mask.sum()),
            "total_words": total, "coverage": coded / total if total else 0.0,
        })  # fmt: skip
    return pd.DataFrame(rows)


def coverage_by_section(paragraphs: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """One row per (section, theme), sections in reading order: as :func:`coverage_by_theme`."""
    frames = [
        coverage_by_theme(group, codebook).assign(section=section)
        for section, group in paragraphs.groupby("section", sort=False)
    ]
    columns = ["section", "theme", "coded_words", "paragraphs", "total_words", "coverage"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def uncoded_share(paragraphs: pd.DataFrame) -> float:
    """Share of words in paragraphs that carry no theme."""
    total = paragraphs["words"].sum()
    if not total:
        return 0.0
    return float(paragraphs.loc[paragraphs["themes"].map(len) == 0, "words"].sum() / total)


def section_tags(section_coverage: pd.DataFrame, threshold: float) -> dict[str, list[str]]:
    """The themes each section is tagged with: coverage at or above the threshold."""
    tags: dict[str, list[str]] = {}
    for row in section_coverage.itertuples(index=False):
        tags.setdefault(row.section, [])
        if row.coverage >= threshold:
            tags[row.section].append(row.theme)
    return tags


def coverage_by_case(tables: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """One row per (case, theme): coverage of each whole case, for comparing cases."""
    frames = [
        coverage_by_theme(paragraphs, codebook).assign(case=case)
        for case, paragraphs in tables.items()
    ]
    columns = ["case", "theme", "coded_words", "paragraphs", "total_words", "coverage"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]
