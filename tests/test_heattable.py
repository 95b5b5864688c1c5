"""The overview's sections × themes table (tablemarkup.heat_table): every section in reading
order, a cell per theme with its share, colours that read, nothing unescaped."""

from __future__ import annotations

import re

import pytest

from casebook import contrast
from casebook.coverage import coverage_by_section, paragraph_table, section_tags
from casebook.loader import load_content
from casebook.tablemarkup import heat_table
from casebook.wording import percent
from tests.conftest import CONTENT

NOTE = "Each cell: a share."


def table_of(content_dir, themes=None):
    content = load_content(content_dir)
    case, codebook = content.cases[0], content.codebook
    shares = coverage_by_section(paragraph_table([case], codebook), codebook)
    if themes:
        shares = shares[shares["theme"].isin(themes)]
    return heat_table(shares, case, codebook, NOTE), case, codebook, shares


def cells(html: str) -> list[tuple[str, str, str, str]]:
    """(background, text colour, tooltip, text) of each cell."""
    return re.findall(
        r'<td style="background:([^;]+);color:([^"]+)" title="([^"]*)">([^<]*)</td>', html
    )


def test_a_row_per_section_in_reading_order_a_column_per_theme(tiny_copy):
    html, case, codebook, shares = table_of(tiny_copy)
    heads = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', html)
    assert heads == ["Section", *(t.label for t in codebook.themes)]
    rows = re.findall(r'<th scope="row" class="cb-level-(\d)">(.*?)</th>', html)
    assert rows == [(str(case.depth(s.slug)), s.nav_title) for s in case.sections]
    assert {level for level, _ in rows} == {"1", "2"}  # the child section is indented
    found = cells(html)
    assert len(found) == len(case.sections) * len(codebook.themes)
    expected = [percent(share) for share in shares["coverage"]]  # section by section
    assert [text for *_, text in found] == expected
    first = shares.iloc[0]
    label = codebook.theme(first["theme"]).label
    assert found[0][2] == f"{label}: {first['coded_words']:,} of {first['total_words']:,} words"
    assert f"<caption>{NOTE}</caption>" in html


def test_the_filter_keeps_only_its_themes(tiny_copy):
    html, _, codebook, _ = table_of(tiny_copy, themes=["political"])
    heads = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', html)
    assert heads == ["Section", codebook.theme("political").label]


def test_every_cell_reads_at_4_5_to_1_and_darkens_with_its_share(tiny_copy):
    html, *_ = table_of(tiny_copy)
    for background, text, _, _ in cells(html):
        assert contrast.ratio(background, text) >= contrast.TEXT
    colour = "#009E73"
    shades = [contrast.luminance(contrast.cell_colours(colour, s / 10)[0]) for s in range(11)]
    assert shades == sorted(shades, reverse=True)  # more coverage, darker


@pytest.mark.parametrize("colour", ["#0072B2", "#D55E00", "#E69F00", "#777777", "#ffff00"])
def test_cell_text_reads_on_any_shade(colour):
    for step in range(101):
        background, text = contrast.cell_colours(colour, step / 100)
        assert contrast.ratio(background, text) >= contrast.TEXT, (colour, step)


def test_titles_are_escaped_and_equal_short_titles_keep_their_own_rows(tiny_copy):
    for name in ("01-opening.md", "02-middle-part.md"):
        path = tiny_copy / "demo" / name
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^short_title: .*\n", "", text)
        path.write_text(
            text.replace("\nslug:", "\nshort_title: <b>Same</b> & *more*\nslug:", 1),
            encoding="utf-8",
        )
    html, case, *_ = table_of(tiny_copy)
    rows = re.findall(r'<th scope="row"[^>]*>(.*?)</th>', html)
    assert rows.count("&lt;b&gt;Same&lt;/b&gt; &amp; &#42;more&#42;") == 2
    assert len(rows) == len(case.sections)
    assert "<b>" not in html


def test_a_cell_reads_at_the_threshold_only_when_its_section_carries_the_theme():
    """What the table says agrees with the tags: a section at 24.6% of a theme, left
    untagged at the 25% threshold, reads 24%, not 25% (the shipped case has one)."""
    html, _, codebook, shares = table_of(CONTENT)
    threshold = codebook.rules.section_tag_threshold
    tags = section_tags(shares, threshold)
    texts = [text for *_, text in cells(html)]
    shown = dict(zip(zip(shares["section"], shares["theme"], strict=True), texts, strict=True))
    near = [r for r in shares.itertuples() if threshold - 0.01 < r.coverage < threshold]
    assert near  # the case the rule is for
    for row in shares.itertuples():
        reads_tagged = int(shown[(row.section, row.theme)].rstrip("%")) >= threshold * 100
        assert reads_tagged == (row.theme in tags[row.section])


def test_a_heading_alone_keeps_its_row_so_its_parts_stay_under_it(tiny_copy):
    # a report's "II. Significant developments" with no text before its "A." and "B."
    middle = tiny_copy / "demo" / "02-middle-part.md"
    middle.write_text(middle.read_text(encoding="utf-8").split("---\n\n")[0] + "---\n", "utf-8")
    html, case, codebook, _ = table_of(tiny_copy)
    rows = re.findall(r'<tr><th scope="row" class="cb-level-(\d)">(.*?)</th>(.*?)</tr>', html)
    assert [(level, title) for level, title, _ in rows] == [
        (str(case.depth(s.slug)), s.nav_title) for s in case.sections
    ]
    parent = rows[1][2]
    assert parent == (
        f'<td colspan="{len(codebook.themes)}" class="cb-parent">'
        "no text of its own: its parts follow</td>"
    )
    assert len(cells(html)) == 2 * len(codebook.themes)  # the other two sections' cells
