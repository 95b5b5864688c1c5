"""Unknown nested paths: redirected to their first segment instead of a blank page.

Streamlit serves its page at any unknown path, and the page loads its scripts by
relative links (``./static/js/…``). At ``/foo/bar`` those resolve to ``/foo/static/…``,
which is answered with the page again instead of the scripts, so the browser shows
nothing. Pages here are one segment deep (``/security-improvements``), so a deeper path
that is none of Streamlit's own is sent to its first segment, where Streamlit's
"Page not found" notice and the overview appear.
"""

from __future__ import annotations

from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send
from streamlit import config

# Segments of Streamlit's own routes. The page looks for its server under its own path
# first (/foo/_stcore/health, then /_stcore/health), so none of these is redirected.
RESERVED = frozenset({"_stcore", "static", "media", "component", "app", "auth", "oauth2callback"})


def redirect_target(path: str, base: str) -> str | None:
    """Where to send ``path`` (under the base path ``base``), or None to serve it."""
    prefix = "/" + base.strip("/") if base.strip("/") else ""
    if prefix and not path.startswith(prefix + "/"):
        return None
    segments = [s for s in path[len(prefix) :].split("/") if s]
    if len(segments) < 2 or RESERVED & set(segments):  # the page probes <path>/_stcore/…
        return None
    return f"{prefix}/{segments[0]}"


class NestedPathRedirect:
    """ASGI middleware: GET and HEAD of an unknown nested path get a redirect."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD"):
            base = config.get_option("server.baseUrlPath") or ""
            target = redirect_target(scope.get("path", ""), base)
            if target:
                query = scope.get("query_string", b"").decode("latin-1")
                response = RedirectResponse(target + (f"?{query}" if query else ""), 302)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
