"""Link previews: the page's title and description in the HTML it is served with
(casebook/preview.py), added by the server's middleware (casebook/ui/preview.py)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from casebook import preview
from casebook.loader import load_content
from casebook.ui import preview as middleware
from tests.conftest import CONTENT

_CONTENT = load_content(CONTENT)
CASE, CODEBOOK = _CONTENT.case("minusma"), _CONTENT.codebook
PAGES = {"claims": ("Claims checked", "Statements checked.")}
INDEX = "<html><head><meta charset='UTF-8' /><title>Streamlit</title></head><body></body></html>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Short.", "Short."),
        ("  spaced\n out  ", "spaced out"),
        ("word " * 60, ("word " * 39).strip() + "…"),  # cut at a word under 200 characters
        ("a" * 250, "a" * 199 + "…"),  # one long word: cut where it must be
    ],
)
def test_shorten(text, expected):
    assert preview.shorten(text) == expected
    assert len(preview.shorten(text)) <= preview.DESCRIPTION_LIMIT


def test_a_section_is_described_by_its_first_paragraph():
    section = CASE.section("political-stability")
    assert preview.page_summary(CASE, CODEBOOK, "political-stability", PAGES) == (
        "Political stability",
        section.paragraphs[0].text,
    )


def test_a_theme_is_described_by_its_definition_and_a_page_by_its_own_words():
    security = CODEBOOK.theme("security")
    assert preview.page_summary(CASE, CODEBOOK, "theme-security", PAGES) == (
        "Security",
        security.definition,
    )
    assert preview.page_summary(CASE, CODEBOOK, "claims", PAGES) == PAGES["claims"]


@pytest.mark.parametrize("segment", ["nope", "theme-nope", "theme-", "static"])
def test_an_unknown_page_has_no_summary(segment):
    assert preview.page_summary(CASE, CODEBOOK, segment, PAGES) is None


def test_tags_escape_the_title_and_the_description():
    tags = preview.head_tags('A "quoted" <b>title</b>', "Says <script>alert(1)</script> & more")
    assert "<b>" not in tags and "<script>" not in tags
    assert "<title>A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;</title>" in tags
    assert (
        'name="description" content="Says &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"' in tags
    )


def test_the_tags_take_the_place_of_the_page_title():
    html = preview.with_head(INDEX, "<title>T</title><meta name='x' />")
    assert html.count("<title>") == 1 and "<title>T</title><meta name='x' /></head>" in html
    no_title = preview.with_head("<head></head>", "<title>T</title>")
    assert no_title == "<head><title>T</title></head>"


def test_every_fixed_page_has_a_title_and_a_description():
    for title, description in middleware.PAGES.values():
        assert title and 40 <= len(description) <= preview.DESCRIPTION_LIMIT


# --- the middleware, driven as the server drives it ---------------------------------------


def served(path: str, headers: list[tuple[bytes, bytes]], body: bytes, status: int = 200):
    """What the middleware sends for a GET of ``path`` answered with ``body``."""

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": status, "headers": headers})
        half = len(body) // 2
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:]})

    sent = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b""}
    # a loop of its own, in a thread of its own: the browser tests leave one running here
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, middleware.LinkPreview(app)(scope, None, send)).result()
    start = sent[0]
    return dict(start["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


HTML = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", b"87")]
VALIDATORS = [(b"etag", b'"abc"'), (b"last-modified", b"Sun, 29 Nov 2026 10:00:00 GMT")]


def test_the_middleware_adds_the_tags_and_fixes_the_length(monkeypatch):
    monkeypatch.setattr(middleware, "head_for", lambda path, query: f"<title>{path}</title>")
    headers, body = served("/claims", HTML + VALIDATORS, INDEX.encode())
    assert b"<title>/claims</title>" in body and b"Streamlit" not in body
    assert headers[b"content-length"] == str(len(body)).encode()
    assert b"etag" not in headers and b"last-modified" not in headers  # they named the file


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ([(b"content-type", b"application/javascript")], 200),  # a script, not a page
        ([*HTML, (b"content-encoding", b"gzip")], 200),  # compressed: left alone
        (HTML, 304),
    ],
)
def test_the_middleware_leaves_other_responses_alone(monkeypatch, headers, status):
    monkeypatch.setattr(middleware, "head_for", lambda path, query: "<title>X</title>")
    assert served("/claims", headers, INDEX.encode(), status) == (dict(headers), INDEX.encode())


def test_the_middleware_leaves_an_unknown_page_as_served(monkeypatch):
    monkeypatch.setattr(middleware.data, "loaded_content", lambda: _CONTENT)
    assert middleware.head_for("/nope", "") is None
    tags = middleware.head_for("/theme-political", "case=unknown")  # falls back to the first
    assert tags.startswith("<title>Political · Analyzing the Impact of the UN… · casebook")


def test_under_a_base_path_the_page_is_found_after_it(monkeypatch):
    monkeypatch.setattr(middleware.data, "loaded_content", lambda: _CONTENT)
    monkeypatch.setattr(middleware.config, "get_option", lambda name: "casebook")
    assert middleware.head_for("/casebook/theme-political", "").startswith("<title>Political ·")
    assert middleware.head_for("/casebook/", "").startswith("<title>Overview ·")
    assert middleware.head_for("/casebook/nope", "") is None
