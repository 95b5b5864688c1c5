"""Citations of a view (casebook/cite.py): exact APA and BibTeX for a fixed date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from casebook import cite
from casebook.cite import apa, bibtex, publisher
from casebook.loader import load_content
from casebook.model import Case
from tests.conftest import TINY

ACCESSED = date(2026, 11, 28)
URL = "https://www.troopdeploy.com/case-study-un-mission-in-mali"
TITLE = "Analyzing the Impact of the UN Mission in Mali"
VIEW = "http://localhost:8501/?theme=security"
# A permalink as the app writes it: two themes, "all", a target and an anchor.
FULL_VIEW = "http://localhost:8501/lessons?theme=security&theme=political&match=all#lessons-p2"

CASE = Case(
    slug="minusma",
    title=TITLE,
    sections=(),
    source_url=URL,
    notice="🧠 AI-Generated Insight: Parts of this content were created using AI assistance.",
)
BARE = Case(slug="minusma", title=TITLE, sections=())  # no source, no notice


# --- publisher --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "site"),
    [
        (URL, "troopdeploy.com"),  # www. dropped
        ("https://troopdeploy.com/a", "troopdeploy.com"),
        ("http://WWW.Example.ORG:8080/a?b=c", "example.org"),  # lower case, no port
        ("https://news.www.example.org/a", "news.www.example.org"),  # only a leading www.
        ("https://wwwexample.org/", "wwwexample.org"),  # "www" without its dot stays
        ("https://user@www.example.org/", "example.org"),
        ("", ""),
    ],
)
def test_publisher(url, site):
    assert publisher(replace(CASE, source_url=url)) == site


# --- apa --------------------------------------------------------------------------------


def test_apa_exact():
    assert apa(CASE, VIEW, ACCESSED) == (
        "Analyzing the Impact of the UN Mission in Mali. (n.d.). troopdeploy.com. "
        "Retrieved November 28, 2026, from "
        "https://www.troopdeploy.com/case-study-un-mission-in-mali "
        "(read in casebook, view: http://localhost:8501/?theme=security)"
    )


@pytest.mark.parametrize(
    ("accessed", "day"),
    [
        (date(2026, 1, 5), "Retrieved January 5, 2026,"),  # no leading zero
        (date(2025, 12, 31), "Retrieved December 31, 2025,"),
    ],
)
def test_apa_date(accessed, day):
    assert day in apa(CASE, VIEW, accessed)


def test_apa_keeps_the_permalink_as_written():
    assert apa(CASE, FULL_VIEW, ACCESSED).endswith(f"(read in casebook, view: {FULL_VIEW})")


def test_apa_without_a_source_has_no_site_and_no_retrieval():
    assert apa(BARE, VIEW, ACCESSED) == f"{TITLE}. (n.d.). (read in casebook, view: {VIEW})"


def test_apa_without_a_source_does_not_say_from():
    text = apa(BARE, VIEW, ACCESSED)
    assert "from (" not in text
    assert (text.startswith(TITLE), text.endswith(f"(read in casebook, view: {VIEW})")) == (
        True,
        True,
    )


def test_citations_use_the_author_and_date_when_known():
    case = replace(CASE, author="Jane Doe", published="2024-03-05")
    text, entry = apa(case, VIEW, ACCESSED), bibtex(case, VIEW, ACCESSED)
    assert text.startswith(f"Doe, J. (2024). {TITLE}. troopdeploy.com. Retrieved ")
    assert "  author = {Doe, Jane},\n" in entry and "  date = {2024},\n" in entry


@pytest.mark.parametrize(
    ("byline", "in_apa", "in_bibtex"),
    [
        ("Fatoumata Coulibaly", "Coulibaly, F.", "Coulibaly, Fatoumata"),
        ("Jean-Paul Diallo", "Diallo, J.-P.", "Diallo, Jean-Paul"),
        ("María José de la Cruz", "de la Cruz, M. J.", "de la Cruz, María José"),
        ("Dr. Jan van der Berg Jr.", "van der Berg, J., Jr.", "van der Berg, Jr., Jan"),
        ("Doe, Jane", "Doe, J.", "Doe, Jane"),
        ("Jane Doe and Amadou Sow", "Doe, J., & Sow, A.", "Doe, Jane and Sow, Amadou"),
        ("Jane Doe, Amadou Sow & Ana Lima", "Doe, J., Sow, A., & Lima, A.",
         "Doe, Jane and Sow, Amadou and Lima, Ana"),
        # an organisation is named as written; in BibTeX braced, not read as First Last
        ("United Nations Security Council", "United Nations Security Council",
         "{United Nations Security Council}"),
        ("Crisis Group", "Crisis Group", "{Crisis Group}"),
        ("Madonna", "Madonna", "{Madonna}"),  # no first and last name: as written
    ],
)  # fmt: skip
def test_authors_are_cited_last_name_first_and_organisations_as_written(byline, in_apa, in_bibtex):
    case = replace(CASE, author=byline, published="2024")
    ends = "" if in_apa.endswith(".") else "."
    assert apa(case, VIEW, ACCESSED).startswith(f"{in_apa}{ends} (2024). {TITLE}.")
    assert f"  author = {{{in_bibtex}}},\n" in bibtex(case, VIEW, ACCESSED)


def test_an_authors_name_is_escaped_for_bibtex():
    case = replace(CASE, author="Research & Policy Team {x}")
    assert "  author = {{Research \\& Policy Team \\{x\\}}},\n" in bibtex(case, VIEW, ACCESSED)


# --- bibtex -----------------------------------------------------------------------------


def test_bibtex_exact():
    assert bibtex(CASE, VIEW, ACCESSED) == (
        "@online{minusma-2026,\n"
        "  title = {Analyzing the Impact of the UN Mission in Mali},\n"
        "  organization = {troopdeploy.com},\n"
        "  url = {https://www.troopdeploy.com/case-study-un-mission-in-mali},\n"
        "  urldate = {2026-11-28},\n"
        "  note = {Read in casebook, view: http://localhost:8501/?theme=security; "
        "the article states it was written with AI assistance}\n"
        "}"
    )


def test_bibtex_without_source_or_notice_drops_the_empty_fields():
    assert bibtex(BARE, VIEW, ACCESSED) == (
        "@online{minusma-2026,\n"
        "  title = {Analyzing the Impact of the UN Mission in Mali},\n"
        "  urldate = {2026-11-28},\n"
        "  note = {Read in casebook, view: http://localhost:8501/?theme=security}\n"
        "}"
    )


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Plain title", "Plain title"),
        ("50% of R&D", r"50\% of R\&D"),
        ("Costs in $ and #1", r"Costs in \$ and \#1"),
        ("snake_case {braces}", r"snake\_case \{braces\}"),
        ("Côte d’Ivoire", "Côte d’Ivoire"),  # non-ASCII kept as is
    ],
)
def test_bibtex_escapes_special_characters_in_the_title(title, field):
    entry = bibtex(replace(CASE, title=title), VIEW, ACCESSED)
    assert f"  title = {{{field}}},\n" in entry


def test_bibtex_writes_tilde_caret_and_backslash_as_characters():
    entry = bibtex(replace(CASE, title="a~b c^d e\\f"), VIEW, ACCESSED)
    assert "  title = {a\\textasciitilde{}b c\\textasciicircum{}d e\\textbackslash{}f},\n" in entry


def test_bibtex_escapes_the_permalink_in_the_note_but_not_the_url():
    case = replace(CASE, source_url="https://example.org/a_b?x=1&y=2", notice="")
    entry = bibtex(case, FULL_VIEW, ACCESSED)
    assert "  url = {https://example.org/a_b?x=1&y=2},\n" in entry
    assert entry.endswith(
        "  note = {Read in casebook, view: http://localhost:8501/lessons?theme=security\\&"
        "theme=political\\&match=all\\#lessons-p2}\n}"
    )


@pytest.mark.parametrize(
    ("slug", "accessed", "key"),
    [
        ("minusma", ACCESSED, "@online{minusma-2026,"),
        ("UN-Mali_2013", ACCESSED, "@online{unmali2013-2026,"),  # only a-z and 0-9
        ("minusma", date(2027, 1, 2), "@online{minusma-2027,"),  # the year accessed
        ("---", ACCESSED, "@online{case-2026,"),  # nothing left: a fallback
    ],
)
def test_bibtex_key(slug, accessed, key):
    assert bibtex(replace(CASE, slug=slug), VIEW, accessed).splitlines()[0] == key


# --- the AI note ------------------------------------------------------------------------

AI_NOTE = "the article states it was written with AI assistance"


@pytest.mark.parametrize(
    ("notice", "noted"), [(CASE.notice, True), ("Any notice.", True), ("", False)]
)
def test_ai_note_only_when_the_case_has_a_notice(notice, noted):
    entry = bibtex(replace(CASE, notice=notice), VIEW, ACCESSED)
    assert (AI_NOTE in entry) == noted


def test_content_version_changes_with_any_content_file(tiny_copy):
    before = cite.content_version(tiny_copy)
    assert len(before) == 12 and before == cite.content_version(tiny_copy)
    (tiny_copy / "themes.yaml").write_text(
        (tiny_copy / "themes.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert cite.content_version(tiny_copy) != before


def test_citations_name_the_content_version():
    case = load_content(TINY).cases[0]
    day = date(2026, 11, 29)
    assert "(read in casebook, content version 0123abcd4567, view: https://x/y)" in cite.apa(
        case, "https://x/y", day, "0123abcd4567"
    )
    assert "Read in casebook, content version 0123abcd4567, view: https://x/y" in cite.bibtex(
        case, "https://x/y", day, "0123abcd4567"
    )


@pytest.mark.parametrize(
    ("published", "year"),
    [
        ("2024-03-05", "2024"),
        ("20 January 2024", "2024"),  # as ingest keeps a web page's own date
        ("January 20, 2024", "2024"),
        ("Mon, 05 Feb 2024 10:00:00 GMT", "2024"),
        ("undated", ""),
        ("12345", ""),  # no year inside a longer number
    ],
)
def test_a_citation_finds_the_year_however_the_date_is_written(published, year):
    case = replace(CASE, author="Jane Doe", published=published)
    assert f"Doe, J. ({year or 'n.d.'})." in apa(case, "/", ACCESSED)
    assert (f"  date = {{{year}}}" in bibtex(case, "/", ACCESSED)) == bool(year)
