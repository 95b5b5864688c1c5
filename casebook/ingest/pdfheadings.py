"""What heads a section of a text PDF, and at which level.

"I. Introduction" (level 1), "A. Political situation" (level 2), an "Annex" line
(level 1), a short bold line ("Emergency response") and a numbered line set apart in
bold ("1. Support to the justice system"): level 3 when set larger than the body, else
4; "2.1 Executive" or "(a) Police" in bold: level 5. Numbered paragraphs ("12. The
mission ...") are never headings.

The rule for numbered headings was checked on 33 UN reports of the PACT-ML corpus
(CC0) with a text layer: it finds 20 numbered headings (UNMISET's "1. Support to ...",
the EULEX annexes' "1. Summary", "2.1 Executive"), all true headings, and takes no
numbered paragraph for one; every numbered heading seen there was bold, at body size or
larger, with at most twelve words and no closing stop, and the short non-bold numbered
lines were table cells. One report set in bold throughout (ONUCA, S/23171) is why bold
counts only where the body is not bold (rerun: ``bench/bench_pdf_structure.py``).

Older reports, typed in one face and size (Courier, no bold), set headings apart by
place alone (:func:`placed_headings`): a short line with no closing stop, blank space
above and below it, the text above ended and running text below ("Police monitoring":
level 4; "A. Political aspects": level 2; "Annex": level 1), and a heading's next lines
set close under it in capitals or indented ("II. ACTIVITIES OF THE ... / ADMINISTRATION
FOR ...").
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from casebook.ingest.bylines import DATE
from casebook.ingest.pdflines import Line

ROMAN = re.compile(r"^[IVXL]{1,6}\.\s+\S")
LETTER = re.compile(r"^[A-Z]\.\s+\S")
ANNEX = re.compile(r"^(?:Annex|Appendix|Enclosure)(?:es)?\b(?:\s+[IVX\d]+)?\s*$", re.IGNORECASE)
NUMBER = re.compile(r"^(\d{1,3})\.\s")
# "1. Support to the justice system" (level 3), "2.1 Executive" or "(a) Police" (level 4)
ITEM = re.compile(r"^\((?:[a-z]{1,3}|\d{1,2})\)\s")  # a lettered or numbered item: "(a) "
_ENDED = (".", ":", ";", "?", "!", '"', "”", ")")  # how the text above a heading ends
_APART = 1.6  # line pitches of blank space that set a heading apart
_RUNS_ON = re.compile(r"\b(?:and|or|of|the|a|an|to|in|for|on|by|with|at|from|as)$", re.I)
NUMBERED = re.compile(r"^(?:(\d{1,2}\.)|\d{1,2}(?:\.\d{1,2})+\.?|\([a-z]{1,3}\))\s+\S")


def body_size(lines: list[Line]) -> float:
    sizes = [ln.size for ln in lines if len(ln.text.split()) >= 8]
    return statistics.median(sizes) if sizes else statistics.median(ln.size for ln in lines)


def heading_level(line: Line, size: float) -> int:
    words = len(line.text.split())
    if words > 16 or line.text.endswith("."):
        return 0
    numbered = NUMBERED.match(line.text)
    if numbered or NUMBER.match(line.text):
        return _numbered_level(line, numbered, size, words)
    if ROMAN.match(line.text) or (ANNEX.match(line.text) and (line.bold or line.size > size)):
        return 1
    if LETTER.match(line.text) and (line.bold or line.size > size * 1.05):
        return 2
    if line.bold and words <= 12 and line.size >= size * 0.95 and len(line.cells) == 1:
        return _deeper(line, size)
    return 0


def _deeper(line: Line, size: float) -> int:
    """Below "A.": 3 when set larger than the body ("Programme I"), else 4 (a bold
    line at body size, "1. Support to ..." under it)."""
    return 3 if line.size > size * 1.1 else 4


def _numbered_level(line: Line, numbered, size: float, words: int) -> int:
    """A numbered line set apart in bold ("1. Support to the justice system") heads a
    sub-section under "A."; a numbered paragraph ("12. The mission ...") is in body type,
    or runs on past twelve words, or ends a sentence or a clause."""
    heading = numbered and line.bold and words <= 12 and len(line.cells) == 1
    if not heading or line.size < size * 0.95 or line.text.endswith((":", ";", ",")):
        return 0
    return _deeper(line, size) if numbered[1] else 5


def relative_bold(lines: list[Line]) -> None:
    """Bold that sets a line apart: none, where the body text itself is set in bold."""
    body = [ln for ln in lines if len(ln.text.split()) >= 8]
    if body and sum(ln.bold for ln in body) > len(body) / 2:
        for line in lines:
            line.bold = False


def placed_headings(lines: list[Line], size: float, pitch: float) -> dict[int, int]:
    """Headings told by where they stand, not by their type: position in ``lines`` (the
    body, in reading order) to level. Lines :func:`heading_level` finds are left to it."""
    margin = Counter(round(ln.x) for ln in lines if len(ln.text.split()) >= 8)
    left = margin.most_common(1)[0][0] if margin else 0.0
    levels: dict[int, int] = {}
    for k, line in enumerate(lines):
        if heading_level(line, size):
            continue
        above = lines[k - 1] if k else None
        below = lines[k + 1] if k + 1 < len(lines) else None
        over = levels.get(k - 1) or (heading_level(above, size) if above else 0)
        if over and _runs_on_heading(above, line, pitch, left):
            levels[k] = over
        elif _heading_shape(line, size) and _set_apart(above, line, below, pitch, over):
            levels[k] = 1 if ANNEX.match(line.text) else 2 if LETTER.match(line.text) else 4
    return levels


def _short(line: Line) -> bool:
    text = line.text
    return len(text.split()) <= 12 and len(line.cells) == 1 and not text.endswith((".", ",", ";"))


def _heading_shape(line: Line, size: float) -> bool:
    """A short line of words in body type, starting with a capital: no date, no figures."""
    text = line.text
    letters = sum(c.isalpha() for c in text)
    wordy = letters >= 0.8 * len(text.replace(" ", ""))
    plain = text[:1].isupper() and not text.endswith(":") and not DATE.search(text)
    ended = not _RUNS_ON.search(text)  # "... together with Europol and": a sentence runs on
    return _short(line) and wordy and plain and ended and line.size >= 0.95 * size


def _runs_on_heading(above: Line, line: Line, pitch: float, left: float) -> bool:
    """A heading's next line: close under it, short, in capitals or indented."""
    close = above.page == line.page and above.y - line.y <= 1.3 * pitch
    shown = line.text.isupper() or line.x > left + 2 * line.size
    return close and shown and _short(line) and not (above.bold or line.bold)


def _set_apart(above: Line | None, line: Line, below: Line | None, pitch: float, over) -> bool:
    """Blank space above and below; the text above has ended (or is a heading, of level
    ``over``), running text follows."""
    if below is None or below.page != line.page or line.y - below.y <= _APART * pitch:
        return False
    if above is not None and above.page == line.page and above.y - line.y <= _APART * pitch:
        return False
    ended = above is None or above.text.endswith(_ENDED) or over > 0
    text = below.text
    numbered = NUMBER.match(text) or ITEM.match(text) or LETTER.match(text)
    follows = (len(text.split()) >= 6 and not text[:1].islower()) or numbered
    follows = follows and len(below.cells) == 1  # not a table's column head ("Amount")
    return (ended or len(above.cells) > 1) and (follows or ROMAN.match(text) is not None)
