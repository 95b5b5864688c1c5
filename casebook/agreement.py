"""Agreement between two codings of the same paragraphs (the rule and a person, or two people).

For each theme, every paragraph falls in one cell of a 2 × 2 table: both coded it
(``true_positive``), only the first did (``false_positive``), only the second did
(``false_negative``), neither did (``true_negative``). Precision, recall and F1 read the
first coding against the second; Cohen's kappa corrects the share of paragraphs on which
the two agree for the agreement two codings with the same rates would reach by chance.
The pooled ("micro") row adds the four cells of every theme.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MICRO = "micro"


@dataclass(frozen=True)
class Agreement:
    theme: str  # a theme id, or "micro" for all themes pooled
    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int = 0

    @property
    def paragraphs(self) -> int:
        return self.true_positive + self.false_positive + self.false_negative + self.true_negative

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

    @property
    def kappa(self) -> float:
        """Cohen's kappa, (observed − chance) / (1 − chance). When chance agreement is
        already complete (both codings put every paragraph in the same one class), kappa is
        undefined; this returns 1.0 if the codings agree everywhere, else 0.0."""
        n = self.paragraphs
        if not n:
            return 1.0
        observed = (self.true_positive + self.true_negative) / n
        first_yes = (self.true_positive + self.false_positive) / n
        second_yes = (self.true_positive + self.false_negative) / n
        chance = first_yes * second_yes + (1 - first_yes) * (1 - second_yes)
        if chance >= 1.0:
            return 1.0 if observed >= 1.0 else 0.0
        return (observed - chance) / (1 - chance)

    def as_dict(self) -> dict[str, float | int]:
        """The counts and the measures, rounded for a results file."""
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "kappa": round(self.kappa, 3),
            "true_positive": self.true_positive,
            "false_positive": self.false_positive,
            "false_negative": self.false_negative,
            "true_negative": self.true_negative,
        }


def _table(theme: str, first: Sequence[set[str]], second: Sequence[set[str]]) -> Agreement:
    pairs = [(theme in a, theme in b) for a, b in zip(first, second, strict=True)]
    return Agreement(
        theme,
        sum(a and b for a, b in pairs),
        sum(a and not b for a, b in pairs),
        sum(b and not a for a, b in pairs),
        sum(not a and not b for a, b in pairs),
    )


def agreement(
    rule: Sequence[Iterable[str]], hand: Sequence[Iterable[str]], themes: Sequence[str]
) -> list[Agreement]:
    """Per-theme tables, then the pooled ("micro") row; paragraph i of each list is the same."""
    if len(rule) != len(hand):
        raise ValueError(f"{len(rule)} coded paragraphs against {len(hand)} hand-coded")
    first, second = [set(r) for r in rule], [set(h) for h in hand]
    rows = [_table(theme, first, second) for theme in themes]
    pooled = [
        sum(getattr(row, cell) for row in rows)
        for cell in ("true_positive", "false_positive", "false_negative", "true_negative")
    ]
    return [*rows, Agreement(MICRO, *pooled)]
