"""Every page in Streamlit's AppTest, with and without a theme filter in the URL."""

from __future__ import annotations

import html
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from casebook import coverage
from casebook.loader import load_content
from casebook.markup import md_escape
from casebook.wording import percent
from tests.conftest import BROKEN, CONTENT, FIXTURES, drawn

CODEBOOK = load_content(CONTENT).codebook
CASE = load_content(CONTENT).case("minusma")
SLUGS = [section.slug for section in CASE.sections]


def open_app(page: str | None = None, **query) -> AppTest:
    """Run dashboard.py as the browser would for /<page>?<query>: one run, as a deep link.

    AppTest can switch only by file, and every section shares pages/section.py, so a
    section is chosen by its page hash, which Streamlit derives from the URL path.
    """
    at = AppTest.from_file("../dashboard.py", default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    if page is not None:
        at._page_hash = calc_hash(page)  # noqa: SLF001 - the only way to target a shared page file
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdown(at: AppTest) -> str:
    return "\n".join(drawn(at))


def share_link(at: AppTest) -> str:
    """The link of the view, as the sidebar shows it (text, HTML-escaped)."""
    found = [m.value for m in at.sidebar.markdown if 'class="cb-share"' in m.value]
    assert len(found) == 1, found
    return html.unescape(re.sub(r"<[^>]+>", "", found[0]))


def codeline_rows(at: AppTest) -> dict[str, list[str]]:
    """The overview's codeline (codelinemarkup.py): each row's theme → its marks' links."""
    (grid,) = [body for body in drawn(at) if 'class="cb-codeline"' in body]
    names = re.findall(r'class="cb-cl-theme" style="grid-area:(\d+)/1">(.*?)</span>', grid)
    marks = re.findall(r'class="cb-cl-mark" href="(.*?)".*?grid-area:(\d+)/', grid)
    return {
        html.unescape(name): [html.unescape(link) for link, row in marks if row == line]
        for line, name in names
    }


def counts_shown(at: AppTest) -> dict[str, str]:
    """A page's key counts (tablemarkup.counts), label → value as shown."""
    (found,) = [body for body in drawn(at) if 'class="cb-counts"' in body]
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)(?:<span|</dd>)", found)
    return {html.unescape(label): html.unescape(value) for label, value in pairs}


def coverage_bars(at: AppTest) -> dict[str, tuple[str, str]]:
    """The coverage-by-theme bars, label → (the share written, the bar's width), in order."""
    (table,) = [body for body in drawn(at) if 'class="cb-bars"' in body]
    rows = re.findall(
        r'<th scope="row">(.*?)</th>.*?width:([\d.]+)%.*?class="cb-value">(.*?)</span>', table
    )
    return {html.unescape(label): (share, width) for label, width, share in rows}


