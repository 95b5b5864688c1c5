"""Shared paths and helpers for the tests."""

from __future__ import annotations

import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from casebook import pagestyle
from casebook.ingest.source import MAX_INPUT_BYTES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny"
BROKEN = FIXTURES / "broken"
CONTENT = ROOT / "content"
CODEBOOK_FILES = ("examples.yaml", "themes.yaml")  # the codebook and the examples its rules use
ARTICLE = (FIXTURES / "ingest" / "messy_post.html").read_bytes()  # the web server's /post


def copy_codebook(folder: Path) -> Path:
    """Put the shipped codebook (and its coded examples) into ``folder``; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in CODEBOOK_FILES:
        shutil.copy(CONTENT / name, folder)
    return folder


def content_entries(folder: Path) -> list[str]:
    """What a content folder holds, less ingests' lock files (``.SLUG.lock``: empty, kept)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny fixture content, at <tmp>/content."""
    target = tmp_path / "content"
    shutil.copytree(TINY, target)
    return target


def open_app(
    content: Path, page: str | None = None, timeout: int = 30, env: dict | None = None, **query
) -> AppTest:
    """The dashboard run on ``content`` (and ``env``'s variables) for ``page`` (a URL path;
    the overview if None) with ``query`` in its URL, in one run as a deep link, failing on
    any exception it shows."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {"CASEBOOK_CONTENT": str(content), **(env or {})}.items():
            patch.setenv(name, value)
        at = AppTest.from_file("../dashboard.py", default_timeout=timeout)
        for key, value in query.items():
            at.query_params[key] = value
        if page:
            at._page_hash = calc_hash(page)  # noqa: SLF001 - see tests/test_app.py
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# The frame's constant script that keeps the view in page links (casebook/pagestyle.py),
# drawn on every page after the filter's chip colours, as st.html keeps it (stripped)
LINK_SCRIPT = pagestyle.KEEP_VIEW_IN_LINKS.strip()


def drawn(at: AppTest) -> list[str]:
    """The bodies of what a run drew as Markdown or as HTML (ui.render_html), page first,
    then sidebar, each in order: where the fragments markup.py builds are found (the
    frame's constant link script left out)."""
    bodies: list[str] = []

    def walk(node) -> None:
        if getattr(node, "type", None) in ("markdown", "html"):
            bodies.append(node.value.replace(LINK_SCRIPT, ""))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    walk(at.sidebar)
    return bodies


# --- a web site on loopback, for ingest by link ------------------------------------------


def site_pages() -> dict[str, tuple[str, bytes]]:
    """The web server's pages: path -> (content type, body)."""
    from tests import unreport  # here, not above: fpdf takes seconds to import

    latin = ("<h1>Caf\xe9 in Gao</h1><p>Security patrols around the caf\xe9 went on every "
             "night and troops kept the road open.</p>")  # fmt: skip
    return {
        "/post": ("text/html; charset=utf-8", ARTICLE),
        "/notes.md": ("text/markdown", (FIXTURES / "ingest" / "messy_post.md").read_bytes()),
        "/report": ("application/pdf", unreport.build()),
        "/image": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        "/latin": ("text/html; charset=iso-8859-1", latin.encode("latin-1")),
    }


class Site(BaseHTTPRequestHandler):
    """The pages, plus what a fetch must survive: /hopN (N redirects before /post), /to-ftp
    (a redirect off http), /huge (no length, over the size limit), /slow (2 s), 404s."""

    pages: dict[str, tuple[str, bytes]] = {}

    def log_message(self, *args) -> None:
        return None

    def redirect(self, status: int, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.end_headers()

    def do_GET(self) -> None:
        if self.path.startswith("/hop"):
            hops = int(self.path[4:] or 0)
            self.redirect(302, f"/hop{hops - 1}" if hops > 1 else "/post")
        elif self.path == "/to-ftp":
            self.redirect(301, "ftp://127.0.0.1/file")
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the limit is found while reading
            chunk = b"<p>" + b"word " * 20_000 + b"</p>"
            for _ in range(MAX_INPUT_BYTES // len(chunk) + 2):
                self.wfile.write(chunk)
        elif self.path == "/slow":
            time.sleep(2)
            self.send_response(200)
            self.end_headers()
        elif self.path in self.pages:
            self.send_page(*self.pages[self.path])
        else:
            self.send_error(404, "Not Found")

    def send_page(self, media: str, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def web_server():
    """:class:`Site` on 127.0.0.1 at a free port, for the session; its base URL."""
    Site.pages = site_pages()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
