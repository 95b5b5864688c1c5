"""The elements open while an HTML page is read, counted so that no step searches them.

Reading stays linear in the size of the page: "is a <title> open?" and "which role
applies here?" are answered from counts by tag and by role; closing an element pops
only what the search for it passed. ``steps`` counts the work done (for the tests), and
nothing recurses, however deep the nesting. The counts are plain dictionaries read with
``get``: a page's reading asks them tens of thousands of times.
"""

from __future__ import annotations

ROLE_ORDER = ("skip", "boilerplate", "reference", "byline")  # the first open one applies


class OpenElements:
    def __init__(self) -> None:
        self.stack: list[tuple[str, str | None]] = []  # (tag, role), outermost first
        self.tags: dict[str, int] = {}
        self.roles: dict[str, int] = {}
        self.steps = 0  # elements pushed, popped or looked at
        self.depth = 0  # the deepest nesting met

    def has(self, *tags: str) -> bool:
        counts = self.tags
        for tag in tags:  # noqa: SIM110 - a loop: any() over a generator costs more here
            if counts.get(tag):
                return True
        return False

    def count(self, tag: str) -> int:
        return self.tags.get(tag, 0)

    def role_open(self, role: str) -> bool:
        return bool(self.roles.get(role))

    def context(self) -> str:
        """What the text here is: the strongest open role, else a paragraph."""
        roles = self.roles
        for role in ROLE_ORDER:
            if roles.get(role):
                return role
        return "reference" if roles.get("note") else "paragraph"

    def push(self, tag: str, role: str | None) -> None:
        self.steps += 1
        self.stack.append((tag, role))
        self.depth = max(self.depth, len(self.stack))
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if role:
            self.roles[role] = self.roles.get(role, 0) + 1

    def pop_to(self, index: int) -> None:
        """Close the element at ``index`` and every element opened inside it."""
        while len(self.stack) > index:
            self.steps += 1
            tag, role = self.stack.pop()
            self.tags[tag] -= 1
            if role:
                self.roles[role] -= 1

    def top_index(self, tag: str) -> int | None:
        """The innermost open ``tag``; looked for only when one is open, and closing it
        pops everything the search passed, so the search costs no more than the pops."""
        if not self.tags.get(tag):
            return None
        if self.stack[-1][0] == tag:
            return len(self.stack) - 1
        for index in range(len(self.stack) - 1, -1, -1):
            self.steps += 1
            if self.stack[index][0] == tag:
                return index
        return None  # pragma: no cover - the count says it is open

    def changes_context(self, index: int) -> bool:
        """Whether closing the element at ``index`` changes what the text around it is:
        its role is one that no element outside it has."""
        role = self.stack[index][1]
        if role in (None, "skip"):
            return False
        inside = sum(1 for _, r in self.stack[index:] if r == role)
        return self.roles[role] == inside
