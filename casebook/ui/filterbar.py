"""The theme filter at the top of every page it changes, in the words readers know, ids in
the URL.

Streamlit writes a bound widget's *displayed* option into the URL, so a picker showing
labels would turn ``?theme=security`` into ``?theme=Security`` and break old links. The
URL therefore stays bound to a widget of ids, kept out of sight, and the picker readers
use shows labels and hands its choice to it.

The hand-over is done by the run itself, not by an ``on_change`` callback, so that it also
works on a page that reconnected to a new server without reloading (after a restart, or
to another replica). That page talks to a new session, whose first run gets the picker's
new value but no callback (Streamlit knows a widget's callback only once a run of that
session has drawn it), and the bound widget keeps the value the page sent with it. So
each run draws the picker first and compares it with the URL (``st.query_params``):

- the URL changed since the last run (back/forward): the picker shows the URL's value;
- else a picker value unlike the URL's is the reader's choice: it goes into the bound
  widget before that is drawn. Streamlit then writes it into the URL, except in a
  session's first run, where it does not know the widget yet: the run writes it there.

``dashboard.py`` draws the filter after ``st.navigation``: before it, a server's first
run (Streamlit's pages/ folder mode) gives widgets other ids than later runs do, and the
page's values for them would be dropped.
"""

from __future__ import annotations

import streamlit as st

from casebook import markup
from casebook.filtering import MATCH_MODES, clean_selection, themes_phrase
from casebook.model import Codebook
from casebook.pagestyle import KEEP_VIEW_IN_LINKS
from casebook.ui.data import shared
from casebook.ui.routes import FILTER_KEY, MATCH_KEY, match_mode, selected_themes

PICK_KEY = "theme-pick"
URL_STATE_KEY = "url-state"  # containers of bound ids are named url-state*; markup.STYLE hides them


def _shown(pick: str) -> str:
    return f"{pick}-shown"  # what the picker showed, and the URL held, after the last run


def _follow_url(pick: str, url_value) -> bool:
    """Before the picker is drawn: make it show the URL's value if that changed since the
    picker was last drawn. Returns whether the picker needs the URL's value as its default:
    only while it has no value of its own (giving a default to a widget whose value a
    callback or this function has set makes Streamlit log a warning, and is ignored)."""
    shown = st.session_state.get(_shown(pick))
    if shown is not None and shown != url_value:
        st.session_state[pick] = url_value
    return pick not in st.session_state


def _hand_over(key: str, pick: str, url_value, picked, default) -> None:
    """After the picker is drawn, before the bound widget ``key``: the reader's choice
    goes to the bound widget, and into the URL in a session's first run."""
    first_run = _shown(pick) not in st.session_state
    st.session_state[_shown(pick)] = picked  # what the URL holds once this run is done
    if picked == url_value:
        return
    st.session_state[key] = picked
    if first_run:  # the key is not bound yet in this session: it may be written
        if picked == default:
            st.query_params.pop(key, None)  # a default value stays out of the URL
        else:
            st.query_params[key] = picked


def _in_codebook_order(ids: list[str]) -> None:
    """The chips stay in the codebook's order, as every list of themes in the app is."""
    st.session_state[PICK_KEY] = clean_selection(st.session_state[PICK_KEY], ids)


def render_left_out(codebook: Codebook) -> None:
    """Over the page, when the link's filter names themes the codebook does not have, or a
    match other than any/all: what was left out, and what is used instead. Read from the
    URL before the bound widgets take it, since they drop what they do not offer."""
    unknown = list(dict.fromkeys(
        t for t in st.query_params.get_all(FILTER_KEY) if t not in codebook.ids))  # fmt: skip
    match = st.query_params.get(MATCH_KEY)
    parts = []
    if unknown:
        named = ", ".join(markup.quoted_value(t) for t in unknown[:3])
        more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
        themes = ", ".join(markup.md_escape(theme.label) for theme in codebook.themes)
        parts.append(
            f"This link's filter names themes the codebook does not have ({named}{more}): "
            f"they are left out. The themes are {themes}."
        )
    if match is not None and match not in MATCH_MODES:
        whose = "Its" if parts else "This link's"
        shown = markup.quoted_value(match)
        parts.append(f"{whose} match {shown} is neither any nor all: any is used.")
    if parts:
        st.warning(" ".join(parts), icon=":material/help:")


