"""One plural rule for every printed count."""

from __future__ import annotations

import pytest

from casebook.wording import counted


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (0, "paragraph", "0 paragraphs"),
        (1, "paragraph", "1 paragraph"),
        (2, "section", "2 sections"),
        (1, "match", "1 match"),
        (3, "match", "3 matches"),
        (12_345, "case", "12,345 cases"),
        (2, "reviewed claim", "2 reviewed claims"),
    ],
)
def test_a_count_reads_singular_only_for_one(count, noun, expected):
    assert counted(count, noun) == expected
