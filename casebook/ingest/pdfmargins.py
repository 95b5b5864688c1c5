"""What stands around the body of a text PDF's page: running heads and feet, footnotes.

The rules are described in :mod:`casebook.ingest.pdfreader`.
"""

from __future__ import annotations

import re
from collections import Counter

from casebook.ingest.pdflayout import marked
from casebook.ingest.pdflines import Line

_TOKEN = re.compile(
    r"^(?:\d{0,3}/?\d{1,3}|\d{2}-\d{5,6}|\([A-Z]\)|\d{6}|\*\d{6,9}\*"
    r"|[A-Z]{1,5}(?:/[A-Za-z0-9.\[\]]+)+|/\.\.\.|Page|English|French|Spanish)$"
)
_JOB = re.compile(r"^\d{2}-\d{5,6}$")  # a job number: "10-31957"
SYMBOL = re.compile(r"\b[A-Z]{1,5}/(?:[A-Z0-9.]+/?)+\d")
_EDGE = 80  # points from the top or bottom edge where running heads and feet stand
_PAGE = re.compile(r"^Page \d{1,3}$")
_RULE = re.compile(r"^[_\-–—]{5,}$")


def _edge(line: Line, reach: float = 1.0) -> bool:
    return line.y > line.top - reach * _EDGE or line.y < reach * _EDGE


def furniture(lines: list[Line]) -> set[int]:
    """Indexes of running heads and feet; on a page turned sideways (a map annex) they
    stand away from the edges: there a line of such tokens with the job number, or the
    report's own symbol alone, is one too."""
    shapes = Counter(re.sub(r"\d+", "#", ln.text) for ln in lines if _edge(ln))
    symbols = Counter(ln.text for ln in lines if _edge(ln) and SYMBOL.fullmatch(ln.text))
    own = symbols.most_common(1)[0][0] if symbols else None
    pages = len({ln.page for ln in lines})
    out = set()
    for index, line in enumerate(lines):
        tokens = line.text.replace("[", "").replace("]", "").split()
        repeated = pages >= 3 and shapes[re.sub(r"\d+", "#", line.text)] > pages / 2
        heads = all(_TOKEN.match(t) for t in tokens)
        job = heads and any(_JOB.match(t) for t in tokens)
        own_symbol = line.text == own and line.page > 1  # page 1's is the masthead's
        page = _PAGE.match(line.text) and _edge(line, 1.5)  # a scan's head stands lower
        if (_edge(line) and (heads or repeated)) or job or own_symbol or page:
            out.add(index)
    return out


def page_notes(page: list[tuple[int, Line]], size: float) -> set[int]:
    """Indexes of the footnote lines of one page: below a rule, or small type at its foot."""
    rule = next((i for i, (_, ln) in enumerate(page) if _RULE.match(ln.text)), None)
    if rule is not None:
        return {index for index, _ in page[rule:]}
    out: set[int] = set()
    for index, line in reversed(page):
        if line.size >= size * 0.9 or line.y > line.top / 2 or len(line.cells) > 1:
            break
        out.add(index)
    starts = [i for i, ln in page if i in out and marked(ln.text)]
    return {i for i in out if starts and i >= starts[0]}
