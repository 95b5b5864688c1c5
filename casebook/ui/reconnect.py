"""A page that reconnected to a new server keeps working when the reader changes the filter.

The filter and the page are a fragment (dashboard.py's ``view``): a change to them asks the
server to rerun that fragment by its id. A page that lost its server (a restart, or a
replica that went away) reconnects by itself to a new session, which has not run the
script yet and holds no fragment. Streamlit 1.67 drops a rerun of a fragment the session
does not hold, so the reader's next click would do nothing. Its browser asks for a full run
after a reconnect only when its last run was a fragment run. Here such a request runs the
whole script instead, with the widget values the page sent: the filter's hand-over
(casebook/ui/filterbar.py) then draws the reader's choice, as it did before the view was a
fragment.
"""

from __future__ import annotations

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime.app_session import AppSession

_PATCHED = "_casebook_whole_run"  # marks the wrapper, so it is put in place once


def rerun_whole_for_unknown_fragments() -> None:
    """Make every session of this server run the whole script when asked to rerun a
    fragment it does not hold. Called once, as the server imports dashboard.py."""
    original = AppSession.request_rerun
    if getattr(original, _PATCHED, False):
        return

    def request_rerun(self: AppSession, client_state: ClientState | None) -> None:
        wanted = client_state.fragment_id if client_state is not None else ""
        if wanted and not self.has_fragment(wanted):
            whole = ClientState()
            whole.CopyFrom(client_state)
            whole.ClearField("fragment_id")
            client_state = whole
        original(self, client_state)

    setattr(request_rerun, _PATCHED, True)
    AppSession.request_rerun = request_rerun
