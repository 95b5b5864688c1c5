"""Ingest by URL: pages served from a local server on 127.0.0.1 only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from casebook.ingest import fetch, pipeline
from casebook.ingest.source import MAX_INPUT_BYTES, IngestError
from casebook.loader import load_content
from tests.conftest import ARTICLE, CODEBOOK_FILES, ROOT, content_entries, copy_codebook


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_codebook(tmp_path / "content")


def ingest_url(url: str, content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "casebook", "ingest", url, "--case", "web", "--content",
         str(content)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip


def test_a_url_is_read_like_a_file_and_becomes_the_source(web_server, content):
    result = ingest_url(f"{web_server}/post", content)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ingested {web_server}/post (html, utf-8) into ")
    case = load_content(content).case("web")
    assert case.title == "Peacekeeping after MINUSMA: Lessons for the Sahel"
    assert case.source_url == f"{web_server}/post"
    assert (content / "web" / "source" / "article.html").read_bytes() == ARTICLE


def test_a_pdf_and_markdown_by_url_and_the_server_charset(web_server, content):
    assert pipeline.ingest(f"{web_server}/report", "report", content).source.format == "pdf"
    assert pipeline.ingest(f"{web_server}/notes.md", "notes", content).source.format == "markdown"
    done = pipeline.ingest(f"{web_server}/latin", "latin", content)
    assert done.case.sections[0].title == "Café in Gao"


def test_up_to_three_redirects_are_followed(web_server, content):
    done = pipeline.ingest(f"{web_server}/hop3", "web", content)
    assert done.case.source_url == f"{web_server}/hop3"


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
def test_bad_urls_exit_2_with_one_line_and_write_nothing(web_server, content, path, message):
    result = ingest_url(f"{web_server}{path}", content)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.endswith(f": {message}\n") and result.stderr.count("\n") == 1
    assert content_entries(content) == list(CODEBOOK_FILES)


def test_a_slow_server_times_out(web_server, monkeypatch):
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
    with pytest.raises(IngestError, match=r"no answer within|timed out"):
        fetch.fetch(f"{web_server}/slow")


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


def test_public_only_refuses_the_servers_own_network(web_server):
    for url in (f"{web_server}/post", "http://localhost/", "http://169.254.169.254/latest/",
                "http://10.0.0.1/", "http://[::1]/"):  # fmt: skip
        with pytest.raises(IngestError, match="private network"):
            fetch.fetch(url, public_only=True)
