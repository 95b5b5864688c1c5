"""The ingest summary's coverage, counted without pandas, equals the dashboard's."""

from __future__ import annotations

import os
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from casebook import coverage
from casebook.ingest import pipeline, themecount
from casebook.ingest.helper import Helper
from casebook.loader import load_content
from casebook.semantic import Neighbour
from tests.conftest import CONTENT, TINY, copy_codebook


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
    helper = Helper.start()
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
    helper = Helper.start()
    try:
        themecount.paragraph_themes_of(case, content.codebook, lambda _f: None, helper)
    finally:
        helper.close()
    assert asked  # some paragraphs of the seed are undecided by their words
    assert set(asked) == {next(iter(set(asked)))} != {str(os.getpid())}


class Broken:
    """A helper whose every answer failed, as when its process died."""

    def ask(self, *_args):
        failed = Future()
        failed.set_exception(BrokenProcessPool("a child process terminated abruptly"))
        return failed


@pytest.mark.parametrize("helper", ["broken", "closed"])
def test_a_failed_or_closed_helper_costs_time_only(helper):
    content = load_content(CONTENT)
    case = content.case("minusma")
    alone = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None)
    if helper == "closed":
        helper = Helper.start()
        helper.close()  # asking a shut-down pool raises RuntimeError: asked is None
    else:
        helper = Broken()
    found = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None, helper)
    assert found == alone


def section_files(folder):
    return {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.md")}


def test_the_drafted_files_give_the_paragraphs_the_loader_reads():
    """The seed's section files (sub-sections, pins, captions and tables among them): read
    from their texts, the paragraphs of the loaded case, in its order."""
    content = load_content(CONTENT)
    files = section_files(CONTENT / "minusma")
    texts = themecount.drafted_texts(dict(reversed(files.items())), content.codebook)
    assert texts == [p.text for p in content.case("minusma").paragraphs]


def test_the_helper_tags_its_parts_from_the_drafted_files_before_they_are_written(tmp_path):
    """An ingest with a helper: its parts come from the drafts and are the ones used; the
    coverage is the one tagged in this process alone."""
    content = copy_codebook(tmp_path / "content")
    article = CONTENT / "minusma" / "source" / "article.txt"
    used = []
    real = themecount._early

    def recording(drafted, whole_texts):
        answers = real(drafted, whole_texts)
        used.extend(answer is not None for answer in answers)
        return answers

    helper = Helper.start()
    try:
        done = pipeline.ingest(article, "seed", content, helper=helper)
        assert done.drafted is not None
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(themecount, "_early", recording)
            shared = pipeline.theme_coverage(done, helper=helper)
    finally:
        helper.close()
    assert used and all(used)
    assert shared == themecount.theme_coverage(done.case, done.codebook, lambda _f: None)


def answered(value) -> Future:
    done = Future()
    done.set_result(value)
    return done


def failed() -> Future:
    done = Future()
    done.set_exception(ValueError("the drafts could not be tagged"))
    return done


@pytest.mark.parametrize("early", ["other texts", "nothing", "failed"])
def test_an_early_answer_that_does_not_fit_is_not_used(early):
    """Codings of other paragraphs (the written case reads differently), none, or an
    error: the helper's parts are tagged here, to the same result."""
    content = load_content(CONTENT)
    case = content.case("minusma")
    alone = themecount.paragraph_themes_of(case, content.codebook, lambda _f: None)
    wrong_codings = [{"security": None}] * len(case.paragraphs)
    drafted = {
        "other texts": answered(([["Another paragraph."]], [wrong_codings])),
        "nothing": answered(None),
        "failed": failed(),
    }[early]
    found = themecount.paragraph_themes_of(
        case, content.codebook, lambda _f: None, Broken(), drafted
    )
    assert found == alone
