"""Which YAML texts libyaml reads exactly as the line-keeping pure-Python reader does.

``yamltext`` sends a file to libyaml only when a first pass over libyaml's events finds it
well within the reading's bounds and free of what the two readers take apart (each found
by the differential property test in tests/test_yamlfast.py). The bounds are measured as
that reader measures them: an alias counts for all its anchor holds, in values and depth,
so a few bytes of aliases standing for millions of values are refused here, and reported
there.
"""

from __future__ import annotations

import re

import yaml

_BLOCK = ("|", ">")  # literal and folded scalars
_HEADER = re.compile(r"[|>][-+0-9]*")  # a block scalar's indicators


def _odd_header(event: yaml.ScalarEvent, text: str) -> bool:
    """A block scalar header libyaml reads where PyYAML finds an error: a ``#`` straight
    after the indicators (``|#``). Also one not found where libyaml's mark says it starts."""
    header = _HEADER.match(text, event.start_mark.index)
    return header is None or text.startswith("#", header.end())


def _unusual(event: yaml.Event, text: str) -> bool:
    """An explicit tag (``!x``, ``!!str``: libyaml reads some apart from PyYAML) or a block
    scalar with an odd header."""
    if getattr(event, "tag", None) is not None:
        return True
    return getattr(event, "style", None) in _BLOCK and _odd_header(event, text)


class _Expanded:
    """What the line-keeping reader measures, from libyaml's events: values and depth with
    each alias standing for all its anchor holds. :meth:`add` says whether the document is
    still within ``depth`` and ``values``; an alias of no finished node (an unknown
    anchor, or its own, still open) or an anchor given twice is left to that reader too."""

    def __init__(self, depth: int, values: int):
        self.depth, self.values = depth, values
        self.open = [[0, 0, None]]  # per collection being read: values, depth, anchor
        self.anchors: dict[str, tuple[int, int]] = {}  # finished nodes: values, depth

    def add(self, event: yaml.Event) -> bool:
        if isinstance(event, yaml.AliasEvent):
            return event.anchor in self.anchors and self._child(*self.anchors[event.anchor])
        if getattr(event, "anchor", None) in self.anchors:
            return False
        if isinstance(event, yaml.ScalarEvent):
            return self._finished(event.anchor, 1, 1)
        if isinstance(event, yaml.CollectionStartEvent):
            self.open.append([1, 0, event.anchor])
            return len(self.open) - 1 <= self.depth
        if isinstance(event, yaml.CollectionEndEvent):
            values, depth, anchor = self.open.pop()
            return self._finished(anchor, values, depth + 1)
        return True

    def _finished(self, anchor: str | None, values: int, depth: int) -> bool:
        if anchor is not None:
            self.anchors[anchor] = (values, depth)
        return self._child(values, depth)

    def _child(self, values: int, depth: int) -> bool:
        parent = self.open[-1]
        parent[0] += values
        parent[1] = max(parent[1], depth)
        return parent[0] <= self.values and len(self.open) - 1 + depth <= self.depth


def same_reading(text: str, loader: type, depth: int, values: int) -> bool:
    """Whether the events of ``loader`` (libyaml's) show nesting and values, aliases
    expanded, within ``depth`` and ``values``; and whether the text holds nothing the two
    readers take apart: a byte-order mark (libyaml skips one at the start of any line,
    PyYAML only at the start of the text), a tab, or what :func:`_unusual` finds."""
    if "\ufeff" in text or "\t" in text:
        return False
    expanded = _Expanded(depth, values)
    for event in yaml.parse(text, Loader=loader):
        if _unusual(event, text) or not expanded.add(event):
            return False
    return True
