"""A section's text as its page draws it: paragraphs with their themes, claim flags and
evidence, runs outside the filter folded, and the column beside the text."""

from __future__ import annotations

from itertools import groupby
from typing import NamedTuple

import pandas as pd
import streamlit as st

from casebook import blockmarkup, filtering, markup, pagestyle, tablemarkup
from casebook.model import Codebook, Section
from casebook.ui.data import CaseTables
from casebook.ui.widgets import render_html
from casebook.wording import counted

# A section with no paragraphs of its own: a heading over sub-sections, an annex of tables.
NO_OWN_TEXT = (
    "No paragraphs of its own to code: its sub-sections, tables and notes are shown as they "
    "are, so it has no coverage chart."
)


class Shown(NamedTuple):
    """A paragraph as drawn: its HTML, the reviewed claims flagged under it, and its
    evidence (HTML, a disclosure opened on request)."""

    html: str
    flags: tuple[str, ...]
    evidence: str


class Folded(NamedTuple):
    """A run of paragraphs outside the filter, folded under one label."""

    label: str
    paragraphs: tuple[Shown, ...]


def shown(row, codebook: Codebook, highlight: bool, target: bool = False, flags=None) -> Shown:
    html = markup.paragraph(
        row.text, row.anchor, row.themes, codebook, row.pinned, highlight, target
    )
    return Shown(html, tuple(flags(row)) if flags else (), markup.evidence(row, codebook))


def paragraph_blocks(
    rows: pd.DataFrame, codebook: Codebook, selected, mode, target: str = "", flags=None,
    extras=(),
) -> tuple[str | Shown | Folded, ...]:  # fmt: skip
    """The text in order, ready to draw (:func:`render_paragraphs`): with a filter, matching
    paragraphs stand out and runs of the others fold under one label. The paragraph a link
    pointed at (``target``) is never folded and is marked. ``extras`` (captions, tables,
    notes, references) stand in their place as HTML, never folded. ``flags(row)`` gives
    the HTML of the claims to flag under a paragraph. Worked out once per view and shared
    (``ui.shared``): a rerun then only draws."""
    mask = filtering.matching(rows, selected, mode) | (rows["anchor"] == target)
    blocks: list[str | Shown | Folded] = []
    folded: list[Shown] = []
    waiting = sorted(extras, key=lambda extra: extra.after)
    if waiting:
        blocks.append(blockmarkup.STYLE)

    def kept_up_to(position: float) -> None:
        while waiting and waiting[0].after < position:
            fold()
            blocks.append(blockmarkup.kept(waiting.pop(0)))

    def fold() -> None:
        if folded:
            label = f"{counted(len(folded), 'paragraph')} outside the filter"
            blocks.append(Folded(label, tuple(folded)))
            folded.clear()

    for row, keep in zip(rows.itertuples(index=False), mask, strict=True):
        kept_up_to(row.position)
        if keep:
            fold()
            matched = bool(selected) and filtering.matches(row.themes, selected, mode)
            blocks.append(shown(row, codebook, matched, row.anchor == target, flags))
        else:
            folded.append(shown(row, codebook, False, flags=flags))
    fold()
    kept_up_to(float("inf"))
    return tuple(blocks)


def paragraph_html(paragraph: Shown) -> str:
    """A paragraph, its claim flags and its evidence, as one piece of HTML."""
    return paragraph.html + "".join(paragraph.flags) + paragraph.evidence


def render_paragraphs(blocks, scroll_to_target: bool = False) -> None:
    """Draw what :func:`paragraph_blocks` worked out: each run of paragraphs (and the blocks
    kept between them) as one element, each folded run as one inside its expander. A
    filter click redraws every element of the page; one per paragraph made a section's
    redraw cost more with its length. ``scroll_to_target`` brings the paragraph a link
    pointed at into view."""
    for folded, run in groupby(blocks, key=lambda block: isinstance(block, Folded)):
        if folded:
            for block in run:
                with st.expander(block.label, icon=":material/unfold_more:"):
                    render_html("".join(paragraph_html(p) for p in block.paragraphs))
        else:
            render_html("".join(paragraph_html(b) if isinstance(b, Shown) else b for b in run))
    if scroll_to_target:
        st.html(pagestyle.SCROLL_TO_FRAGMENT, unsafe_allow_javascript=True)


LEGEND = (
    "Badges: outlined = coded by the rule; solid with 📌 = pinned by an editor. "
    '<span class="cb-screen"><em>Evidence</em>, under a paragraph, opens to show why.</span>'
)


def section_side(section: Section, data: CaseTables, codebook: Codebook) -> str:
    """Beside a section's text, as one fragment (the same in every view, so built once):
    its themes as badges, its coverage bars with its size and the tagging threshold, and
    what the badges mean."""
    tags = data.tags.get(section.slug, [])
    parts = ['<p class="cb-caption">Section themes</p>']
    if tags:
        parts.append(f'<p class="cb-badges">{markup.badges(tags, codebook)}</p>')
    else:
        parts.append('<p class="cb-caption">No theme reaches the tagging threshold here.</p>')
    if section.paragraphs:
        threshold = codebook.rules.section_tag_threshold
        note = (
            f"{counted(section.words, 'word')} in {counted(len(section.paragraphs), 'paragraph')}."
            f" A section carries a theme from {threshold:.0%} coverage."
        )
        rows = data.sections[data.sections["section"] == section.slug]
        parts.append(tablemarkup.coverage_bars(rows, codebook, note))
    else:
        parts.append(f'<p class="cb-caption">{markup.escape(NO_OWN_TEXT)}</p>')
    parts.append(f'<p class="cb-caption">{LEGEND}</p>')
    return "".join(parts)
