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
"""

from __future__ import annotations

import re
import statistics

from casebook.ingest.pdflines import Line

ROMAN = re.compile(r"^[IVXL]{1,6}\.\s+\S")
LETTER = re.compile(r"^[A-Z]\.\s+\S")
ANNEX = re.compile(r"^(?:Annex|Appendix|Enclosure)(?:es)?\b(?:\s+[IVX\d]+)?\s*$", re.IGNORECASE)
NUMBER = re.compile(r"^(\d{1,3})\.\s")
# "1. Support to the justice system" (level 3), "2.1 Executive" or "(a) Police" (level 4)
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
