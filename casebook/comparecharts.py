"""Figures that set texts side by side: two sections, or several cases, by theme coverage.

Bars keep their theme's colour and each text a hatching of its own; beyond
:data:`GROUPED_CASES` cases, the comparison is drawn as a shaded grid instead.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from casebook.charts import coverage_heatmap_figure
from casebook.chartstyle import layout, percent, plain
from casebook.contrast import NEUTRAL
from casebook.model import Codebook
from casebook.wording import told_apart

_PATTERNS = ("", "/", ".", "x", "-", "|", "+")


def grouped_coverage_figure(
    groups: list[tuple[str, pd.DataFrame]], codebook: Codebook, height: int = 340
) -> go.Figure:
    """Coverage by theme of several texts side by side: bars in the theme colours, one
    hatching per text (the first plain), named in the legend."""
    figure = go.Figure()
    for index, (name, frame) in enumerate(groups):
        figure.add_trace(
            go.Bar(
                x=[plain(codebook.theme(t).label) for t in frame["theme"]],
                y=list(frame["coverage"]),
                name=plain(name),
                marker={
                    "color": [codebook.theme(t).colour for t in frame["theme"]],
                    "pattern": {"shape": _PATTERNS[index % len(_PATTERNS)]},
                    "line": {"width": 1, "color": NEUTRAL},
                },
                text=percent(frame["coverage"]),
                textposition="outside",
            )
        )
    figure.update_yaxes(range=[0, 1.1], tickformat=".0%", title_text="share of words")
    figure.update_xaxes(automargin=True)  # room for the theme names when a phone tilts them
    layout(figure, height=height, barmode="group")
    figure.update_layout(  # the legend over the bars, clear of the theme names under them
        showlegend=True, legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"}
    )
    return figure


def compare_figure(
    first: pd.DataFrame, second: pd.DataFrame, names: tuple[str, str], codebook: Codebook
) -> go.Figure:
    """Two sections' coverage by theme side by side: theme colours, the second hatched."""
    return grouped_coverage_figure([(names[0], first), (names[1], second)], codebook)


GROUPED_CASES = 4  # more cases than this are compared in a grid, one row per case


def cases_figure(by_case: pd.DataFrame, titles: dict[str, str], codebook: Codebook) -> go.Figure:
    """Theme coverage of several cases side by side: theme colours, one hatching per case;
    beyond four cases (hatchings run out, bars crowd), cases × themes as a shaded grid."""
    slugs = list(dict.fromkeys(by_case["case"]))
    if len(slugs) > GROUPED_CASES:
        rows = told_apart({slug: titles.get(slug, slug) for slug in slugs})
        return coverage_heatmap_figure(by_case.rename(columns={"case": "section"}), rows, codebook)
    groups = [(titles.get(case, case), rows) for case, rows in by_case.groupby("case", sort=False)]
    return grouped_coverage_figure(groups, codebook, height=360)
