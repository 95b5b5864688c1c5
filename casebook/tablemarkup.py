"""The pages' tables of figures as HTML: coverage bars, the sections × themes grid, a
page's key counts, and a small frame as a grid. Real tables, so they read aloud, wrap and
print; every text escaped (``markup.escape``), every share written as ``wording.percent``
writes it."""

from __future__ import annotations

from collections.abc import Sequence

from casebook.contrast import NEUTRAL, cell_colours
from casebook.markup import escape, theme_colour
from casebook.model import Case, Codebook
from casebook.wording import counted, percent


def grid_table(frame) -> str:
    """A small table (a pandas frame) as HTML, every cell and heading escaped as literal
    HTML and literal Markdown (the table is drawn through Markdown)."""
    safe = frame.map(lambda value: escape(str(value)))
    safe.columns = [escape(str(column)) for column in frame.columns]
    return safe.to_html(index=False, escape=False, border=0, classes="cb-grid")


def heat_table(section_coverage, case: Case, codebook: Codebook, caption: str) -> str:
    """Sections (rows, in reading order, sub-sections indented) by themes (columns, those
    in ``section_coverage``, a :func:`casebook.coverage.coverage_by_section` frame): each
    cell's percentage on a shade of its theme's colour, darker with more coverage, and
    its words in its tooltip; a section with no text of its own has a row when sections
    under it do, so that they do not read as parts of the one above. A real table, so it
    reads aloud, wraps and prints."""
    cells = {(r.section, r.theme): r for r in section_coverage.itertuples(index=False)}
    themes = [codebook.theme(t) for t in dict.fromkeys(section_coverage["theme"])]
    head = "".join(
        f'<th scope="col" style="border-bottom-color:{theme_colour(t)}">{escape(t.label)}</th>'
        for t in themes
    )
    coded = {slug for slug, _ in cells}
    parents = {a.slug for slug in coded for a in case.ancestors(slug)}
    rows = []
    for section in case.sections:
        depth = case.depth(section.slug)
        title = f'<th scope="row" class="cb-level-{depth}">{escape(section.nav_title)}</th>'
        if section.slug not in coded:
            if section.slug in parents:  # a heading alone: its row keeps the nesting true
                rows.append(f'<tr>{title}<td colspan="{len(themes)}" class="cb-parent">'
                            "no text of its own: its parts follow</td></tr>")  # fmt: skip
            continue
        tds = []
        for theme in themes:
            cell = cells.get((section.slug, theme.id))
            if cell is None:
                tds.append("<td></td>")
                continue
            background, text = cell_colours(theme_colour(theme), float(cell.coverage))
            words = f"{theme.label}: {cell.coded_words:,} of {cell.total_words:,} words"
            tds.append(
                f'<td style="background:{background};color:{text}" title="{escape(words)}">'
                f"{percent(float(cell.coverage))}</td>"
            )
        rows.append(f"<tr>{title}{''.join(tds)}</tr>")
    return (
        f'<table class="cb-heat"><caption>{escape(caption)}</caption>'
        f'<thead><tr><th scope="col">Section</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def coverage_bars(
    theme_coverage, codebook: Codebook, caption: str, uncoded: float | None = None
) -> str:
    """Themes (rows, in the order of ``theme_coverage``: a frame with ``theme``,
    ``coverage``, ``coded_words``, ``total_words`` and ``paragraphs``), each with a bar as
    long as its share of the words, in its colour, and the share written after it; its
    words and paragraphs in its tooltip. ``uncoded``: a last, grey row for the share in
    paragraphs with no theme. A real table: it reads aloud, wraps and prints, and draws
    with the page (a chart would be redrawn at every change of the filter)."""
    rows = []
    for row in theme_coverage.itertuples(index=False):
        theme = codebook.theme(row.theme)
        words = counted(int(row.total_words), "word")
        detail = (
            f"{theme.label}: {int(row.coded_words):,} of {words} "
            f"in {counted(int(row.paragraphs), 'paragraph')}"
        )
        rows.append(_bar_row(theme.label, float(row.coverage), theme_colour(theme), detail))
    if uncoded is not None:
        detail = "Uncoded: words in paragraphs with no theme"
        rows.append(_bar_row("Uncoded", uncoded, NEUTRAL, detail))
    return (
        f'<table class="cb-bars"><caption>{escape(caption)}</caption>'
        '<thead><tr><th scope="col">Theme</th><th scope="col">Share of words</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _bar_row(label: str, share: float, colour: str, detail: str) -> str:
    width = f"{min(1.0, max(0.0, share)) * 100:.1f}%"
    return (
        f'<tr title="{escape(detail)}"><th scope="row">{escape(label)}</th>'
        f'<td><span class="cb-track"><span class="cb-bar" style="width:{width};'
        f'background:{colour}"></span><span class="cb-value">{percent(share)}</span></span>'
        "</td></tr>"
    )


def counts(items: Sequence[tuple[str, str, str]]) -> str:
    """A page's key counts side by side, each (label, value, a note under it or ""): one
    description list, where metrics took an element and a column each."""
    parts = []
    for label, value, note in items:
        below = f'<span class="cb-count-note">{escape(note)}</span>' if note else ""
        parts.append(f"<div><dt>{escape(label)}</dt><dd>{escape(value)}{below}</dd></div>")
    return f'<dl class="cb-counts">{"".join(parts)}</dl>'
