"""Citations for a dashboard view: an APA-style line and a BibTeX entry."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlparse

from casebook.model import Case


def publisher(case: Case) -> str:
    """The source's site name, from its address (troopdeploy.com)."""
    host = urlparse(case.source_url).hostname or ""
    return host.removeprefix("www.")


def apa(case: Case, permalink: str, accessed: date) -> str:
    """APA 7 for a web page without author or date: the title leads."""
    site = publisher(case)
    source = f" {site}." if site else ""
    url = f" {case.source_url}" if case.source_url else ""
    day = f"{accessed:%B} {accessed.day}, {accessed:%Y}"
    return (
        f"{case.title}. (n.d.).{source} Retrieved {day}, from{url} "
        f"(read in casebook, view: {permalink})"
    )


def _bibtex_text(text: str) -> str:
    return re.sub(r"([{}\\%&$#_^~])", r"\\\1", text)


def bibtex(case: Case, permalink: str, accessed: date) -> str:
    key = re.sub(r"[^a-z0-9]+", "", case.slug.lower()) or "case"
    fields = {
        "title": case.title,
        "organization": publisher(case),
        "url": case.source_url,
        "urldate": accessed.isoformat(),
        "note": f"Read in casebook, view: {permalink}"
        + ("; the article states it was written with AI assistance" if case.notice else ""),
    }
    body = ",\n".join(
        f"  {name} = {{{_bibtex_text(value) if name != 'url' else value}}}"
        for name, value in fields.items()
        if value
    )
    return f"@online{{{key}-{accessed:%Y},\n{body}\n}}"
