"""Plotly figures from coverage frames. One colour per theme, from the codebook.

Figures are built with ``plotly.graph_objects`` (much cheaper than plotly
express) and never touch Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from casebook.model import Codebook

UNCODED_COLOUR = "#999999"
_FONT = {"family": "sans-serif", "size": 13}


def _layout(figure: go.Figure, height: int, **extra) -> go.Figure:
    figure.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        font=_FONT,
        showlegend=False,
        **extra,
    )
    return figure


def plain(text: str) -> str:
    """Text for a Plotly label: Plotly reads a few HTML tags in labels, so escape them."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _percent(values: Sequence[float]) -> list[str]:
    return [f"{value:.0%}" for value in values]


def theme_coverage_figure(
    frame: pd.DataFrame, codebook: Codebook, uncoded: float | None = None
) -> go.Figure:
    """Horizontal bars: coverage of each theme in ``frame`` (plus the uncoded share)."""
    labels = [plain(codebook.theme(t).label) for t in frame["theme"]]
    colours = [codebook.theme(t).colour for t in frame["theme"]]
    values = list(frame["coverage"])
    hover = [
        f"{label}: {row.coded_words} of {row.total_words} words in {row.paragraphs} paragraph(s)"
        for label, row in zip(labels, frame.itertuples(index=False), strict=True)
    ]
    if uncoded is not None:
        labels, colours = [*labels, "Uncoded"], [*colours, UNCODED_COLOUR]
        values, hover = [*values, uncoded], [*hover, "Uncoded: words in paragraphs with no theme"]
    bars = go.Bar(
        x=values,
        y=labels,
        orientation="h",
        marker={"color": colours},
        text=_percent(values),
        textposition="auto",
        hovertext=hover,
        hoverinfo="text",
    )
    figure = go.Figure(bars)
    figure.update_xaxes(range=[0, 1], tickformat=".0%", title_text="share of words")
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, height=60 + 38 * len(labels))


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _rgba(colour: str, alpha: float) -> str:
    red, green, blue = _rgb(colour)
    return f"rgba({red},{green},{blue},{alpha:.2f})"


def shade(colour: str, share: float) -> str:
    """The theme colour mixed with white: 0 is nearly white, 1 the full colour. Opaque, so
    a cell reads the same on a light or a dark page."""
    weight = 0.06 + 0.94 * share
    mixed = (round(255 + (part - 255) * weight) for part in _rgb(colour))
    return "rgb({},{},{})".format(*mixed)


def coverage_heatmap_figure(
    section_coverage: pd.DataFrame, titles: dict[str, str], codebook: Codebook
) -> go.Figure:
    """Sections (rows, in reading order) × themes: each cell shaded in its theme's colour,
    from nearly white (0%) to full colour (100%), with the percentage written in it."""
    sections = list(dict.fromkeys(section_coverage["section"]))
    figure = go.Figure()
    for theme_id in dict.fromkeys(section_coverage["theme"]):
        theme = codebook.theme(theme_id)
        column = section_coverage[section_coverage["theme"] == theme_id].set_index("section")
        values = [float(column.loc[s, "coverage"]) for s in sections]
        figure.add_trace(
            go.Scatter(
                x=[plain(theme.label)] * len(sections),
                y=[plain(titles[s]) for s in sections],
                mode="markers+text",
                marker={
                    "symbol": "square",
                    "size": 34,
                    "color": [shade(theme.colour, v) for v in values],
                    "line": {"width": 1, "color": _rgba(theme.colour, 0.5)},
                },
                text=_percent(values),
                textfont={"color": ["#ffffff" if v >= 0.55 else "#333333" for v in values]},
                hovertemplate=f"%{{y}}<br>{plain(theme.label)}: %{{text}} of words<extra></extra>",
            )
        )
    figure.update_yaxes(autorange="reversed", showgrid=False)
    figure.update_xaxes(side="top", showgrid=False)
    return _layout(figure, height=70 + 38 * len(sections))
