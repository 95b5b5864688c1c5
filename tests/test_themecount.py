"""The ingest summary's coverage, counted without pandas, equals the dashboard's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from casebook import cli, coverage
from casebook.ingest import themecount
from casebook.loader import load_content
from casebook.semantic import Neighbour
from tests.conftest import CONTENT, FIXTURES, ROOT, TINY, copy_codebook


@pytest.mark.parametrize("root", [CONTENT, TINY], ids=["seed", "tiny"])
def test_theme_coverage_equals_the_paragraph_tables(root):
    content = load_content(root)
    for case in content.cases:
        table = coverage.paragraph_table([case], content.codebook)
        expected = coverage.coverage_by_theme(table, content.codebook)
        rows, uncoded = themecount.theme_coverage(case, content.codebook, lambda _f: None)
        assert [(r.theme, r.paragraphs, r.coverage) for r in rows] == list(
            expected[["theme", "paragraphs", "coverage"]].itertuples(index=False, name=None)
        )
        assert uncoded == coverage.uncoded_share(table)


def test_pins_count_as_the_dashboard_counts_them():
    content = load_content(CONTENT)
    case = content.case("minusma")
    assert any(p.pinned for p in case.paragraphs)  # the seed pins some paragraphs
    tagged = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None)
    table = coverage.paragraph_table([case], content.codebook)
    assert [themes for _words, themes in tagged] == [tuple(t) for t in table["themes"]]


def test_progress_moves_in_a_few_parts_up_to_the_end():
    content = load_content(CONTENT)
    seen: list[float] = []
    themecount.paragraph_themes_of(content.case("minusma"), content.codebook, seen.append)
    assert 1 < len(seen) <= themecount.CHUNKS  # 51 paragraphs: 9 parts of 6
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def test_a_case_without_words_covers_nothing():
    content = load_content(TINY)
    case = content.cases[0]
    empty = type(case)(slug=case.slug, title=case.title, sections=())
    rows, uncoded = themecount.theme_coverage(empty, content.codebook, lambda _f: None)
    assert [(r.paragraphs, r.coverage) for r in rows] == [(0, 0.0)] * len(rows)
    assert uncoded == 0.0


def test_a_helper_process_tags_as_this_one_does():
    content = load_content(CONTENT)
    case = content.case("minusma")
    alone = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None)
    helper = themecount.Helper.start()
    assert helper is not None  # the suite runs on Linux
    seen: list[float] = []
    try:
        shared = themecount.paragraph_themes_of(case, content.codebook, seen.append, helper)
    finally:
        helper.close()
    assert shared == alone
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def answered_by_process(texts, _codebook, _slug):
    """Neighbours named by the process that found them (at module level: a helper gets
    the function it runs by name)."""
    return [(Neighbour(str(os.getpid()), "", 1.0, ("security",)),) for _ in texts]


def test_the_helper_compares_with_the_examples_in_another_process(monkeypatch):
    """Each answer names the process that gave it: another one than this."""
    content = load_content(CONTENT)
    case = content.case("minusma")
    asked = []
    monkeypatch.setattr(themecount, "nearest_examples", answered_by_process)
    real = themecount.with_examples

    def recording(codings, which, near, codebook):
        asked.extend(n[0].example for n in near)
        return real(codings, which, near, codebook)

    monkeypatch.setattr(themecount, "with_examples", recording)
    helper = themecount.Helper.start()
    try:
        themecount.paragraph_themes_of(case, content.codebook, lambda _f: None, helper)
    finally:
        helper.close()
    assert asked  # some paragraphs of the seed are undecided by their words
    assert set(asked) == {next(iter(set(asked)))} != {str(os.getpid())}


def test_a_failed_helper_costs_time_only():
    content = load_content(CONTENT)
    case = content.case("minusma")
    alone = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None)

    class Broken:
        def nearest(self, *_args):
            failed = Future()
            failed.set_exception(BrokenProcessPool("a child process terminated abruptly"))
            return failed

    broken = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None, Broken())
    assert broken == alone


def test_a_closed_helper_costs_time_only():
    content = load_content(CONTENT)
    case = content.case("minusma")
    alone = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None)
    helper = themecount.Helper.start()
    helper.close()  # submitting to a shut-down pool raises RuntimeError
    assert themecount.paragraph_themes_of(case, content.codebook, lambda _f: None, helper) == alone


@pytest.mark.parametrize(("cores", "helped"), [(4, True), (2, True), (1, False), (None, False)])
def test_the_command_line_has_a_helper_where_there_are_two_cores(
    tmp_path, monkeypatch, cores, helped
):
    given = []
    real = themecount.paragraph_themes_of

    def recording(case, codebook, progress, helper=None):
        given.append(helper)
        return real(case, codebook, progress, helper)

    monkeypatch.setattr(themecount, "paragraph_themes_of", recording)
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    content = copy_codebook(tmp_path / "content")
    article = str(FIXTURES / "ingest" / "messy_post.txt")
    assert cli.main(["ingest", article, "--case", "case", "--content", str(content)]) == 0
    assert [isinstance(h, themecount.Helper) for h in given] == [helped]


KILLED = """
import os, signal
from casebook.ingest import themecount
helper = themecount.Helper.start()
print(helper.pool.submit(os.getpid).result(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_no_helper_outlives_a_command_killed_outright():
    """A helper that lived on would hold the killed command's output open: reading it to
    the end would wait for ever (here: time out)."""
    done = subprocess.run(
        [sys.executable, "-c", KILLED], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == -signal.SIGKILL
    helper = int(done.stdout.split()[0])
    for _ in range(100):  # the kernel's kill may land a moment after the output closed
        if not Path(f"/proc/{helper}").exists() or "Z" in _state(helper):
            break
        time.sleep(0.05)
    else:
        raise AssertionError(f"helper {helper} still runs")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][:1]
    except OSError:
        return "Z"
