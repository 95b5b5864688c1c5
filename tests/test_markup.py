"""HTML and Markdown fragments (casebook/markup.py): exact output, every dynamic value escaped."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from casebook import contrast
from casebook.markup import (
    badge,
    badges,
    kwic,
    link,
    link_list,
    md_escape,
    paragraph,
    passage,
    share_link,
    term_lists,
    text_block,
)
from casebook.markup import evidence as markup_evidence
from casebook.model import Codebook, Rules, Theme
from casebook.pagestyle import STYLE
from casebook.search import Hit, find_hits
from casebook.tablemarkup import counts

# The shared sample texts: article text a hostile or careless source might hold.
PLAIN = "Troops patrolled the region."
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
QUOTED_ANCHOR = 'intro-p1" onmouseover="alert(1)'

SECURITY = Theme("security", "Security", "#0072B2", "Armed violence.", ("security",))
POLITICAL = Theme("political", "Political", "#D55E00", "Governance.", ("election*",))
MARKED = Theme("marked", '<b>Bold</b> & "Co"', "#009E73", "A label with markup.", ("aid",))
BAD_COLOUR = Theme("bad", "Bad", "red;background:url(x)", "An unvalidated colour.", ("x",))
CODEBOOK = Codebook(
    themes=(SECURITY, POLITICAL, MARKED, BAD_COLOUR),
    rules=Rules(paragraph_min_score=2.0),
)

COMPUTED_BADGE = (
    '<span class="cb-badge" style="border-color:#0072B2"'
    ' title="Security: coded by the tagging rule">'
    '<span class="cb-dot" style="background:#0072B2" aria-hidden="true"></span>Security</span>'
)
POLITICAL_BADGE = (
    '<span class="cb-badge" style="border-color:#D55E00"'
    ' title="Political: coded by the tagging rule">'
    '<span class="cb-dot" style="background:#D55E00" aria-hidden="true"></span>Political</span>'
)
PINNED_BADGE = (
    '<span class="cb-badge" style="background:#0072B2;border-color:#0072B2;color:#ffffff"'
    ' title="Security: pinned by an editor">📌 Security</span>'
)


# --- badges -----------------------------------------------------------------------------


@pytest.mark.parametrize(("pinned", "html"), [(False, COMPUTED_BADGE), (True, PINNED_BADGE)])
def test_badge(pinned, html):
    assert badge(SECURITY, pinned) == html


def test_pinned_and_computed_badges_differ():
    computed, pinned = badge(SECURITY), badge(SECURITY, pinned=True)
    solid = 'cb-badge" style="background:#0072B2'
    assert ("📌" in computed, solid in computed) == (False, False)
    assert ("📌" in pinned, solid in pinned) == (True, True)


@pytest.mark.parametrize("colour", ["#0072B2", "#D55E00", "#009E73", "#CC79A7"])
def test_badge_text_reads_at_4_5_to_1(colour):
    """Computed badges keep the page's text colour; pinned ones put white on a shade of the
    theme colour dark enough for WCAG's 4.5:1."""
    theme = Theme("t", "T", colour, "d", ("t",))
    assert not re.search(r'[";]color:', badge(theme).split(">")[0])
    solid = re.search(r"background:(#[0-9a-fA-F]{6})", badge(theme, pinned=True)).group(1)
    assert contrast.ratio(solid, "#ffffff") >= contrast.TEXT


def test_badge_escapes_its_label_in_text_and_title():
    html = badge(MARKED)
    label = "&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Co&quot;"
    assert html == (
        '<span class="cb-badge" style="border-color:#009E73"'
        f' title="{label}: coded by the tagging rule">'
        f'<span class="cb-dot" style="background:#009E73" aria-hidden="true"></span>{label}</span>'
    )
    assert "<b>" not in html


def test_badge_falls_back_to_grey_for_a_colour_that_is_not_hex():
    html = badge(BAD_COLOUR, pinned=True)
    assert 'style="background:#767676;border-color:#767676;color:#ffffff"' in html
    assert "url(" not in html


