"""One bad case never takes the others down: it shows its own problems, is named under the
case selector, and the other cases stay readable. Only a broken codebook stops everything.
A failed reading is remembered until the files change."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from casebook.loader import load_content, read_content
from casebook.problems import ContentError
from casebook.ui import data
from tests.conftest import BROKEN, TINY

PIN_PROBLEM = "content/other/01-opening.md:7: unknown theme 'securty' (did you mean 'security'?)"


@pytest.fixture
def two_cases(tmp_path: Path) -> Path:
    """The tiny case ``demo`` and a copy of it, ``other``, whose first section is broken."""
    root = tmp_path / "content"
    shutil.copytree(TINY, root)
    shutil.copytree(root / "demo", root / "other")
    shutil.copy(BROKEN / "unknown_pin.md", root / "other/01-opening.md")
    return root


def run(content: Path, **query) -> AppTest:
    data.forget_shared()  # every test starts from an empty cache
    data._signatures.clear()  # noqa: SLF001
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CASEBOOK_CONTENT", str(content))
        at = AppTest.from_file("../dashboard.py", default_timeout=30)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_good_case_stays_readable_beside_a_broken_one(two_cases):
    at = run(two_cases, case="demo")
    assert at.title[0].value == "A Tiny Case"
    assert at.sidebar.selectbox(key="case-pick").options == ["A Tiny Case", "other (has problems)"]
    assert "Has problems, cannot be shown: other" in at.sidebar.caption[0].value
    assert not at.error


def test_the_broken_case_shows_its_own_problems(two_cases):
    at = run(two_cases, case="other")
    assert at.title[0].value == "This case cannot be shown"
    assert at.error[0].value.startswith("This case has 1 problem, so the case cannot be shown.")
    assert at.code[0].value == PIN_PROBLEM
    assert at.sidebar.selectbox(key="case-pick").value == "other"


def test_a_broken_codebook_stops_everything_with_its_problems(two_cases):
    shutil.copy(BROKEN / "codebook_bad_colour.yaml", two_cases / "themes.yaml")
    at = run(two_cases, case="demo")
    assert at.error[0].value.startswith("The content has 2 problems")
    assert at.code[0].value.splitlines()[0] == (
        "content/themes.yaml:4: colour 'blue' must be a hex colour like '#0072B2'"
    )
    assert not at.title


def test_a_single_broken_case_shows_its_problems(tiny_copy):
    shutil.copy(BROKEN / "unknown_pin.md", tiny_copy / "demo/01-opening.md")
    at = run(tiny_copy)
    assert at.error[0].value.startswith("This case has 1 problem")
    assert at.code[0].value == PIN_PROBLEM.replace("other", "demo")


@pytest.mark.parametrize(
    "broken", ["other/01-opening.md", "themes.yaml"], ids=["broken-case", "broken-codebook"]
)
def test_a_failed_reading_is_remembered_until_the_files_change(two_cases, monkeypatch, broken):
    """A broken case is part of a reading that succeeds; an unreadable codebook (here, YAML
    nested past the limit) fails the whole reading: both are read once per change."""
    if broken == "themes.yaml":
        (two_cases / "themes.yaml").write_text("deep: " + "[" * 50 + "]" * 50 + "\n", "utf-8")
    readings = []

    def counted(root):
        readings.append(root)
        return read_content(root)

    monkeypatch.setattr(data, "read_content", counted)
    monkeypatch.setenv("CASEBOOK_CONTENT", str(two_cases))  # for the reruns below
    at = run(two_cases, case="other")
    assert "cannot be shown" in at.error[0].value or "The content has" in at.error[0].value
    at.run()
    assert len(readings) == 1  # the second page load used the remembered failure
    broken = two_cases / broken
    stat = broken.stat()
    os.utime(broken, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    data._signatures.clear()  # noqa: SLF001 - as if a second had passed
    at.run()
    assert len(readings) == 2


def test_the_check_still_fails_on_any_broken_case(two_cases):
    with pytest.raises(ContentError) as caught:
        load_content(two_cases)
    assert [str(p) for p in caught.value.problems] == [PIN_PROBLEM]
    content = read_content(two_cases)
    assert ([c.slug for c in content.cases], list(content.broken)) == (["demo"], ["other"])


def test_hidden_and_temporary_folders_are_never_cases(two_cases):
    shutil.rmtree(two_cases / "other")
    shutil.copytree(two_cases / "demo", two_cases / ".demo.123-abcd.tmp")
    shutil.copytree(two_cases / "demo", two_cases / ".demo.123-abcd.old")
    assert read_content(two_cases).slugs == ["demo"]


def test_a_case_folder_must_be_named_by_a_slug(two_cases):
    (two_cases / "other").rename(two_cases / "Other Case")
    content = read_content(two_cases)
    assert [str(p) for p in content.broken["Other Case"]] == [
        "content/Other Case/case.yaml:1: a case folder's name must be lower-case letters and "
        "digits joined by hyphens"
    ]
