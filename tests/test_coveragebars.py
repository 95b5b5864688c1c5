"""The coverage-by-theme bars (tablemarkup.coverage_bars), an HTML table on the overview and on
each section page: a row per theme in order, bars as long as the shares, the words behind
each in its tooltip, nothing unescaped."""

from __future__ import annotations

import html
import re

import pytest

from casebook import contrast
from casebook.tablemarkup import coverage_bars
from casebook.wording import percent
from tests.test_charts import CODEBOOK, THEMES  # 8, 19 and 8 of 28 words


def rows(table: str) -> list[tuple[str, str, str, str, str]]:
    """(tooltip, label, bar width, bar colour, share written) of each row."""
    return [
        (html.unescape(title), html.unescape(label), width, colour, share)
        for title, label, width, colour, share in re.findall(
            r'<tr title="([^"]*)"><th scope="row">(.*?)</th><td><span class="cb-track">'
            r'<span class="cb-bar" style="width:([^;]+);background:([^"]+)"></span>'
            r'<span class="cb-value">([^<]*)</span>',
            table,
        )
    ]


def test_a_row_per_theme_in_order_with_its_share_colour_and_words():
    table = coverage_bars(THEMES[THEMES["theme"] != "humanitarian"], CODEBOOK, "Coverage")
    assert rows(table) == [
        ("Security: 8 of 28 words in 1 paragraph", "Security", "28.6%", "#0072B2", "28%"),
        ("Political: 19 of 28 words in 3 paragraphs", "Political", "67.9%", "#D55E00", "67%"),
    ]
    assert table.count("<tr") == 3  # the heading row and the two themes: nothing else


@pytest.mark.parametrize(("uncoded", "count"), [(None, 3), (0.0, 4), (9 / 28, 4)])
def test_the_uncoded_row_only_when_asked_last_and_grey(uncoded, count):
    found = rows(coverage_bars(THEMES, CODEBOOK, "Coverage", uncoded=uncoded))
    assert len(found) == count
    if uncoded is not None:
        assert found[-1] == (
            "Uncoded: words in paragraphs with no theme", "Uncoded",
            f"{uncoded * 100:.1f}%", contrast.NEUTRAL, percent(uncoded),
        )  # fmt: skip


def test_bars_stay_within_their_track_whatever_the_share():
    odd = THEMES.assign(coverage=[-0.2, 1.0, 1.7])
    widths = [width for _t, _l, width, _c, _s in rows(coverage_bars(odd, CODEBOOK, "x"))]
    assert widths == ["0.0%", "100.0%", "100.0%"]


def test_labels_caption_and_tooltips_are_escaped():
    table = coverage_bars(THEMES, CODEBOOK, "Share <script>alert(1)</script> *of* words")
    assert "<b>" not in table and "<script>" not in table
    assert "Aid &lt;b&gt;&amp; relief&lt;/b&gt;" in table
    assert "<caption>Share &lt;script&gt;alert(1)&lt;/script&gt; &#42;of&#42; words</caption>" in (
        table
    )
    assert rows(table)[2][0] == "Aid <b>& relief</b>: 8 of 28 words in 1 paragraph"


def test_it_reads_as_a_table_with_headed_columns_and_rows():
    table = coverage_bars(THEMES, CODEBOOK, "Coverage")
    assert table.startswith('<table class="cb-bars"><caption>Coverage</caption>')
    heads = re.findall(r'<th scope="col">(.*?)</th>', table)
    assert heads == ["Theme", "Share of words"]
    assert len(re.findall(r'<th scope="row">', table)) == 3
