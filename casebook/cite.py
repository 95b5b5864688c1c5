"""Citations for a dashboard view: an APA-style line and a BibTeX entry."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from nameparser import HumanName

from casebook.model import Case

# A word that makes an author an organisation, named as it is written, not as a person.
_ORGANISATION = re.compile(
    r"\b(?:agency|assembly|association|bank|board|cent(?:er|re)|commission|committee|council"
    r"|department|editors?|editorial|forum|foundation|fund|government|group|institute"
    r"|international|journal|magazine|media|ministry|mission|nations|network|news|office"
    r"|organi[sz]ation|press|programme?|review|secretariat|services?|staff|team|times"
    r"|union|university|watch)\b",
    re.IGNORECASE,
)
_BETWEEN_AUTHORS = re.compile(r"\s*(?:;|&|,|\band\b)\s*", re.IGNORECASE)


def publisher(case: Case) -> str:
    """The source's site name, from its address (troopdeploy.com)."""
    host = urlparse(case.source_url).hostname or ""
    return host.removeprefix("www.")


def _year(published: str) -> str:
    """The year in a publication date however it is written ("2024-01-20", "20 January
    2024", as ingest keeps a page's own wording), or "" when it names none."""
    match = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", published)
    return match.group() if match else ""


def authors(text: str) -> list[HumanName | str]:
    """Who wrote it: each person parsed into parts (nameparser), or, for an organisation
    ("United Nations Security Council", "Crisis Group") or a name that is not split into
    a first and last name, the name as written."""
    text = " ".join(text.split())
    if not text or _ORGANISATION.search(text):
        return [text] if text else []
    parts = [part for part in _BETWEEN_AUTHORS.split(text) if part]
    if any(len(part.split()) < 2 for part in parts):
        parts = [text]  # "Doe, Jane" or "Jane Doe, Jr.": one person
    names: list[HumanName | str] = []
    for part in parts:
        name = HumanName(part)
        names.append(name if name.first and name.last else part)
    return names


def _initials(name: HumanName) -> str:
    """Initials as APA writes them: "J.-P. M." for Jean-Paul Marie."""
    words = f"{name.first} {name.middle}".split()
    return " ".join("-".join(f"{part[0]}." for part in w.split("-") if part) for w in words)


def apa_authors(text: str) -> str:
    """APA 7's author element: "Doe, J., & Sow, A. B."; an organisation as written."""
    shown = [
        f"{n.last}, {_initials(n)}{f', {n.suffix}' if n.suffix else ''}"
        if isinstance(n, HumanName) else n
        for n in authors(text)
    ]  # fmt: skip
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + ", & " + shown[-1]


def _bibtex_authors(text: str) -> str:
    """BibTeX's author field: people as "Last, First" joined by "and"; an organisation in
    braces, so that BibTeX does not read it as a person's name."""
    shown = [
        _bibtex_text(", ".join(x for x in (n.last, n.suffix, f"{n.first} {n.middle}".strip()) if x))
        if isinstance(n, HumanName) else "{" + _bibtex_text(n) + "}"
        for n in authors(text)
    ]  # fmt: skip
    return " and ".join(shown)


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
    author = apa_authors(case.author)
    author += "" if author.endswith(".") else "."
    head = f"{author} {when}. {case.title}." if case.author.strip() else f"{case.title}. {when}."
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
        "author": _bibtex_authors(case.author),
        "title": case.title,
        "date": _year(case.published),
        "organization": publisher(case),
        "url": case.source_url,
        "urldate": accessed.isoformat(),
        "note": _reading(permalink, version).capitalize()
        + ("; the article states it was written with AI assistance" if case.notice else ""),
    }
    body = ",\n".join(
        f"  {name} = {{{_bibtex_text(value) if name not in ('url', 'author') else value}}}"
        for name, value in fields.items()
        if value
    )
    return f"@online{{{key}-{accessed:%Y},\n{body}\n}}"