@pytest.mark.parametrize(
    ("theme_ids", "pinned", "html"),
    [
        ([], False, ""),
        (["security"], False, COMPUTED_BADGE),
        (["security"], True, PINNED_BADGE),
        (["unknown", "security", "gone"], False, COMPUTED_BADGE),  # unknown ids are skipped
        (["political", "security"], False, POLITICAL_BADGE + COMPUTED_BADGE),  # given order
    ],
)
def test_badges(theme_ids, pinned, html):
    assert badges(theme_ids, CODEBOOK, pinned) == html


# --- paragraph --------------------------------------------------------------------------


def test_paragraph_exact_html():
    html = paragraph(PLAIN, "intro-p1", ["political", "security"], CODEBOOK, highlight=True)
    assert html == (
        '<div class="cb-para cb-match" id="intro-p1" style="border-left-color:#D55E00">'
        f"<div>{POLITICAL_BADGE}{COMPUTED_BADGE}</div><p>{PLAIN}</p></div>"
    )


def test_paragraph_without_themes():
    assert paragraph(PLAIN, "intro-p2", [], CODEBOOK) == (
        '<div class="cb-para" id="intro-p2" style="border-left-color:rgba(128,128,128,0.25)">'
        f'<div><span class="cb-muted">no theme</span></div><p>{PLAIN}</p></div>'
    )


def test_pinned_paragraph_has_pinned_badges():
    html = paragraph(PLAIN, "intro-p1", ["security"], CODEBOOK, pinned=True)
    assert f"<div>{PINNED_BADGE}</div>" in html


@pytest.mark.parametrize(
    ("text", "escaped", "raw"),
    [
        (SCRIPT, "&lt;script&gt;alert(1)&lt;/script&gt;", "<script"),
        (IMG, "&lt;img src=x onerror=alert(1)&gt;", "<img"),
        ('Say "no" & <leave>', "Say &quot;no&quot; &amp; &lt;leave&gt;", "<leave>"),
    ],
)
def test_paragraph_text_is_escaped(text, escaped, raw):
    html = paragraph(text, "intro-p1", ["security"], CODEBOOK)
    assert f"<p>{escaped}</p>" in html
    assert raw not in html


def test_paragraph_anchor_with_a_quote_is_escaped():
    html = paragraph(PLAIN, QUOTED_ANCHOR, [], CODEBOOK)
    assert 'id="intro-p1&quot; onmouseover=&quot;alert(1)"' in html
    assert 'onmouseover="' not in html


def test_paragraph_theme_label_with_markup_is_escaped():
    html = paragraph(PLAIN, "intro-p1", ["marked"], CODEBOOK)
    assert ">&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Co&quot;</span>" in html
    assert "<b>" not in html


def test_paragraph_rule_takes_a_safe_colour():
    html = paragraph(PLAIN, "intro-p1", ["bad"], CODEBOOK)
    assert 'style="border-left-color:#767676"' in html
    assert "url(" not in html


# --- md_escape --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("", ""),
        ("plain words", "plain words"),
        ("[a link](http://x.org)", r"\[a link\]\(http\://x\.org\)"),
        ("![img](x)", r"\!\[img\]\(x\)"),
        ("*strong* and _em_", r"\*strong\* and \_em\_"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("<script>alert(1)</script>", r"&lt;script&gt;alert\(1\)&lt;/script&gt;"),
        ("R&D", "R&amp;D"),
        ("`code`", r"\`code\`"),
        ("# heading", r"\# heading"),
        ("1. item", r"1\. item"),
        ("- item + item", r"\- item \+ item"),
        ("a | b ~ c", r"a \| b \~ c"),
        ("{x}", r"\{x\}"),
        ("back\\slash", "back\\\\slash"),  # the backslash first, so no escape is undone
        ('"quoted"', '"quoted"'),  # quotes are harmless in Markdown text
    ],
)
def test_md_escape(text, escaped):
    assert md_escape(text) == escaped


def test_md_escape_neutralises_latex_dollars():
    assert md_escape("between $a$ and $b$") == r"between \$a\$ and \$b\$"


# --- evidence ---------------------------------------------------------------------------


def row(pinned, themes, scores, evidence, examples=None):
    examples = examples or {theme: [] for theme in scores}
    return SimpleNamespace(
        pinned=pinned, themes=themes, scores=scores, evidence=evidence, examples=examples
    )


def items(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html)


