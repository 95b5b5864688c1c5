"""Tell body text from what surrounds it, by the kind of line rather than its wording.

Run over the blocks of any reader, in this order:

1. **Footer**: a short line announcing other posts or comments ("Similar Posts",
   "Related articles", "You may also like", "Leave a reply", "3 comments") ends
   the body when no more words follow it than precede it; it and everything
   after it are labelled ``footer``. Earlier in the text it is one
   ``boilerplate`` line.
2. **Boilerplate lines**: cross-links ("See also …", "Read more: …"), share
   prompts ("Share this", "Click to share on …", a line of network names),
   tags and categories, hashtag lines, copyright lines, newsletter prompts,
   "Advertisement".
3. **Notice**: a line of at most 40 words that names AI and a verb of making
   (generated, produced, created, written, built, assisted, used) and either
   refers to the text itself ("this article", "parts of this content") or starts
   with a label ("Info:", "Note:", "Disclaimer:") or a participle ("Written with
   the help of AI", "AI-generated content: …"). Only the first
   or last eight blocks qualify, so an article about AI keeps its body.
4. **Title**: in plain text the first line, if it does not read as a sentence;
   in Markdown and HTML the first level-1 heading that no heading precedes.
5. **Byline**: between the title and the first full paragraph, "By …" lines,
   a name followed by an affiliation or a date, a date line, "5 min read";
   the name (with its affiliation) becomes ``author``, the date ``published``.
6. **References**: a trailing run of notes, bare URLs or bibliography entries
   (with or without a "References"/"Notes"/"Sources" heading), and what a
   reader already marked (HTML footnote containers, Markdown footnotes).

Image captions and credits (short lines with ©, "Photo:", "Credit:", "Figure 2:") are
labelled ``caption`` by the readers (:func:`casebook.ingest.readers.is_caption`): kept in
their place, never coded; a copyright line among them is still boilerplate.
"""

from __future__ import annotations

import re

from casebook.ingest.blocks import Block, Reading
from casebook.ingest.bylines import byline_meta, mark_bylines