def heat_grid(at: AppTest) -> tuple[list[str], list[list[str]]]:
    """The sections × themes table: its column headings and each row's heading and cells."""
    (table,) = [body for body in drawn(at) if 'class="cb-heat"' in body]
    head = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)
    rows = [
        [html.unescape(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr><th scope=\"row\".*?</tr>", table)
    ]
    return head, rows


EXPLORE = ["search", "co-occurrence", "compare-sections", *(f"theme-{t}" for t in CODEBOOK.ids)]


@pytest.mark.parametrize(
    "query", [{}, {"theme": ["security"]}, {"theme": ["security", "political"], "match": "all"}]
)
@pytest.mark.parametrize("page", [None, "about", *SLUGS, *EXPLORE])
def test_every_page_renders_without_exception(page, query):
    at = open_app(page, **query)
    assert at.title, "every page has a title"


def test_overview_shows_counts_charts_and_links():
    at = open_app()
    assert at.title[0].value == CASE.title
    metrics = counts_shown(at)
    assert metrics["Sections"] == "13"
    assert metrics["Paragraphs"] == "51"
    assert metrics["Words"] == f"{CASE.words:,}"
    rows = coverage.paragraph_table([CASE], CODEBOOK)
    codeline = codeline_rows(at)
    assert list(codeline) == [theme.label for theme in CODEBOOK.themes]
    for theme in CODEBOOK.themes:  # a mark for each paragraph coded with the theme
        coded = rows[[theme.id in themes for themes in rows["themes"]]]
        assert [link.split("#")[1] for link in codeline[theme.label]] == list(coded["anchor"])
    bars = coverage_bars(at)
    assert list(bars) == ["Security", "Political", "Humanitarian", "Partnerships", "Uncoded"]
    themes = coverage.coverage_by_theme(coverage.paragraph_table([CASE], CODEBOOK), CODEBOOK)
    security = float(themes.set_index("theme").loc["security", "coverage"])
    assert bars["Security"] == (percent(security), f"{security * 100:.1f}")
    head, rows = heat_grid(at)
    assert head == ["Section", "Security", "Political", "Humanitarian", "Partnerships"]
    assert [row[0] for row in rows] == [s.nav_title for s in CASE.sections]  # in reading order
    shares = coverage.coverage_by_section(coverage.paragraph_table([CASE], CODEBOOK), CODEBOOK)
    first = shares[shares["section"] == CASE.sections[0].slug]
    assert rows[0][1:] == [percent(share) for share in first["coverage"]]
    links = [link.proto.label.split(" · ") for link in at.get("page_link")]
    assert [link[0] for link in links] == [md_escape(s.title) for s in CASE.sections]
    tags = coverage.section_tags(shares, CODEBOOK.rules.section_tag_threshold)
    for section, (_title, count, *named) in zip(CASE.sections, links, strict=True):
        assert count == f"{len(section.paragraphs)} paragraphs"
        labels = [CODEBOOK.labels[t] for t in tags[section.slug]]
        assert named == ([f"themes: {', '.join(labels)}"] if labels else [])
    assert "troopdeploy.com/case-study-un-mission-in-mali" in at.info[0].value
    assert "AI assistance" in at.info[0].value


def test_overview_follows_the_filter():
    at = open_app(theme=["humanitarian"])
    (marks,) = codeline_rows(at).values()  # one row, Humanitarian, its links keep the filter
    assert list(codeline_rows(at)) == ["Humanitarian"]
    assert marks and all("theme=humanitarian" in link for link in marks)
    assert list(coverage_bars(at)) == ["Humanitarian", "Uncoded"]
    head, rows = heat_grid(at)
    assert head == ["Section", "Humanitarian"]
    assert {len(row) for row in rows} == {2}
    metrics = counts_shown(at)
    table = coverage.paragraph_table([CASE], CODEBOOK)
    expected = int(table["themes"].map(lambda themes: "humanitarian" in themes).sum())
    assert metrics["Matching the filter"] == f"{expected} of {len(CASE.paragraphs)}"
    folded = [e for e in at.expander if "no paragraph matching the filter" in e.label]
    assert len(folded) == 1
    # the index: each section with its matches, those without any folded away
    hits = table[table["themes"].map(lambda themes: "humanitarian" in themes)]
    per_section = hits.groupby("section").size()
    counts = {link.proto.page: link.proto.label.split(" · ")[1] for link in at.get("page_link")}
    for section in CASE.sections:
        found = int(per_section.get(section.slug, 0))
        assert counts[section.slug] == f"{found} of {len(section.paragraphs)} paragraphs match"
    without = sum(1 for s in CASE.sections if s.slug not in per_section)
    assert folded[0].label == f"{without} sections with no paragraph matching the filter"


def test_section_page_marks_themes_and_folds_what_does_not_match():
    at = open_app("security-improvements", theme=["partnerships"])
    assert at.title[0].value == "Security Improvements and Threat Reduction"
    text = markdown(at)
    assert text.count('class="cb-para cb-match"') == 2
    assert 'id="security-improvements-p3"' in text
    (folded,) = [e for e in at.expander if "outside the filter" in e.label]
    assert folded.label == "2 paragraphs outside the filter"
    runs = [
        re.findall(r'class="(cb-para[^"]*)" id="security-improvements-(p\d)"', body)
        for body in drawn(at)
        if 'class="cb-para' in body
    ]
    assert runs == [  # one element for each run: the folded one, then the matching one
        [("cb-para", "p1"), ("cb-para", "p2")],
        [("cb-para cb-match", "p3"), ("cb-para cb-match", "p4")],
    ]
    (inside,) = [child.value for child in folded.children.values()]
    assert 'id="security-improvements-p1"' in inside and "p3" not in inside
    labels = [link.proto.label for link in at.get("page_link")]
    assert labels == [
        "Part of: Impact and Outcomes of the Mission in Mali",
        "Previous: Impact and outcomes",
        "Next: Political stability",
    ]


def test_pinned_themes_look_different_from_computed_ones():
    text = markdown(open_app("malian-authorities"))
    pinned = text.count("📌 Partnerships</span>")
    assert pinned == 2  # the editor pinned the first two paragraphs
    assert text.count('title="Political: coded by the tagging rule"') >= 1


def test_parent_section_links_to_its_sub_sections():
    at = open_app("international-collaboration")
    labels = [link.proto.label for link in at.get("page_link")]
    assert labels == [
        "Partnerships with Regional and International Actors",
        "Role of Malian Government and Local Authorities",
        "Previous: Lessons learned",
        "Next: Regional and international partners",
    ]


def test_each_view_of_a_section_gets_its_own_text_though_the_text_is_shared():
    """The section's text is worked out once per view and shared by every session: a view
    drawn after another, in the same process, never shows the other's marks or folds."""

    def marks(at: AppTest) -> tuple[int, int, list[str]]:
        classes = re.findall(r'class="(cb-para[^"]*)"', markdown(at))
        folds = [e.label for e in at.expander if "outside the filter" in e.label]
        return sum("cb-match" in c for c in classes), sum("cb-target" in c for c in classes), folds

    views = [
        ({}, (0, 0, [])),
        ({"theme": ["partnerships"]}, (2, 0, ["2 paragraphs outside the filter"])),
        ({"theme": ["partnerships"], "p": "security-improvements-p1"}, (2, 1, ["1 paragraph outside the filter"])),
        ({"theme": ["partnerships"]}, (2, 0, ["2 paragraphs outside the filter"])),
        ({}, (0, 0, [])),
    ]  # fmt: skip
    for query, expected in views:
        assert marks(open_app("security-improvements", **query)) == expected, query


def test_section_page_without_filter_shows_every_paragraph_unfolded():
    at = open_app("introduction")
    text = markdown(at)
    assert text.count('class="cb-para"') == 2
    assert not [e for e in at.expander if "outside the filter" in e.label]
    assert text.count('<details class="cb-evidence">') == 2  # each paragraph's evidence


def test_share_link_carries_the_filter():
    at = open_app("lessons-learned", theme=["security", "political"], match="all")
    assert share_link(at) == "/lessons-learned?theme=security&theme=political&match=all"


def test_share_link_keeps_the_paragraph_a_link_pointed_at():
    at = open_app("security-improvements", theme=["security"], p="security-improvements-p3")
    assert share_link(at) == "/security-improvements?theme=security&p=security-improvements-p3"
    other = open_app("security-improvements", p="lessons-learned-p1")  # not on this page
    assert share_link(other) == "/security-improvements"


@pytest.mark.parametrize(
    "values",
    [
        ["bogus"],
        ["<script>alert(1)</script>"],
        ["x" * 5000],
        ["security"] * 50,
        ["security", "securty"],
    ],
)
def test_bad_theme_values_in_the_url_are_dropped_not_rendered(values):
    at = open_app("introduction", theme=values)
    selected = at.multiselect(key="theme").value
    assert set(selected) <= {"security"}
    assert "<script>" not in markdown(at)
    assert "x" * 100 not in markdown(at)
    notices = " ".join(w.value for w in at.warning)
    unknown = [v for v in dict.fromkeys(values) if v != "security"]
    assert ("names themes the codebook does not have" in notices) == bool(unknown)
    assert "<script>" not in notices and "x" * 41 not in notices  # escaped, cut short
    if unknown:
        assert "they are left out. The themes are Security, Political, Humanitarian" in notices


def test_bad_match_value_falls_back_to_any():
    at = open_app(theme=["security", "political"], match="<b>both</b>")
    assert at.radio(key="match").value == "any"
    (notice,) = [w.value for w in at.warning]
    assert notice == (
        "This link's match “&lt;b&gt;both&lt;/b&gt;” is neither any nor all: any is used."
    )
    assert not open_app(theme=["security"], match="all").warning  # a good link: no notice


@pytest.mark.parametrize("path", ["about", "compare-sections"])
def test_a_page_the_filter_does_not_change_names_a_filter_that_is_set(path):
    note = "This page is the same under every filter"
    assert not [c for c in open_app(path).caption if note in c.value]
    (named,) = [c.value for c in open_app(path, theme=["humanitarian"]).caption if note in c.value]
    assert "The filter (Humanitarian) is kept for the other pages and in the link." in named
    section = open_app("lessons-learned", theme=["humanitarian"])  # a page it changes
    assert not [c for c in section.caption if note in c.value]


def test_about_page_explains_the_rule_and_lists_the_codebook():
    at = open_app("about")
    text = markdown(at)
    assert "A paragraph is **coded** with a theme when the score reaches **2**" in text
    codebook = load_content(CONTENT).codebook
    for theme in codebook.themes:
        assert f"`{theme.id}`" in text
    if codebook.examples:
        at = open_app("about")
        captions = [c.value for c in at.caption]
        count = sum("security" in e.themes for e in codebook.examples)
        assert f"Coded examples of this theme: {count} of {len(codebook.examples)}" in captions


def test_about_page_shows_the_measured_agreement_from_the_results_file(monkeypatch):
    monkeypatch.setenv("CASEBOOK_RESULTS", str(FIXTURES / "results" / "results.json"))
    text = markdown(open_app("about"))
    assert "| Security | 0.90 | 0.80 | 0.85 | 0.78 |" in text
    assert "| **all themes (micro)** | 0.83 | 0.70 | 0.76 | 0.64 |" in text


def test_about_page_says_when_agreement_was_not_measured(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEBOOK_RESULTS", str(tmp_path / "missing.json"))
    text = markdown(open_app("about"))
    assert "Agreement with independent coders has not been measured for this codebook yet." in text
    assert "Cohen's kappa |" not in text


def test_about_page_states_the_nearest_examples_rule_with_the_codebook_numbers():
    text = markdown(open_app("about"))
    rules = CODEBOOK.rules
    if rules.neighbours and CODEBOOK.examples:
        assert f"compared with the {len(CODEBOOK.examples)} coded" in text
        reach = rules.neighbours * rules.neighbour_weight
        assert f"short of {rules.paragraph_min_score:g} by no more than {reach:g}" in text
        assert f"Each of its {rules.neighbours} most similar" in text
        assert f"reaches {rules.neighbour_similarity:.2f} adds" in text
    else:
        assert "No coded examples are compared" in text


QUIET = "A long paragraph of ordinary words about the weather, the roads and the markets. " * 4
# 39 words of the tiny case, 7 of them uncoded; with these 56 more: 63 / 95 = 66%


def test_overview_notes_a_case_the_codebook_may_not_fit(tiny_copy, monkeypatch):
    (tiny_copy / "demo" / "04-quiet.md").write_text(
        f"---\ntitle: Quiet\nslug: quiet\norder: 4\n---\n\n{QUIET}\n", encoding="utf-8"
    )
    monkeypatch.setenv("CASEBOOK_CONTENT", str(tiny_copy))
    at = open_app()
    assert [w.value for w in at.warning] == [
        "66% of this case's words are in paragraphs with no theme: the codebook may not fit "
        "this text, so read its coverage with care."
    ]
    assert "The codebook (About)" in [link.proto.label for link in at.get("page_link")]


def test_overview_has_no_fit_note_when_most_words_carry_a_theme(tiny_copy, monkeypatch):
    monkeypatch.setenv("CASEBOOK_CONTENT", str(tiny_copy))
    at = open_app()
    assert not at.warning
    assert "The codebook (About)" not in [link.proto.label for link in at.get("page_link")]


def test_evidence_names_the_nearest_coded_example_behind_a_theme(tiny_copy, monkeypatch):
    """A paragraph with no political term is coded political by an example of the same
    wording from another text; its Evidence says so, with the similarity."""
    themes = (tiny_copy / "themes.yaml").read_text(encoding="utf-8")
    rules = "  neighbours: 1\n  neighbour_similarity: 0.9\n  neighbour_weight: 2\nthemes:"
    (tiny_copy / "themes.yaml").write_text(themes.replace("themes:", rules, 1), encoding="utf-8")
    (tiny_copy / "examples.yaml").write_text(
        "examples:\n  - id: ex-quiet\n    source: another-text\n    themes: [political]\n"
        "    text: A quiet paragraph about nothing in particular.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CASEBOOK_CONTENT", str(tiny_copy))
    text = markdown(open_app("middle-part"))
    assert (
        "<li><strong>Political</strong>: score 2, coded. no terms found. Near coded examples: "
        "“A quiet paragraph about nothing in particular.” (ex-quiet, similarity 1.00)</li>"
    ) in text


def test_broken_content_shows_the_problems_instead_of_a_traceback(tiny_copy, monkeypatch):
    shutil.copy(BROKEN / "unknown_pin.md", tiny_copy / "demo/01-opening.md")
    monkeypatch.setenv("CASEBOOK_CONTENT", str(tiny_copy))
    at = AppTest.from_file("../dashboard.py", default_timeout=30).run()
    assert not at.exception
    assert "This case has 1 problem" in at.error[0].value
    assert at.code[0].value == (
        "content/demo/01-opening.md:7: unknown theme 'securty' (did you mean 'security'?)"
    )


def test_overview_names_the_export_plainly():
    captions = " ".join(c.value for c in open_app().caption)
    assert "All paragraphs (51), as a table or as text." in captions
    assert "The all paragraphs" not in captions
    filtered = " ".join(c.value for c in open_app(theme=["security"]).caption)
    assert "Paragraphs coded Security (" in filtered


def test_about_page_does_not_send_readers_to_itself():
    at = open_app("about")
    assert "(see About)" not in " ".join(i.value for i in at.info)
    assert "(below)" in " ".join(i.value for i in at.info)


def test_the_codebook_lists_each_term_once():
    at = open_app("about")
    humanitarian = next(c.value for c in at.caption if "displaced" in c.value)
    assert humanitarian.count("displaced") == 1


def test_the_filter_shows_labels_and_the_url_keeps_ids():
    at = open_app(theme=["security", "political"])
    picker = at.multiselect(key="theme-pick")
    assert picker.value == ["security", "political"]
    assert picker.options == ["Security", "Political", "Humanitarian", "Partnerships"]
    picker.set_value(["humanitarian"]).run()
    assert at.multiselect(key="theme").value == ["humanitarian"]
    assert at.query_params["theme"] in ("humanitarian", ["humanitarian"])  # the id, not the label