def test_evidence_for_a_computed_row_is_a_disclosure_with_a_line_per_theme():
    scores = {"security": 3.0, "political": 1.0, "marked": 0.0, "bad": 2.0}
    evidence = {"security": ["Troops", "patrolled"], "political": ["vote"], "marked": [],
                "bad": ["x_y"]}  # fmt: skip
    html = markup_evidence(row(False, ["security", "bad"], scores, evidence), CODEBOOK)
    assert html.startswith('<details class="cb-evidence"><summary>Evidence</summary><ul>')
    assert html.endswith(
        '<p class="cb-muted">A theme is coded at score 2 or more (see About).</p></details>'
    )
    assert items(html) == [
        "<strong>Security</strong>: score 3, coded. Troops, patrolled",
        "<strong>Political</strong>: score 1, below threshold. vote",
        "<strong>&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Co&quot;</strong>: score 0, below "
        "threshold. no terms found",
        "<strong>Bad</strong>: score 2, coded. x&#95;y",
    ]


def test_evidence_names_the_nearest_examples_with_their_similarity_escaped():
    scores = {"security": 2.0, "political": 0.0, "marked": 0.0, "bad": 0.0}
    evidence = {"security": ["troops"], "political": [], "marked": [], "bad": []}
    near = {"example": "unmiss-p4", "opening": "Gunmen *attacked* <b>the camp</b> …",
            "similarity": 0.8312}  # fmt: skip
    examples = {"security": [near], "political": [], "marked": [], "bad": []}
    html = markup_evidence(row(False, ["security"], scores, evidence, examples), CODEBOOK)
    assert items(html)[0] == (
        "<strong>Security</strong>: score 2, coded. troops. Near coded examples: "
        "“Gunmen &#42;attacked&#42; &lt;b&gt;the camp&lt;/b&gt; …” (unmiss-p4, similarity 0.83)"
    )


def test_evidence_for_a_pinned_row_says_so_first():
    scores = {"security": 0.5, "political": 0.0, "marked": 0.0, "bad": 0.0}
    evidence = {"security": ["troops"], "political": [], "marked": [], "bad": []}
    html = markup_evidence(row(True, ["political", "marked"], scores, evidence), CODEBOOK)
    assert (
        "<summary>Evidence</summary><p>📌 <strong>Pinned by an editor:</strong> Political, "
        "&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Co&quot;. The rule's findings:</p><ul>"
    ) in html
    assert items(html)[0] == "<strong>Security</strong>: score 0.5, below threshold. troops"


# --- paragraph(target=True) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("highlight", "target", "classes"),
    [
        (False, False, "cb-para"),
        (True, False, "cb-para cb-match"),
        (False, True, "cb-para cb-target"),
        (True, True, "cb-para cb-match cb-target"),
    ],
)
def test_paragraph_classes(highlight, target, classes):
    html = paragraph(PLAIN, "intro-p1", [], CODEBOOK, highlight=highlight, target=target)
    assert html.startswith(f'<div class="{classes}" id="intro-p1" ')


def test_the_target_class_has_a_style():
    assert ".cb-para:target,.cb-para.cb-target{" in STYLE


# --- kwic -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hits", "html"),
    [
        ([], ""),
        (
            [Hit("… sent ", "troops", " to …")],
            '<div class="cb-kwic">… sent <mark>troops</mark> to …</div>',
        ),
        (
            [Hit("", "Troops", " stayed"), Hit("near ", "Gao", "")],
            '<div class="cb-kwic"><mark>Troops</mark> stayed</div>'
            '<div class="cb-kwic">near <mark>Gao</mark></div>',
        ),
        # every piece escaped, the match too
        (
            [Hit('a <b class="x">', "<script>alert(1)</script>", " & </mark>")],
            '<div class="cb-kwic">a &lt;b class=&quot;x&quot;&gt;'
            "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> &amp; &lt;/mark&gt;</div>",
        ),
    ],
)
def test_kwic(hits, html):
    assert kwic(hits) == html


def test_kwic_of_a_search_in_hostile_text():
    # script is words 0 and 3, img word 4: the last two touch and merge, so two hits
    hits = find_hits(SCRIPT + " " + IMG, ["script", "img"])
    html = kwic(hits)
    assert ("<script" in html, "<img" in html, html.count("<mark>")) == (False, False, 2)
    assert "<mark>script&gt; &lt;img</mark>" in html


