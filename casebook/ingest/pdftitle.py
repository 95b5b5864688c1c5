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

from casebook.ingest.blocks import Block
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
_HEADING_NUMBER = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,3})\.\s+")  # "IV. ", "A. ", "12. "
_ROMAN = re.compile(r"^[IVX]{1,6}$")
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


def title_text(lines: list[Line], spellings: Spellings) -> str:
    """The title's lines as one, cased as the body writes its words when typed in capitals."""
    text = ""
    for before, line in zip([None, *lines], lines, strict=False):
        words = _MARKER.sub("", line.text.strip())
        part = before is not None and line.size < before.size * _SMALLER
        glue = ": " if part and not words.startswith("(") and text[-1:].isalnum() else " "
        text = f"{text}{glue}{words}" if text else words
    return spellings.cased(text) if capitals(text) else text


class Spellings:
    """How the body writes each word ("Security Council", though "security" alone is most
    often lower case), to write a title or heading typed in capitals the same way. Lines in
    capitals, such as headings, and a sentence's first word do not count."""

    def __init__(self, body: Iterable[str]):
        self.single: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.pairs: defaultdict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
        for line in body:
            if not line.isupper():
                self._count(line)

    def _count(self, line: str) -> None:
        found = list(_WORD.finditer(line))
        if not found:
            return
        words = [m[0] for m in found]
        # a sentence's first word has a capital whatever it is: it does not vote
        gaps = [line[a.end() : b.start()] for a, b in zip(found, found[1:], strict=False)]
        votes = [not _SENTENCE_END.search(gap) for gap in [line[: found[0].start()], *gaps]]
        for word, votes_for in zip(words, votes, strict=True):
            if votes_for:
                self.single[word.lower()][word] += 1
        for i in range(len(words) - 1):
            if votes[i]:
                self.pairs[(words[i].lower(), words[i + 1].lower())][(words[i], words[i + 1])] += 1

    def cased(self, title: str) -> str:
        """Each word as the body most often writes it beside the word next to it in the
        title, else alone; the first word capitalised, and so a word the body does not
        have (a name such as "Abkhazia"), unless it is one of the words titles use
        (``_TITLE_WORDS``). A heading's number ("IV.", "A.") is kept as it is."""
        number = _HEADING_NUMBER.match(title)
        head, title = (number[0], title[number.end() :]) if number else ("", title)
        words = [m[0] for m in _WORD.finditer(title)]
        keys = [w.lower() for w in words]

        def spelling(i: int) -> str:
            if _ROMAN.match(words[i]):  # "ANNEX IV"
                return words[i]
            after = self.pairs.get(tuple(keys[i : i + 2])) if i + 1 < len(keys) else None
            before = self.pairs.get(tuple(keys[i - 1 : i + 1])) if i else None
            if after:
                return after.most_common(1)[0][0][0]
            if before:
                return before.most_common(1)[0][0][1]
            seen = self.single.get(keys[i])
            if seen:
                return seen.most_common(1)[0][0]
            if keys[i] in _TITLE_WORDS:
                return keys[i]
            return "-".join(part.capitalize() for part in words[i].split("-"))

        spelt = iter([spelling(i) for i in range(len(words))])
        text = _WORD.sub(lambda _: next(spelt), title)
        return head + text[:1].upper() + text[1:]


def case_headings(blocks: Iterable[Block], spellings: Spellings) -> None:
    """Headings typed in capitals ("VII. FINANCIAL ASPECTS", a 1990s report's) written as
    the body writes their words, like the mixed-case headings around them."""
    for block in blocks:
        if block.kind == "heading" and capitals(block.text) and _WORD.search(block.text):
            block.text = spellings.cased(block.text)
