"""The ingest summary's coverage, counted without pandas, equals the dashboard's."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool

import pytest

from casebook import cli, coverage
from casebook.ingest import themecount
from casebook.loader import load_content
from tests.conftest import CONTENT, FIXTURES, TINY, copy_codebook


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


def test_two_processes_tag_as_one_does():
    content = load_content(CONTENT)
    case = content.case("minusma")
    alone = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None)
    seen: list[float] = []
    shared = themecount.paragraph_themes_of(case, content.codebook, seen.append, workers=2)
    assert shared == alone
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def test_with_two_workers_a_child_process_tags_the_first_half(monkeypatch):
    """Each part reports the process that tagged it: the child's pid comes back with the
    first half, this process's with the rest."""
    content = load_content(CONTENT)
    case = content.case("minusma")

    def by_process(part, _slug, _codebook):
        return [(p.words, (str(os.getpid()),)) for p in part]

    monkeypatch.setattr(themecount, "_tag", by_process)
    tagged = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None, workers=2)
    who = [themes[0] for _words, themes in tagged]
    assert len(who) == len(case.paragraphs)
    here = str(os.getpid())
    assert who[0] != here and who[-1] == here
    assert who == sorted(who, key=lambda pid: pid == here)  # the child's paragraphs first


def test_a_failed_child_costs_time_only(monkeypatch):
    content = load_content(CONTENT)
    case = content.case("minusma")
    alone = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None)

    class Broken:
        def result(self):
            raise BrokenProcessPool("a child process terminated abruptly")

    class Pool:
        def shutdown(self, cancel_futures=False):
            pass

    monkeypatch.setattr(themecount, "_start", lambda *_args: (Pool(), Broken()))
    assert themecount.paragraph_themes_of(case, content.codebook, lambda _f: None, 2) == alone


@pytest.mark.parametrize(("cores", "workers"), [(4, 2), (2, 2), (1, 1), (None, 1)])
def test_the_command_line_tags_with_two_processes_where_there_are_two_cores(
    tmp_path, monkeypatch, cores, workers
):
    asked = []
    real = themecount.paragraph_themes_of

    def recording(case, codebook, progress, workers=1):
        asked.append(workers)
        return real(case, codebook, progress, workers)

    monkeypatch.setattr(themecount, "paragraph_themes_of", recording)
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    content = copy_codebook(tmp_path / "content")
    article = str(FIXTURES / "ingest" / "messy_post.txt")
    assert cli.main(["ingest", article, "--case", "case", "--content", str(content)]) == 0
    assert asked == [workers]
