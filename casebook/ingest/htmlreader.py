"""Read an HTML page into blocks with the standard library's ``html.parser``.

``h1``–``h6`` are headings with their levels; ``p``, ``li``, ``blockquote``,
``figcaption`` and any other block element (a ``div`` holding bare text
included) give paragraphs; a table row is one paragraph, its cells joined by
" | "; a paragraph that is bold throughout and shaped like a heading is a
pseudo-heading one level below the last real heading.

Script, style, template and the head are not text and are skipped. Page
furniture is read but labelled ``boilerplate`` so that the words removed can be
accounted for: ``nav``, ``aside``, ``form``, ``footer``, a ``header`` outside
``article``/``main``, and elements whose role, class or id names navigation,
sharing, related posts, comments, sidebars, widgets, breadcrumbs, cookies or
newsletters. Containers named footnotes, endnotes, references or bibliography
give ``reference`` blocks; ``address`` and elements named byline or author
give ``byline`` blocks. Names on inline elements (a link, a span) and on ``html``,
``body``, ``main`` and ``article`` are ignored (WordPress gives ``<body>`` classes
such as "has-sidebar"). ``<title>``, ``og:title``, the canonical link, the
author and published-time meta tags are kept as metadata.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from casebook.ingest.blocks import Block, Reading
from casebook.ingest.htmlstack import OpenElements
from casebook.ingest.readers import is_caption, is_heading
from casebook.ingest.unclosed import escape_unclosed

SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})
CHROME = frozenset({"nav", "aside", "form", "footer"})
BLOCK = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "figure",
    "figcaption", "table", "caption", "section", "article", "main", "header", "footer",
    "nav", "aside", "form", "address", "details", "summary", "body", "html", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6",
})  # fmt: skip
INLINE = frozenset({
    "a", "span", "em", "strong", "b", "i", "u", "s", "time", "small", "sup", "sub", "abbr",
    "cite", "code", "mark", "q", "label", "img", "font",
})  # fmt: skip
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip
HEADINGS = {f"h{n}": n for n in range(1, 7)}
_CHROME_NAME = re.compile(
    r"share|sharing|social|related|sidebar|widget|breadcrumb|cookie|newsletter|subscribe"
    r"|\bcomments?\b|comment-|advert|\bnav|menu|branding|logo|site-title|masthead",
    re.IGNORECASE,
)
_CHROME_ROLE = {"navigation", "banner", "contentinfo", "complementary", "search"}
_NOTE_NAME = re.compile(r"footnote|endnote", re.IGNORECASE)
_REFERENCE_NAME = re.compile(r"reference|bibliograph|citation", re.IGNORECASE)
_BYLINE_NAME = re.compile(r"byline|\bauthor|dateline|post-meta|entry-meta", re.IGNORECASE)
_META = {
    "author": "author", "og:title": "title", "og:url": "source_url",
    "article:published_time": "published", "article:author": "author",
}  # fmt: skip


def _role(tag: str, attrs: dict[str, str], inside_article: bool) -> str | None:
    """What an element makes of the text inside it, if anything."""
    names = f"{attrs.get('class', '')} {attrs.get('id', '')}"
    if tag in SKIPPED:
        return "skip"
    if tag in CHROME or (tag == "header" and not inside_article):
        return "boilerplate"
    if tag in INLINE or tag in ("html", "body", "main", "article"):
        return None  # a class on a span never splits a paragraph; nor one on <body> the page
    if tag == "address":
        return "byline"
    if not attrs:
        return None
    if attrs.get("role") in _CHROME_ROLE or _CHROME_NAME.search(names):
        return "boilerplate"
    if _NOTE_NAME.search(names):
        return "note"
    if _REFERENCE_NAME.search(names):
        return "reference"
    if tag == "address" or _BYLINE_NAME.search(names):
        return "byline"
    return None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.meta: dict[str, str] = {}
        self.open = OpenElements()
        self.buffer: list[str] = []
        self.start = 0
        self.bold = self.plain = 0  # characters of the buffer inside / outside <b>, <strong>
        self.cells: list[str] | None = None  # the table row being read
        self.row_start = 0
        self.rows: list[str] | None = None  # the pipe rows of the table being read
        self.table_start = 0
        self.level = 1  # of the last real heading

    # blocks ----------------------------------------------------------------
    def _text(self) -> str:
        text, self.buffer = " ".join("".join(self.buffer).split()), []
        return text

    def flush(self) -> None:
        bold, plain = self.bold, self.plain
        text, self.bold, self.plain = self._text(), 0, 0
        if not text:
            return
        kind, level = self.open.context(), 0
        for tag, number in HEADINGS.items():
            if self.open.count(tag):
                level = number
                break
        guessed = (
            kind == "paragraph" and not level and bold and not plain and not self.open.has("li")
        )
        if level and kind == "paragraph" and not is_caption(text):
            self.level, kind = level, "heading"
        elif guessed and is_heading(text.rstrip(": ")) and not is_caption(text):
            text, kind, level = text.rstrip(": "), "heading", self.level + 1
        else:
            level, guessed = 0, False
            kind = self._kept_kind(kind, text)
        loose = not self.open.has("p", "li", "dt", "dd", "blockquote", "pre", "figcaption")
        self.blocks.append(Block(text, kind, level, self.start, bool(guessed), loose))

    def _kept_kind(self, kind: str, text: str) -> str:
        """A paragraph in a figure caption or shaped like one is a caption; in a blockquote,
        a quote; in a footnotes container, a note."""
        if kind == "paragraph" and (self.open.has("figcaption") or is_caption(text)):
            return "caption"
        if kind == "paragraph" and self.open.has("blockquote"):
            return "quote"
        if kind == "reference" and self.open.role_open("note"):
            return "note"
        return kind

    def end_cell(self) -> None:
        if self.cells is not None and self.buffer:
            self.cells.append(self._text())

    def end_row(self) -> None:
        """A row joins the table being read (one ``table`` block, a Markdown pipe table)."""
        self.end_cell()
        if self.cells:
            row = "| " + " | ".join(c.replace("|", "/") for c in self.cells) + " |"
            if self.rows is None:
                self.rows, self.table_start = [row], self.row_start
            else:
                if len(self.rows) == 1:
                    self.rows.append("| --- " * len(self.rows[0].split(" | ")) + "|")
                self.rows.append(row)
        self.cells = None

    def end_table(self) -> None:
        self.end_row()
        if self.rows:
            kind = "table" if self.open.context() == "paragraph" else self.open.context()
            self.blocks.append(Block("\n".join(self.rows), kind, line=self.table_start))
        self.rows = None

    # parser callbacks ------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        attrs = {k: v or "" for k, v in attrs}
        if tag in ("meta", "link"):
            self._metadata(tag, attrs)
        role = _role(tag, attrs, self.open.has("article", "main"))
        if tag in ("td", "th"):
            self.end_cell()
        elif tag == "tr":
            self.end_row()
            self.cells, self.row_start = [], self.getpos()[0]
        elif self.cells is None and self._breaks(tag, role):
            self.flush()
        elif tag == "br" and self.buffer:
            self.buffer.append(" ")
        if tag in ("p", "li", "dt", "dd"):
            self._close_open(tag)
        if tag not in VOID:
            self.open.push(tag, role)

    def _close_open(self, tag: str) -> None:
        """HTML lets <p> and <li> go unclosed: a new one closes the one still open, unless
        a container (a div, a list) stands between them."""
        within = {"p": ("div", "section", "article", "td", "blockquote", "li"), "li": ("ul", "ol")}
        index = self.open.top_index(tag)
        if index is None:
            return
        containers = within.get(tag, ("dl",))
        if self.open.has(*containers) and any(
            open_tag in containers for open_tag, _ in self.open.stack[index + 1 :]
        ):
            return
        self.open.pop_to(index)

    def _breaks(self, tag: str, role: str | None) -> bool:
        """Whether an opening tag ends the block being read (outside table rows)."""
        if tag == "br":
            return not self.open.has(*HEADINGS)
        return tag in BLOCK or role not in (None, "skip", self.open.context())

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.end_cell()
        elif tag == "tr":
            self.end_row()
        elif tag == "table":
            self.end_table()
        index = self.open.top_index(tag)  # None for a stray end tag
        changes = index is not None and self.open.changes_context(index)
        if self.cells is None and (tag in BLOCK or changes):
            self.flush()
        if index is not None:
            self.open.pop_to(index)

    def handle_data(self, data: str) -> None:
        if self.open.has("title"):
            self.meta.setdefault("title_tag", " ".join(data.split()))
        if self.open.context() == "skip" or not data.strip() and not self.buffer:
            return
        if self.open.has("sup") and data.strip().isdigit():
            data = f"[{data.strip()}]"
        if not self.buffer:
            self.start = self.getpos()[0]
        counted = len(data.strip())
        if self.open.has("b", "strong"):
            self.bold += counted
        else:
            self.plain += counted
        self.buffer.append(data)

    def _metadata(self, tag: str, attrs: dict[str, str]) -> None:
        key = attrs.get("name") or attrs.get("property") or ""
        if tag == "meta" and key.lower() in _META and attrs.get("content"):
            self.meta.setdefault(_META[key.lower()], attrs["content"].strip())
        elif tag == "link" and attrs.get("rel") == "canonical" and attrs.get("href"):
            self.meta.setdefault("source_url", attrs["href"].strip())


def read_html(text: str) -> Reading:
    parser = _Parser()
    parser.feed(escape_unclosed(text))
    parser.close()
    parser.end_table()
    parser.flush()
    meta = dict(parser.meta)
    title_tag = meta.pop("title_tag", None)
    if title_tag:
        meta.setdefault("title", title_tag)
    return Reading(parser.blocks, meta, parser.open.depth)
