"""Words and terms: how a codebook term finds its places in a text.

A term is one word or a phrase. Each word matches every word with the same English stem
(the Snowball stemmer's, through PyStemmer: "attack" matches "attacks", "attacked",
"attacking"); a word ending in ``*`` matches any ending ("insurgen*" matches insurgent,
insurgents, insurgency). Phrases match words in sequence. Hyphens and apostrophes split
words, so "capacity-building" reads as "capacity building".
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from functools import cached_property, lru_cache
from typing import NamedTuple

import Stemmer

_WORD = re.compile(r"[^\W_]+")  # letters and digits, accented ones included


class Word(NamedTuple):
    """A lower-cased word and where it stands in its text (a tuple: a long text has many)."""

    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """Lower-cased words with their places in ``text`` (matched on the text itself,
    since lower-casing can change a string's length)."""
    return [Word(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]


_STEMMERS = threading.local()  # a PyStemmer object is not thread-safe: one per thread


def stem(word: str) -> str:
    """The word's English Snowball stem (actors → actor, authorities → author, elections →
    elect), from the Snowball project's stemmer (PyStemmer)."""
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = Stemmer.Stemmer("english")
    return stemmer.stemWord(word)


@lru_cache(maxsize=65_536)
def _forms(word: str) -> frozenset[str]:
    """The forms under which a word is looked up: its stem, computed once per distinct word."""
    return frozenset((stem(word),))


@lru_cache(maxsize=4_096)
def _parts(term: str) -> tuple[str, ...]:
    """A term's words as the rule reads them (lower-case, hyphens split)."""
    return tuple(term.casefold().replace("-", " ").split())


class WordIndex:
    """Where each word and each of its forms stands in a text.

    The rule is unchanged: a pattern word matches a text word when they share a stem, or,
    for ``insurgen*``, when the text word starts with ``insurgen``. The index only lets
    each term look up the places it can match instead of testing every word of the text.
    Sets and the sorted word list are made on first use: most words are never looked up.
    """

    def __init__(self, text_words: list[Word]):
        self.by_word: dict[str, list[int]] = {}
        for place, word in enumerate(text_words):
            self.by_word.setdefault(word.text, []).append(place)
        self.by_form: dict[str, list[int]] = {}
        for word, places in self.by_word.items():
            for form in _forms(word):
                self.by_form.setdefault(form, []).extend(places)
        self._found: dict[str, set[int]] = {}

    @cached_property
    def sorted_words(self) -> list[str]:
        """The distinct words in order, so that the words sharing a prefix stand together."""
        return sorted(self.by_word)

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
        words = self.sorted_words
        at = bisect_left(words, prefix)
        while at < len(words) and words[at].startswith(prefix):
            found.update(self.by_word[words[at]])
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


class TermScanner:
    """Every place where any of many terms occurs, found in one pass over a text's words.

    Each term comes with a label (what it is for); :meth:`spans` gives each label's
    (first, last+1) word spans, the same spans :func:`find_term` gives each of its terms.
    Terms are filed under the stem of their first word (or, for ``insurgen*``, its
    prefix), so each word of the text is looked up once, whatever the number of terms.
    """

    def __init__(self, entries: tuple[tuple[str, object], ...]):
        self._by_stem: dict[str, list[tuple[tuple[tuple[bool, str], ...], object]]] = {}
        self._by_prefix: list[tuple[str, tuple[tuple[bool, str], ...], object]] = []
        self._prefix_hits: dict[str, tuple[int, ...]] = {}
        for term, label in entries:
            parts = _parts(term)
            if not parts:
                continue
            rest = tuple(_pattern(part) for part in parts[1:])
            if parts[0].endswith("*"):
                self._by_prefix.append((parts[0][:-1], rest, label))
            else:
                self._by_stem.setdefault(_stem(parts[0]), []).append((rest, label))

    def spans(self, tokens: list[str]) -> dict[object, list[tuple[int, int]]]:
        """Each label's word spans in ``tokens`` (lower-case words, as :func:`words` gives
        them); a label none of whose terms occurs is left out."""
        stems = [_stem(token) for token in tokens]
        found: dict[object, list[tuple[int, int]]] = {}
        by_stem = self._by_stem
        for at, word_stem in enumerate(stems):
            entries = by_stem.get(word_stem)
            if entries is not None:
                for rest, label in entries:
                    if not rest or _follows(rest, tokens, stems, at + 1):
                        found.setdefault(label, []).append((at, at + 1 + len(rest)))
        if self._by_prefix:
            known = self._prefix_hits
            for at, token in enumerate(tokens):
                hits = known.get(token)
                for which in self._prefixes_of(token) if hits is None else hits:
                    _prefix, rest, label = self._by_prefix[which]
                    if not rest or _follows(rest, tokens, stems, at + 1):
                        found.setdefault(label, []).append((at, at + 1 + len(rest)))
        return found

    def _prefixes_of(self, word: str) -> tuple[int, ...]:
        """Which ``word*`` terms (by their place in _by_prefix) the word starts with, worked
        out once per distinct word: words repeat from paragraph to paragraph."""
        hits = self._prefix_hits.get(word)
        if hits is None:
            hits = tuple(i for i, (p, _r, _l) in enumerate(self._by_prefix) if word.startswith(p))
            if len(self._prefix_hits) < 100_000:  # bounded, whatever the texts
                self._prefix_hits[word] = hits
        return hits


_stem = lru_cache(maxsize=65_536)(stem)  # words repeat: each distinct one is stemmed once


def _pattern(part: str) -> tuple[bool, str]:
    """One word of a term as the scanner tests it: (True, prefix) for ``insurgen*``, else
    (False, its stem)."""
    return (True, part[:-1]) if part.endswith("*") else (False, _stem(part))


def _follows(
    rest: tuple[tuple[bool, str], ...], tokens: list[str], stems: list[str], at: int
) -> bool:
    """Whether the words from ``at`` on match the patterns ``rest``, one for one."""
    if at + len(rest) > len(tokens):
        return False
    for k, (prefixed, value) in enumerate(rest, start=at):
        if not (tokens[k].startswith(value) if prefixed else stems[k] == value):
            return False
    return True
