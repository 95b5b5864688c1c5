"""Link previews: the served page's HTML carries the title and description of the page
its URL names (casebook/preview.py), for crawlers that run no JavaScript. Streamlit 1.67
has no setting for either (streamlit/streamlit#16878, #6567); ``dashboard.py`` serves
itself as an ASGI app, so this middleware adds them to the HTML it sends."""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit import config

from casebook import links, preview
from casebook.ui import data, routes

DESCRIPTIONS = {
    routes.OVERVIEW_URL: "Coverage of each theme, section by section, and every paragraph "
    "read by theme, with the source and the article's own notice.",
    routes.SEARCH_URL: "Search the article: every passage holding the words, in context, "
    "grouped by section.",
    routes.COOCCURRENCE_URL: "How often two themes are coded in the same paragraphs, and "
    "the passages where they meet.",
    routes.COMPARE_SECTIONS_URL: "Two sections side by side: their coverage by theme and "
    "their paragraphs.",
    routes.COMPARE_CASES_URL: "The cases' coverage by theme, side by side.",
    routes.FACTS_URL: "Key facts from the public record, each with its date and sources, "
    "a timeline, and where the sources disagree.",
    routes.CLAIMS_URL: "Statements of the article checked against the public record: "
    "outdated, imprecise, unsourced or contradicted, with the method and reviewer.",
    routes.ABOUT_URL: "How the themes are computed from the text, the codebook, and how "
    "far the tags agree with independent coders.",
}
PAGES = {
    spec.url: (spec.title, DESCRIPTIONS[spec.url])
    for spec in routes.PAGES
    if spec.url in DESCRIPTIONS
}


def head_for(path: str, query: str) -> str | None:
    """The tags for the page at ``path`` (under the server's base path) and ``query``
    (``case=`` chooses the case), or None for an unknown page or content that does not load."""
    content = data.loaded_content()
    if content is None:
        return None
    base = "/" + (config.get_option("server.baseUrlPath") or "").strip("/")
    segment = path.removeprefix(base.rstrip("/")).strip("/") or routes.OVERVIEW_URL
    chosen = parse_qs(query).get(links.CASE_KEY, [""])[0]
    case = next((c for c in content.cases if c.slug == chosen), content.cases[0])
    summary = preview.page_summary(case, content.codebook, segment, PAGES)
    if summary is None:
        return None
    title, description = summary
    return preview.head_tags(links.tab_title(title, case.title), description)


class LinkPreview:
    """ASGI middleware: a GET answered with uncompressed HTML gets the page's tags."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        held: list[Message] = []  # the response start, then its body, while HTML

        async def send_with_tags(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(raw=list(message["headers"]))
                html = headers.get("content-type", "").startswith("text/html")
                if html and "content-encoding" not in headers and message["status"] == 200:
                    held.append(message)
                    return
            elif held:
                held.append(message)
                if not message.get("more_body", False):
                    await self._send_rewritten(scope, held, send)
                return
            await send(message)

        await self.app(scope, receive, send_with_tags)

    @staticmethod
    async def _send_rewritten(scope: Scope, held: list[Message], send: Send) -> None:
        start, *parts = held
        body = b"".join(part.get("body", b"") for part in parts)
        query = scope.get("query_string", b"").decode("latin-1")
        tags = await run_in_threadpool(head_for, scope.get("path", ""), query)
        headers = MutableHeaders(raw=list(start["headers"]))
        if tags:
            body = preview.with_head(body.decode("utf-8"), tags).encode("utf-8")
            for validator in ("etag", "last-modified"):  # they name the file, not this page
                if validator in headers:
                    del headers[validator]
        headers["content-length"] = str(len(body))
        await send({**start, "headers": headers.raw})
        await send({"type": "http.response.body", "body": body})
