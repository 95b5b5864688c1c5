"""The theme filter at the top of every page, in the words readers know, ids in the URL.

Streamlit writes a bound widget's *displayed* option into the URL, so a picker showing
labels would turn ``?theme=security`` into ``?theme=Security`` and break old links. The
URL therefore stays bound to a multiselect of ids, kept out of sight, and the picker
readers use shows labels and hands its choice to it.

Known gap: on a page that reconnected to a new server without reloading (after a
restart, or to another replica), the picker's changes reach the new session but the
bound ids keep following the URL, so the view does not change until the page is
reloaded. The any/all switch and the menu, bound or plain links, keep working.
"""

from __future__ import annotations

import streamlit as st

from casebook import markup
from casebook.filtering import MATCH_MODES
from casebook.model import Codebook
from casebook.ui.routes import FILTER_KEY, MATCH_KEY, selected_themes

PICK_KEY = "theme-pick"
URL_STATE_KEY = "url-state"  # containers of bound ids are named url-state*; markup.STYLE hides them


def _hand_over() -> None:
    st.session_state[FILTER_KEY] = list(st.session_state[PICK_KEY])


def render_filter(codebook: Codebook) -> None:
    """The bound ids (hidden), then the labelled picker and any/all, on one line."""
    labels = {theme.id: theme.label for theme in codebook.themes}
    st.container(key=URL_STATE_KEY).multiselect(
        "Theme ids in the URL", codebook.ids, key=FILTER_KEY, bind="query-params"
    )
    st.session_state[PICK_KEY] = selected_themes(codebook)
    st.html(markup.chip_style(codebook, PICK_KEY))
    bar = st.container(horizontal=True, vertical_alignment="bottom", key="filter-bar")
    bar.multiselect(
        "Filter by theme",
        codebook.ids,
        key=PICK_KEY,
        format_func=labels.__getitem__,
        on_change=_hand_over,
        placeholder="All themes",
        width=520,
        help="Show the paragraphs coded with these themes, on every page. "
        "The choice is kept in the page URL.",
    )
    bar.radio(
        "Match",
        MATCH_MODES,
        key=MATCH_KEY,
        bind="query-params",
        horizontal=True,
        width="content",
        help="With several themes: show paragraphs that carry any of them, or all of them.",
    )


def labelled_choice(box, label: str, options: list[str], labels: dict[str, str], key: str, **kw):
    """A selectbox in ``box`` showing ``labels`` whose choice the URL keeps as an id
    (``?key=id``), as the theme filter does. Returns the chosen id."""
    st.container(key=f"{URL_STATE_KEY}-{key}").selectbox(
        f"{label} (id in the URL)", options, key=key, bind="query-params", **kw
    )
    pick = f"{key}-pick"
    st.session_state[pick] = st.session_state[key]
    box.selectbox(
        label,
        options,
        key=pick,
        format_func=labels.__getitem__,
        on_change=lambda: st.session_state.__setitem__(key, st.session_state[pick]),
    )
    return st.session_state[key]
