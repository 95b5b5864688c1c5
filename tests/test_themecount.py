"""The ingest summary's coverage, counted without pandas, equals the dashboard's."""

from __future__ import annotations

import pytest

from casebook import coverage
from casebook.ingest import themecount
from casebook.loader import load_content
from tests.conftest import CONTENT, TINY


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
