"""maintext's word triples: lower-casing a page's words together gives what lower-casing
them one by one gives, and the triples are every run of three words."""

from __future__ import annotations

import re
from datetime import timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from casebook.ingest import maintext

ONE_BY_ONE = re.compile(r"[^\W_]+")
TRICKY = "ΣσςİIıAaß ﬁǅǄ_-.\u0307\u0345Ὰ "  # final sigma, dotted I, ligatures, combining marks


@settings(max_examples=300, deadline=timedelta(seconds=5), derandomize=True, database=None)
@given(text=st.text(max_size=60) | st.text(alphabet=TRICKY, max_size=30))
@example(text="ΟΔΟΣ ΣΑΣ")  # each Σ ends a word: a final sigma, together or alone
@example(text="İSTANBUL")  # lower-cases to two characters, the second a combining dot
@example(text="")
def test_tokens_and_triples_are_the_words_one_by_one(text):
    tokens = maintext._tokens(text)
    assert tokens == [word.lower() for word in ONE_BY_ONE.findall(text)]
    assert maintext._triples(tokens) == {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}
