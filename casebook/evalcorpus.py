"""The evaluation corpus (eval/corpus/*.yaml) and its hand-coded labels (eval/labels/*.yaml).

Each text is one file with its split (``tuning`` or ``held-out``, whole texts) and its
paragraphs; each coder's labels are one file mapping paragraph ids to theme lists. The
format is in eval/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

SPLITS = ("tuning", "held-out")


@dataclass(frozen=True)
class EvalParagraph:
    id: str
    text: str
    text_id: str


@dataclass(frozen=True)
class EvalText:
    id: str
    title: str
    mission: str
    genre: str
    split: str
    paragraphs: tuple[EvalParagraph, ...]

    @property
    def missions(self) -> tuple[str, ...]:
        return tuple(m.strip() for m in self.mission.split(";") if m.strip())


class CorpusError(ValueError):
    """A corpus or label file that cannot be read; the message names the file."""


def _yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CorpusError(f"{path}: not valid YAML ({error})") from None


def read_text(path: Path) -> EvalText:
    data = _yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("paragraphs"), list):
        raise CorpusError(f"{path}: a text needs a 'paragraphs' list")
    if data.get("split") not in SPLITS:
        raise CorpusError(f"{path}: split must be one of {', '.join(SPLITS)}")
    text_id = str(data.get("id") or path.stem)
    paragraphs = tuple(
        EvalParagraph(str(p["id"]), str(p.get("text") or ""), text_id)
        for p in data["paragraphs"]
        if isinstance(p, dict) and "id" in p
    )
    return EvalText(
        id=text_id,
        title=str(data.get("title") or ""),
        mission=str(data.get("mission") or ""),
        genre=str(data.get("genre") or ""),
        split=data["split"],
        paragraphs=paragraphs,
    )


def read_corpus(folder: Path) -> list[EvalText]:
    """Every text of the corpus, in file-name order (none when the folder is missing)."""
    return [read_text(path) for path in sorted(Path(folder).glob("*.yaml"))]


def read_labels(folder: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """coder → paragraph id → the themes that coder gave it."""
    coders = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        data = _yaml(path)
        if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
            raise CorpusError(f"{path}: a label file needs a 'labels' mapping")
        coder = str(data.get("coder") or path.stem)
        coders[coder] = {
            str(pid): tuple((entry or {}).get("themes") or ())
            for pid, entry in data["labels"].items()
        }
    return coders


def consensus(coders: dict[str, dict[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    """One label per paragraph: the first coder (by name) who coded it. Where several coded
    a paragraph, the others serve to measure agreement between people."""
    merged: dict[str, tuple[str, ...]] = {}
    for coder in sorted(coders):
        for pid, themes in coders[coder].items():
            merged.setdefault(pid, themes)
    return merged


def paragraphs_of(texts: Iterable[EvalText], split: str) -> list[EvalParagraph]:
    return [p for text in texts if text.split == split for p in text.paragraphs]


def size(texts: Iterable[EvalText], coded: Iterable[str]) -> dict[str, object]:
    """How big a part of the corpus is, counting only paragraphs that carry a label."""
    coded = set(coded)
    used = [t for t in texts if any(p.id in coded for p in t.paragraphs)]
    return {
        "texts": len(used),
        "paragraphs": sum(p.id in coded for t in used for p in t.paragraphs),
        "missions": sorted({m for t in used for m in t.missions}),
        "genres": sorted({t.genre for t in used if t.genre}),
    }
