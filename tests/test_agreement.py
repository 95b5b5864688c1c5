"""Agreement arithmetic, and the rule's agreement with the hand-coding of the MINUSMA article."""

from __future__ import annotations

import importlib.util

import pytest

from casebook.agreement import agreement
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
