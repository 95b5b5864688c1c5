"""PDF ingest: a table that runs on to the next page, its header rows printed again at the
top of it (S/2019/198's annex II, pages 29 and 30), is one table with its header once."""

from __future__ import annotations

from casebook.ingest.pdfreader import read_pdf
from tests import unreport

HEADER = [["", "Police officers", "Formed units"], ["Country", "Officers", "Members"]]
OPENING = [
    ("h1", "I. Introduction"),
    ("p", ["1. The composition of the police of the Mission is given in the annex."]),
    ("h1", "Annex"),
]
CONTINUED = [
    *OPENING,
    ("table", [*HEADER, ["Argentina", "4", "2"], ["Benin", "29", "1"]]),
    ("page", ""),
    ("table", [*HEADER, ["Uruguay", "1", "3"], ["Total", "34", "6"]]),
]


def _table(body) -> list[str]:
    reading = read_pdf(unreport.build(body=body))
    return next(b.text for b in reading.blocks if b.kind == "table").split("\n")


def test_a_header_repeated_on_the_next_page_is_read_once():
    rows = _table(CONTINUED)
    assert rows[0].split(" | ")[1:] == ["Police officers", "Formed units |"]
    assert [row.split(" | ")[0] for row in rows[2:]] == [
        "| Country", "| Argentina", "| Benin", "| Uruguay", "| Total"
    ]  # fmt: skip


def test_rows_like_the_header_further_down_a_page_are_kept():
    """Only at the top of the page the table runs on to: a row met again mid-page is data."""
    body = [*OPENING, ("table", [*HEADER, ["Argentina", "4", "2"], *HEADER])]
    rows = _table(body)
    assert sum("Country" in row for row in rows) == 2
