"""What a shared link shows before any script runs: a link-preview crawler (a chat app, a
search engine) reads the page's HTML and runs no JavaScript, so the page's title and a
short description go into that HTML as ``<title>`` and ``<meta>`` tags.

Pure functions: which page a URL path names and what it says, the tags (every value
escaped), and the HTML with them in place of the page's own title.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from casebook.model import Case, Codebook

DESCRIPTION_LIMIT = 200  # characters; previews cut longer ones anyway
THEME_PREFIX = "theme-"
_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL | re.IGNORECASE)


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters, with '…' if cut."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_summary(
    case: Case, codebook: Codebook, segment: str, pages: Mapping[str, tuple[str, str]]
) -> tuple[str, str] | None:
    """The title and description of the page at URL segment ``segment``: one of ``pages``
    (segment -> title, description), a section (its first paragraph), a theme (its
    definition); None for an unknown segment."""
    if segment in pages:
        return pages[segment]
    sections = {section.slug: section for section in case.sections}
    if segment in sections:
        section = sections[segment]
        first = section.paragraphs[0].text if section.paragraphs else section.title
        return section.nav_title, first
    theme_id = segment.removeprefix(THEME_PREFIX)
    if segment.startswith(THEME_PREFIX) and theme_id in codebook.ids:
        theme = codebook.theme(theme_id)
        return theme.label, theme.definition
    return None


def head_tags(title: str, description: str) -> str:
    """``<title>`` and the description and Open Graph tags, every value escaped."""
    title, description = escape(title, quote=True), escape(shorten(description), quote=True)
    return (
        f"<title>{title}</title>"
        f'<meta name="description" content="{description}" />'
        f'<meta property="og:title" content="{title}" />'
        f'<meta property="og:description" content="{description}" />'
        '<meta property="og:type" content="article" />'
    )


def with_head(html: str, tags: str) -> str:
    """The page with ``tags`` in place of its ``<title>`` (or, without one, before
    ``</head>``); a page without a head is returned as it is."""
    if _TITLE.search(html):
        return _TITLE.sub(lambda _: tags, html, count=1)
    return html.replace("</head>", tags + "</head>", 1)
