"""Agreement between the tagging rule and a hand-coding of the same paragraphs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Agreement:
    theme: str  # a theme id, or "micro" for all themes pooled
    true_positive: int
    false_positive: int
    false_negative: int

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def agreement(
    rule: Sequence[Iterable[str]], hand: Sequence[Iterable[str]], themes: Sequence[str]
) -> list[Agreement]:
    """Per-theme counts, then the pooled ("micro") row; paragraph i of each list is the same."""
    if len(rule) != len(hand):
        raise ValueError(f"{len(rule)} coded paragraphs against {len(hand)} hand-coded")
    rows = []
    for theme in themes:
        pairs = [(theme in set(r), theme in set(h)) for r, h in zip(rule, hand, strict=True)]
        rows.append(
            Agreement(
                theme,
                sum(r and h for r, h in pairs),
                sum(r and not h for r, h in pairs),
                sum(h and not r for r, h in pairs),
            )
        )
    pooled = [
        sum(getattr(row, f) for row in rows)
        for f in ("true_positive", "false_positive", "false_negative")
    ]
    return [*rows, Agreement("micro", *pooled)]
