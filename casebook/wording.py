"""How a count reads: "1 paragraph", "3 paragraphs", "1 match"; how a share reads: "24%";
how cases are named. One rule for each, for every count, share and list of cases the
dashboard and the command line print."""

from __future__ import annotations

import math
import re
from collections import Counter

IRREGULAR = {"match": "matches", "analysis": "analyses"}


def counted(count: int, noun: str) -> str:
    """``count`` and the noun, plural unless the count is exactly one."""
    if count == 1:
        return f"1 {noun}"
    return f"{count:,} {IRREGULAR.get(noun, noun + 's')}"


def percent(share: float) -> str:
    """A share (0 to 1) as a whole percentage, rounded down: a section with 24.6% of its
    words in a theme reads "24%", so that "25%" always means it reached the codebook's 25%
    tagging threshold (rounded, it read "25%" beside a section left untagged)."""
    return f"{math.floor(round(share * 100, 6))}%"


def told_apart(names: dict[str, str]) -> dict[str, str]:
    """Each key's name (a case folder's title, say), with the key after it in brackets
    where two keys share a name: "Mission report (case-01)"."""
    seen = Counter(names.values())
    return {k: name if seen[name] == 1 else f"{name} ({k})" for k, name in names.items()}


# A title that ends with a UN document symbol in brackets: "... (S/2019/563)"
_TRAILING_SYMBOL = re.compile(r"^(.*\S)\s+\(([A-Z]{1,5}/[A-Za-z0-9./-]*[A-Za-z0-9])\)$")


def symbol_first(title: str) -> str:
    """A report's title for a list of them, its document symbol first, where titles that
    begin alike ("Report of the Secretary-General on ...") are told apart at a glance and
    a narrow box still shows it: "S/2019/563 · United Nations Mission ...". Other titles
    as they are."""
    found = _TRAILING_SYMBOL.match(title)
    return f"{found[2]} · {found[1]}" if found else title