def render_filter(codebook: Codebook, applies: bool = True) -> None:
    """The bound ids (hidden), then the labelled picker and any/all, on one line. The
    picker is drawn first (see the module's docstring). On a page the filter does not
    change (``applies`` false) the line is drawn out of sight, so that the filter stays in
    the URL and the session for the next page, and a filter that is set is named there."""
    labels = codebook.labels
    render_left_out(codebook)
    url_box = st.container(key=URL_STATE_KEY)
    # the script that keeps the view in page links rides on the chips' style: one element
    style = shared(lambda: markup.chip_style(codebook, PICK_KEY) + KEEP_VIEW_IN_LINKS, "chip-style")
    st.html(style, unsafe_allow_javascript=True)
    bar = st.container(
        horizontal=True, vertical_alignment="bottom",
        key="filter-bar" if applies else f"{URL_STATE_KEY}-filter-bar",
    )  # fmt: skip
    in_url = clean_selection(st.query_params.get_all(FILTER_KEY), codebook.ids)
    needs_default = _follow_url(PICK_KEY, in_url)
    picked = bar.multiselect(
        "Filter by theme",
        codebook.ids,
        key=PICK_KEY,
        format_func=labels.__getitem__,
        on_change=_in_codebook_order,
        args=(codebook.ids,),
        placeholder="All themes",
        width=520,
        help="Narrow the pages to these themes: the paragraphs, facts and claims coded "
        "with them. The choice is kept in the page URL.",
        **({"default": in_url} if needs_default else {}),
    )
    _hand_over(FILTER_KEY, PICK_KEY, in_url, picked, default=[])
    url_box.multiselect("Theme ids in the URL", codebook.ids, key=FILTER_KEY, bind="query-params")
    bar.radio(
        "Match",
        MATCH_MODES,
        key=MATCH_KEY,
        bind="query-params",
        horizontal=True,
        width="content",
        help="With several themes: show paragraphs that carry any of them, or all of them.",
    )
    chosen = [] if applies else selected_themes(codebook)
    if chosen:
        named = themes_phrase(chosen, match_mode(), labels)
        st.caption(
            f":material/filter_alt: This page is the same under every filter. The filter "
            f"({markup.md_escape(named)}) is kept for the other pages and in the link."
        )


def labelled_choice(
    box, label: str, options: list[str], labels: dict[str, str], key: str, index: int = 0,
    chosen: str | None = None, **shown,
):  # fmt: skip
    """A selectbox in ``box`` showing ``labels`` whose choice the URL keeps as an id
    (``?key=id``), as the theme filter does; ``options[index]`` when the URL names none.
    ``chosen``: an id a page asked to switch to, shown as if the reader had picked it.
    ``shown`` goes to the selectbox readers use (help, filter_mode). Returns the chosen id."""
    pick = f"{key}-pick"
    url_box = st.container(key=f"{URL_STATE_KEY}-{key}")
    default = options[index] if options else None
    in_url = st.query_params.get(key, default)
    in_url = in_url if in_url in options else default
    needs_default = _follow_url(pick, in_url) and in_url is not None
    if chosen in options:
        st.session_state[pick] = chosen
        needs_default = False
    picked = box.selectbox(
        label,
        options,
        key=pick,
        format_func=labels.__getitem__,
        **({"index": options.index(in_url)} if needs_default else {}),
        **shown,
    )
    _hand_over(key, pick, in_url, picked, default)
    if picked == in_url and st.session_state.get(key, in_url) != in_url:
        st.session_state[key] = in_url  # a value kept over changed options yields to the URL
    return url_box.selectbox(
        f"{label} (id in the URL)", options, key=key, bind="query-params", index=index
    )
