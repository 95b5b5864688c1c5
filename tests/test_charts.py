"""Plotly figures (casebook/charts.py): the data and colours each trace carries."""

from __future__ import annotations

import pandas as pd
import pytest

from casebook.charts import (
    UNCODED_COLOUR,
    coverage_heatmap_figure,
    plain,
    theme_coverage_figure,
)
from casebook.model import Codebook, Theme

# The shared sample labels and titles; the last of each holds markup Plotly would read.
TITLES = {"mandate": "The mandate", "impact": "Impact <i>& after</i>"}

CODEBOOK = Codebook(
    themes=(
        Theme("security", "Security", "#0072B2", "Armed violence.", ("security",)),
        Theme("political", "Political", "#D55E00", "Governance.", ("election*",)),
        Theme("humanitarian", "Aid <b>& relief</b>", "#009E73", "Relief.", ("aid",)),
    )
)

# coverage_by_theme's shape: 8, 19 and 8 of 28 words.
THEMES = pd.DataFrame(
    {
        "theme": ["security", "political", "humanitarian"],
        "coded_words": [8, 19, 8],
        "paragraphs": [1, 3, 1],
        "total_words": [28, 28, 28],
        "coverage": [8 / 28, 19 / 28, 8 / 28],
    }
)

# coverage_by_section's shape, sections in reading order ("mandate" before "impact").
SECTIONS = pd.DataFrame(
    {
        "section": ["mandate"] * 3 + ["impact"] * 3,
        "theme": ["security", "political", "humanitarian"] * 2,
        "coded_words": [8, 16, 8, 0, 3, 0],
        "paragraphs": [1, 2, 1, 0, 1, 0],
        "total_words": [16, 16, 16, 12, 12, 12],
        "coverage": [0.5, 1.0, 0.5, 0.0, 0.25, 0.0],
    }
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("Security", "Security"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("R&D", "R&amp;D"),
        ("&lt;", "&amp;lt;"),  # the ampersand first, so an entity in the text stays literal
        ('"quoted"', '"quoted"'),
    ],
)
def test_plain(text, expected):
    assert plain(text) == expected


# --- theme_coverage_figure --------------------------------------------------------------


def test_theme_coverage_figure_bars():
    figure = theme_coverage_figure(THEMES[THEMES["theme"] != "humanitarian"], CODEBOOK)
    (bars,) = figure.data
    assert (bars.type, bars.orientation) == ("bar", "h")
    assert bars.x == (8 / 28, 19 / 28)
    assert bars.y == ("Security", "Political")
    assert bars.marker.color == ("#0072B2", "#D55E00")  # the codebook's colours, theme by theme
    assert bars.text == ("29%", "68%")  # 8/28 = 0.2857, 19/28 = 0.6786
    assert bars.hovertext == (
        "Security: 8 of 28 words in 1 paragraph(s)",
        "Political: 19 of 28 words in 3 paragraph(s)",
    )
    assert figure.layout.height == 60 + 38 * 2


def test_theme_coverage_figure_with_the_uncoded_bar():
    figure = theme_coverage_figure(THEMES.iloc[:1], CODEBOOK, uncoded=9 / 28)
    (bars,) = figure.data
    assert bars.y == ("Security", "Uncoded")
    assert bars.x == (8 / 28, 9 / 28)
    assert bars.marker.color == ("#0072B2", UNCODED_COLOUR) == ("#0072B2", "#999999")
    assert bars.text == ("29%", "32%")  # 9/28 = 0.3214
    assert bars.hovertext[-1] == "Uncoded: words in paragraphs with no theme"
    assert figure.layout.height == 60 + 38 * 2


@pytest.mark.parametrize(("uncoded", "bars"), [(None, 2), (0.0, 3)])
def test_uncoded_bar_only_when_asked(uncoded, bars):
    figure = theme_coverage_figure(THEMES.iloc[:2], CODEBOOK, uncoded=uncoded)
    assert len(figure.data[0].y) == bars


def test_theme_coverage_figure_axes():
    figure = theme_coverage_figure(THEMES, CODEBOOK)
    assert tuple(figure.layout.xaxis.range) == (0, 1)
    assert (figure.layout.xaxis.tickformat, figure.layout.yaxis.autorange) == (".0%", "reversed")
    assert figure.layout.showlegend is False


