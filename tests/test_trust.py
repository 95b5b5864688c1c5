"""How far to trust the tags: the results file the About page reads, the uncoded-share note."""

from __future__ import annotations

import json

import pytest

from casebook import trust
from casebook.loader import load_content
from tests.conftest import FIXTURES, TINY

RESULTS = FIXTURES / "results" / "results.json"
CODEBOOK = load_content(TINY).codebook  # security, political


def test_results_are_read_from_the_file():
    results = trust.read_results(RESULTS)
    assert results["held-out"]["paragraphs"] == 120
    assert results["measured"] == "2026-11-29 12:40 UTC"


def test_results_file_can_be_named_in_the_environment(monkeypatch):
    monkeypatch.setenv(trust.RESULTS_ENV, str(RESULTS))
    assert trust.read_results()["commit"] == "abc1234"


@pytest.mark.parametrize(
    "text",
    [None, "", "not json", "[]", json.dumps({"held-out": {"paragraphs": 0}})],
)
def test_missing_broken_or_empty_results_read_as_not_measured(tmp_path, text):
    path = tmp_path / "results.json"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    assert trust.read_results(path) is None


def test_agreement_table_has_a_row_per_measured_theme_then_all():
    table = trust.agreement_table(trust.read_results(RESULTS)["held-out"], CODEBOOK)
    assert table.splitlines() == [
        "| theme | precision | recall | F1 | Cohen's kappa |",
        "|---|---|---|---|---|",
        "| Security | 0.90 | 0.80 | 0.85 | 0.78 |",
        "| Political | 0.75 | 0.60 | 0.67 | 0.50 |",
        "| **all themes (micro)** | 0.83 | 0.70 | 0.76 | 0.64 |",
    ]


def test_corpus_sentence_says_what_was_measured_and_when():
    held = trust.read_results(RESULTS)["held-out"]
    assert trust.corpus_sentence(held, "2026-11-29 12:40 UTC") == (
        "Measured on 120 paragraphs of 3 texts (analyses and UN documents) about 2 peace "
        "operations (MONUSCO, UNAMIR), none of which the codebook was tuned on, each coded "
        "blind from the theme definitions alone; 2026\\-11\\-29 12:40 UTC."
    )


def test_a_genre_without_words_for_it_is_named_as_it_is_escaped():
    held = {"paragraphs": 5, "texts": 1, "genres": ["news", "blog*post"], "missions": ["X"]}
    assert "(news features and blog\\*post)" in trust.corpus_sentence(held, "today")


@pytest.mark.parametrize(("uncoded", "noted"), [(0.0, False), (1 / 3, False), (0.34, True)])
def test_uncoded_note_from_a_third_of_the_words(uncoded, noted):
    note = trust.uncoded_note(uncoded)
    assert (note is not None) == noted
    if noted:
        assert note.startswith("34% of this case's words are in paragraphs with no theme")
