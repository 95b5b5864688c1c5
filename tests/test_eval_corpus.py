"""The evaluation corpus (eval/corpus/*.yaml) keeps the format of eval/README.md."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

CORPUS = ROOT / "eval" / "corpus"
REQUIRED = (
    "id",
    "title",
    "mission",
    "genre",
    "source_url",
    "obtained_from",
    "licence",
    "retrieved",
    "split",
    "paragraphs",
)
GENRES = {"analysis", "news", "un-document"}
SPLITS = {"tuning", "held-out"}
TEXT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def text_problems(path: Path) -> list[str]:
    """Every format problem of one corpus file, as `file: message` lines."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(doc, dict):
        return [f"{path.name}: not a mapping"]
    missing = [key for key in REQUIRED if key not in doc]
    if missing:
        return [f"{path.name}: missing {', '.join(missing)}"]
    return [
        f"{path.name}: {p}" for p in _header_problems(doc, path.stem) + _paragraph_problems(doc)
    ]


def _header_problems(doc: dict, stem: str) -> list[str]:
    problems = []
    if doc["id"] != stem or not TEXT_ID.match(str(doc["id"])):
        problems.append(f"id {doc['id']!r} must be the file name in lower-case words and hyphens")
    if doc["genre"] not in GENRES:
        problems.append(f"genre {doc['genre']!r} is not one of {sorted(GENRES)}")
    if doc["split"] not in SPLITS:
        problems.append(f"split {doc['split']!r} is not one of {sorted(SPLITS)}")
    if not str(doc["source_url"]).startswith(("https://", "http://")):
        problems.append("source_url is not a web address")
    for key in ("title", "mission", "obtained_from", "licence"):
        if not str(doc[key] or "").strip():
            problems.append(f"{key} is empty")
    if not isinstance(doc["retrieved"], dt.date):
        try:
            dt.date.fromisoformat(str(doc["retrieved"]))
        except ValueError:
            problems.append(f"retrieved {doc['retrieved']!r} is not a date")
    return problems


def _paragraph_problems(doc: dict) -> list[str]:
    paragraphs = doc["paragraphs"]
    if not isinstance(paragraphs, list) or not paragraphs:
        return ["no paragraphs"]
    problems = []
    for n, para in enumerate(paragraphs, 1):
        expected = f"{doc['id']}-p{n}"
        if not isinstance(para, dict) or para.get("id") != expected:
            problems.append(f"paragraph {n} must have id {expected}")
        elif not isinstance(para.get("text"), str) or not para["text"].strip():
            problems.append(f"paragraph {expected} is empty")
    return problems


def load_corpus(folder: Path = CORPUS) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))]


CORPUS_FILES = sorted(CORPUS.glob("*.yaml"))


def test_there_is_a_corpus():
    assert len(CORPUS_FILES) >= 2


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_each_text_keeps_the_format(path: Path):
    assert text_problems(path) == []


def test_paragraph_ids_are_unique_across_the_corpus():
    ids = [para["id"] for doc in load_corpus() for para in doc["paragraphs"]]
    assert len(ids) == len(set(ids))


def test_both_splits_are_present():
    assert {doc["split"] for doc in load_corpus()} == SPLITS


def test_held_out_has_both_kinds_of_text_and_missions_nobody_tuned_on():
    docs = load_corpus()
    held = [d for d in docs if d["split"] == "held-out"]
    tuned_missions = {d["mission"] for d in docs if d["split"] == "tuning"}
    assert {d["genre"] == "un-document" for d in held} == {True, False}
    assert len({d["mission"] for d in held} - tuned_missions) >= 2


PAGE_FURNITURE = re.compile(r"English Page \d|/\.\.\.|\*\d{7,8}\*|\b\d{2}-\d{5} \(E\)")


def test_no_page_furniture_is_left_in_the_text():
    leftovers = [
        para["id"]
        for doc in load_corpus()
        for para in doc["paragraphs"]
        if PAGE_FURNITURE.search(para["text"])
    ]
    assert leftovers == []


def test_un_documents_keep_one_run_of_numbered_paragraphs():
    """Each UN text is a contiguous run of the report's paragraphs, each starting with its number."""
    for doc in load_corpus():
        if doc["genre"] != "un-document":
            continue
        numbers = [re.match(r"(\d+)\. ", para["text"]) for para in doc["paragraphs"]]
        assert all(numbers), doc["id"]
        first = int(numbers[0].group(1))
        assert [int(m.group(1)) for m in numbers] == list(range(first, first + len(numbers)))


GOOD = {
    "id": "sample-text",
    "title": "A sample",
    "mission": "UNMIL",
    "genre": "analysis",
    "source_url": "https://example.org/a",
    "obtained_from": "a repository",
    "licence": "CC BY 4.0",
    "retrieved": "2026-11-29",
    "split": "tuning",
    "paragraphs": [{"id": "sample-text-p1", "text": "One."}],
}


def _write(tmp_path: Path, doc: dict, name: str = "sample-text") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return path


def test_a_well_formed_file_passes(tmp_path: Path):
    assert text_problems(_write(tmp_path, GOOD)) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"split": "train"}, "split 'train' is not one of"),
        ({"genre": "blog"}, "genre 'blog' is not one of"),
        ({"id": "other-text"}, "id 'other-text' must be the file name"),
        ({"paragraphs": []}, "no paragraphs"),
        (
            {"paragraphs": [{"id": "sample-text-p1", "text": "  "}]},
            "paragraph sample-text-p1 is empty",
        ),
        (
            {"paragraphs": [{"id": "sample-text-p2", "text": "x"}]},
            "paragraph 1 must have id sample-text-p1",
        ),
        ({"retrieved": "last week"}, "retrieved 'last week' is not a date"),
        ({"licence": ""}, "licence is empty"),
    ],
)
def test_a_broken_file_is_reported(tmp_path: Path, change: dict, message: str):
    problems = text_problems(_write(tmp_path, GOOD | change))
    assert any(message in p for p in problems), problems


def test_a_missing_key_is_reported(tmp_path: Path):
    doc = {k: v for k, v in GOOD.items() if k != "source_url"}
    assert text_problems(_write(tmp_path, doc)) == ["sample-text.yaml: missing source_url"]
