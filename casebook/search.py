"""Full-text search with keyword-in-context results.

A query is words and "quoted phrases", matched as the codebook's terms are:
case-insensitive whole words, plurals included, ``*`` for any ending
(``insurgen*``). A paragraph matches when it holds every term. Each hit is shown
as a keyword-in-context line: a few words either side of the match.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from casebook.tagging import find_term, words

MAX_QUERY = 200  # characters; longer queries are cut, not refused
CONTEXT_WORDS = 6
# What one hit may show, whatever the words: a 100 KB paragraph of one repeated term is
# one merged hit, and a "word" can be a 100 KB run of letters.
CONTEXT_CHARS = 120
MATCH_CHARS = 200
# Spelling is checked for this many unknown words of a query at most: comparing one word
# with a long case's vocabulary takes up to a tenth of a second.
SPELLING_WORDS = 3
_TERM = re.compile(r'"([^"]*)"|([^\s"]+)')
_DROP = re.compile(r"(?:[^\w*]|_)+")  # what tagging.words does not read as a word, but *


@dataclass(frozen=True)
class Hit:
    """One match in one paragraph, split for display: before, match, after."""

    before: str
    match: str
    after: str


def parse_query(query: str) -> list[str]:
    """Terms of a query, lower-case, punctuation dropped; quoted text stays one phrase."""
    terms = []
    for _, term in _read_terms(query):
        if term not in terms:
            terms.append(term)
    return terms


def _read_terms(query: str) -> list[tuple[str, str]]:
    """Each term as typed (quoted text with its quotes) and as searched."""
    found = []
    for phrase, word in _TERM.findall(query[:MAX_QUERY]):
        term = " ".join(_DROP.sub(" ", (phrase or word).casefold()).split())
        if term.strip("* "):
            found.append((f'"{phrase}"' if phrase else word, term))
    return found


def find_hits(text: str, terms: list[str], context: int = CONTEXT_WORDS) -> list[Hit]:
    """Keyword-in-context lines for every match of every term, in reading order;
    none unless the text holds all the terms."""
    text_words = words(text)
    spans = [(term, find_term(term, text_words)) for term in terms]
    if not terms or not all(found for _, found in spans):
        return []
    hits = []
    for a, b in _merged(sorted(span for _, found in spans for span in found)):
        start, end = text_words[a].start, text_words[b - 1].end
        left = max(text_words[max(0, a - context)].start, start - CONTEXT_CHARS)
        right = min(text_words[min(len(text_words), b + context) - 1].end, end + CONTEXT_CHARS)
        before = ("… " if left > text_words[0].start else "") + text[left:start]
        after = text[end:right] + (" …" if right < text_words[-1].end else "")
        hits.append(Hit(before, _clip(text[start:end]), after))
    return hits


def _clip(match: str) -> str:
    return match if len(match) <= MATCH_CHARS else match[:MATCH_CHARS] + "…"


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching or overlapping spans as one ("G5" and "Sahel" read as "G5 Sahel")."""
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def search(paragraphs: pd.DataFrame, query: str) -> pd.DataFrame:
    """One row per matching paragraph (reading order) with its hits."""
    terms = parse_query(query)
    rows = []
    for row in paragraphs.itertuples(index=False):
        hits = find_hits(row.text, terms)
        if hits:
            rows.append({**row._asdict(), "hits": hits})
    return pd.DataFrame(rows, columns=[*paragraphs.columns, "hits"])


def hits_by_section(results: pd.DataFrame) -> pd.DataFrame:
    """Matching paragraphs and hits per section, in reading order."""
    if results.empty:
        return pd.DataFrame(columns=["section", "section_title", "paragraphs", "hits"])
    grouped = results.groupby(["section", "section_title"], sort=False)
    counts = grouped.agg(paragraphs=("anchor", "size"), hits=("hits", lambda h: sum(map(len, h))))
    return counts.reset_index()


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every word of the texts, lower-case: what a misspelt query word is compared with."""
    return frozenset(word.text for text in texts for word in words(text))


def spelling(terms: list[str], known: frozenset[str]) -> list[str]:
    """For each of the first query words the text never uses, up to three words of the
    text close to it in spelling ("ceasfire" → "ceasefire"); phrases and ``word*`` are left
    as they are."""
    unknown = [t for t in terms if " " not in t and not t.endswith("*") and t not in known]
    tips = []
    for term in unknown[:SPELLING_WORDS]:
        close = difflib.get_close_matches(term, known, n=3, cutoff=0.8)
        if close:
            tips.append(f"check the spelling of {term}: the text has {', '.join(close)}")
    return tips


def suggestions(
    query: str, filtered: bool = False, known: frozenset[str] = frozenset()
) -> list[str]:
    """What to try when nothing matched: words of the text (``known``) spelt like the
    query's, fewer words, no quotes (when a phrase was quoted), no punctuation inside a
    word (which makes it a phrase), a wildcard, and clearing the theme filter (only when
    one is set)."""
    terms = parse_query(query)
    tips = spelling(terms, known)
    if len(terms) > 1:
        tips.append("use fewer words: a paragraph must hold every one of them")
    phrases = [(typed, term) for typed, term in _read_terms(query) if " " in term]
    if any(typed.startswith('"') for typed, _ in phrases):
        tips.append("drop the quotes: a quoted phrase must appear word for word")
    joined = [(typed, term) for typed, term in phrases if not typed.startswith('"')]
    if joined:
        typed, term = joined[0]
        tips.append(
            f"{typed} is searched as the phrase “{term}”, since punctuation splits words: "
            "try it without"
        )
    tips.append("end a word with * to find every ending: insurgen* finds insurgent and insurgency")
    if filtered:
        tips.append("clear the theme filter at the top of the page: it narrows the search too")
    return tips
