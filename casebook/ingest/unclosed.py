"""Markup openers that nothing after them closes, escaped before an HTML page is parsed.

The standard library's ``html.parser`` (before Python 3.11.13) looks for the end of every
``<a ...``, ``<!--`` or ``<![`` to the end of the page when there is none, then reads the
``<`` as text and tries again one character on: "<a " repeated over 100 KB took minutes.
An opener after the last closer of its kind can close nothing, so it is text from the
start, and escaping it (``&lt;``) says so at once. The parser then shows it as the text
it was, on every Python version: nothing is dropped.
"""

from __future__ import annotations

import re

# (what opens, what closes it written backwards): the last closer is the first match in
# the reversed page, found in one pass. "<!--" and "<![" go first: the parser reads them
# before any other "<".
_KINDS = (
    (re.compile(r"<!--"), re.compile(r">!?--")),
    (re.compile(r"<!\["), re.compile(r">\s*\]")),
    (re.compile(r"<"), re.compile(r">")),
)


def escape_unclosed(html: str) -> str:
    """``html`` with every opener that no closer follows written as text (``&lt;``)."""
    for opener, closer_backwards in _KINDS:
        last = closer_backwards.search(html[::-1])
        end = len(html) - last.start() if last else 0
        html = html[:end] + opener.sub(lambda m: "&lt;" + m.group()[1:], html[end:])
    return html
