"""Ingest by URL: pages served from a local server on 127.0.0.1 only."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from casebook.ingest import fetch, pipeline
from casebook.ingest.source import MAX_INPUT_BYTES, IngestError
from casebook.loader import load_content
from tests import unreport
from tests.conftest import CODEBOOK_FILES, FIXTURES, ROOT, content_entries, copy_codebook

ARTICLE = (FIXTURES / "ingest" / "messy_post.html").read_bytes()
ROUTES = {
    "/post": ("text/html; charset=utf-8", ARTICLE),
    "/notes.md": ("text/markdown", (FIXTURES / "ingest" / "messy_post.md").read_bytes()),
    "/report": ("application/pdf", unreport.build()),
    "/image": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    "/latin": ("text/html; charset=iso-8859-1",
               "<h1>Caf\xe9 in Gao</h1><p>Security patrols around the caf\xe9 went on every "
               "night and troops kept the road open.</p>".encode("latin-1")),
}  # fmt: skip


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        return None

    def do_GET(self) -> None:
        if self.path.startswith("/hop"):
            hops = int(self.path[4:] or 0)
            self.send_response(302)
            self.send_header("Location", f"/hop{hops - 1}" if hops > 1 else "/post")
            self.end_headers()
        elif self.path == "/to-ftp":
            self.send_response(301)
            self.send_header("Location", "ftp://127.0.0.1/file")
            self.end_headers()
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
        elif self.path in ROUTES:
            media, body = ROUTES[self.path]
            self.send_response(200)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404, "Not Found")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_codebook(tmp_path / "content")


def ingest_url(url: str, content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "casebook", "ingest", url, "--case", "web", "--content",
         str(content)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip


def test_a_url_is_read_like_a_file_and_becomes_the_source(server, content):
    result = ingest_url(f"{server}/post", content)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ingested {server}/post (html, utf-8) into ")
    case = load_content(content).case("web")
    assert case.title == "Peacekeeping after MINUSMA: Lessons for the Sahel"
    assert case.source_url == f"{server}/post"
    assert (content / "web" / "source" / "article.html").read_bytes() == ARTICLE


def test_a_pdf_and_markdown_by_url_and_the_server_charset(server, content):
    assert pipeline.ingest(f"{server}/report", "report", content).source.format == "pdf"
    assert pipeline.ingest(f"{server}/notes.md", "notes", content).source.format == "markdown"
    done = pipeline.ingest(f"{server}/latin", "latin", content)
    assert done.case.sections[0].title == "Café in Gao"


def test_up_to_three_redirects_are_followed(server, content):
    assert pipeline.ingest(f"{server}/hop3", "web", content).case.source_url == f"{server}/hop3"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/hop4", "more than 3 redirects"),
        ("/to-ftp", "only http:// and https:// links can be fetched"),
        ("/image", "content type image/png is not an article (HTML, text, PDF)"),
        ("/missing", "the server answered 404 Not Found"),
        ("/huge", f"too large: over {MAX_INPUT_BYTES:,} bytes"),
    ],
)
def test_bad_urls_exit_2_with_one_line_and_write_nothing(server, content, path, message):
    result = ingest_url(f"{server}{path}", content)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.endswith(f": {message}\n") and result.stderr.count("\n") == 1
    assert content_entries(content) == list(CODEBOOK_FILES)


def test_a_slow_server_times_out(server, monkeypatch):
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
    with pytest.raises(IngestError, match=r"no answer within|timed out"):
        fetch.fetch(f"{server}/slow")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/a.txt", "only http:// and https:// links"),
        ("file:///etc/passwd", "only http:// and https:// links"),
        ("http://", "the link names no host"),
        ("http://example.org:99999/", "not a valid URL"),
    ],
)
def test_only_http_links_are_fetched(url, message):
    with pytest.raises(IngestError, match=message):
        fetch.check_url(url)


def test_public_only_refuses_the_servers_own_network(server):
    for url in (f"{server}/post", "http://localhost/", "http://169.254.169.254/latest/",
                "http://10.0.0.1/", "http://[::1]/"):  # fmt: skip
        with pytest.raises(IngestError, match="private network"):
            fetch.fetch(url, public_only=True)
