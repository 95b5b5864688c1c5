"""Figures for the record beside the text: timeline, attacks per year, strength, claims.

Like ``charts.py``: plotly graph objects from tidy frames, in ``chartstyle.py``'s look,
never Streamlit. Events take the colour of their first theme; claim kinds have colours
of their own, chosen apart from the theme colours.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from casebook.chartstyle import layout, plain, tick_step
from casebook.contrast import NEUTRAL
from casebook.model import Codebook

# Each at least 3:1 against both the light and the dark background (WCAG 1.4.11), and
# never alone: every kind also has a mark of its own and is named beside it.
CLAIM_COLOURS = {
    "outdated": "#B26B00",
    "imprecise": "#2F7FBF",
    "unsourced": "#7A7A7A",
    "contradicted": "#C0306A",
}
CLAIM_MARKS = {"outdated": "◷", "imprecise": "≈", "unsourced": "?", "contradicted": "✕"}


def _colour(themes, codebook: Codebook) -> str:
    known = [t for t in themes if t in codebook.ids]
    return codebook.theme(known[0]).colour if known else NEUTRAL


def timeline_figure(events: pd.DataFrame, codebook: Codebook) -> go.Figure:
    """One row per event, oldest at the top, a dot at its date and its label beside it."""
    events = events.sort_values("when", kind="stable")
    labels = [plain(f"{row.label} ({row.date})") for row in events.itertuples(index=False)]
    dots = go.Scatter(
        x=list(events["when"]),
        y=list(range(len(events))),
        mode="markers+text",
        marker={"size": 11, "color": [_colour(t, codebook) for t in events["themes"]]},
        text=labels,
        textposition=[
            "middle left" if when.year >= 2020 else "middle right" for when in events["when"]
        ],
        hovertext=[plain(v) for v in events["value"]],
        hoverinfo="text",
    )
    figure = go.Figure(dots)
    figure.update_yaxes(visible=False, autorange="reversed")
    figure.update_xaxes(
        showgrid=True, dtick="M12", tickformat="%Y", range=["2011-06-01", "2024-09-01"]
    )
    return layout(figure, height=60 + 24 * len(events))


def attacks_figure(attacks: pd.DataFrame) -> go.Figure:
    """Personnel killed in deliberate attacks, per year, as the UN Staff Union counted them."""
    rows = attacks.sort_values("date")
    years = [int(str(d)[:4]) for d in rows["date"]]
    bars = go.Bar(
        x=years,
        y=list(rows["amount"]),
        marker={"color": CLAIM_COLOURS["contradicted"]},
        text=[f"{a:g}" for a in rows["amount"]],
        textposition="outside",
        hovertext=[plain(f"{v} — {n}") for v, n in zip(rows["value"], rows["note"], strict=True)],
        hoverinfo="text",
    )
    figure = go.Figure(bars)
    figure.update_yaxes(title_text="killed in deliberate attacks", rangemode="tozero")
    figure.update_xaxes(title_text="year", **_year_ticks(years))
    return layout(figure, height=320)


def _year_ticks(years: list[int]) -> dict:
    """A year axis whose labels stay level at any width. Years are numbers, not categories:
    Plotly then picks a step from the axis's width (every year on a desktop, every other
    one on a 390 px phone) where it would label each category and tilt nine of them.
    Over a span of five years or less its step would fall below a year: one year then."""
    span = max(years, default=0) - min(years, default=0) + 1
    return {"type": "linear", "tickformat": "d", **({"dtick": 1} if span <= 5 else {})}


def strength_figure(authorised: pd.DataFrame, deployed: pd.DataFrame) -> go.Figure:
    """The authorised ceiling (a step line) against deployed counts (dots; their categories
    differ from source to source, and the hover says which each counts)."""
    ceiling = authorised.sort_values("when")
    end = pd.Timestamp("2023-06-30")
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=[*ceiling["when"], end],
            y=[*ceiling["amount"], ceiling["amount"].iloc[-1]],
            mode="lines",
            line={"shape": "hv", "color": NEUTRAL, "width": 2},
            name="authorised ceiling (military + police)",
            hovertext=[plain(v) for v in ceiling["value"]] + ["mandate ended 30 Jun 2023"],
            hoverinfo="text",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=list(deployed["when"]),
            y=list(deployed["amount"]),
            mode="markers",
            marker={"size": 10, "color": "#0072B2", "symbol": "diamond"},
            name="deployed (see each point's category)",
            hovertext=[
                plain(f"{row.date}: {row.amount:,.0f} {row.unit}") for row in deployed.itertuples()
            ],
            hoverinfo="text",
        )
    )
    figure.update_yaxes(title_text="personnel", rangemode="tozero", tickformat=",")
    layout(figure, height=340)
    figure.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.2})
    return figure


def claim_counts_figure(counts: pd.DataFrame) -> go.Figure:
    """How many reviewed claims of each kind."""
    bars = go.Bar(
        x=list(counts["claims"]),
        y=list(counts["kind"]),
        orientation="h",
        marker={"color": [CLAIM_COLOURS.get(k, NEUTRAL) for k in counts["kind"]]},
        text=list(counts["claims"]),
        textposition="auto",
    )
    figure = go.Figure(bars)
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title_text="claims", dtick=tick_step(max(counts["claims"], default=0), 5))
    return layout(figure, height=60 + 36 * len(counts))
