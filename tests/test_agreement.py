"""Agreement arithmetic, and the rule's agreement with the hand-coding of the MINUSMA article."""

from __future__ import annotations

import importlib.util

import pytest

from casebook.agreement import Agreement, agreement
from tests.conftest import ROOT


def test_counts_precision_recall_and_f1():
    rule = [["a"], ["a", "b"], [], ["b"]]
    hand = [["a"], ["a"], ["b"], ["b"]]
    a, b, micro = agreement(rule, hand, ["a", "b"])
    assert (a.true_positive, a.false_positive, a.false_negative) == (2, 0, 0)
    assert (b.true_positive, b.false_positive, b.false_negative) == (1, 1, 1)
    assert (micro.true_positive, micro.false_positive, micro.false_negative) == (3, 1, 1)
    assert micro.precision == pytest.approx(0.75)
    assert micro.recall == pytest.approx(0.75)
    assert micro.f1 == pytest.approx(0.75)


def test_true_negatives_are_counted_per_theme_and_pooled():
    rule = [["a"], ["a", "b"], [], ["b"]]
    hand = [["a"], ["a"], ["b"], ["b"]]
    a, b, micro = agreement(rule, hand, ["a", "b"])
    assert (a.true_negative, b.true_negative, micro.true_negative) == (2, 1, 3)
    assert (a.paragraphs, micro.paragraphs) == (4, 8)


@pytest.mark.parametrize(
    ("cells", "kappa"),
    [
        # 50 paragraphs: agree on 35 (0.70); chance 0.5 × 0.6 + 0.5 × 0.4 = 0.50.
        ((20, 5, 10, 15), 0.4),
        # 100 paragraphs: agree on 60; chance 0.6 × 0.7 + 0.4 × 0.3 = 0.54; 0.06 / 0.46.
        ((45, 15, 25, 15), 0.06 / 0.46),
        # perfect agreement on a mixed table
        ((3, 0, 0, 7), 1.0),
        # every disagreement: observed 0, chance 0.5 × 0.5 × 2 = 0.5
        ((0, 5, 5, 0), -1.0),
        # both code nothing: chance is complete and the codings agree everywhere
        ((0, 0, 0, 9), 1.0),
        # one codes everything, the other nothing: chance 0, observed 0
        ((0, 4, 0, 0), 0.0),
    ],
)
def test_kappa_on_hand_computed_tables(cells, kappa):
    assert Agreement("t", *cells).kappa == pytest.approx(kappa)


def test_pooled_kappa_adds_the_cells_of_every_theme():
    # theme a: tp 1, tn 1 (kappa 1); theme b: fp 1, fn 1 (kappa -1); pooled tp 1, fp 1, fn 1,
    # tn 1: observed 0.5, chance 0.5 × 0.5 × 2 = 0.5, kappa 0.
    rule = [["a", "b"], []]
    hand = [["a"], ["b"]]
    a, b, micro = agreement(rule, hand, ["a", "b"])
    assert (a.kappa, b.kappa, micro.kappa) == (1.0, -1.0, 0.0)


def test_as_dict_rounds_the_measures_and_keeps_the_counts():
    row = Agreement("t", 45, 15, 25, 15).as_dict()
    assert row == {
        "precision": 0.75, "recall": 0.643, "f1": 0.692, "kappa": 0.13,
        "true_positive": 45, "false_positive": 15, "false_negative": 25, "true_negative": 15,
    }  # fmt: skip


def test_nothing_to_find_counts_as_full_agreement():
    (row, _micro) = agreement([[]], [[]], ["a"])
    assert (row.precision, row.recall) == (1.0, 1.0)


def test_lists_of_different_length_are_refused():
    with pytest.raises(ValueError, match="2 coded paragraphs against 1 hand-coded"):
        agreement([[], []], [[]], ["a"])


def test_rule_agrees_with_the_hand_coding_of_the_article():
    """A floor, not the figure: `python bench/agreement.py` prints the current one."""
    spec = importlib.util.spec_from_file_location(
        "bench_agreement", ROOT / "bench" / "agreement.py"
    )
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    codebook, _table, rule, hand = bench.load_pairs()
    micro = agreement(rule, hand, codebook.ids)[-1]  # the rule alone: pins cannot help it
    assert micro.f1 >= 0.85
