"""A UN report's title, from the lines of its first page above the first heading or
paragraph (the rules are listed in :mod:`casebook.ingest.pdfreader`).

- **Which lines**: those set as a title right above the first heading, bold and larger
  than the body or, in a typed report, in capitals; a one-word heading the reader did
  not take for one ("INTRODUCTION", "Addendum") is passed over.
- **How they join**: a line in smaller type than the one before starts a second part
  ("United Nations Mission for Justice Support in Haiti" over "Report of the
  Secretary-General": joined by a colon); a wrapped line joins with a space; a footnote
  marker ("Kosovo*") is left out.
- **Its casing**: a title typed in capitals is written as the report's own text writes
  its words, each as the body most often spells it, the first with a capital ("REPORT
  OF THE SECRETARY-GENERAL ON THE SITUATION IN TAJIKISTAN" becomes "Report of the
  Secretary-General on the situation in Tajikistan").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from casebook.ingest.pdflines import Line

_PASSED_OVER = {"introduction", "addendum", "corrigendum"}  # one-word headings
_SMALLER = 0.95  # a title line under this share of the size of the one above starts a part
_MARKER = re.compile(r"\s*\*+$")  # a footnote marker at a line's end
# Words of UN report titles that a typed report's body may not use (it is written in the
# first person: "I recommend"): written in lower case when the body does not have them.
_TITLE_WORDS = frozenset({
    "activities", "concerning", "final", "further", "implementation", "interim", "progress",
    "pursuance", "pursuant", "question", "report", "resolution", "resolutions", "situation",
    "special", "submitted",
})  # fmt: skip
# between a sentence's first word and the word before it, or the line's start
_SENTENCE_END = re.compile(r"[.!?:][\"”’)]*\s*$|^\s*\d+\.\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*")


def title_lines(above: list[Line], size: float) -> list[Line]:
    """The title's lines among those of page 1 above the first heading or paragraph: bold
    and larger than the body, or in a typed report capitals."""
    if above and above[-1].text.strip(" .").lower() in _PASSED_OVER:
        above = above[:-1]
    return _title(above, lambda ln: ln.bold and ln.size >= size * 1.05) or _title(above, _typed)


def _title(above: list[Line], shaped: Callable[[Line], bool]) -> list[Line]:
    """The lines right above the first heading or paragraph that are set as a title."""
    title: list[Line] = []
    for line in reversed(above):
        if not shaped(line):
            break
        title.insert(0, line)
    return title


def _typed(line: Line) -> bool:
    """A typed report's title line: in capitals ("REPORT OF THE SECRETARY-GENERAL ON ..."),
    not the masthead's "ORIGINAL: ENGLISH"."""
    text = line.text
    return capitals(text) and len(text.split()) >= 2 and ":" not in text and "ORIGINAL" not in text


def capitals(text: str) -> bool:
    """Typed in capitals, a letter or two misread by OCR aside ("TAJIKinTAN")."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def title_text(lines: list[Line], body: Iterable[str]) -> str:
    """The title's lines as one, cased by the body's text when typed in capitals."""
    text = ""
    for before, line in zip([None, *lines], lines, strict=False):
        words = _MARKER.sub("", line.text.strip())
        part = before is not None and line.size < before.size * _SMALLER
        glue = ": " if part and not words.startswith("(") and text[-1:].isalnum() else " "
        text = f"{text}{glue}{words}" if text else words
    return cased(text, body) if capitals(text) else text


def cased(title: str, body: Iterable[str]) -> str:
    """A title in capitals with each word as the body most often writes it beside the
    word next to it in the title ("Security Council", though "security" alone is most
    often lower case), else alone; lines in capitals, such as headings, and a sentence's
    first word do not count. The first word is capitalised, and so is a word the body does
    not have (a name such as "Abkhazia"), unless it is one of the words titles use
    (``_TITLE_WORDS``)."""
    single: defaultdict[str, Counter[str]] = defaultdict(Counter)
    pairs: defaultdict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
    for line in body:
        if line.isupper():
            continue
        found = list(_WORD.finditer(line))
        if not found:
            continue
        words = [m[0] for m in found]
        # a sentence's first word has a capital whatever it is: it does not vote
        gaps = [line[a.end() : b.start()] for a, b in zip(found, found[1:], strict=False)]
        votes = [not _SENTENCE_END.search(gap) for gap in [line[: found[0].start()], *gaps]]
        for word, votes_for in zip(words, votes, strict=True):
            if votes_for:
                single[word.lower()][word] += 1
        for i in range(len(words) - 1):
            if votes[i]:
                pairs[(words[i].lower(), words[i + 1].lower())][(words[i], words[i + 1])] += 1

    words = [m[0] for m in _WORD.finditer(title)]
    keys = [w.lower() for w in words]

    def spelling(i: int) -> str:
        after = pairs.get(tuple(keys[i : i + 2])) if i + 1 < len(keys) else None
        before = pairs.get(tuple(keys[i - 1 : i + 1])) if i else None
        if after:
            return after.most_common(1)[0][0][0]
        if before:
            return before.most_common(1)[0][0][1]
        seen = single.get(keys[i])
        if seen:
            return seen.most_common(1)[0][0]
        if keys[i] in _TITLE_WORDS:
            return keys[i]
        return "-".join(part.capitalize() for part in words[i].split("-"))

    spelt = iter([spelling(i) for i in range(len(words))])
    text = _WORD.sub(lambda _: next(spelt), title)
    return text[:1].upper() + text[1:]
