"""How a count reads: "1 paragraph", "3 paragraphs", "1 match". One rule for every count
the dashboard and the command line print."""

from __future__ import annotations

IRREGULAR = {"match": "matches", "analysis": "analyses"}


def counted(count: int, noun: str) -> str:
    """``count`` and the noun, plural unless the count is exactly one."""
    if count == 1:
        return f"1 {noun}"
    return f"{count:,} {IRREGULAR.get(noun, noun + 's')}"
