"""The README cannot drift: its commands and its content example are the real ones."""

from __future__ import annotations

import re
import shutil

from casebook.loader import load_content
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.DOTALL)


def test_readme_quick_start_is_the_real_commands():
    install, test = fenced("bash")[:2]
    assert install.splitlines() == [
        "python3 -m venv .venv && . .venv/bin/activate",  # before pip: Debian refuses without
        "pip install -r requirements.txt",
        "streamlit run dashboard.py",
    ]
    assert README.index("Python 3.11") < README.index("python3 -m venv")  # said before the commands
    assert "The theme filter heads every page" in README  # where to find it
    assert "make check" in test.splitlines()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().endswith("make check")


def test_readme_section_example_loads(tiny_copy):
    """The example, dropped into the tiny case with the real codebook, loads as written."""
    for name in ("themes.yaml", "examples.yaml"):  # the codebook and its coded examples
        shutil.copy(ROOT / "content" / name, tiny_copy / name)
    (example,) = fenced("markdown")
    example = example.replace("parent: impact-and-outcomes", "parent: middle-part")
    (tiny_copy / "demo" / "09-example.md").write_text(example, encoding="utf-8")
    section = load_content(tiny_copy).case("demo").section("security-improvements")
    assert section.short_title == "Security improvements"
    assert [p.pinned for p in section.paragraphs] == [(), ("security", "partnerships")]


def test_readme_screenshots_exist():
    for name in re.findall(r"\]\((docs/[^)]+\.png)\)", README):
        assert (ROOT / name).is_file(), name
