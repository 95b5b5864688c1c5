"""Which blocks of a web page are the article: trafilatura decides, our reader keeps the form.

trafilatura (Apache-2.0), the field's standard for main-text extraction, was measured
against the hand-written rules alone on its own evaluation set of real pages
(``bench/bench_html_extract.py``, figures in ``bench/RESULTS.md``): it keeps as many of
the article's snippets and drops far more navigation, footers and other furniture.

So a page is read twice: :mod:`casebook.ingest.htmlreader` gives every block with its
kind and line (nothing unaccounted for), and trafilatura's plain-text extraction says
which of them belong to the article, before the line rules of
:mod:`casebook.ingest.boilerplate` run. A heading, paragraph, quote or table whose words
(half of its word triples) are not in that extraction is relabelled ``boilerplate``; a
block the reader took for furniture by its markup (a class named "sidebar") whose words
are in it becomes a paragraph again. Captions, notes and references are left as they
are: they belong to the article even where trafilatura leaves them out. If trafilatura
finds nothing, or less than a fifth of what the rules keep, or the page nests deeper
than :data:`MAX_DEPTH` or has fewer than :data:`MIN_WORDS` words, the rules alone decide.
Its metadata (title, author, date) fills what the page's own tags leave empty.

trafilatura loses some text set directly in a container, with no ``<p>`` (a ``<div>``,
``<section>``, ``<main>`` or ``<center>``): such a block (a sentence of eight words or
more) standing between two blocks it keeps stays in the article (:func:`lost_prose`).
On the same 884 pages this kept 94.56% of the article snippets against 94.37% without
it, and dropped 84.57% of the boilerplate ones against 84.68% (F1 0.8928 against
0.8926); any long paragraph between kept blocks, not only loose text, scored 0.8925.

trafilatura runs in its fast mode (no fallback extractors), and its metadata is asked
for only when the page's tags leave the title, author or date unsaid.

Measured on 884 pages of trafilatura's evaluation set (``bench/RESULTS.md``): the
rules alone kept 85.0% of the article snippets and dropped 65.5% of the boilerplate
ones (F1 0.740); trafilatura alone 94.3% and 89.6% (0.919); this combination 94.4% and
84.7% (0.893), keeping the rules' structure (tables, quotes, captions) and their account
of every word; judging only what lies outside trafilatura's span scored 0.821.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from casebook.ingest.blocks import Reading

JUDGED = ("heading", "paragraph", "quote", "table", "boilerplate")
_TOKEN = re.compile(r"[^\W_]+")
_SHARE = 0.5  # of a block's word triples found in the article for it to belong
_FLOOR = 0.2  # least share of the rules' words trafilatura must keep to be trusted
_META_SPAN = 100_000  # metadata stands in the head and near the top; a date search of a
# whole 1 MB page alone costs over half a second
MIN_WORDS = 150  # a shorter page (a snippet, a test) is left to the rules
MAX_DEPTH = 400  # deeper pages are left to the rules (lxml is slow on them and caps depth)
SPAN = False  # measured: dropping every block it leaves out scores better
PROSE_WORDS = 8  # a paragraph this long between two kept blocks is article text it lost
_CLOSERS = "\"'”’»)] "


def _tokens(text: str) -> list[str]:
    """The words of a text, lower-cased (together: the same as one by one, as no
    lower-casing adds a space, and a space ends a final sigma as a word's end does)."""
    found = _TOKEN.findall(text)
    return " ".join(found).lower().split(" ") if found else []


def _triples(tokens: list[str]) -> set[tuple[str, ...]]:
    return set(zip(tokens, tokens[1:], tokens[2:], strict=False))


def extract(html: str, known: dict[str, str]) -> tuple[str, dict[str, str]]:
    """trafilatura's main text of a page ("" when it finds none) and, for what the page's
    own tags did not say (``known``), its title, author and date."""
    import trafilatura  # imported here: only HTML needs it, and it takes a moment to load

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    meta: dict[str, str] = {}
    try:
        text = trafilatura.extract(html, fast=True, include_tables=True, include_comments=False)
        if not all(known.get(key) for key in ("title", "author", "published")):
            found = trafilatura.extract_metadata(html[:_META_SPAN], extensive=False)
            fields = {"title": found.title, "author": found.author, "published": found.date}
            meta = {key: str(value) for key, value in fields.items() if value}
    except (ValueError, TypeError, AttributeError, RecursionError):  # no tree to be had
        return "", {}
    return text or "", meta


Extract = Callable[[str, dict[str, str]], tuple[str, dict[str, str]]]


def belongs(tokens: list[str], triples: set, article_tokens: str, article_triples: set) -> bool:
    """Whether a block's words (``tokens``, their ``triples``) stand in the article: half
    its word triples or more (a block of one or two words: all of them, in a row)."""
    if len(tokens) < 3:
        return bool(tokens) and f" {' '.join(tokens)} " in article_tokens
    return len(triples & article_triples) >= _SHARE * len(triples)


def lost_prose(judged: list, inside: list) -> list:
    """Body text trafilatura lost: a sentence or more set directly in a container (a
    ``<div>``, ``<section>`` or ``<main>`` with no ``<p>``) between two blocks it keeps."""
    kept = {id(b) for b in inside}
    lost = []
    for before, block, after in zip(judged, judged[1:], judged[2:], strict=False):
        if block.kind != "paragraph" or not block.loose or id(block) in kept:
            continue  # the cheap tests first: most blocks are kept or not loose
        sentence = block.text.rstrip(_CLOSERS)[-1:] in ".!?"
        prose = len(block.text.split()) >= PROSE_WORDS and sentence
        if prose and id(before) in kept and id(after) in kept:
            lost.append(block)
    return lost


def keep_main(
    reading: Reading, html: str, span: bool = SPAN, extract: Extract = extract
) -> dict[str, str]:  # fmt: skip
    """Label what trafilatura leaves out of the article boilerplate (with ``span``, only
    what stands before the first or after the last block it keeps); return its metadata.
    ``extract`` is :func:`extract` or gives its answer (from a helper process)."""
    judged = [b for b in reading.blocks if b.kind in JUDGED]
    counts = {id(b): len(b.text.split()) for b in judged}
    if reading.depth > MAX_DEPTH or sum(counts.values()) < MIN_WORDS:
        return {}
    # Each block's words are read before the article is asked for: a helper process may
    # still be extracting it, and this work does not depend on it.
    own = [(words, _triples(words), b) for b in judged for words in [_tokens(b.text)]]
    article, meta = extract(html, reading.meta)
    tokens = _tokens(article)
    joined, triples = f" {' '.join(tokens)} ", _triples(tokens)
    inside = [b for words, shingles, b in own if belongs(words, shingles, joined, triples)]
    total = sum(counts[id(b)] for b in judged if b.kind != "boilerplate")
    if not inside or sum(counts[id(b)] for b in inside) < _FLOOR * total:
        return {}
    kept = {id(b) for b in inside} | {id(b) for b in lost_prose(judged, inside)}
    first, last = judged.index(inside[0]), judged.index(inside[-1])
    for position, block in enumerate(judged):
        outside = position < first or position > last
        if id(block) not in kept and (outside or not span):
            block.relabel("boilerplate")
        elif id(block) in kept and block.kind == "boilerplate":
            block.relabel("paragraph")  # page furniture by its markup, article by its words
    return meta
