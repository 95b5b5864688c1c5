"""Read an input file's bytes safely: size, emptiness, binary data, encoding, format.

Every refusal is an :class:`IngestError` naming the file and the problem in
one line; what is accepted with a caveat (an encoding other than UTF-8, an
unknown extension) comes back as a warning.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

MAX_INPUT_BYTES = 5_000_000  # 5 MB: ten times a long report; larger is most likely not an article
ENCODINGS = ("utf-8-sig", "utf-8", "cp1252", "latin-1")  # tried in this order
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf",
}  # fmt: skip
_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
}  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Removed from what is kept: terminal escapes and the like (C0 but tab and line breaks,
# DEL, C1). A text in a single-byte encoding that is mostly bytes above 127 is no text.
_STRIP = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MOSTLY_HIGH = 0.5
_MARKDOWN = re.compile(r"^(?:#{1,6} |\*\*[^*]+\*\*\s*$|[-*] )", re.MULTILINE)


class IngestError(Exception):
    """A file that cannot be ingested, and why, as one line."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(f"{path}: {message}")
        self.path, self.message = str(path), message


@dataclass
class Source:
    path: Path
    text: str
    encoding: str
    format: str
    size: int
    warnings: list[str] = field(default_factory=list)
    data: bytes = b""  # a PDF's bytes (its text is read by casebook.ingest.pdfreader)
    origin: str = ""  # the URL it was fetched from (casebook.ingest.fetch), if any


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise IngestError(path, "is a folder, not a file")
    if not path.is_file():
        if path.is_symlink():
            raise IngestError(path, "a symbolic link that leads to no file (a loop, or gone)")
        raise IngestError(path, "no such file")
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise IngestError(path, f"too large: {size:,} bytes (the limit is {MAX_INPUT_BYTES:,})")
    if size == 0:
        raise IngestError(path, "empty file")
    return path.read_bytes()


def _binary_kind(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    return "binary data" if b"\x00" in data else None


def decode(data: bytes) -> tuple[str, str]:
    """The text and the first encoding of :data:`ENCODINGS` that reads it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("utf-16"), "utf-16"
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig":
            return text, "utf-8 with BOM" if data.startswith(codecs.BOM_UTF8) else "utf-8"
        return text, encoding
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def detect_format(path: Path, text: str) -> tuple[str, str | None]:
    """(format, warning): by extension, else by a look at the text."""
    if path.suffix.lower() in EXTENSIONS:
        return EXTENSIONS[path.suffix.lower()], None
    head = text.lstrip()[:1000].lower()
    if head.startswith("<") and re.search(r"<(?:html|body|p|h[1-6]|div|article)\b", head):
        fmt = "html"
    else:
        fmt = "markdown" if _MARKDOWN.search(text) else "text"
    return fmt, f"unknown extension '{path.suffix}'; read as {fmt}"


def _mostly_high(text: str, encoding: str) -> bool:
    """Bytes that only a single-byte encoding reads, and mostly above 127: no words."""
    if encoding not in ("cp1252", "latin-1") or not text:
        return False
    return sum(ord(char) > 127 for char in text) / len(text) > _MOSTLY_HIGH


def read_source(path: Path) -> Source:
    """The file's text, or an IngestError saying why there is none."""
    data = _read_bytes(path)
    return source_from_bytes(path, data)


def source_from_bytes(path: Path, data: bytes, content_type: str = "") -> Source:
    """As :func:`read_source`, for bytes already read (an upload, a download)."""
    if data.startswith(b"%PDF") or "pdf" in content_type:
        if not data.startswith(b"%PDF"):
            raise IngestError(path, "not a PDF (it does not start with %PDF)")
        return Source(path, "", "binary", "pdf", len(data), data=data)
    if path.suffix.lower() == ".pdf":
        raise IngestError(path, "not a PDF (it does not start with %PDF)")
    kind = _binary_kind(data)
    if kind:
        raise IngestError(path, f"{kind}, not text")
    text, encoding = decode(data)
    if len(_CONTROL.findall(text[:4096])) > 8 or _mostly_high(text[:4096], encoding):
        raise IngestError(path, "binary data, not text")
    text, stripped = _STRIP.subn("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise IngestError(path, "only whitespace, no text")
    source = Source(path, text, encoding, "", len(data))
    if not encoding.startswith("utf-8"):
        source.warnings.append(f"not UTF-8; read as {encoding}")
    if stripped:
        source.warnings.append(f"removed {stripped} control character(s)")
    source.format, warning = detect_format(path, source.text)
    if warning:
        source.warnings.append(warning)
    return source
