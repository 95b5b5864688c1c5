"""Colour contrast as WCAG 2.2 measures it, for text (4.5:1) and marks (3:1).

Pure functions on ``#rrggbb`` colours: the relative luminance, the ratio of two colours,
and a darker shade of a colour that reaches a given ratio against a background.
"""

from __future__ import annotations

TEXT, MARK = 4.5, 3.0  # WCAG 1.4.3 (normal text) and 1.4.11 (graphics, control borders)
LIGHT_BACKGROUND, DARK_BACKGROUND = "#ffffff", "#171614"  # Streamlit 1.67's two themes
NEUTRAL = "#7A7A7A"  # uncoded words, in charts and bars: 4.3:1 on white, 4.2:1 on the dark


def _channels(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    red, green, blue = (_linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def ratio(first: str, second: str) -> float:
    """The contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def darker(colour: str, against: str = LIGHT_BACKGROUND, target: float = TEXT) -> str:
    """The colour itself if it reaches ``target`` against ``against``, else the lightest
    shade of it (mixed with black, in steps of 2%) that does."""
    if ratio(colour, against) >= target:
        return colour
    red, green, blue = _channels(colour)
    for step in range(1, 51):
        keep = 1 - step / 50
        shade = f"#{round(red * keep):02x}{round(green * keep):02x}{round(blue * keep):02x}"
        if ratio(shade, against) >= target:
            return shade
    return "#000000"


def tint_channels(colour: str, share: float) -> tuple[int, int, int]:
    """The colour mixed with white by ``share``: 0 is nearly white, 1 the colour itself."""
    weight = 0.06 + 0.94 * min(1.0, max(0.0, share))
    red, green, blue = (round(255 + (part - 255) * weight) for part in _channels(colour))
    return red, green, blue


def cell_colours(colour: str, share: float) -> tuple[str, str]:
    """A table cell's background for ``share`` (:func:`tint_channels`, as ``#rrggbb``) and
    its text colour, black or white, whichever stands further off: at least 4.5:1 against
    any background."""
    background = "#{:02x}{:02x}{:02x}".format(*tint_channels(colour, share))
    return background, text_on(background)


def text_on(background: str) -> str:
    """Black or white, whichever stands further off ``background`` (at least 4.5:1 on any)."""
    return "#000000" if ratio("#000000", background) >= ratio("#ffffff", background) else "#ffffff"
