"""Sections nested several levels deep: the loader's checks of a chain of parents, and
the case's outline (ancestors, children, depth)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from casebook.loader import load_content
from casebook.model import MAX_DEPTH
from casebook.problems import ContentError
from tests.conftest import ROOT


def write_section(folder, order: int, slug: str, parent: str | None = None) -> None:
    """A section file whose 'parent' line, when it has one, is line 5."""
    lines = ["---", f"title: Section {slug}", f"slug: {slug}", f"order: {order}"]
    lines += [f"parent: {parent}"] if parent else []
    lines += ["---", "", f"Troops patrolled the town of {slug}.", ""]
    (folder / f"{order:02d}-{slug}.md").write_text("\n".join(lines), encoding="utf-8")


def outline_case(tiny_copy, chain: list[tuple[str, str | None]]):
    """The tiny case's sections replaced by ``chain`` of (slug, parent), in order."""
    demo = tiny_copy / "demo"
    for old in demo.glob("*.md"):
        old.unlink()
    for order, (slug, parent) in enumerate(chain, start=1):
        write_section(demo, order, slug, parent)
    return tiny_copy


def problems_of(root) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return [str(p) for p in caught.value.problems]


REPORT = [
    ("political", None),
    ("elections", "political"),
    ("registration", "elections"),
    ("lists", "registration"),
    ("security", None),
]


def test_a_chain_four_levels_deep_loads_with_its_outline(tiny_copy):
    case = load_content(outline_case(tiny_copy, REPORT)).case("demo")
    assert [s.slug for s in case.ancestors("lists")] == ["political", "elections", "registration"]
    assert [case.depth(s.slug) for s in case.sections] == [1, 2, 3, 4, 1]
    assert [s.slug for s in case.children("elections")] == ["registration"]
    assert case.ancestors("security") == ()


def test_a_missing_parent_is_named_with_file_line_and_a_hint(tiny_copy):
    chain = [("political", None), ("elections", "political"), ("registration", "electons")]
    assert problems_of(outline_case(tiny_copy, chain)) == [
        "content/demo/03-registration.md:5: parent 'electons' is not a section of this case "
        "(did you mean 'elections'?)"
    ]


def test_a_section_its_own_parent_is_refused(tiny_copy):
    chain = [("political", None), ("elections", "elections")]
    assert problems_of(outline_case(tiny_copy, chain)) == [
        "content/demo/02-elections.md:5: section 'elections' cannot be its own parent"
    ]


def test_a_cycle_is_refused_in_each_of_its_sections(tiny_copy):
    chain = [("political", None), ("a", "b"), ("b", "a"), ("c", "a")]
    assert problems_of(outline_case(tiny_copy, chain)) == [
        "content/demo/02-a.md:5: parent 'b' leads back to this section: a → b → a",
        "content/demo/03-b.md:5: parent 'a' leads back to this section: b → a → b",
    ]  # 'c' hangs under the cycle: its chain is the cycle's problem, named once per member


def test_a_chain_deeper_than_the_limit_is_refused(tiny_copy):
    assert MAX_DEPTH == 4
    chain = [*REPORT[:4], ("details", "lists")]
    assert problems_of(outline_case(tiny_copy, chain)) == [
        "content/demo/05-details.md:5: sections nest at most 4 levels; this one is level 5 "
        "(political > elections > registration > lists > details)"
    ]


def test_check_prints_the_chain_problems(tiny_copy):
    outline_case(tiny_copy, [("political", None), ("a", "b"), ("b", "a")])
    done = subprocess.run(
        [sys.executable, "-m", "casebook", "check", "--content", str(tiny_copy)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode != 0
    assert "content/demo/02-a.md:5: parent 'b' leads back to this section: a → b → a" in (
        done.stdout + done.stderr
    )
