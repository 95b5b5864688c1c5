"""Charts as every page draws them: a name for screen readers, the numbers one click away."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from casebook import chartdata

# The toolbar shows on hover (on a phone: after a tap) and offers the PNG download; the
# Plotly logo link, which has no name for screen readers, is left out.
CHART_CONFIG = {"displaylogo": False}


def render_chart(figure: go.Figure, key: str, alt: str, **selection):
    """The chart, named by ``alt`` (its accessible name), and under it an expander with the
    same numbers as a table, drawn only when a reader opens it. Returns the chart's event
    when ``selection`` (on_select=..., selection_mode=...) asks for one."""
    event = st.plotly_chart(figure, key=key, alt=alt, config=CHART_CONFIG, **selection)
    table = st.expander(
        "Data behind this chart", icon=":material/table:", key=f"{key}-data", on_change="rerun"
    )
    if table.open:
        table.dataframe(chartdata.figure_table(figure), hide_index=True)
    return event
