"""The command line, run as a reader would: python -m casebook ..."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

from casebook.loader import load_content
from tests.conftest import BROKEN, CONTENT, ROOT, TINY


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "casebook", *args],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_check_passes_on_the_shipped_content():
    result = run("check")
    assert result.returncode == 0
    content = load_content(CONTENT)
    facts, claims = len(content.records["minusma"].facts), len(content.claims["minusma"])
    assert result.stdout == (
        f"ok: 1 case, 51 paragraphs, 4 themes, {facts} facts, {claims} reviewed claims\n"
    )


def test_check_lists_every_problem_and_exits_1(tiny_copy):
    shutil.copy(BROKEN / "unknown_pin.md", tiny_copy / "demo/01-opening.md")
    shutil.copy(BROKEN / "case_no_title.yaml", tiny_copy / "demo/case.yaml")
    result = run("check", "--content", str(tiny_copy))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "2 problems found"
    assert any(
        line.endswith(
            "content/demo/01-opening.md:7: unknown theme 'securty' (did you mean 'security'?)"
        )
        for line in lines
    )


def test_check_counts_one_problem_in_the_singular(tiny_copy):
    shutil.copy(BROKEN / "case_no_title.yaml", tiny_copy / "demo/case.yaml")
    result = run("check", "--content", str(tiny_copy))
    assert (result.returncode, result.stderr.splitlines()[-1]) == (1, "1 problem found")


def test_paragraphs_as_jsonl_has_the_documented_fields():
    result = run("paragraphs", "--content", str(TINY), "--format", "jsonl")
    assert result.returncode == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5
    first = rows[0]
    assert list(first) == [
        "case", "section", "section_title", "position", "kind", "text", "themes", "scores",
        "evidence", "examples",
    ]  # fmt: skip
    assert first["case"] == "demo"
    assert first["section"] == "opening"
    assert first["themes"] == ["security"]
    assert first["scores"] == {"security": 4.0, "political": 0.0}
    assert first["evidence"] == {"security": ["Insurgents", "troops", "patrols"], "political": []}
    pinned = rows[2]
    assert pinned["themes"] == ["political"]  # the editor's pin, though the rule finds security too


def test_paragraphs_as_csv_matches_jsonl():
    jsonl = [json.loads(x) for x in run("paragraphs", "--content", str(TINY)).stdout.splitlines()]
    table = list(
        csv.DictReader(
            io.StringIO(run("paragraphs", "--content", str(TINY), "--format", "csv").stdout)
        )
    )
    assert len(table) == len(jsonl)
    for row, record in zip(table, jsonl, strict=True):
        assert row["text"] == record["text"]
        assert json.loads(row["themes"]) == record["themes"]
        assert json.loads(row["evidence"]) == record["evidence"]
        assert json.loads(row["examples"]) == record["examples"]


def test_unknown_case_is_a_clear_error():
    result = run("paragraphs", "--case", "nope")
    assert result.returncode == 2
    assert result.stderr == "error: unknown case 'nope'\n"


def test_convert_without_a_source_says_so(tmp_path):
    result = run("convert", "demo", "--content", str(tmp_path))
    assert result.returncode == 2
    assert "source/article.txt not found" in result.stderr
