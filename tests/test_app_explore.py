"""The explore pages in AppTest: themes, search, co-occurrence, comparison, deep links, citations."""

from __future__ import annotations

import json
import re

import pytest

from casebook import cite, coverage, relations, search, wording
from casebook.loader import load_content
from casebook.ui.explore import CITE_KEY
from tests.conftest import CONTENT, LINK_SCRIPT, drawn
from tests.test_app import counts_shown, markdown, open_app, share_link

CONTENT_ = load_content(CONTENT)
CODEBOOK = CONTENT_.codebook
CASE = CONTENT_.case("minusma")
TABLE = coverage.paragraph_table([CASE], CODEBOOK)


def coded(theme: str):
    return TABLE[TABLE["themes"].map(lambda themes: theme in themes)]


@pytest.mark.parametrize("theme", CODEBOOK.ids)
def test_theme_page_lists_every_passage_with_a_link_in_context(theme):
    at = open_app(f"theme-{theme}")
    assert at.title[0].value == CODEBOOK.theme(theme).label
    metrics = counts_shown(at)
    assert metrics["Paragraphs"] == f"{len(coded(theme))} of {len(TABLE)}"
    passages = coded(theme)["section"].nunique()
    assert metrics["Sections with a passage"] == f"{passages} of {len(CASE.sections)}"
    shares = coverage.coverage_by_section(TABLE, CODEBOOK)
    tagged = shares[(shares["theme"] == theme) & (shares["coverage"] >= 0.25)]
    assert f"{len(tagged)} tagged with it (25% of their words or more)" in markdown(at)
    text = markdown(at)
    for row in coded(theme).itertuples():
        assert f'href="{row.section}?p={row.anchor}#{row.anchor}"' in text


def test_theme_page_narrows_to_the_sidebar_filter():
    at = open_app("theme-security", theme=["partnerships"])
    both = coded("security")[coded("security")["themes"].map(lambda t: "partnerships" in t)]
    text = markdown(at)
    assert text.count("Open in context →") == len(both)
    assert f'href="{both.iloc[0].section}?theme=partnerships&amp;p={both.iloc[0].anchor}' in text


def test_theme_page_passages_are_one_element_per_view_with_that_views_links():
    """Built once per view and shared: a view drawn after another in the same process
    shows its own passages, and its own filter in their links."""
    for other in ["partnerships", "political", "partnerships", None]:
        at = open_app("theme-security", **({"theme": [other]} if other else {}))
        bodies = [body for body in drawn(at) if "Open in context →" in body]
        assert len(bodies) == 1  # every passage in one element
        expected = coded("security")
        if other:
            expected = expected[expected["themes"].map(lambda t, o=other: o in t)]
        hrefs = re.findall(r'href="([^"]+)"', bodies[0])
        prefix = f"?theme={other}&amp;p=" if other else "?p="
        assert hrefs == [f"{r.section}{prefix}{r.anchor}#{r.anchor}" for r in expected.itertuples()]


def test_search_shows_keyword_in_context_grouped_by_section():
    at = open_app("search", q='insurgen* "peace process"')
    expected = search.search(TABLE, 'insurgen* "peace process"')
    assert len(expected) == 1
    text = markdown(at)
    assert "**2 hits** in 1 paragraph, 1 section." in text
    assert "<mark>peace process</mark>" in text
    assert "<mark>insurgent</mark>" in text
    assert [h.value for h in at.header] == ["Background and Context of the UN Mission in Mali (1)"]
    assert len(at.get("download_button")) == 2


def test_search_combines_with_the_theme_filter():
    at = open_app("search", q="mission", theme=["humanitarian"])
    pool = TABLE[TABLE["themes"].map(lambda t: "humanitarian" in t)]
    expected = search.search(pool, "mission")
    assert markdown(at).count("Open in context →") == len(expected)


def test_search_without_results_says_so_and_suggests():
    at = open_app("search", q='"blue helmets" zebra')
    assert at.warning[0].value == "Nothing found."
    assert "use fewer words" in markdown(at)


def test_markup_in_a_query_is_shown_as_text_never_rendered():
    at = open_app("search", q="<script>alert(1)</script><img src=x onerror=alert(1)>")
    assert not at.exception
    assert at.text_input(key="q").value.startswith("<script>")
    assert "<script>" not in markdown(at) and "<img" not in markdown(at)


def test_search_without_a_query_invites_one():
    at = open_app("search")
    assert "Type a word or a phrase" in at.caption[0].value
    assert not at.get("plotly_chart")


