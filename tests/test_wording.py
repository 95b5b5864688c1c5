"""One plural rule for every printed count."""

from __future__ import annotations

import pytest

from casebook.wording import counted, percent, symbol_first, told_apart


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


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (0.0, "0%"),
        (0.004, "0%"),
        (0.246, "24%"),  # just under a 25% threshold: never "25%"
        (0.25, "25%"),
        (0.29, "29%"),  # 28.999... in floating point, still 29
        (0.679, "67%"),
        (0.999, "99%"),  # "100%" only when it is all
        (1.0, "100%"),
    ],
)
def test_a_share_reads_as_a_whole_percentage_rounded_down(share, expected):
    assert percent(share) == expected


def test_two_cases_of_one_title_are_told_apart_by_their_folder():
    named = told_apart({"case-01": "Report", "case-02": "Other", "case-07": "Report"})
    assert named == {
        "case-01": "Report (case-01)",
        "case-02": "Other",
        "case-07": "Report (case-07)",
    }
    assert told_apart({}) == {}


def test_a_reports_symbol_comes_first_in_a_list_of_titles():
    title = "United Nations Mission for Justice Support in Haiti: Report of the Secretary-General"
    assert symbol_first(f"{title} (S/2019/563)") == f"S/2019/563 · {title}"
    assert symbol_first("Report (S/1998/375/Add.1)") == "S/1998/375/Add.1 · Report"
    for other in ("Analyzing the Impact of the UN Mission in Mali", "Elections (2019)",
                  "A study (see S/2019/563) of the mission", "(S/2019/563)"):  # fmt: skip
        assert symbol_first(other) == other
