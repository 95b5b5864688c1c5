"""Bylines at the top of an article: who wrote it, where they work, when it appeared.

Between the title and the first full paragraph (15 words or more), at most six
blocks are looked at. A block is a byline when it starts "By", "Written by",
"Posted by" or "Author:"; when it is a date line ("12 March 2024", "Updated:
2024-03-12 · 6 min read") or a reading time; when it is a name (two to five
capitalised words) followed by another byline or an affiliation; or when it is
an affiliation (a university, institute, centre, ministry, "Senior Fellow" …)
right after one. A reader may have marked bylines already (HTML ``address``,
``class="byline"``).
"""

from __future__ import annotations

import re

from casebook.ingest.blocks import Block

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"\b(?:{_MONTH} {_DAY},? \d{{4}}|{_DAY} {_MONTH},? \d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})",
    re.IGNORECASE,
)
_BY = re.compile(r"^(?:by|written by|words by|posted by|published by|author:?)\s+", re.IGNORECASE)
_READING_TIME = re.compile(r"^\d+\s*(?:min(?:ute)?s?)\.?\s*read$", re.IGNORECASE)
_AFFILIATION = re.compile(
    r"\b(?:universit\w*|institut\w*|cent(?:re|er)|college|school|department|faculty|foundation"
    r"|council|agency|programme|program|office|association|journal|observatory|ministry"
    r"|laborator(?:y|ies)|academy|society|fellow|professor|researcher|analyst|correspondent"
    r"|editor|reporter|director|lecturer)\b",
    re.IGNORECASE,
)
_PARTICLES = {"de", "da", "del", "van", "von", "der", "al", "bin", "ibn", "le", "la", "du", "y"}
_SEPARATORS = re.compile(r"\s*(?:[|·•—–]|\s-\s)\s*")
_REGION = 6
_FULL_PARAGRAPH = 15


def is_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text) or text[-1] in ".:;!?":
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


def _is_date_line(text: str) -> bool:
    return bool(DATE.search(text)) and len(text.split()) <= 12 and not text.endswith(".")


def _is_affiliation(text: str) -> bool:
    return bool(_AFFILIATION.search(text)) and len(text.split()) <= 15 and text[-1] != "."


def _stated(block: Block) -> bool:
    """A byline by its own shape, without looking at its neighbours."""
    text = block.text
    if block.kind == "byline" or _is_date_line(text) or _READING_TIME.match(text):
        return True
    return bool(_BY.match(text)) and len(text.split()) <= 25


def _ends_region(block: Block) -> bool:
    if block.kind == "heading":
        return not block.guessed
    return len(block.text.split()) >= _FULL_PARAGRAPH and not _stated(block)


def top_region(blocks: list[Block]) -> list[Block]:
    """The blocks that may hold a byline: after the title, before the first full paragraph."""
    titled = any(b.kind == "title" for b in blocks)
    region: list[Block] = []
    seen_title = not titled
    for block in blocks:
        if block.kind == "title":
            seen_title = True
        elif not seen_title or block.kind not in ("heading", "paragraph", "byline"):
            continue
        elif _ends_region(block) or len(region) >= _REGION:
            break
        else:
            region.append(block)
    return region


def mark_bylines(blocks: list[Block]) -> None:
    region = [b for b in top_region(blocks) if b.kind in ("heading", "paragraph", "byline")]
    for index, block in enumerate(region):
        after = region[index + 1] if index + 1 < len(region) else None
        before = region[index - 1] if index else None
        name_first = is_name(block.text) and after is not None
        name_first = name_first and (_stated(after) or _is_affiliation(after.text))
        follows = before is not None and before.kind == "byline" and _is_affiliation(block.text)
        if _stated(block) or name_first or follows:
            block.relabel("byline")


def byline_meta(blocks: list[Block]) -> dict[str, str]:
    """``author`` and ``published`` from the bylines at the top."""
    names, published = [], ""
    for block in top_region(blocks):
        if block.kind != "byline":
            continue
        for piece in _SEPARATORS.split(block.text):
            date = DATE.search(piece)
            if date:
                published = published or date.group()
            elif piece and not _READING_TIME.match(piece):
                names.append(_BY.sub("", piece).strip(" ,"))
    meta = {"author": ", ".join(n for n in names if n)} if any(names) else {}
    if published:
        meta["published"] = published
    return meta