def test_cooccurrence_matrix_and_the_passages_of_a_pair():
    at = open_app("co-occurrence", first="security", second="partnerships")
    (figure,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    matrix = relations.cooccurrence(TABLE, list(CODEBOOK.ids))
    pair = matrix[(matrix.theme == "security") & (matrix.other == "partnerships")].iloc[0]
    assert figure["data"][0]["text"][0][3] == f"{pair.both} · {wording.percent(pair.jaccard)}"
    assert markdown(at).count("Open in context →") == pair.both
    captions = " ".join(c.value for c in at.caption)
    assert f"{pair.both} paragraphs carry both Security and Partnerships" in captions
    assert f"(overlap {wording.percent(pair.jaccard)})" in captions  # a share, not "J 0.30"
    assert "theme filter" not in captions  # none set: nothing to say about it
    assert figure["data"][0]["colorbar"]["title"]["text"] == "overlap"


def test_the_pair_says_how_many_passages_the_filter_leaves():
    at = open_app("co-occurrence", first="security", second="partnerships", theme=["political"])
    both = TABLE[TABLE["themes"].map(lambda t: {"security", "partnerships"} <= set(t))]
    shown = both[both["themes"].map(lambda t: "political" in t)]
    captions = " ".join(c.value for c in at.caption)
    assert f"; {len(shown)} shown with the theme filter." in captions
    assert markdown(at).count("Open in context →") == len(shown)


def test_a_theme_is_never_offered_as_its_own_pair():
    at = open_app("co-occurrence", first="security", second="security")
    second = at.selectbox(key="second-pick")
    assert "Security" not in second.options and second.value != "security"
    assert not any("Security and Security" in c.value for c in at.caption)
    assert at.selectbox(key="first-pick").options[0] == "Security"  # labels shown, not ids


def test_compare_sections_side_by_side():
    at = open_app("compare-sections", a="security-improvements", b="political-stability")
    (figure,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert [trace["name"] for trace in figure["data"]] == [
        "Security Improvements and Threat Reduction",
        "Support for Political Stability and Peacebuilding",
    ]
    assert [h.value for h in at.header] == [
        "Security Improvements and Threat Reduction",
        "Support for Political Stability and Peacebuilding",
    ]
    assert any("threat" in c.value for c in at.caption)
    picker = at.selectbox(key="a-pick")
    assert picker.format_func("security-improvements") == (
        "Security Improvements and Threat Reduction (in Impact and outcomes)"
    )  # a sub-section names the section it is part of
    assert picker.format_func("introduction") == "Introduction"
    captions = [c.value for c in at.caption]
    assert captions.count("The section's themes") == 2  # the tags, then the words, named
    assert captions.count("The words behind each theme, and how often they occur") == 2


def scripts(at) -> list:
    """The st.html elements that carry a script (the filter's chip colours carry none),
    besides the frame's on every page."""
    return [h for h in at.get("html") if "<script>" in h.proto.body.replace(LINK_SCRIPT, "")]


def test_a_deep_link_marks_its_paragraph_and_never_folds_it():
    at = open_app("future-outlook", theme=["security"], p="future-outlook-p5")
    text = markdown(at)
    assert 'class="cb-para cb-target" id="future-outlook-p5"' in text
    assert len(scripts(at)) == 1  # the scroll-to-fragment script


def test_a_deep_link_to_an_unknown_paragraph_is_ignored():
    at = open_app("future-outlook", p="<b>nope</b>")
    assert 'class="cb-para cb-target"' not in markdown(at)
    assert not scripts(at)


def test_cite_this_view_names_the_article_the_view_and_the_date():
    at = open_app("lessons-learned", theme=["security"])
    assert share_link(at) == "/lessons-learned?theme=security"
    assert not at.sidebar.code  # drawn when opened
    at.session_state[CITE_KEY] = True  # the reader opens the expander: a rerun draws it
    at.run()
    link, apa, bibtex = (c.value for c in at.sidebar.code)
    assert link == "/lessons-learned?theme=security"
    assert apa.startswith(f"{CASE.title}. (n.d.). troopdeploy.com. Retrieved ")
    version = cite.content_version(CONTENT)
    assert apa.endswith(f"(read in casebook, content version {version}, view: {link})")
    assert bibtex.startswith("@online{minusma-")
    assert f"url = {{{CASE.source_url}}}" in bibtex


def test_overview_exports_match_the_filter():
    at = open_app(theme=["humanitarian"])
    buttons = at.get("download_button")
    assert len(buttons) == 2
    count = len(coded("humanitarian"))
    assert f"Paragraphs coded Humanitarian ({count}), as a table or as text." in [
        c.value for c in at.caption
    ]


def test_a_misspelt_word_is_answered_with_the_text_s_own_spelling():
    at = open_app("search", q="peacekeping")
    assert at.warning[0].value == "Nothing found."
    assert "check the spelling of peacekeping: the text has peacekeeping" in markdown(at)
