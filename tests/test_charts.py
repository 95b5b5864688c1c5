"""Plotly figures (casebook/charts.py, chartstyle.py, comparecharts.py, recordcharts.py): what each trace
carries, its data and its colours."""

from __future__ import annotations

import pandas as pd
import pytest

from casebook import contrast
from casebook.charts import (
    cooccurrence_figure,
    coverage_heatmap_figure,
    hits_figure,
    scale_colour,
    theme_by_section_figure,
)
from casebook.chartstyle import MAX_TICKS, plain, tick_step, wrapped
from casebook.comparecharts import compare_figure
from casebook.model import Codebook, Theme
from casebook.recordcharts import attacks_figure

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


# --- theme_by_section_figure ------------------------------------------------------------


@pytest.mark.parametrize(
    ("theme", "colour", "values", "text", "hover", "axis"),
    [
        (
            "political",
            "#D55E00",
            (1.0, 0.25),
            ("100%", "25%"),
            ("The mandate: 16 of 16 words", "Impact &lt;i&gt;&amp; after&lt;/i&gt;: 3 of 12 words"),
            "share of words coded Political",
        ),
        (
            "humanitarian",
            "#009E73",
            (0.5, 0.0),
            ("50%", "0%"),
            ("The mandate: 8 of 16 words", "Impact &lt;i&gt;&amp; after&lt;/i&gt;: 0 of 12 words"),
            "share of words coded Aid &lt;b&gt;&amp; relief&lt;/b&gt;",
        ),
    ],
)
def test_theme_by_section_figure(theme, colour, values, text, hover, axis):
    figure = theme_by_section_figure(SECTIONS, theme, TITLES, CODEBOOK)
    (bars,) = figure.data
    assert (bars.type, bars.orientation, bars.marker.color) == ("bar", "h", colour)
    assert bars.y == ("The mandate", "Impact &lt;i&gt;&amp; after&lt;/i&gt;")  # reading order
    assert (bars.x, bars.text, bars.hovertext) == (values, text, hover)
    assert figure.layout.xaxis.title.text == axis
    assert tuple(figure.layout.xaxis.range) == (0, 1.12)
    assert (figure.layout.yaxis.autorange, figure.layout.height) == ("reversed", 60 + 28 * 2)


# --- cooccurrence_figure ----------------------------------------------------------------

# relations.cooccurrence's shape: security in 3 paragraphs, political in 2, one in common
# (either 4, Jaccard 1/4); humanitarian in 2, one shared with security (either 4) and none
# with political (either 3).
MATRIX = pd.DataFrame(
    [
        ("security", "security", 3, 3, 1.0),
        ("security", "political", 1, 4, 1 / 4),
        ("security", "humanitarian", 1, 4, 1 / 4),
        ("political", "security", 1, 4, 1 / 4),
        ("political", "political", 2, 2, 1.0),
        ("political", "humanitarian", 0, 3, 0.0),
        ("humanitarian", "security", 1, 4, 1 / 4),
        ("humanitarian", "political", 0, 3, 0.0),
        ("humanitarian", "humanitarian", 2, 2, 1.0),
    ],
    columns=["theme", "other", "both", "either", "jaccard"],
)


def test_cooccurrence_figure_cells():
    (heat,) = cooccurrence_figure(MATRIX, CODEBOOK, ["security", "political"]).data
    assert heat.type == "heatmap"
    assert heat.x == heat.y == ("Security", "Political")
    assert heat.z == ([None, 0.25], [0.25, None])  # a theme with itself is no pair
    assert heat.text == (["3 coded", "1 · 25%"], ["1 · 25%", "2 coded"])
    # the scale spans the pairs, not the diagonal's constant 1
    assert (heat.zmin, heat.zmax) == (0, 0.25)