# --- link, passage, text_block ----------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "label", "html"),
    [
        (
            "lessons?theme=security#lessons-p2",
            "Open in context →",
            '<a class="cb-link" href="lessons?theme=security#lessons-p2" target="_self">'
            "Open in context →</a>",
        ),
        # an & in the query is escaped as an entity; the browser reads it back as &
        (
            "./?theme=a&theme=b",
            "both",
            '<a class="cb-link" href="./?theme=a&amp;theme=b" target="_self">both</a>',
        ),
        # a quote cannot end the attribute, markup in the label is text
        (
            'x" onclick="alert(1)',
            "<b>bold</b>",
            '<a class="cb-link" href="x&quot; onclick=&quot;alert(1)" target="_self">'
            "&lt;b&gt;bold&lt;/b&gt;</a>",
        ),
        ("x' onclick='y", "it's", '<a class="cb-link" href="x&#x27; onclick=&#x27;y" '
         'target="_self">it&#x27;s</a>'),
    ],
)  # fmt: skip
def test_link(href, label, html):
    assert link(href, label) == html


def test_share_link_is_escaped_text():
    assert share_link('/x?q="<b>"&theme=a') == (
        '<div class="cb-share"><code>/x?q=&quot;&lt;b&gt;&quot;&amp;theme=a</code></div>'
    )


def test_link_list_escapes_every_item():
    html = link_list([("a?p=1", "First"), ('b"x', "<i>Second</i>")])
    assert html == (
        '<ul class="cb-links">'
        '<li><a class="cb-link" href="a?p=1" target="_self">First</a></li>'
        '<li><a class="cb-link" href="b&quot;x" target="_self">&lt;i&gt;Second&lt;/i&gt;</a></li>'
        "</ul>"
    )
    assert link_list([]) == '<ul class="cb-links"></ul>'


def test_passage_exact():
    body, marks = text_block(PLAIN), badge(SECURITY)
    assert passage("Impact · ¶2", body, marks, "impact?target=impact-p2#impact-p2") == (
        '<div class="cb-para"><div class="cb-muted">Impact · ¶2</div>'
        f"<div>{COMPUTED_BADGE}</div><p>{PLAIN}</p>"
        '<div><a class="cb-link" href="impact?target=impact-p2#impact-p2" target="_self">'
        "Open in context →</a></div></div>"
    )


def test_passage_escapes_its_heading_and_href_but_not_its_html():
    html = passage(SCRIPT, "<p>body</p>", "<span>marks</span>", 'x"><script>')
    assert html == (
        '<div class="cb-para"><div class="cb-muted">&lt;script&gt;alert(1)&lt;/script&gt;</div>'
        "<div><span>marks</span></div><p>body</p>"
        '<div><a class="cb-link" href="x&quot;&gt;&lt;script&gt;" target="_self">'
        "Open in context →</a></div></div>"
    )
    assert "<script" not in html


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("", "<p></p>"),
        (PLAIN, f"<p>{PLAIN}</p>"),
        (SCRIPT, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        (IMG, "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        ('Say "no" & go', "<p>Say &quot;no&quot; &amp; go</p>"),
    ],
)
def test_text_block(text, html):
    assert text_block(text) == html


def test_term_lists_name_each_term_once():
    theme = Theme(
        "h", "H", "#009E73", "d", ("aid", "displaced", "health"), strong_terms=("displaced",)
    )
    assert term_lists(theme) == "Strong terms: displaced. Other terms: aid, health."


def test_counts_exact_html_with_a_note_only_where_given():
    html = counts([("Sections", "13", ""), ("Matching the filter", "9 of 51", "on aid")])
    assert html == (
        '<dl class="cb-counts"><div><dt>Sections</dt><dd>13</dd></div>'
        "<div><dt>Matching the filter</dt><dd>9 of 51"
        '<span class="cb-count-note">on aid</span></dd></div></dl>'
    )


def test_counts_escape_labels_values_and_notes():
    html = counts([("<b>x</b>", "1 < 2", "paragraphs coded *Aid & <i>relief</i>*")])
    assert "<b>" not in html and "<i>" not in html and "*" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "1 &lt; 2" in html
