"""Citations for a dashboard view: an APA-style line and a BibTeX entry."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from casebook.model import Case


def publisher(case: Case) -> str:
    """The source's site name, from its address (troopdeploy.com)."""
    host = urlparse(case.source_url).hostname or ""
    return host.removeprefix("www.")


def _year(published: str) -> str:
    """The year in a publication date however it is written ("2024-01-20", "20 January
    2024", as ingest keeps a page's own wording), or "" when it names none."""
    match = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", published)
    return match.group() if match else ""


def content_version(root: Path) -> str:
    """A short fingerprint of every file of the content folder (names and bytes): it
    changes with any edit of the text, the codebook or the record, so a citation that
    names it says which version of the content a view showed."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def _reading(permalink: str, version: str) -> str:
    return f"read in casebook{f', content version {version}' if version else ''}, view: {permalink}"


def apa(case: Case, permalink: str, accessed: date, version: str = "") -> str:
    """APA 7 for a web page: author and year where the case knows them, else the title
    leads and the date is (n.d.); "Retrieved … from" only with a source address."""
    site = publisher(case)
    source = f" {site}." if site else ""
    when = f"({_year(case.published) or 'n.d.'})"
    head = f"{case.author}. {when}. {case.title}." if case.author else f"{case.title}. {when}."
    day = f"{accessed:%B} {accessed.day}, {accessed:%Y}"
    retrieved = f" Retrieved {day}, from {case.source_url}" if case.source_url else ""
    return f"{head}{source}{retrieved} ({_reading(permalink, version)})"


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    **{char: "\\" + char for char in "{}%&$#_"},
}


def _bibtex_text(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex(case: Case, permalink: str, accessed: date, version: str = "") -> str:
    key = re.sub(r"[^a-z0-9]+", "", case.slug.lower()) or "case"
    fields = {
        "author": case.author,
        "title": case.title,
        "date": _year(case.published),
        "organization": publisher(case),
        "url": case.source_url,
        "urldate": accessed.isoformat(),
        "note": _reading(permalink, version).capitalize()
        + ("; the article states it was written with AI assistance" if case.notice else ""),
    }
    body = ",\n".join(
        f"  {name} = {{{_bibtex_text(value) if name != 'url' else value}}}"
        for name, value in fields.items()
        if value
    )
    return f"@online{{{key}-{accessed:%Y},\n{body}\n}}"
