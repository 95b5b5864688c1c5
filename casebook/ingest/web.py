"""Ingest from the browser: an uploaded file or a pasted link, and a case as a zip.

The "Add an article" page (shown only when ``CASEBOOK_UPLOADS=1``) runs the same
pipeline as ``python -m casebook ingest``, with the same limits and messages: an upload
is written under its own name to a temporary folder and read from there; a link is
fetched with ``public_only`` (no hosts on the server's own network) unless
``CASEBOOK_UPLOADS_PRIVATE=1``. A case is never replaced from the browser.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from pathlib import Path, PurePath

from casebook.ingest import pipeline
from casebook.ingest.sectionfiles import slugify
from casebook.ingest.source import EXTENSIONS, MAX_INPUT_BYTES, IngestError

UPLOADS_ENV = "CASEBOOK_UPLOADS"
PRIVATE_ENV = "CASEBOOK_UPLOADS_PRIVATE"
UPLOAD_TYPES = sorted({ext.lstrip(".") for ext in EXTENSIONS})
# The uploader's own limit, in Streamlit's megabytes (MiB), over server.maxUploadSize (1 in
# the image): just above the ingest's, so that the ingest's one-line message says "too large".
UPLOAD_LIMIT_MB = -(-MAX_INPUT_BYTES // 2**20)


def uploads_enabled() -> bool:
    return os.environ.get(UPLOADS_ENV, "").strip() == "1"


def public_only() -> bool:
    return os.environ.get(PRIVATE_ENV, "").strip() != "1"


def suggest_slug(name: str) -> str:
    """A case folder name from a file name or a link's last part ("UN report.pdf" ->
    "un-report")."""
    stem = PurePath(re.sub(r"[?#].*$", "", name.rstrip("/"))).stem
    return slugify(stem)[:40].strip("-") or "new-case"


def _safe_name(name: str) -> str:
    """An upload's name without folders or odd characters, its extension kept."""
    base = PurePath(name.replace("\\", "/")).name
    stem, suffix = os.path.splitext(base)
    return (re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "article") + suffix.lower()


def ingest_upload(name: str, data: bytes, slug: str, content: Path, progress=None):
    """Ingest uploaded bytes as the file ``name``; returns the pipeline's Ingested."""
    if len(data) > MAX_INPUT_BYTES:
        limit = f"the limit is {MAX_INPUT_BYTES:,}"
        raise IngestError(name, f"too large: {len(data):,} bytes ({limit})")
    with tempfile.TemporaryDirectory(prefix="casebook-upload-") as folder:
        path = Path(folder) / _safe_name(name)
        path.write_bytes(data)
        try:
            return pipeline.ingest(path, slug, content, progress=progress or _quiet)
        except IngestError as error:
            raise IngestError(name, error.message) from None


def ingest_link(url: str, slug: str, content: Path, progress=None):
    return pipeline.ingest(
        url.strip(), slug, content, progress=progress or _quiet, public_only=public_only()
    )


def case_zip(folder: Path) -> bytes:
    """The case folder as a zip whose top folder is the case's name, to unpack into
    ``content/``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                archive.write(path, Path(folder.name) / path.relative_to(folder))
    return buffer.getvalue()


def _quiet(_fraction: float) -> None:
    return None
