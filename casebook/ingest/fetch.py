"""Fetch an article by URL, within limits, into a :class:`~casebook.ingest.source.Source`.

Only ``http`` and ``https``; at most :data:`MAX_REDIRECTS` redirects, each to http(s);
:data:`TIMEOUT` seconds for each network wait and :data:`DEADLINE` for the whole
download; no more than :data:`~casebook.ingest.source.MAX_INPUT_BYTES`; and a content
type that is an article: HTML, plain text, Markdown or PDF. Every refusal is an
:class:`IngestError` naming the URL in one line.

``public_only`` (the upload page sets it) also refuses hosts that resolve to loopback,
private, link-local or reserved addresses, so that a server cannot be made to fetch
from its own network.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import PurePosixPath

from casebook.ingest.source import MAX_INPUT_BYTES, IngestError, Source, source_from_bytes

TIMEOUT = 10.0
DEADLINE = 30.0
MAX_REDIRECTS = 3
_CHUNK = 64 * 1024
CONTENT_TYPES = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt",
    "text/markdown": ".md", "text/x-markdown": ".md", "application/pdf": ".pdf",
}  # fmt: skip
USER_AGENT = "casebook-ingest/1 (+https://github.com; reads one article on request)"


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, url: str, public_only: bool):
        self.url, self.public_only, self.count = url, public_only, 0

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self.count += 1
        if self.count > MAX_REDIRECTS:
            raise IngestError(self.url, f"more than {MAX_REDIRECTS} redirects")
        check_url(newurl, self.public_only)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str, public_only: bool = False) -> urllib.parse.SplitResult:
    """The parsed URL, or an IngestError: not http(s), no host, or (``public_only``) a
    host on a private network."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise IngestError(url, "not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise IngestError(url, "only http:// and https:// links can be fetched")
    if not parts.hostname:
        raise IngestError(url, "the link names no host")
    if public_only:
        _refuse_private(url, parts.hostname)
    return parts


def _refuse_private(url: str, host: str) -> None:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        raise IngestError(url, f"host not found: {host}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise IngestError(url, "the host is on a private network; only public sites")


def _content_type(url: str, response) -> tuple[str, str]:
    """(media type, charset) of a response whose type is an article's."""
    header = response.headers.get("Content-Type", "")
    media = header.split(";")[0].strip().lower()
    if media not in CONTENT_TYPES:
        shown = media or "none given"
        raise IngestError(url, f"content type {shown} is not an article (HTML, text, PDF)")
    return media, response.headers.get_content_charset() or ""


def _read(url: str, response) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_INPUT_BYTES:
        raise IngestError(
            url, f"too large: {int(declared):,} bytes (the limit is {MAX_INPUT_BYTES:,})"
        )
    chunks, size, start = [], 0, time.monotonic()
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise IngestError(url, f"too large: over {MAX_INPUT_BYTES:,} bytes")
        if time.monotonic() - start > DEADLINE:
            raise IngestError(url, f"the download took over {DEADLINE:.0f} s")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, public_only: bool = False) -> Source:
    """The article at ``url`` as a Source (its ``origin`` the URL), or an IngestError."""
    parts = check_url(url, public_only)
    opener = urllib.request.build_opener(_Redirects(url, public_only))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            media, charset = _content_type(url, response)
            data = _read(url, response)
    except urllib.error.HTTPError as error:
        raise IngestError(url, f"the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = getattr(error.reason, "strerror", None) or str(error.reason)
        raise IngestError(url, f"cannot be fetched ({reason})") from None
    except TimeoutError:
        raise IngestError(url, f"no answer within {TIMEOUT:.0f} s") from None
    except (OSError, ValueError) as error:
        raise IngestError(url, f"cannot be fetched ({error})") from None
    name = PurePosixPath(parts.path).stem or parts.hostname or "article"
    path = PurePosixPath(name + CONTENT_TYPES[media])
    source = source_from_bytes(path, _decoded_as(data, charset), media)
    source.origin = url
    return source


def _decoded_as(data: bytes, charset: str) -> bytes:
    """Text in the charset the server named, re-encoded as UTF-8 for the usual decoding."""
    if not charset or data.startswith(b"%PDF"):
        return data
    try:
        return data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data
