"""The numbers behind a figure, as a table a reader can read, sort and copy.

Every chart of the app is shown with this table one click away, so nothing it says
depends on seeing colours or hovering with a mouse.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go


def _text(value) -> str:
    """Plotly labels are HTML-escaped and may hold <br>: back to plain text. Dates as dates."""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return html.unescape(str(value).replace("<br>", " "))


def _heatmap_table(trace) -> pd.DataFrame:
    """The grid as shown: one row per y label, one column per x label."""
    columns = [_text(x) for x in trace.x]
    cells = trace.text if trace.text is not None else trace.z
    table = pd.DataFrame([list(map(_text, row)) for row in cells], columns=columns)
    table.insert(0, "", [_text(y) for y in trace.y])
    return table


def _axis_title(figure: go.Figure, axis: str) -> str:
    title = figure.layout[f"{axis}axis"].title.text
    return _text(title) if title else axis


def _trace_table(trace, figure: go.Figure) -> pd.DataFrame:
    """Bars as label and value; points as their x and y, named by the axis titles."""
    if trace.type == "bar":
        horizontal = trace.orientation == "h"
        labels, values = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
        table = pd.DataFrame({"label": [_text(v) for v in labels], "value": list(values)})
    else:
        columns = {_axis_title(figure, "x"): list(trace.x), _axis_title(figure, "y"): list(trace.y)}
        table = pd.DataFrame({k: [_text(v) for v in vs] for k, vs in columns.items()})
    if trace.type != "bar" and trace.text is not None and not isinstance(trace.text, str):
        table["label"] = [_text(t) for t in trace.text]
    if trace.hovertext is not None and not isinstance(trace.hovertext, str):
        table["detail"] = [_text(t) for t in trace.hovertext]
    elif trace.text is not None and not isinstance(trace.text, str):
        table["shown"] = [_text(t) for t in trace.text]
    if trace.name:
        table.insert(0, "series", _text(trace.name))
    return table


def figure_table(figure: go.Figure) -> pd.DataFrame:
    """One row per mark (bar, point) with its label, value and detail; a heatmap as its
    grid of cell texts."""
    traces = list(figure.data)
    if not traces:
        return pd.DataFrame()
    if traces[0].type == "heatmap":
        return _heatmap_table(traces[0])
    parts = [_trace_table(trace, figure) for trace in traces]
    return pd.concat(parts, ignore_index=True)
