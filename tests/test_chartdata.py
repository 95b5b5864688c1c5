"""The table behind each chart (casebook/chartdata.py): what the chart shows, as rows."""

from __future__ import annotations

import pandas as pd

from casebook import charts, relations
from casebook.chartdata import figure_table
from casebook.coverage import coverage_by_section, paragraph_table
from casebook.loader import load_content
from tests.conftest import TINY

CONTENT = load_content(TINY)
CODEBOOK = CONTENT.codebook
CASE = CONTENT.cases[0]
PARAGRAPHS = paragraph_table([CASE], CODEBOOK)


def test_bars_become_label_value_and_detail():
    sections = coverage_by_section(PARAGRAPHS, CODEBOOK)
    titles = {s.slug: s.nav_title for s in CASE.sections}
    figure = charts.theme_by_section_figure(sections, "security", titles, CODEBOOK)
    table = figure_table(figure)
    assert list(table.columns) == ["label", "value", "detail"]
    assert list(table["label"]) == list(figure.data[0].y)
    assert list(table["value"]) == list(figure.data[0].x)
    assert list(table["detail"]) == list(figure.data[0].hovertext)


def test_a_heatmap_becomes_its_grid_of_cell_texts():
    ids = list(CODEBOOK.ids)
    figure = charts.cooccurrence_figure(relations.cooccurrence(PARAGRAPHS, ids), CODEBOOK, ids)
    table = figure_table(figure)
    labels = [t.label for t in CODEBOOK.themes]
    assert list(table.columns) == ["", *labels]
    assert list(table[""]) == labels
    assert table.iloc[0, 1] == figure.data[0].text[0][0]


def test_points_keep_their_series_axes_and_plain_text():
    figure = charts.go.Figure(
        [
            charts.go.Scatter(x=[1, 4], y=["Security"] * 2, name="Security",
                              hovertext=["A &amp; B · ¶1<br>first words", "C · ¶2<br>more"]),
            charts.go.Scatter(x=[2], y=["Aid &lt;b&gt;"], name="Aid &lt;b&gt;",
                              hovertext=["D · ¶1<br>text"]),
        ]
    )  # fmt: skip
    figure.update_xaxes(title_text="paragraphs in reading order")
    figure.update_yaxes(title_text="theme")
    table = figure_table(figure)
    assert list(table.columns) == ["series", "paragraphs in reading order", "theme", "detail"]
    assert list(table["series"]) == ["Security", "Security", "Aid <b>"]
    assert list(table["paragraphs in reading order"]) == ["1", "4", "2"]
    assert list(table["theme"]) == ["Security", "Security", "Aid <b>"]
    assert list(table["detail"]) == ["A & B · ¶1 first words", "C · ¶2 more", "D · ¶1 text"]


def test_labels_are_unescaped_for_the_table():
    frame = pd.DataFrame({"section_title": ["A <b>"], "hits": [2], "section": ["a"]})
    table = figure_table(charts.hits_figure(frame))
    assert list(table["label"]) == ["A <b>"]


def test_an_empty_figure_gives_an_empty_table():
    assert figure_table(charts.go.Figure()).empty
