"""Agreement arithmetic, and the rule's agreement with the hand-coding of the MINUSMA article."""

from __future__ import annotations

import importlib.util

import pytest

from casebook.agreement import Agreement, agreement
from casebook.loader import load_content
from tests.conftest import FIXTURES, ROOT, TINY


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


def bench_module():
    spec = importlib.util.spec_from_file_location(
        "bench_agreement", ROOT / "bench" / "agreement.py"
    )
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_rule_agrees_with_the_hand_coding_of_the_article():
    """A floor, not the figure: `python bench/agreement.py` prints the current one."""
    codebook, _table, rule, hand = bench_module().load_pairs()
    micro = agreement(rule, hand, codebook.ids)[-1]  # the rule alone: pins cannot help it
    assert micro.f1 >= 0.85


# --- the evaluation corpus (tests/fixtures/eval: two texts, two coders, counted by hand) ---


@pytest.fixture(scope="module")
def measured():
    codebook = load_content(TINY).codebook  # no examples: the rule is the terms alone
    return bench_module().measure(codebook, FIXTURES / "eval")


def cells(row: dict) -> tuple[int, int, int, int]:
    return tuple(row[c] for c in ("true_positive", "false_positive", "false_negative",
                                  "true_negative"))  # fmt: skip


def test_held_out_part_is_measured_on_its_coded_paragraphs_only(measured):
    results, _misses = measured
    held = results["held-out"]
    assert (held["split"], held["texts"], held["paragraphs"]) == ("held-out", 1, 3)
    assert held["missions"] == ["UNAMSIL", "UNMIL"]
    assert held["coders"] == ["coder-a", "coder-b"]
    # security: rule p1 p3, coder-a p1; political: rule p3, coder-a p2 p3
    assert cells(held["themes"]["security"]) == (1, 1, 0, 1)
    assert cells(held["themes"]["political"]) == (1, 0, 1, 1)
    assert cells(held["micro"]) == (2, 1, 1, 2)
    assert held["micro"]["f1"] == pytest.approx(0.667)
    assert held["micro"]["kappa"] == pytest.approx(0.333)  # observed 4/6, chance 0.5


def test_held_out_part_is_also_given_text_by_text(measured):
    results, _misses = measured
    (text,) = results["held-out"]["by_text"]
    assert (text["text"], text["paragraphs"]) == ("beta", 3)
    assert text["f1"] == pytest.approx(2 / 3)  # the held-out part is this one text
    assert text["kappa"] == pytest.approx(1 / 3)


def test_tuning_part_is_reported_apart_and_labelled_not_a_result(measured):
    results, misses = measured
    tuning = results["tuning"]
    assert (tuning["texts"], tuning["paragraphs"]) == (1, 3)
    assert "not a result" in tuning["note"]
    assert cells(tuning["themes"]["security"]) == (1, 0, 1, 1)
    assert misses["tuning"] == [("alpha-p3", [], ("security",))]


def test_people_are_measured_against_each_other_where_they_coded_the_same(measured):
    results, _misses = measured
    (pair,) = results["human"]
    assert (pair["coders"], pair["paragraphs"]) == (["coder-a", "coder-b"], 3)
    assert cells(pair["themes"]["security"]) == (1, 0, 1, 1)
    assert cells(pair["themes"]["political"]) == (1, 1, 0, 1)
