"""Content problems, collected and reported together."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, at the line a reader can open."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class Collector:
    """Gathers the problems of one file, naming it the way the reader sees it
    (relative to the content folder's parent: ``content/minusma/05-impact.md``)."""

    def __init__(self, path: Path, root: Path, problems: list[Problem]):
        try:
            self.name = str(path.relative_to(root.parent))
        except ValueError:
            self.name = str(path)
        self.problems = problems

    def add(self, line: int, message: str | None) -> None:
        if message:
            self.problems.append(Problem(self.name, line, message))


class ContentError(Exception):
    """Raised once, after every problem in the content has been collected."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(value: str, known: list[str] | tuple[str, ...]) -> str:
    """A hint naming the closest known value, or nothing."""
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown_theme(theme_id: str, known: tuple[str, ...]) -> str:
    hint = did_you_mean(theme_id, known)
    if not hint:
        hint = f" (known: {', '.join(dict.fromkeys(known))})"
    return f"unknown theme '{theme_id}'{hint}"
