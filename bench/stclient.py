"""A Streamlit client without a browser: one session over /_stcore/stream.

It speaks the browser's protocol: a protobuf ``BackMsg`` with ``rerun_script`` (the page,
its query string, the widget values, the hashes of messages it already holds) and reads
``ForwardMsg`` until ``script_finished``. A rerun fails on a timeout, a closed socket, a
script that did not finish successfully, or an exception drawn on the page.

A filter change is sent as a reader makes it. In the dashboard that is a pick in its theme
picker, sent as Chromium sends it (recorded from its websocket): every widget's value, and
the id of the fragment the picker is drawn in, were it in one (the server would rerun that
fragment alone; the dashboard draws none). In an app without that picker
(bench/apps/bare_filter.py) it is the new value of its "Themes" widget, with the matching
query string. A session's first run, the page load, is a shared link: the query string
alone.
Loopback only.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

THEMES = ("security", "political", "humanitarian", "partnerships")
# The filters the sessions cycle through: none, one theme, two themes.
FILTERS: tuple[tuple[str, ...], ...] = (
    (),
    ("security",),
    ("political",),
    ("security", "political"),
    ("humanitarian",),
    ("partnerships",),
    ("humanitarian", "partnerships"),
    ("security", "humanitarian"),
)
FINISHED_OK = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
RERUN_TIMEOUT = 60.0  # seconds; a rerun slower than this counts as an error


# The dashboard's filter: the picker readers use (it shows labels: in the shipped codebook,
# the ids capitalised), the URL's ids, the any/all switch.
PICKER, BOUND, MATCH = "Filter by theme", "Theme ids in the URL", "Match"


def _query(themes: tuple[str, ...]) -> str:
    return urlencode([("theme", t) for t in themes])


def filter_for(session: int, step: int) -> tuple[str, ...]:
    return FILTERS[(session + step) % len(FILTERS)]


@dataclass
class Rerun:
    seconds: float
    ok: bool
    error: str = ""
    deltas: int = 0  # elements and blocks the run drew (each a ForwardMsg delta)


@dataclass
class Session:
    """One browser tab's worth of session, driven by hand."""

    url: str  # http://127.0.0.1:PORT
    page: str = ""  # the URL path of the page, "" for the default page
    socket: object = None
    widget_ids: dict[str, str] = field(default_factory=dict)  # label -> widget id
    fragments: dict[str, str] = field(default_factory=dict)  # label -> its fragment's id
    themes: tuple[str, ...] = ()  # the filter the page shows (its URL's)
    cached: set[str] = field(default_factory=set)
    deltas: int = 0  # in the current or last rerun

    async def connect(self) -> None:
        stream = self.url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.socket = await websockets.connect(
            stream, subprotocols=["streamlit"], max_size=None, open_timeout=RERUN_TIMEOUT
        )

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    def _back_msg(self, themes: tuple[str, ...] | None) -> bytes:
        message = BackMsg()
        rerun = message.rerun_script
        rerun.page_name = self.page
        # The page's address without its query, as a browser sends it (st.context.url)
        rerun.context_info.url = f"{self.url}/{self.page}"
        rerun.cached_message_hashes.extend(sorted(self.cached))
        picker = self.widget_ids.get(PICKER)
        if themes is not None and picker:  # the dashboard: a reader picks in its filter
            self._pick(rerun, picker, themes)
            return message.SerializeToString()
        rerun.query_string = _query(themes or ())
        widget = self.widget_ids.get("Themes")
        if themes is not None and widget:  # the reader changed the filter in the sidebar
            state = rerun.widget_states.widgets.add()
            state.id = widget
            state.string_array_value.data.extend(themes)
        if themes is not None:
            self.themes = themes
        return message.SerializeToString()

    def _pick(self, rerun, picker: str, themes: tuple[str, ...]) -> None:
        """What a browser sends when the reader picks themes in the dashboard's picker
        (recorded from Chromium): the address as it was, every widget's value (the picker's
        new labels, the URL's ids as they were, the match), and the picker's fragment."""
        rerun.query_string = _query(self.themes)
        for label, value in (
            (PICKER, [t.capitalize() for t in themes]),
            (BOUND, list(self.themes)),
        ):
            state = rerun.widget_states.widgets.add()
            state.id = self.widget_ids[label]
            state.string_array_value.data.extend(value)
        if MATCH in self.widget_ids:
            state = rerun.widget_states.widgets.add()
            state.id = self.widget_ids[MATCH]
            state.string_value = "any"
        rerun.fragment_id = self.fragments.get(PICKER, "")
        self.themes = themes

    async def rerun(self, themes: tuple[str, ...] | None = None) -> Rerun:
        """Run the page (the first call is the page load); ``themes`` sets the filter."""
        started = time.perf_counter()
        self.deltas = 0
        try:
            await self.socket.send(self._back_msg(themes))
            error = await asyncio.wait_for(self._until_finished(), RERUN_TIMEOUT)
        except TimeoutError:
            error = f"no script_finished within {RERUN_TIMEOUT:.0f} s"
        except (OSError, websockets.WebSocketException) as problem:
            error = f"{type(problem).__name__}: {problem}"
        return Rerun(time.perf_counter() - started, not error, error, self.deltas)

    async def _until_finished(self) -> str:
        error = ""
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self.socket.recv())
            if message.metadata.cacheable and message.hash:
                self.cached.add(message.hash)
            kind = message.WhichOneof("type")
            self.deltas += kind == "delta"
            if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                error = error or self._note(message.delta.new_element, message.delta.fragment_id)
            elif kind == "script_finished":
                if message.script_finished not in FINISHED_OK:
                    error = error or f"script_finished status {message.script_finished}"
                return error

    def _note(self, element, fragment: str = "") -> str:
        """Remember widget ids by label; report an exception drawn on the page."""
        kind = element.WhichOneof("type")
        if kind == "exception":
            return f"exception on the page: {element.exception.type}"
        widget = getattr(element, kind, None) if kind else None
        label, widget_id = getattr(widget, "label", None), getattr(widget, "id", None)
        if isinstance(label, str) and isinstance(widget_id, str) and widget_id:
            self.widget_ids.setdefault(label, widget_id)
            if fragment:
                self.fragments.setdefault(label, fragment)
        return ""


async def open_sessions(
    url: str, count: int, page: str = "", batch: int = 20
) -> tuple[list[Session], list[Rerun]]:
    """``count`` sessions that have each loaded the page once, opened ``batch`` at a time."""
    sessions: list[Session] = []
    loads: list[Rerun] = []

    async def one(index: int) -> None:
        session = Session(url, page)
        try:
            await session.connect()
        except (OSError, TimeoutError, websockets.WebSocketException) as problem:
            loads.append(Rerun(0.0, False, f"connect: {problem}"))
            return
        sessions.append(session)
        loads.append(await session.rerun(filter_for(index, 0)))

    for start in range(0, count, batch):
        await asyncio.gather(*(one(i) for i in range(start, min(count, start + batch))))
    return sessions, loads


async def close_all(sessions: list[Session]) -> None:
    await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)
