"""Parsing with limits: YAML aliases, deep nesting and oversized files in any content file
or front matter are one ``file:line`` problem, never a hang, a MemoryError or a traceback.

The "billion laughs" below is the audit's case: nine lists of nine aliases of the one
before, some 350 bytes that stand for 9**9 strings. In-process tests use a smaller one
(half a million strings), which PyYAML itself reads quickly by sharing the lists, so they
fail only for want of the limit; the real one runs in a subprocess, with a timeout as a
guard against a hang. Aliases within the limit stay allowed: facts.yaml names each source
once and refers to it by alias.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from casebook import yamltext
from casebook.loader import load_content
from casebook.problems import ContentError
from tests.conftest import ROOT


def alias_bomb(levels: int) -> str:
    """Nine-fold aliases, ``levels`` deep; from five levels, its line 6 holds more than
    the 100,000 values allowed."""
    names = "abcdefghijklmnopqrstuvwxyz"
    lines = [f'{names[0]}: &{names[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip(names, names[1 : levels + 1], strict=False):
        aliases = ",".join([f"*{prev}"] * 9)
        lines.append(f"{name}: &{name} [{aliases}]")
    return "\n".join(lines) + "\n"


def deep(levels: int) -> str:
    return "deep: " + "[" * levels + "]" * levels + "\n"


SECTION = "---\ntitle: Opening\nslug: opening\norder: 1\n{yaml}---\n\nSecurity patrols.\n"
# (file, how the hostile YAML goes in, the file line of its first line)
PLACES = [
    ("themes.yaml", "{yaml}", 1),
    ("demo/case.yaml", "title: A Tiny Case\n{yaml}", 2),
    ("demo/01-opening.md", SECTION, 5),
    ("demo/facts.yaml", "facts: []\n{yaml}", 2),
]
TOO_MANY = "holds more than 100,000 values once its aliases are expanded"


@pytest.mark.parametrize(("name", "template", "line"), PLACES)
def test_aliases_expanding_too_far_are_refused_at_their_line(tiny_copy, name, template, line):
    (tiny_copy / name).write_text(template.format(yaml=alias_bomb(5)), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tiny_copy)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == (f"content/{name}", line + 5)
    assert problem.message.endswith(f"not valid YAML: {TOO_MANY}")


@pytest.mark.parametrize(("name", "template", "line"), PLACES)
def test_deep_nesting_is_a_problem_not_a_recursion_error(tiny_copy, name, template, line):
    (tiny_copy / name).write_text(template.format(yaml=deep(3000)), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tiny_copy)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == (f"content/{name}", line)
    assert problem.message.endswith("not valid YAML: nested deeper than 40 levels")


def test_nesting_within_the_limit_reads():
    expected: list = []
    for _ in range(29):
        expected = [expected]
    assert yamltext.load(deep(30)) == {"deep": expected}


def test_oversized_yaml_is_refused_before_parsing():
    with pytest.raises(yamltext.LimitError) as caught:
        yamltext.load("a: " + "x" * yamltext.MAX_CHARS)
    assert yamltext.error_text(caught.value) == "longer than 2,000,000 characters"


def test_aliases_within_the_limit_still_read():
    assert yamltext.load("a: &x {b: 1}\nc: [*x, *x]\n") == {"a": {"b": 1}, "c": [{"b": 1}] * 2}
    assert len(yamltext.load(alias_bomb(4))["e"]) == 9


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("a: &a [1, *a]\n", 1, "an alias refers to its own anchor"),
        ("a: &a {b: *a}\n", 1, "an alias refers to its own anchor"),
        # Nesting through aliases counts too: 30 levels, then 15 around an alias of them.
        ("x: &x " + "[" * 30 + "]" * 30 + "\ny: " + "[" * 15 + "*x" + "]" * 15, 2,
         "nested deeper than 40 levels"),
        ("[" * 1_000_000, 1, "nested deeper than 40 levels"),
        ("- " * 5000 + "x", 1, "nested deeper than 40 levels"),
    ],
    ids=["self-in-list", "self-in-mapping", "deep-by-alias", "brackets", "dashes"],
)  # fmt: skip
def test_recursive_or_deep_yaml_is_refused(text, line, problem):
    with pytest.raises(yamltext.LimitError) as caught:
        yamltext.load(text)
    assert (yamltext.error_line(caught.value), yamltext.error_text(caught.value)) == (line, problem)


def test_front_matter_lines_shift_once_when_aliases_share_a_mapping():
    meta = yamltext.load("a: &x {b: 1}\nc: [*x, *x]\n", first_line=2)
    assert (meta.line_of("c"), meta["a"].line_of("b")) == (3, 2)


UNREADABLE = [  # well-formed YAML that Python cannot hold as data
    ("published: 2024-13-01\n", "a value that cannot be read (month must be in 1..12)"),
    ("? [a, b]\n: c\n", "a key must be one value, not a list or a mapping"),
]


@pytest.mark.parametrize(("name", "template", "line"), PLACES)
@pytest.mark.parametrize(("text", "problem"), UNREADABLE)
def test_values_python_cannot_hold_are_one_problem_at_their_line(
    tiny_copy, name, template, line, text, problem
):
    (tiny_copy / name).write_text(template.format(yaml=text), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tiny_copy)
    found = [p for p in caught.value.problems if p.message.endswith(problem)]
    assert [(p.path, p.line) for p in found] == [(f"content/{name}", line)]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "casebook", *args],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip


@pytest.mark.parametrize(("name", "template", "line"), PLACES[1:3])
def test_check_reports_the_real_bomb_and_exits_1(tiny_copy, name, template, line):
    bomb = alias_bomb(8)
    assert len(bomb) < 600
    (tiny_copy / name).write_text(template.format(yaml=bomb), encoding="utf-8")
    result = run("check", "--content", str(tiny_copy))
    assert result.returncode == 1
    assert f"{name}:{line + 5}: " in result.stderr  # the sixth list goes past the limit
    assert f"not valid YAML: {TOO_MANY}\n" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_reports_deep_nesting_and_exits_1(tiny_copy):
    (tiny_copy / "demo/case.yaml").write_text(deep(3000), encoding="utf-8")
    result = run("check", "--content", str(tiny_copy))
    assert (result.returncode, "Traceback" in result.stderr) == (1, False)
    assert "demo/case.yaml:1: not valid YAML: nested deeper than 40 levels\n" in result.stderr


def test_ingest_refuses_a_bomb_in_the_recipe_with_exit_2(tiny_copy, tmp_path: Path):
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(alias_bomb(8), encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Title\n\nSecurity patrols went on.\n", encoding="utf-8")
    result = run(
        "ingest", str(article), "--case", "new", "--recipe", str(recipe),
        "--content", str(tiny_copy),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (f"error: {recipe}: not a valid YAML recipe (line 6: {TOO_MANY})\n")


def test_ingest_refuses_a_deep_codebook_with_exit_2(tiny_copy, tmp_path: Path):
    (tiny_copy / "themes.yaml").write_text(deep(3000), encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Title\n\nSecurity patrols went on.\n", encoding="utf-8")
    result = run("ingest", str(article), "--case", "new", "--content", str(tiny_copy))
    assert (result.returncode, "Traceback" in result.stderr) == (2, False)
    assert "themes.yaml: the codebook has problems" in result.stderr


def test_ingest_refuses_an_article_whose_front_matter_is_a_bomb(tiny_copy, tmp_path: Path):
    """Front matter past the reading limits is one ``file:line`` error, exit 2, at once;
    nothing is written."""
    article = tmp_path / "article.md"
    article.write_text(f"---\n{alias_bomb(8)}---\n\n# Title\n\nSecurity patrols.\n", "utf-8")
    result = run("ingest", str(article), "--case", "new", "--content", str(tiny_copy))
    assert (result.returncode, "Traceback" in result.stderr) == (2, False)
    # the bomb's line 6 (see alias_bomb) is the file's line 7, after the opening fence
    assert f"{article}:7: front matter is not valid YAML: holds more than" in result.stderr
    assert not (tiny_copy / "new").exists()


def test_ingest_keeps_an_opening_that_is_not_yaml_as_text(tiny_copy, tmp_path: Path):
    """A Markdown file that opens with a rule and a line that is no YAML mapping is read as
    text: only YAML past the limits is refused."""
    article = tmp_path / "article.md"
    article.write_text("---\nkey: [unclosed\n---\n\n# Title\n\nSecurity patrols.\n", "utf-8")
    result = run("ingest", str(article), "--case", "new", "--content", str(tiny_copy))
    assert (result.returncode, "Traceback" in result.stderr) == (0, False)
    assert (tiny_copy / "new" / "case.yaml").is_file()


def test_an_oversized_section_file_is_one_problem(tiny_copy, monkeypatch):
    monkeypatch.setattr("casebook.loader.MAX_SECTION_BYTES", 100)
    with pytest.raises(ContentError) as caught:
        load_content(tiny_copy)
    assert str(caught.value.problems[0]) == (
        "content/demo/01-opening.md:1: larger than 100 bytes; split the section"
    )
