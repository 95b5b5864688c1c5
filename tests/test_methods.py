"""bench/methods.py: the nearest-paragraph vote and the leave-one-text-out loop."""

from __future__ import annotations

import importlib.util
import sys

import numpy as np
import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def methods():
    spec = importlib.util.spec_from_file_location("bench_methods", ROOT / "bench" / "methods.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its own module up by name
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def test_the_vote_is_the_similarity_weighted_share_of_the_nearest(methods, monkeypatch):
    monkeypatch.setattr(methods, "NEIGHBOURS", 2)
    train = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]])
    hand = np.array([[1, 0], [0, 1], [0, 1]])
    found = methods.vote(train, hand, np.array([[1.0, 0.0]]))
    # The two nearest: the first (similarity 1.0, theme 0), the second (0.6, theme 1).
    assert found[0].tolist() == pytest.approx([1.0 / 1.6, 0.6 / 1.6])


def test_a_text_is_never_in_its_own_training_rows(methods):
    part = methods.Part(
        groups=np.array(["a", "a", "b", "c"]), texts=["", "", "", ""],
        hand=np.zeros((4, 2), dtype=int), scores=np.zeros((4, 2)),
        rule=np.zeros((4, 2), dtype=bool), vectors=np.zeros((4, 2)),
    )  # fmt: skip
    seen = []

    def method(train, test):
        seen.append((set(part.groups[train]), set(part.groups[test])))
        return np.ones((int(test.sum()), 2), dtype=bool)

    found = methods.leave_one_text_out(part, method)
    assert seen == [({"b", "c"}, {"a"}), ({"a", "c"}, {"b"}), ({"a", "b"}, {"c"})]
    assert found.all()