def test_cooccurrence_cell_texts_stand_off_their_shades():
    """Each cell's text is written on it; on a shaded cell black or white, whichever
    reads at 4.5:1 or more there; on the diagonal the page's own text colour."""
    themes = ["security", "political", "humanitarian"]
    figure = cooccurrence_figure(MATRIX, CODEBOOK, themes)
    (heat,) = figure.data
    written = {(a.y, a.x): (a.text, a.font.color) for a in figure.layout.annotations}
    assert len(written) == len(themes) ** 2
    for y, row, texts in zip(heat.y, heat.z, heat.text, strict=True):
        for x, z, text in zip(heat.x, row, texts, strict=True):
            shown, colour = written[(y, x)]
            assert shown == text
            if z is None:
                assert colour is None
            else:
                assert contrast.ratio(colour, scale_colour(z / heat.zmax)) >= 4.5


@pytest.mark.parametrize(("share", "text"), [(0.0, "#ffffff"), (0.75, "#000000"), (1.0, "#000000")])
def test_the_scale_is_dark_blue_to_yellow_with_text_to_match(share, text):
    assert contrast.text_on(scale_colour(share)) == text


def test_cooccurrence_figure_follows_the_themes_asked_and_escapes_labels():
    figure = cooccurrence_figure(MATRIX, CODEBOOK, ["humanitarian", "political"])
    (heat,) = figure.data
    assert heat.x == ("Aid &lt;b&gt;&amp; relief&lt;/b&gt;", "Political")
    assert heat.text == (["2 coded", "0 · 0%"], ["0 · 0%", "2 coded"])
    assert heat.zmax == 1  # no pair shares a paragraph: the scale falls back to 0-1
    assert (figure.layout.yaxis.autorange, figure.layout.height) == ("reversed", 120 + 60 * 2)


def test_cooccurrence_figure_rounds_jaccard_to_two_places():
    third = pd.DataFrame(
        [("security", "security", 3, 3, 1.0), ("security", "political", 1, 3, 1 / 3),
         ("political", "security", 1, 3, 1 / 3), ("political", "political", 1, 1, 1.0)],
        columns=["theme", "other", "both", "either", "jaccard"],
    )  # fmt: skip
    (heat,) = cooccurrence_figure(third, CODEBOOK, ["security", "political"]).data
    assert heat.text[0][1] == "1 · 33%"


# --- compare_figure ---------------------------------------------------------------------


def test_compare_figure_two_traces_the_second_hatched():
    first = SECTIONS[SECTIONS["section"] == "mandate"]
    second = SECTIONS[SECTIONS["section"] == "impact"]
    figure = compare_figure(first, second, ("The mandate", TITLES["impact"]), CODEBOOK)
    one, two = figure.data
    assert (one.name, two.name) == ("The mandate", "Impact &lt;i&gt;&amp; after&lt;/i&gt;")
    assert (one.marker.pattern.shape, two.marker.pattern.shape) == ("", "/")
    labels = ("Security", "Political", "Aid &lt;b&gt;&amp; relief&lt;/b&gt;")
    colours = ("#0072B2", "#D55E00", "#009E73")
    assert (one.x, one.marker.color) == (labels, colours)
    assert (two.x, two.marker.color) == (labels, colours)  # both in the theme colours
    assert (one.y, one.text) == ((0.5, 1.0, 0.5), ("50%", "100%", "50%"))
    assert (two.y, two.text) == ((0.0, 0.25, 0.0), ("0%", "25%", "0%"))


def test_compare_figure_layout():
    figure = compare_figure(THEMES, THEMES, ("A", "B"), CODEBOOK)
    assert (figure.layout.barmode, figure.layout.showlegend) == ("group", True)
    assert tuple(figure.layout.yaxis.range) == (0, 1.1)
    assert figure.layout.yaxis.tickformat == ".0%"


# --- hits_figure ------------------------------------------------------------------------


