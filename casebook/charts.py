"""Plotly figures from coverage frames. One colour per theme, from the codebook.

Figures are built with ``plotly.graph_objects`` (much cheaper than plotly
express) and never touch Streamlit. Their shared look is ``chartstyle.py``'s;
the side-by-side comparisons are ``comparecharts.py``'s.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale, unlabel_rgb

from casebook.chartstyle import (
    VALUE_ROOM,
    layout,
    percent,
    plain,
    rgba,
    shade,
    tick_step,
    wrapped,
)
from casebook.contrast import NEUTRAL, text_on
from casebook.model import Codebook
from casebook.wording import percent as share


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
                    "line": {"width": 1, "color": rgba(theme.colour, 0.5)},
                },
                text=percent(values),
                textfont={"color": ["#ffffff" if v >= 0.55 else "#333333" for v in values]},
                hovertemplate=f"%{{y}}<br>{plain(theme.label)}: %{{text}} of words<extra></extra>",
            )
        )
    figure.update_yaxes(autorange="reversed", showgrid=False)
    figure.update_xaxes(side="top", showgrid=False)
    return layout(figure, height=70 + 38 * len(sections))


def theme_by_section_figure(
    section_coverage: pd.DataFrame, theme_id: str, titles: dict[str, str], codebook: Codebook
) -> go.Figure:
    """One theme's coverage in each section, in reading order, in the theme's colour."""
    theme = codebook.theme(theme_id)
    rows = section_coverage[section_coverage["theme"] == theme_id]
    values = list(rows["coverage"])
    bars = go.Bar(
        x=values,
        y=[plain(titles[s]) for s in rows["section"]],
        orientation="h",
        marker={"color": theme.colour},
        text=percent(values),
        textposition="outside",
        textangle=0,
        cliponaxis=False,
        hovertext=[
            f"{plain(titles[r.section])}: {r.coded_words} of {r.total_words} words"
            for r in rows.itertuples(index=False)
        ],
        hoverinfo="text",
    )
    figure = go.Figure(bars)
    figure.update_xaxes(
        range=[0, 1.12], tickformat=".0%", title_text=f"share of words coded {plain(theme.label)}"
    )
    figure.update_yaxes(autorange="reversed")
    return layout(figure, margin_r=VALUE_ROOM, height=60 + 28 * len(values))


def cooccurrence_figure(
    matrix: pd.DataFrame, codebook: Codebook, themes: Sequence[str]
) -> go.Figure:
    """Theme × theme: paragraphs coded with both (cell text), with their overlap (the
    Jaccard index, as a percentage) in the text and the shade. The
    diagonal (a theme with itself, always 1) is left unshaded and says how many paragraphs
    carry the theme, so the scale spreads over the pairs. Each shaded cell's text is black
    or white, whichever stands further off its shade (Plotly's own choice put white on
    the scale's light middle at 3.2:1); the diagonal's takes the page's text colour."""
    labels = [plain(codebook.theme(t).label) for t in themes]
    grid = matrix.set_index(["theme", "other"])

    def cell(a: str, b: str) -> tuple[float | None, str]:
        both, jaccard = int(grid.loc[(a, b), "both"]), float(grid.loc[(a, b), "jaccard"])
        return (None, f"{both} coded") if a == b else (jaccard, f"{both} · {share(jaccard)}")

    cells = [[cell(a, b) for b in themes] for a in themes]
    pairs = [z for row in cells for z, _ in row if z is not None]
    top = max(pairs, default=0) or 1
    heat = go.Heatmap(
        z=[[z for z, _ in row] for row in cells],
        x=labels,
        y=labels,
        zmin=0,
        zmax=top,
        colorscale=COOCCURRENCE_SCALE,
        text=[[text for _, text in row] for row in cells],
        hovertemplate="%{y} and %{x}: %{text}<extra></extra>",
        colorbar={"title": {"text": "overlap"}, "tickformat": ".0%"},
        hoverongaps=False,
    )
    figure = go.Figure(heat)
    for row, y in zip(cells, labels, strict=True):
        for (z, text), x in zip(row, labels, strict=True):
            font = {} if z is None else {"color": text_on(scale_colour(z / top))}
            figure.add_annotation(x=x, y=y, text=text, showarrow=False, font=font)
    figure.update_yaxes(autorange="reversed")
    return layout(figure, height=120 + 60 * len(themes))


COOCCURRENCE_SCALE = "Cividis"  # blue to yellow, read alike with every colour vision


def scale_colour(share: float) -> str:
    """The co-occurrence scale's colour at ``share`` (0 to 1) as ``#rrggbb``."""
    (sampled,) = sample_colorscale(COOCCURRENCE_SCALE, [min(max(share, 0.0), 1.0)])
    return "#{:02x}{:02x}{:02x}".format(*(round(c) for c in unlabel_rgb(sampled)))


def hits_figure(per_section: pd.DataFrame) -> go.Figure:
    """Search hits per section, in reading order (one neutral colour: hits have no theme).
    Each row is as tall as its title's lines need, so wrapped titles never touch."""
    labels = [wrapped(t) for t in per_section["section_title"]]
    bars = go.Bar(
        x=list(per_section["hits"]),
        y=labels,
        orientation="h",
        marker={"color": NEUTRAL},
        text=list(per_section["hits"]),
        textposition="outside",
        textangle=0,
        cliponaxis=False,
        hovertemplate="%{y}: %{x} hits<extra></extra>",
    )
    figure = go.Figure(bars)
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title_text="hits", dtick=tick_step(max(per_section["hits"], default=0)))
    rows = sum(max(40, 16 * (label.count("<br>") + 1) + 12) for label in labels)
    return layout(figure, margin_r=VALUE_ROOM, height=80 + rows)
