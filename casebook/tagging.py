"""Code paragraphs with themes by a rule a reader can check by hand.

The rule, in full:

1. Text is split into lower-case words (hyphens and apostrophes split too, so
   "capacity-building" reads as "capacity building").
2. A codebook term is one word or a phrase. Each word matches every word with the
   same English stem (the Snowball stemmer's: "attack" matches "attacks", "attacked",
   "attacking"; "election" matches "elections", "elected"); a word ending in ``*``
   matches any ending ("insurgen*" matches insurgent, insurgents, insurgency).
   Phrases match words in sequence.
3. Within one theme the longest match wins and no word counts twice. Words
   inside one of the theme's ``exclude`` phrases do not count.
4. Each match adds 1 to the theme's score. Two kinds of match add
   ``paragraph_min_score`` instead, since each states the theme outright: a
   match of one of the theme's ``strong_terms`` ("insurgency", "humanitarian
   aid"), and a match that is an item of an explicit list ("military,
   political, humanitarian, and development activities").
5. Where the codebook has coded examples (``content/examples.yaml``) and its rules ask
   for ``neighbours``, a paragraph whose words leave a theme undecided (its score short
   of ``paragraph_min_score`` by no more than ``neighbours`` × ``neighbour_weight``) is
   compared with every example (:mod:`casebook.semantic`); each of the ``neighbours``
   most similar examples whose similarity reaches ``neighbour_similarity`` adds
   ``neighbour_weight`` to the score of each theme it carries. Examples from the
   paragraph's own text take no part. Where the words settle every theme, the examples
   could change nothing, and the paragraph is not compared with them.
6. A paragraph is coded with a theme when its score reaches
   ``paragraph_min_score``: one passing mention is not a theme.

The matched words and the examples that added to a score are kept as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from casebook.matching import _WORD, TermScanner, find_term, stem, words
from casebook.model import Codebook, Neighbour, Paragraph, Theme

__all__ = ["Coding", "code_paragraph", "code_texts", "code_theme", "find_term", "stem", "words"]

# A word never gives back letters (``*+``): what follows one in the patterns below is a
# space, a comma or their end, which no letter or hyphen is, so no match is lost or
# changed, and the search no longer retries every shorter word (a third of the time).
_LIST_ITEM = r"[a-z][a-z-]*+(?: [a-z][a-z-]*+){0,2}"
# "a, b, and c" (serial comma) or "a, b, c and d": a bare "a, b and c" is too often a clause.
_LIST = re.compile(
    rf"\b{_LIST_ITEM}(?:(?:, {_LIST_ITEM})+, |(?:, {_LIST_ITEM}){{2,}} )(?:and|or) {_LIST_ITEM}"
)


@dataclass(frozen=True)
class Coding:
    """What the rule found for one theme in one paragraph."""

    theme: str
    score: float
    coded: bool
    evidence: tuple[str, ...]  # the matched words, as written
    neighbours: tuple[Neighbour, ...] = ()  # the nearest examples that carry the theme


KINDS = ("exclude", "terms", "strong_terms")


@lru_cache(maxsize=16)
def _scanner(themes: tuple[Theme, ...]) -> TermScanner:
    """Every term of every theme in one scanner, labelled (theme id, kind)."""
    return TermScanner(tuple(
        (term, (theme.id, kind)) for theme in themes for kind in KINDS
        for term in getattr(theme, kind)
    ))  # fmt: skip


Found = dict[tuple[str, str], list[tuple[int, int]]]  # (theme id, kind) → word spans


def _theme_spans(theme: Theme, found: Found) -> list[tuple[int, int, bool]]:
    """Non-overlapping (first, last+1, strong) matches: longest first, strong on a tie."""
    taken = {i for a, b in found.get((theme.id, "exclude"), ()) for i in range(a, b)}
    candidates = [
        (*span, strong)
        for kind, strong in (("terms", False), ("strong_terms", True))
        for span in found.get((theme.id, kind), ())
    ]
    candidates.sort(key=lambda span: (span[0] - span[1], span[0], not span[2]))
    chosen = []
    for a, b, strong in candidates:
        if not taken.intersection(range(a, b)):
            chosen.append((a, b, strong))
            taken.update(range(a, b))
    return sorted(chosen)


# Every list _LIST finds holds an item between two commas (", b, " in "a, b, and c" and
# in "a, b, c and d"): a text without one is not searched (most paragraphs, at a twentieth
# of the cost of the search).
_LIST_HINT = re.compile(rf", {_LIST_ITEM}, ")


def list_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of explicit lists of three or more short items."""
    if text.count(", ") < 2:  # every list the pattern finds has two commas or more
        return []
    lower = text.lower()
    if not _LIST_HINT.search(lower):
        return []
    return [(m.start(), m.end()) for m in _LIST.finditer(lower)]


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


class _Text:
    """A paragraph as the rule reads it, worked out once for every theme: its lower-case
    words, and their places in the text when a match needs them."""

    def __init__(self, text: str):
        self.text = text
        if text.isascii():  # lower-casing keeps every place: the words of the lower text
            self.tokens = _WORD.findall(text.lower())
        else:  # as words() reads them: casefolding may change a text's length
            found = list(_WORD.finditer(text))
            self.tokens = [m.group().casefold() for m in found]
            self.places = [m.span() for m in found]
        self.items = list_items(text)

    @cached_property
    def places(self) -> list[tuple[int, int]]:
        """Each word's (start, end) in the text."""
        return [m.span() for m in _WORD.finditer(self.text)]


