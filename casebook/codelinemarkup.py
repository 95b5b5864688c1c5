"""The codeline as HTML: every paragraph in reading order along a row per theme, a mark
where the paragraph is coded (NVivo's coding stripes), thin lines where sections start.

Each mark is a link to its paragraph, named in its tooltip. It is a CSS grid, not a
chart: a filter change redraws it with the page, where a Plotly chart costs the browser
about 60 ms to redraw (bench/RESULTS.md, "Filter change"), and it prints and zooms as text
does. Keyboard and screen-reader readers get the same paragraphs as a list of links under
it (``ui.render_codeline``); the grid itself is hidden from them, its marks kept out of the
tab order, and a sentence says what it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from casebook.chartstyle import tick_step
from casebook.markup import escape, theme_colour
from casebook.model import Codebook
from casebook.wording import counted

AXIS_TITLE = "paragraphs in reading order"


def first_words(text: str, count: int = 8) -> str:
    """The opening ``count`` words of a paragraph, "…" after them only when it goes on."""
    parts = text.split()
    return " ".join(parts[:count]) + (" …" if len(parts) > count else "")


def codeline(
    paragraphs: pd.DataFrame,
    titles: dict[str, str],
    codebook: Codebook,
    themes: Sequence[str],
    href: Callable[[object], str],
) -> str:
    """``paragraphs`` (a paragraph table: ``section``, ``position``, ``text``, ``themes``,
    in reading order), one row for each of ``themes`` in that order. ``titles`` names the
    sections in tooltips; ``href(row)`` is where a mark leads."""
    total = len(paragraphs)
    if not total or not themes:
        return '<p class="cb-muted">No paragraphs to show.</p>'
    rows = list(paragraphs.itertuples(index=False))
    marks, coded = [], []
    for line, theme_id in enumerate(themes, 1):
        theme = codebook.theme(theme_id)
        colour = theme_colour(theme)
        found = 0
        for column, row in enumerate(rows, 2):  # column 1 holds the theme's name
            if theme_id not in row.themes:
                continue
            found += 1
            tip = f"{theme.label}: {titles[row.section]} · {row.mark}: {first_words(row.text)}"
            marks.append(
                f'<a class="cb-cl-mark" href="{escape(href(row))}" tabindex="-1" '
                f'title="{escape(tip)}" style="grid-area:{line}/{column};background:{colour}"></a>'
            )
        coded.append(f"{theme.label} ({found})")
        name = escape(theme.label)
        marks.append(f'<span class="cb-cl-theme" style="grid-area:{line}/1">{name}</span>')
    below = len(themes) + 1
    starts = [n for n in range(1, total) if rows[n].section != rows[n - 1].section]
    lines = [
        f'<span class="cb-cl-start" style="grid-area:1/{n + 2}/{below}/{n + 2}"></span>'
        for n in starts
    ]
    step = tick_step(total, smallest_step=5)
    ticks = [
        f'<span class="cb-cl-tick" style="grid-area:{below}/{n + 1}">{n}</span>'
        for n in range(step, total + 1, step)
    ]
    summary = (
        f"The codeline: {counted(total, 'paragraph')} in reading order, with those coded "
        f"{', '.join(coded)}. Every paragraph is a link in the list under it."
    )
    grid = "".join(lines + marks + ticks)
    return (
        f'<figure class="cb-codeline"><p class="cb-sr">{escape(summary)}</p>'
        f'<div class="cb-cl" aria-hidden="true" '
        f'style="grid-template-columns:max-content repeat({total},minmax(0,1fr))">{grid}</div>'
        f'<figcaption aria-hidden="true">{AXIS_TITLE}</figcaption></figure>'
    )
