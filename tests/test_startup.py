"""The ingest command loads only what its input needs: a plain-text ingest, summary and
tagging included, never imports pandas, the PDF library or trafilatura (together about
half a second of start-up on 2 cores)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, ROOT, copy_codebook

HEAVY = ("pandas", "pypdfium2", "trafilatura")
RUN = """
import sys
from casebook import cli
code = cli.main(sys.argv[1:])
print(code, *sorted(m for m in {heavy!r} if m in sys.modules))
"""


def ingest_output(tmp_path: Path, fixture: str) -> list[str]:
    """The lines an ingest of ``fixture`` prints in a fresh process; the last is its exit
    code and the heavy libraries it imported."""
    content = copy_codebook(tmp_path / "content")
    args = ["ingest", str(FIXTURES / "ingest" / fixture), "--case", "case"]
    done = subprocess.run(
        [sys.executable, "-c", RUN.format(heavy=HEAVY), *args, "--content", str(content)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    return done.stdout.splitlines()


def test_a_plain_text_ingest_imports_none_of_the_heavy_libraries(tmp_path: Path):
    lines = ingest_output(tmp_path, "messy_post.txt")
    assert "coverage by theme" in "\n".join(lines)  # the summary was tagged and printed
    assert lines[-1] == "0"


def test_an_html_ingest_leaves_trafilatura_to_its_helper_and_never_imports_pandas(
    tmp_path: Path,
):
    """trafilatura reads the page in the helper process (tests/test_helper.py), while the
    command parses the page's structure."""
    assert ingest_output(tmp_path, "messy_post.html")[-1] == "0"