def test_theme_coverage_figure_escapes_theme_labels():
    (bars,) = theme_coverage_figure(THEMES, CODEBOOK).data
    assert bars.y[2] == "Aid &lt;b&gt;&amp; relief&lt;/b&gt;"
    assert not any("<b>" in text for text in bars.hovertext)


# --- coverage_heatmap_figure ------------------------------------------------------------


@pytest.fixture(scope="module")
def heatmap():
    return coverage_heatmap_figure(SECTIONS, TITLES, CODEBOOK)


def test_heatmap_has_one_trace_per_theme_in_its_own_colour(heatmap):
    assert [trace.marker.line.color for trace in heatmap.data] == [
        "rgba(0,114,178,0.50)",  # #0072B2
        "rgba(213,94,0,0.50)",  # #D55E00
        "rgba(0,158,115,0.50)",  # #009E73
    ]


@pytest.mark.parametrize(
    ("index", "label", "text", "fill", "ink"),
    [
        # weight w = 0.06 + 0.94 * coverage; each channel = 255 + (c - 255) * w, rounded.
        # #0072B2 at 0.5 (w 0.53): 255-255*.53=119.85, 255-141*.53=180.27, 255-77*.53=214.19
        # at 0 (w 0.06): 239.7, 246.54, 250.38
        (0, "Security", ("50%", "0%"), ("rgb(120,180,214)", "rgb(240,247,250)"),
         ("#333333", "#333333")),
        # #D55E00 at 1: itself; at 0.25 (w 0.295): 255-42*.295=242.61, 255-161*.295=207.505,
        # 255-255*.295=179.775
        (1, "Political", ("100%", "25%"), ("rgb(213,94,0)", "rgb(243,208,180)"),
         ("#ffffff", "#333333")),  # white ink from 55% up
        # #009E73 at 0.5: 119.85, 255-97*.53=203.59, 255-140*.53=180.8; at 0: 239.7, 249.18, 246.6
        (2, "Aid &lt;b&gt;&amp; relief&lt;/b&gt;", ("50%", "0%"),
         ("rgb(120,204,181)", "rgb(240,249,247)"), ("#333333", "#333333")),
    ],
)  # fmt: skip
def test_heatmap_cells(heatmap, index, label, text, fill, ink):
    trace = heatmap.data[index]
    assert trace.x == (label, label)
    assert trace.y == ("The mandate", "Impact &lt;i&gt;&amp; after&lt;/i&gt;")  # reading order
    assert (trace.text, trace.marker.color, trace.textfont.color) == (text, fill, ink)


@pytest.mark.parametrize(
    ("coverage", "ink"), [(0.5, "#333333"), (0.54, "#333333"), (0.55, "#ffffff"), (0.9, "#ffffff")]
)
def test_heatmap_ink_turns_white_from_55_percent(coverage, ink):
    cell = pd.DataFrame({"section": ["mandate"], "theme": ["security"], "coverage": [coverage]})
    (trace,) = coverage_heatmap_figure(cell, TITLES, CODEBOOK).data
    assert trace.textfont.color == (ink,)


def test_heatmap_hover_names_the_theme_escaped(heatmap):
    assert [trace.hovertemplate for trace in heatmap.data] == [
        "%{y}<br>Security: %{text} of words<extra></extra>",
        "%{y}<br>Political: %{text} of words<extra></extra>",
        "%{y}<br>Aid &lt;b&gt;&amp; relief&lt;/b&gt;: %{text} of words<extra></extra>",
    ]


def test_heatmap_size_follows_the_sections(heatmap):
    assert heatmap.layout.height == 70 + 38 * 2


def test_heatmap_of_one_theme():
    figure = coverage_heatmap_figure(SECTIONS[SECTIONS["theme"] == "political"], TITLES, CODEBOOK)
    assert [(trace.x, trace.text) for trace in figure.data] == [
        (("Political", "Political"), ("100%", "25%"))
    ]


def test_heatmap_escapes_theme_labels_on_the_axis(heatmap):
    assert heatmap.data[2].x == ("Aid &lt;b&gt;&amp; relief&lt;/b&gt;",) * 2
