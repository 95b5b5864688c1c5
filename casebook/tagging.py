"""Code paragraphs with themes by a rule a reader can check by hand.

The rule, in full:

1. Text is split into lower-case words (hyphens and apostrophes split too, so
   "capacity-building" reads as "capacity building").
2. A codebook term is one word or a phrase. Each word matches itself in the
   singular or the plural ("actor" matches "actors", "authority" matches
   "authorities"); a word ending in ``*`` matches any ending ("insurgen*" matches
   insurgent, insurgents, insurgency). Phrases match words in sequence.
3. Within one theme the longest match wins and no word counts twice. Words
   inside one of the theme's ``exclude`` phrases do not count.
4. Each match adds 1 to the theme's score. Two kinds of match add
   ``paragraph_min_score`` instead, since each states the theme outright: a
   match of one of the theme's ``strong_terms`` ("insurgency", "humanitarian
   aid"), and a match that is an item of an explicit list ("military,
   political, humanitarian, and development activities").
5. A paragraph is coded with a theme when its score reaches
   ``paragraph_min_score``: one passing mention is not a theme.

The matched words are kept as evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from casebook.model import Codebook, Paragraph, Theme

_WORD = re.compile(r"[^\W_]+")  # letters and digits, accented ones included
_LIST_ITEM = r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,2}"
# "a, b, and c" (serial comma) or "a, b, c and d": a bare "a, b and c" is too often a clause.
_LIST = re.compile(
    rf"\b{_LIST_ITEM}(?:(?:, {_LIST_ITEM})+, |(?:, {_LIST_ITEM}){{2,}} )(?:and|or) {_LIST_ITEM}"
)


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Coding:
    """What the rule found for one theme in one paragraph."""

    theme: str
    score: float
    coded: bool
    evidence: tuple[str, ...]


def words(text: str) -> list[Word]:
    """Lower-cased words with their places in ``text`` (matched on the text itself,
    since lower-casing can change a string's length)."""
    return [Word(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]


def singular(word: str) -> str:
    """The usual singular of a plural ending (authorities → authority, actors → actor)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def forms(word: str) -> set[str]:
    """The word and the singulars it may stand for (crises → crisis as well as crise)."""
    found = {word, singular(word)}
    if len(word) > 5 and word.endswith(("ises", "yses")):
        found.add(word[:-2] + "is")
    return found


@lru_cache(maxsize=65_536)
def _forms(word: str) -> frozenset[str]:
    """:func:`forms`, computed once per distinct word."""
    return frozenset(forms(word))


@lru_cache(maxsize=4_096)
def _parts(term: str) -> tuple[str, ...]:
    """A term's words as the rule reads them (lower-case, hyphens split)."""
    return tuple(term.casefold().replace("-", " ").split())


class WordIndex:
    """Where each word and each of its forms stands in a text.

    The rule is unchanged: a pattern word matches a text word when they share a form, or,
    for ``insurgen*``, when the text word starts with ``insurgen``. The index only lets
    each term look up the places it can match instead of testing every word of the text.
    """

    def __init__(self, text_words: list[Word]):
        self.by_word: dict[str, list[int]] = {}
        for place, word in enumerate(text_words):
            self.by_word.setdefault(word.text, []).append(place)
        self.by_form: dict[str, set[int]] = {}
        for word, places in self.by_word.items():
            for form in _forms(word):
                self.by_form.setdefault(form, set()).update(places)
        self.sorted_words = sorted(self.by_word)  # the words sharing a prefix stand together
        self._found: dict[str, set[int]] = {}

    def places(self, pattern: str) -> set[int]:
        """The places of the text words that ``pattern`` (one word of a term) matches."""
        found = self._found.get(pattern)
        if found is None:
            if pattern.endswith("*"):
                found = self._starting(pattern[:-1])
            else:
                found = set().union(*(self.by_form.get(f, ()) for f in _forms(pattern)))
            self._found[pattern] = found
        return found

    def _starting(self, prefix: str) -> set[int]:
        """The places of the words that start with ``prefix`` (all of them for "")."""
        found: set[int] = set()
        at = bisect_left(self.sorted_words, prefix)
        while at < len(self.sorted_words) and self.sorted_words[at].startswith(prefix):
            found.update(self.by_word[self.sorted_words[at]])
            at += 1
        return found


def find_term(
    term: str, text_words: list[Word], index: WordIndex | None = None
) -> list[tuple[int, int]]:
    """Every (first, last+1) word span where ``term`` occurs (``index``: of ``text_words``)."""
    parts = _parts(term)
    if not parts:  # an empty term fits everywhere, as a scan of every place found
        return [(i, i) for i in range(len(text_words) + 1)]
    index = WordIndex(text_words) if index is None else index
    first = index.places(parts[0])
    if not first or len(parts) == 1:
        return [(i, i + 1) for i in sorted(first)]
    rest = [index.places(part) for part in parts[1:]]
    return [
        (i, i + len(parts))
        for i in sorted(first)
        if all(i + k in places for k, places in enumerate(rest, start=1))
    ]


def _theme_spans(
    theme: Theme, text_words: list[Word], index: WordIndex
) -> list[tuple[int, int, bool]]:
    """Non-overlapping (first, last+1, strong) matches: longest first, strong on a tie."""
    taken = {
        i for t in theme.exclude for a, b in find_term(t, text_words, index) for i in range(a, b)
    }
    candidates = [
        (*span, strong)
        for terms, strong in ((theme.terms, False), (theme.strong_terms, True))
        for term in terms
        for span in find_term(term, text_words, index)
    ]
    candidates.sort(key=lambda span: (span[0] - span[1], span[0], not span[2]))
    chosen = []
    for a, b, strong in candidates:
        if not taken.intersection(range(a, b)):
            chosen.append((a, b, strong))
            taken.update(range(a, b))
    return sorted(chosen)


def list_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of explicit lists of three or more short items."""
    return [(m.start(), m.end()) for m in _LIST.finditer(text.lower())]


_SEPARATOR = re.compile(r",? (?:and|or) |, ")


def list_items(text: str) -> list[tuple[int, int]]:
    """Character ranges of the items of every explicit list in ``text``.

    Where a list starts is found loosely (up to three words before the first comma),
    so the first item is cut to as many words as the second has: items of a list are
    parallel. In "It coordinated military, political, and humanitarian work" the first
    item is "military", not "It coordinated military"."""
    items = []
    for lo, hi in list_ranges(text):
        cuts = [(m.start() + lo, m.end() + lo) for m in _SEPARATOR.finditer(text[lo:hi])]
        starts = [lo] + [end for _, end in cuts]
        ends = [start for start, _ in cuts] + [hi]
        spans = list(zip(starts, ends, strict=True))
        second = len(text[spans[1][0] : spans[1][1]].split())
        first_words = list(_WORD.finditer(text, spans[0][0], spans[0][1]))
        spans[0] = (first_words[-min(second, len(first_words))].start(), spans[0][1])
        items.extend(spans)
    return items


@dataclass(frozen=True)
class _Text:
    """A paragraph as the rule reads it, worked out once for every theme."""

    text: str
    words: list[Word]
    items: list[tuple[int, int]]
    index: WordIndex


def _read(text: str) -> _Text:
    text_words = words(text)
    return _Text(text, text_words, list_items(text), WordIndex(text_words))


def _code(theme: Theme, read: _Text, min_score: float) -> Coding:
    text, text_words = read.text, read.words
    score, evidence = 0.0, []
    for a, b, strong in _theme_spans(theme, text_words, read.index):
        start, end = text_words[a].start, text_words[b - 1].end
        in_list = any(lo <= start and end <= hi for lo, hi in read.items)
        score += min_score if strong or in_list else 1
        surface = text[start:end]
        if surface.lower() not in (e.lower() for e in evidence):
            evidence.append(surface)
    return Coding(theme.id, score, score >= min_score, tuple(evidence))


def code_theme(theme: Theme, text: str, min_score: float) -> Coding:
    return _code(theme, _read(text), min_score)


def code_paragraph(paragraph: Paragraph, codebook: Codebook) -> dict[str, Coding]:
    """The rule's coding of one paragraph, theme by theme (pins not applied)."""
    min_score = codebook.rules.paragraph_min_score
    read = _read(paragraph.text)
    return {theme.id: _code(theme, read, min_score) for theme in codebook.themes}


def paragraph_themes(
    paragraph: Paragraph, codebook: Codebook, codings: dict[str, Coding] | None = None
) -> tuple[str, ...]:
    """The themes a paragraph carries: its pins if it has any, else the rule's."""
    if paragraph.pinned:
        return tuple(t for t in codebook.ids if t in paragraph.pinned)
    codings = codings or code_paragraph(paragraph, codebook)
    return tuple(t for t in codebook.ids if codings[t].coded)