_FOOTER = re.compile(
    r"^(?:(?:similar|related|recommended|popular|more|latest|other|trending)"
    r" (?:posts|articles|stories|reads|news|content)|related|recommended"
    r"|you (?:may|might) also (?:like|enjoy)|leave a (?:reply|comment)"
    r"|\d+ (?:comments?|responses?|thoughts? on\b.*)|comments?)\s*:?$",
    re.IGNORECASE,
)
_LINE_KINDS = [
    # cross-links
    r"^(?:see also|also read|read also|read next|more on this)\b",
    r"^(?:read more|continue reading|related|recommended|don'?t miss|must read)"
    r"(?: \w+)?\s*(?:[:»›→…]|\.\.\.|$)",
    # share prompts
    r"^(?:share(?: this\b| on\b| via\b).{0,80}|share|click to (?:share|email|print|tweet)\b.*"
    r"|tweet(?: this)?|pin(?: it)?|like this|like loading\W*|email this|print this"
    r"|follow us(?: on \w+)?)\s*[:!.]?$",
    r"^(?:(?:facebook|twitter|x|linkedin|whatsapp|reddit|e-?mail|print|pinterest|telegram"
    r"|tumblr|pocket|threads|bluesky|mastodon|copy link)[\s,|·•/]*)+$",
    # tags, copyright, newsletter, advertising
    r"^(?:tags?|tagged(?: with)?|filed under|categor(?:y|ies)|posted in|topics?)\s*:",
    r"^(?:#\w+[\s,]*)+$",
    r"all rights reserved|^(?:copyright|\(c\))\b",
    r"^(?:subscribe|sign up)\b.{0,160}$",
    r"^(?:advertisement|sponsored(?: content)?)$",
]
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _LINE_KINDS), re.IGNORECASE)
_AI = re.compile(r"\bA\.?I\b|\bLLMs?\b|\bGPT|(?i:artificial intelligence|chatgpt|language model)")
_MAKING = re.compile(
    r"\b(?:assist|generat|produc|creat|writ|wrote|built|build|draft|compos|us(?:e|ed|ing)\b)",
    re.IGNORECASE,
)
_SELF = re.compile(
    r"\b(?:this|the|our) (?:article|content|post|text|page|piece|story|report|summary|blog)"
    r"|\bparts of this\b",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^\W*(?:info|note|notice|disclaimer|heads up|transparency|(?:AI[- ])?(?:written|created"
    r"|generated|produced|drafted|made|built|assisted)\b)",
    re.IGNORECASE,
)
_EDGE = 8  # blocks at either end of the text where a notice may stand
_REFERENCES_LABEL = re.compile(
    r"^(?:references?|sources?|bibliography|notes|footnotes|endnotes|works cited|"
    r"further reading|citations|literature|reading list)\s*:?$",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+|\bwww\.\S+|\bdoi:\s*\S+|\b10\.\d{4,}/\S+", re.IGNORECASE)
_BARE_URL = re.compile(r"^<?(?:https?://|www\.)\S+>?$", re.IGNORECASE)
_MARKER = re.compile(r"^(?:\[\d{1,3}\]|\^\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S")
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_AUTHOR_YEAR = re.compile(r"^[A-Z][\w'’-]+,\s+[A-Z].*\((?:1[89]|20)\d{2}[a-z]?\)")


def _kept(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind in ("heading", "paragraph")]


def _word_count(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks)


def mark_footer(blocks: list[Block]) -> None:
    for index, block in enumerate(blocks):
        if block.kind in ("heading", "paragraph") and _FOOTER.match(block.text):
            after = blocks[index + 1 :]
            if _word_count(after) > _word_count(blocks[:index]):
                block.relabel("boilerplate")
                continue
            for removed in blocks[index:]:
                if removed.kind in ("heading", "paragraph"):
                    removed.relabel("footer")
            return


def is_notice(text: str) -> bool:
    """A short line saying that AI helped make the text."""
    if len(text.split()) > 40 or not (_AI.search(text) and _MAKING.search(text)):
        return False
    return bool(_SELF.search(text) or _LABEL.match(text))


def mark_lines(blocks: list[Block]) -> None:
    kept = _kept(blocks)
    edges = {id(b) for b in kept[:_EDGE] + kept[-_EDGE:]}
    for block in [b for b in blocks if b.kind in ("heading", "paragraph", "caption")]:
        if len(block.text.split()) <= 30 and _BOILERPLATE.search(block.text):  # short first
            block.relabel("boilerplate")
        elif id(block) in edges and is_notice(block.text) and block.kind != "caption":
            block.relabel("notice")


def mark_title(blocks: list[Block], plain_text: bool) -> None:
    kept = _kept(blocks)
    if plain_text and kept:
        first = kept[0]
        if first.kind == "heading" or (len(first.text.split()) <= 25 and first.text[-1] != "."):
            first.relabel("title")
        return
    first_heading = next((b for b in kept if b.kind == "heading" and not b.guessed), None)
    if first_heading is not None and first_heading.level == 1:
        first_heading.relabel("title")


def _reference_like(text: str) -> bool:
    words = len(text.split())
    if _BARE_URL.match(text) or (_URL.search(text) and words <= 60) or _MARKER.match(text):
        return words <= 80
    numbered = _NUMBERED.match(text) and _YEAR.search(text)
    return bool(numbered or _AUTHOR_YEAR.match(text)) and words <= 80


def mark_references(blocks: list[Block]) -> None:
    kept = _kept(blocks)
    half = len(kept) // 2
    labels = [i for i, b in enumerate(kept) if i >= half and _REFERENCES_LABEL.match(b.text)]
    if labels and all(len(b.text.split()) <= 80 for b in kept[labels[-1] + 1 :]):
        kept[labels[-1]].relabel("boilerplate")
        for block in kept[labels[-1] + 1 :]:
            block.relabel("reference")
        return
    run = 0
    while run < len(kept) and _reference_like(kept[len(kept) - 1 - run].text):
        run += 1
    if run >= 2 or (run == 1 and _BARE_URL.match(kept[-1].text)):
        for block in kept[len(kept) - run :]:
            block.relabel("reference")


def classify(reading: Reading, plain_text: bool) -> Reading:
    """Relabel the blocks by kind; the metadata found joins the reader's."""
    blocks = reading.blocks
    mark_footer(blocks)
    mark_lines(blocks)
    mark_title(blocks, plain_text)
    mark_bylines(blocks)
    mark_references(blocks)
    meta = dict(reading.meta)
    title = next((b.text for b in blocks if b.kind == "title"), None)
    if title:
        meta["title"] = title
    notices = [b.text for b in blocks if b.kind == "notice"]
    if notices:
        meta["notice"] = " ".join(notices)
    for key, value in byline_meta(blocks).items():
        meta.setdefault(key, value)
    return Reading(blocks, meta)