def _code(theme: Theme, read: _Text, min_score: float, found: Found | None = None) -> Coding:
    """One theme's coding of a paragraph by its words (rule steps 1–4 and 6)."""
    text = read.text
    score, evidence = 0.0, []
    if found is None:
        found = _scanner((theme,)).spans(read.tokens)
    for a, b, strong in _theme_spans(theme, found):
        start, end = read.places[a][0], read.places[b - 1][1]
        in_list = any(lo <= start and end <= hi for lo, hi in read.items)
        score += min_score if strong or in_list else 1
        surface = text[start:end]
        if surface.lower() not in (e.lower() for e in evidence):
            evidence.append(surface)
    return Coding(theme.id, score, score >= min_score, tuple(evidence))


def _with_neighbours(coding: Coding, near: tuple[Neighbour, ...], rules) -> Coding:
    """The coding once the nearest examples that carry its theme have voted (step 5)."""
    voters = tuple(n for n in near if coding.theme in n.themes)
    score = coding.score + rules.neighbour_weight * len(voters)
    return replace(coding, score=score, coded=score >= rules.paragraph_min_score,
                   neighbours=voters)  # fmt: skip


def undecided(codings: dict[str, Coding], rules) -> bool:
    """Whether the nearest examples could change a theme of this paragraph: some theme's
    word score is short of the threshold by no more than all the neighbours can add. A
    paragraph whose words settle every theme is not compared with the examples."""
    reach = rules.neighbours * rules.neighbour_weight
    low = rules.paragraph_min_score - reach
    return any(low <= c.score < rules.paragraph_min_score for c in codings.values())


def code_theme(theme: Theme, text: str, min_score: float) -> Coding:
    """One theme's coding of a text by its terms alone."""
    return _code(theme, _Text(text), min_score)


def nearest_examples(
    texts: Sequence[str], codebook: Codebook, leave_out: str = ""
) -> list[tuple[Neighbour, ...]]:
    """Each text's nearest coded examples, as the codebook's rules ask (none when the rules
    ask for no neighbours or the codebook has no examples)."""
    rules = codebook.rules
    if rules.neighbours < 1 or not codebook.examples:
        return [() for _ in texts]
    from casebook import semantic  # numpy and the model: only where examples are compared

    index = semantic.index_for(codebook.examples)
    return index.nearest(texts, int(rules.neighbours), rules.neighbour_similarity, leave_out)


def code_texts(
    texts: Sequence[str], codebook: Codebook, leave_out: str = ""
) -> list[dict[str, Coding]]:
    """The rule's coding of each text, theme by theme. Examples whose source is
    ``leave_out`` (the text's own case) take no part."""
    codings = code_words(texts, codebook)
    asked = to_compare(codings, codebook)
    near = nearest_examples([texts[i] for i in asked], codebook, leave_out)
    return with_examples(codings, asked, near, codebook)


def code_words(texts: Sequence[str], codebook: Codebook) -> list[dict[str, Coding]]:
    """Each text's coding by its words alone (rule steps 1-4 and 6)."""
    min_score = codebook.rules.paragraph_min_score
    codings = []
    for text in texts:
        read = _Text(text)
        found = _scanner(codebook.themes).spans(read.tokens)
        codings.append({theme.id: _code(theme, read, min_score, found)
                        for theme in codebook.themes})  # fmt: skip
    return codings


def to_compare(codings: list[dict[str, Coding]], codebook: Codebook) -> list[int]:
    """Which of the codings the nearest examples could change (:func:`undecided`)."""
    return [i for i, coding in enumerate(codings) if undecided(coding, codebook.rules)]


def with_examples(
    codings: list[dict[str, Coding]],
    asked: list[int],
    near: list[tuple[Neighbour, ...]],
    codebook: Codebook,
) -> list[dict[str, Coding]]:
    """The codings once the nearest examples of the ``asked`` ones have voted (step 5)."""
    codings = list(codings)
    for i, neighbours in zip(asked, near, strict=True):
        codings[i] = {
            t: _with_neighbours(c, neighbours, codebook.rules) for t, c in codings[i].items()
        }
    return codings


def code_paragraph(
    paragraph: Paragraph, codebook: Codebook, leave_out: str = ""
) -> dict[str, Coding]:
    """The rule's coding of one paragraph, theme by theme (pins not applied)."""
    return code_texts([paragraph.text], codebook, leave_out)[0]


def paragraph_themes(
    paragraph: Paragraph, codebook: Codebook, codings: dict[str, Coding] | None = None
) -> tuple[str, ...]:
    """The themes a paragraph carries: its pins if it has any, else the rule's."""
    if paragraph.pinned:
        return tuple(t for t in codebook.ids if t in paragraph.pinned)
    codings = codings or code_paragraph(paragraph, codebook)
    return tuple(t for t in codebook.ids if codings[t].coded)
