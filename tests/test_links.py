"""Links between views (casebook/links.py): exact query strings and relative hrefs."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from casebook.links import View, href, tab_title, view_query


@pytest.mark.parametrize(
    ("case", "query"),
    [
        ("", "theme=security&theme=political&match=all&q=troops"),  # no case given: none written
        ("minusma", "case=minusma&theme=security&theme=political&match=all&q=troops"),
    ],
)
def test_view_query_names_the_case_first(case, query):
    assert view_query(["security", "political"], "all", {"q": "troops"}, case=case) == query


# --- view_query -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selected", "mode", "extra", "query"),
    [
        ([], "any", None, ""),
        ([], "all", None, ""),
        (["security"], "any", None, "theme=security"),
        (["security"], "all", None, "theme=security"),  # one theme: any and all agree
        # the theme key repeats, in the order given
        (["security", "political"], "any", None, "theme=security&theme=political"),
        (["political", "security"], "any", None, "theme=political&theme=security"),
        # "all" is written only when it changes the view: two themes or more
        (["security", "political"], "all", None, "theme=security&theme=political&match=all"),
        (
            ["security", "political", "humanitarian"],
            "all",
            None,
            "theme=security&theme=political&theme=humanitarian&match=all",
        ),
        # extras come after, in their order; empty ones are dropped
        (["security"], "any", {"q": "troops", "target": "intro-p1"},
         "theme=security&q=troops&target=intro-p1"),
        (["security", "political"], "all", {"q": "troops"},
         "theme=security&theme=political&match=all&q=troops"),
        ([], "any", {"q": "", "target": "intro-p1"}, "target=intro-p1"),
        ([], "any", {"q": ""}, ""),
        ([], "any", {}, ""),
    ],
)  # fmt: skip
def test_view_query(selected, mode, extra, query):
    assert view_query(selected, mode, extra) == query


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("peace process", "peace+process"),  # a space as +
        ('"peace process"', "%22peace+process%22"),
        ("<script>alert(1)</script>", "%3Cscript%3Ealert%281%29%3C%2Fscript%3E"),
        ("a&b=c#d", "a%26b%3Dc%23d"),  # nothing that could end the value or the query
        ("insurgen*", "insurgen%2A"),
        ("Côte", "C%C3%B4te"),  # UTF-8
    ],
)
def test_view_query_encodes_values(value, encoded):
    assert view_query([], "any", {"q": value}) == f"q={encoded}"


def test_view_query_encodes_theme_ids_too():
    assert view_query(['a b"<x>'], "any") == "theme=a+b%22%3Cx%3E"


@pytest.mark.parametrize(
    "value", ['"peace process" <script>', "a&b=c#d", "100% sure", "Côte d’Ivoire", "x+y"]
)
def test_view_query_round_trips(value):
    query = view_query(["security", "political"], "all", {"q": value})
    assert parse_qsl(query) == [
        ("theme", "security"),
        ("theme", "political"),
        ("match", "all"),
        ("q", value),
    ]


# --- href -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url_path", "query", "anchor", "link"),
    [
        ("", "", "", "./"),  # the default page: a relative link to the app's root
        ("", "theme=security", "", "./?theme=security"),
        ("", "", "intro-p1", "./#intro-p1"),
        ("lessons-learned", "", "", "lessons-learned"),
        ("lessons-learned", "theme=security", "", "lessons-learned?theme=security"),
        ("lessons-learned", "", "lessons-learned-p2", "lessons-learned#lessons-learned-p2"),
        (
            "lessons-learned",
            "theme=security",
            "lessons-learned-p2",
            "lessons-learned?theme=security#lessons-learned-p2",
        ),
        # the query is already encoded (view_query's work) and goes in as it is
        ("search", "q=peace+process", "", "search?q=peace+process"),
        # path and anchor are quoted
        ("a b", "", "", "a%20b"),
        ("theme/security", "", "", "theme/security"),  # a sub-path keeps its slash
        ("x", "", 'p1" onclick="alert(1)', "x#p1%22%20onclick%3D%22alert%281%29"),
        ("", "", "<p>", "./#%3Cp%3E"),
    ],
)
def test_href(url_path, query, anchor, link):
    assert href(url_path, query, anchor) == link


@pytest.mark.parametrize("url_path", ["lessons-learned", "", "a b", "theme/security"])
def test_href_is_relative(url_path):
    # no scheme, no host, no leading slash: it works under a proxy's sub-path
    link = href(url_path, "theme=security")
    assert (link.startswith("/"), "://" in link) == (False, False)


def test_href_cannot_be_turned_into_a_script_link():
    assert href("javascript:alert(1)") == "javascript%3Aalert%281%29"  # the colon quoted


def test_href_of_a_view_query():
    query = view_query(["security", "political"], "all", {"target": "intro-p2"})
    assert href("introduction", query, "intro-p2") == (
        "introduction?theme=security&theme=political&match=all&target=intro-p2#intro-p2"
    )


@pytest.mark.parametrize(
    ("page", "case", "title"),
    [
        ("Overview", "A short case", "Overview · A short case · casebook"),
        (
            "Political stability",
            "Analyzing the Impact of the UN Mission in Mali: A Comprehensive Case Study",
            "Political stability · Analyzing the Impact of the UN… · casebook",
        ),
        ("About", "", "About · casebook"),
    ],
)
def test_tab_title(page, case, title):
    assert tab_title(page, case) == title


def test_a_view_gives_the_query_of_its_case_filter_and_mode():
    view = View(("security", "political"), "all", "minusma")
    assert view.query() == "case=minusma&theme=security&theme=political&match=all"
    assert view.query({"q": "MINUSMA camp"}) == (
        "case=minusma&theme=security&theme=political&match=all&q=MINUSMA+camp"
    )
    assert View().query() == ""  # no case chosen, no filter: the bare page