def test_hits_figure():
    per_section = pd.DataFrame(
        {
            "section": ["mandate", "impact"],
            "section_title": ["The mandate", TITLES["impact"]],
            "paragraphs": [2, 1],
            "hits": [3, 1],
        }
    )
    figure = hits_figure(per_section)
    (bars,) = figure.data
    assert (bars.type, bars.orientation, bars.marker.color) == ("bar", "h", "#7A7A7A")
    assert bars.y == ("The mandate", "Impact &lt;i&gt;&amp; after&lt;/i&gt;")  # order given
    assert (bars.x, bars.text) == ((3, 1), ("3", "1"))
    assert (bars.textposition, bars.textangle) == ("outside", 0)  # counts never sideways
    assert bars.hovertemplate == "%{y}: %{x} hits<extra></extra>"
    assert (figure.layout.yaxis.autorange, figure.layout.height) == (
        "reversed",
        80 + 40 * 2,
    )  # one line each: 40 px a row
    assert figure.layout.xaxis.dtick == 1


@pytest.mark.parametrize(
    ("largest", "smallest", "step"),
    [(0, 1, 1), (3, 1, 1), (12, 1, 1), (13, 1, 2), (25, 1, 5), (100, 1, 10), (1000, 1, 100),
     (51, 5, 5), (61, 5, 10), (3000, 5, 250)],
)  # fmt: skip
def test_tick_step_keeps_a_count_axis_to_a_dozen_whole_ticks(largest, smallest, step):
    assert tick_step(largest, smallest) == step


def test_hits_figure_draws_a_bounded_number_of_ticks_for_any_count():
    """Plotly measures every tick label: one a hit over 1,000 hits held the browser for
    about 28 s (bench/bench_long_search.py)."""
    for hits in (1, 12, 147, 1_000, 100_000):
        per_section = pd.DataFrame(
            {"section": ["s"], "section_title": ["S"], "paragraphs": [1], "hits": [hits]}
        )
        dtick = hits_figure(per_section).layout.xaxis.dtick
        assert dtick == int(dtick) >= 1
        assert hits / dtick <= MAX_TICKS == 12


def test_hits_figure_gives_a_wrapped_title_room_for_its_lines():
    title = "Background and Context of the UN Mission in Mali"  # three lines of 24 characters
    per_section = pd.DataFrame(
        {"section": ["a", "b"], "section_title": [title, "Short"], "paragraphs": [1, 1],
         "hits": [1, 1]}
    )  # fmt: skip
    figure = hits_figure(per_section)
    assert figure.data[0].y[0].count("<br>") == 2
    assert figure.layout.height == 80 + (16 * 3 + 12) + 40


def test_long_labels_wrap_and_each_line_is_escaped():
    title = "Challenges and Obstacles Faced <During> the Mission"
    assert wrapped(title) == "Challenges and Obstacles<br>Faced &lt;During&gt; the<br>Mission"
    assert wrapped("Short") == "Short"


# --- recordcharts.attacks_figure ----------------------------------------------------------


def attacks(years: list[int]) -> pd.DataFrame:
    """facts_frame's columns that the attacks chart reads, one row a year."""
    return pd.DataFrame(
        {
            "date": [str(y) for y in years],
            "amount": [float(n) for n in range(len(years))],
            "value": [f"{n} killed" for n in range(len(years))],
            "note": [""] * len(years),
        }
    )


def test_attacks_figure_years_are_numbers_so_a_phone_spaces_them_level():
    """Nine years as categories: Plotly labels every one and tilts them on a 390 px
    phone. As numbers with no fixed step, it spaces the ticks by the axis's width."""
    figure = attacks_figure(attacks(list(range(2022, 2013, -1))))
    axis = figure.layout.xaxis
    assert figure.data[0].x == tuple(range(2014, 2023))  # oldest first, whole years
    assert (axis.type, axis.tickformat, axis.title.text) == ("linear", "d", "year")
    assert axis.dtick is None and axis.tickmode is None and axis.tickangle is None


@pytest.mark.parametrize("years", [[2020], [2019, 2023], [2014, 2015, 2016]])
def test_attacks_figure_over_five_years_or_less_ticks_every_year(years):
    """Plotly's own step would fall to half a year there ("2019", "2019", "2020", ...)."""
    axis = attacks_figure(attacks(years)).layout.xaxis
    assert (axis.type, axis.tickformat, axis.dtick) == ("linear", "d", 1)
