"""What every chart shares: margins and font, label escaping, percent text, colours.

Marks take colours of 3:1 or more against both the light and the dark background;
labels go through :func:`plain`, since Plotly reads a few HTML tags in them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import plotly.graph_objects as go

from casebook.contrast import tint_channels
from casebook.wording import percent as whole_percent

_FONT = {"family": "sans-serif", "size": 13}
VALUE_ROOM = 44  # px right of the plot for a value written beside a full-length bar ("100%")
# Ticks on a count axis: Plotly draws and measures every tick label, one by one, so a step
# of 1 over a search's 1,000 hits held the browser's main thread for about 28 s.
MAX_TICKS = 12


def layout(figure: go.Figure, height: int, margin_r: int = 10, **extra) -> go.Figure:
    """The figure at ``height`` px with the shared margins and font and no legend."""
    figure.update_layout(
        height=height,
        margin={"l": 10, "r": margin_r, "t": 10, "b": 10},
        font=_FONT,
        showlegend=False,
        **extra,
    )
    return figure


def tick_step(largest: float, smallest_step: int = 1) -> int:
    """A whole-number tick step for an axis from 0 to ``largest``: ``smallest_step`` when
    that gives at most MAX_TICKS steps, else the first of 2, 5, 10, 20, 50, ... times it
    that does."""
    step, factors = smallest_step, (2, 2.5, 2)
    while largest / step > MAX_TICKS:
        step = round(step * factors[0])
        factors = (*factors[1:], factors[0])
    return step


def plain(text: str) -> str:
    """Text for a Plotly label: Plotly reads a few HTML tags in labels, so escape them."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrapped(label: str, width: int = 24) -> str:
    """A long axis label on lines of about ``width`` characters, so a phone shows it whole
    (each line escaped as :func:`plain` does)."""
    return "<br>".join(plain(line) for line in textwrap.wrap(label, width)) or plain(label)


def percent(values: Sequence[float]) -> list[str]:
    """Shares as whole percentages, rounded down (:func:`casebook.wording.percent`): 0.254
    and 0.259 are "25%"."""
    return [whole_percent(value) for value in values]


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def rgba(colour: str, alpha: float) -> str:
    """A ``#rrggbb`` colour at opacity ``alpha``, as CSS ``rgba()``."""
    red, green, blue = _rgb(colour)
    return f"rgba({red},{green},{blue},{alpha:.2f})"


def shade(colour: str, share: float) -> str:
    """The theme colour mixed with white: 0 is nearly white, 1 the full colour. Opaque, so
    a cell reads the same on a light or a dark page."""
    return "rgb({},{},{})".format(*tint_channels(colour, share))
