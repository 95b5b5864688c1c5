"""HTML for the record beside the text (casebook/recordmarkup.py)."""

from __future__ import annotations

from types import SimpleNamespace

from casebook.recordmarkup import review_line, sources


def test_a_claim_flag_says_when_it_was_said_and_reviewed_and_by_whom():
    claim = SimpleNamespace(said="", reviewed="2026-11-28", reviewer="casebook editors")
    assert review_line(claim) == "Said: undated · reviewed 2026-11-28 by casebook editors"
    claim = SimpleNamespace(said="2023-01", reviewed="", reviewer="")
    assert review_line(claim) == "Said: 2023-01 · review undated"


def test_each_source_gives_its_as_of_date():
    dated = SimpleNamespace(title="T", publisher="", url="", date="2013-04-25", tier="un")
    undated = SimpleNamespace(title="U", publisher="", url="", date="n.d.", tier="news")
    html = sources([dated, undated])
    assert "(as of 2013-04-25)" in html and "(undated)" in html
