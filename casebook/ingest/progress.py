"""A plain-text progress bar on stderr for long ingests: ``ingest: 40% [########            ]``.

It is drawn when the input is larger than :data:`LARGE_INPUT_BYTES` and stderr
is a terminal, or whenever it is asked for (``--progress``); otherwise it
stays silent, so logs and pipes see only the summary and the warnings.
"""

from __future__ import annotations

from typing import TextIO

LARGE_INPUT_BYTES = 200_000
WIDTH = 20


class Bar:
    def __init__(self, stream: TextIO, enabled: bool, label: str = "ingest"):
        self.stream, self.enabled, self.label = stream, enabled, label
        self.shown = -1

    def update(self, fraction: float) -> None:
        percent = max(0, min(100, int(fraction * 100)))
        if not self.enabled or percent == self.shown:
            return
        filled = percent * WIDTH // 100
        bar = "#" * filled + " " * (WIDTH - filled)
        self.stream.write(f"\r{self.label}: {percent}% [{bar}]")
        self.stream.flush()
        self.shown = percent

    def finish(self) -> None:
        """Show 100% and end the line."""
        self.update(1.0)
        self.clear()

    def clear(self) -> None:
        """End the bar's line so that what follows starts on its own."""
        if self.enabled and self.shown >= 0:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = -1


def bar_for(size: int, stream: TextIO, asked: bool) -> Bar:
    """A bar that draws only for large inputs on a terminal, or when asked."""
    interactive = getattr(stream, "isatty", lambda: False)()
    return Bar(stream, asked or (size > LARGE_INPUT_BYTES and interactive))
