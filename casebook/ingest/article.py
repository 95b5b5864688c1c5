"""Read an article in any supported format into classified blocks and metadata."""

from __future__ import annotations

from concurrent.futures import Future
from functools import partial

from casebook.ingest import boilerplate, maintext
from casebook.ingest.blocks import Reading, has_words
from casebook.ingest.helper import Checked, answer
from casebook.ingest.htmlreader import read_html
from casebook.ingest.readers import UnreadableFrontMatter, read_markdown, read_text
from casebook.ingest.source import IngestError, Source

READERS = {"text": read_text, "markdown": read_markdown, "html": read_html}


def read_article(text: str, fmt: str, extracted: Future | Checked | None = None) -> Reading:
    """Blocks labelled by kind (see :mod:`casebook.ingest.boilerplate`), with the metadata
    found. ``extracted``: a helper's answer to ``maintext.extract(text, {})``, if asked."""
    reading = READERS[fmt](text)
    reading.blocks = [b for b in reading.blocks if has_words(b.text)]
    found = {}
    if fmt == "html":
        # Asked for all the metadata, the helper's answer can only add keys that the
        # setdefault below does not take (the page's own tags win).
        extract = partial(answer, extracted, maintext.extract)
        found = maintext.keep_main(reading, text, extract=extract)
    reading = boilerplate.classify(reading, plain_text=fmt == "text")
    for key, value in found.items():
        reading.meta.setdefault(key, value)
    return reading


def read_document(source: Source, extracted: Future | Checked | None = None) -> Reading:
    """Any source: a PDF is laid out by :mod:`casebook.ingest.pdfreader`, which sorts its
    own running heads, masthead and notes; text, Markdown and HTML by :func:`read_article`."""
    if source.format == "pdf":
        from casebook.ingest.pdfreader import read_pdf  # pypdfium2: only PDFs need it

        reading = read_pdf(source.data, str(source.path))
        reading.blocks = [b for b in reading.blocks if has_words(b.text)]
        return reading
    try:
        return read_article(source.text, source.format, extracted)
    except UnreadableFrontMatter as error:
        raise IngestError(f"{source.path}:{error.line}", error.message) from None


def case_meta(found: dict, recipe: dict, given: dict, fallback_title: str) -> dict:
    """case.yaml's fields: what the command line gives, else the recipe, else the article."""
    meta = {k: v for k, v in found.items() if v}
    meta.update({k: recipe[k] for k in ("title", "source_url", "author") if recipe.get(k)})
    meta.update({k: v for k, v in given.items() if v})
    meta.setdefault("title", fallback_title)
    return meta
