"""HTML for the blocks a section keeps but does not code: captions, tables, notes, references.

Each is shown as what it is (a table as a table, a caption as a figure caption, a note
and a reference in small type), every piece of text escaped. Paragraphs and quotes are
drawn by :func:`casebook.markup.paragraph`.
"""

from __future__ import annotations

import re
from html import escape

from casebook.blocktext import table_rows
from casebook.model import Extra

STYLE = """
<style>
.cb-kept{margin:0.3rem 0 0.5rem 1.3rem;font-size:0.9rem}
.cb-kept table{border-collapse:collapse;font-size:0.85rem}
.cb-kept figure.cb-wide{margin:0;max-width:100%;overflow-x:auto}  /* a phone scrolls it */
.cb-kept td.cb-num{white-space:nowrap;text-align:right}  /* "1 353" is one number */
.cb-kept th,.cb-kept td{border:1px solid rgba(128,128,128,0.4);padding:0.15rem 0.5rem;
  text-align:left;vertical-align:top}
.cb-kept figcaption,.cb-kept .cb-kind{opacity:0.75;font-size:0.8rem}
</style>
"""
LABELS = {"caption": "Caption", "table": "Table", "note": "Note", "reference": "Reference"}


_NUMBER = re.compile(r"^[-+–]?[$€£]?\d[\d\s.,]*%?$")  # "1 353", "240.5", "12%"


def _cell(text: str) -> str:
    """A body cell; a number is kept on one line and set right."""
    number = ' class="cb-num"' if _NUMBER.match(text.strip()) else ""
    return f"<td{number}>{escape(text)}</td>"


def _table(text: str) -> str:
    rows, notes = table_rows(text)
    head, body = (rows[0], rows[1:]) if len(rows) > 1 else ([], rows)
    cells = "".join(f"<th scope='col'>{escape(c)}</th>" for c in head)
    lines = [f"<thead><tr>{cells}</tr></thead>"] if head else []
    lines += ["<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in body]
    caption = "".join(f"<figcaption>{escape(n)}</figcaption>" for n in notes)
    # wider than a phone: it scrolls sideways, and takes the keyboard's focus to do so
    return f'<figure class="cb-wide" tabindex="0"><table>{"".join(lines)}</table>{caption}</figure>'


def kept(extra: Extra) -> str:
    """One kept block, labelled with its kind for screen readers and the eye."""
    if extra.kind == "table":
        inner = _table(extra.text)
    elif extra.kind == "caption":
        inner = f"<figure><figcaption>{escape(extra.text)}</figcaption></figure>"
    else:
        label = f'<span class="cb-kind">{LABELS.get(extra.kind, extra.kind)}: </span>'
        inner = f"<p>{label}{escape(extra.text)}</p>"
    return f'<div class="cb-kept cb-{escape(extra.kind)}">{inner}</div>'
