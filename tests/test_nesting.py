"""Sections nested several levels deep: the loader's checks of a chain of parents, and
the case's outline (ancestors, children, depth)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from casebook.ingest import pipeline
from casebook.loader import load_content
from casebook.model import MAX_DEPTH, Case, Paragraph, Section
from casebook.problems import ContentError
from tests import conftest, unreport
from tests.conftest import ROOT, copy_codebook, drawn


def write_section(folder, order: int, slug: str, parent: str | None = None) -> None:
    """A section file whose 'parent' line, when it has one, is line 5."""
    lines = ["---", f"title: Section {slug}", f"slug: {slug}", f"order: {order}"]
    lines += [f"parent: {parent}"] if parent else []
    lines += ["---", "", f"Troops patrolled the town of {slug}.", ""]
    (folder / f"{order:02d}-{slug}.md").write_text("\n".join(lines), encoding="utf-8")


def outline_case(tiny_copy, chain: list[tuple[str, str | None]]):
    """The tiny case's sections replaced by ``chain`` of (slug, parent), in order."""
    demo = tiny_copy / "demo"
    for old in demo.glob("*.md"):
        old.unlink()
    for order, (slug, parent) in enumerate(chain, start=1):
        write_section(demo, order, slug, parent)
    return tiny_copy


def problems_of(root) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return [str(p) for p in caught.value.problems]


REPORT = [
    ("political", None),
    ("elections", "political"),
    ("registration", "elections"),
    ("lists", "registration"),
    ("security", None),
]


def test_a_chain_four_levels_deep_loads_with_its_outline(tiny_copy):
    case = load_content(outline_case(tiny_copy, REPORT)).case("demo")
    assert [s.slug for s in case.ancestors("lists")] == ["political", "elections", "registration"]
    assert [case.depth(s.slug) for s in case.sections] == [1, 2, 3, 4, 1]
    assert [s.slug for s in case.children("elections")] == ["registration"]
    assert case.ancestors("security") == ()


def test_a_missing_parent_is_named_with_file_line_and_a_hint(tiny_copy):
    chain = [("political", None), ("elections", "political"), ("registration", "electons")]
    assert problems_of(outline_case(tiny_copy, chain)) == [
        "content/demo/03-registration.md:5: parent 'electons' is not a section of this case "
        "(did you mean 'elections'?)"
    ]


def test_a_sub_section_read_before_its_parent_is_refused(tiny_copy):
    chain = [("elections", "political"), ("political", None)]
    assert problems_of(outline_case(tiny_copy, chain)) == [
        "content/demo/01-elections.md:5: parent 'political' comes later in reading order "
        "(order 2, this section 1): a sub-section follows its parent"
    ]


def test_a_section_its_own_parent_is_refused(tiny_copy):
    chain = [("political", None), ("elections", "elections")]
    assert problems_of(outline_case(tiny_copy, chain)) == [
        "content/demo/02-elections.md:5: section 'elections' cannot be its own parent"
    ]


def test_a_cycle_is_refused_in_each_of_its_sections(tiny_copy):
    chain = [("political", None), ("a", "b"), ("b", "a"), ("c", "a")]
    assert problems_of(outline_case(tiny_copy, chain)) == [
        "content/demo/02-a.md:5: parent 'b' leads back to this section: a → b → a",
        "content/demo/03-b.md:5: parent 'a' leads back to this section: b → a → b",
    ]  # 'c' hangs under the cycle: its chain is the cycle's problem, named once per member


def test_a_chain_deeper_than_the_limit_is_refused(tiny_copy):
    assert MAX_DEPTH == 4
    chain = [*REPORT[:4], ("details", "lists")]
    assert problems_of(outline_case(tiny_copy, chain)) == [
        "content/demo/05-details.md:5: sections nest at most 4 levels; this one is level 5 "
        "(political > elections > registration > lists > details)"
    ]


def test_check_prints_the_chain_problems(tiny_copy):
    outline_case(tiny_copy, [("political", None), ("a", "b"), ("b", "a")])
    done = subprocess.run(
        [sys.executable, "-m", "casebook", "check", "--content", str(tiny_copy)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode != 0
    assert "content/demo/02-a.md:5: parent 'b' leads back to this section: a → b → a" in (
        done.stdout + done.stderr
    )


# --- the ingest keeps a report's outline -------------------------------------------------

SAY = "The Mission and the Government discussed the {} at length during the period."


def ingest_outline(content, name: str, data: bytes | str):
    """Ingest one file; the case's (title, parent) outline and its paragraphs by section."""
    path = content.parent / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    pipeline.ingest(path, "report", content)
    case = load_content(content).case("report")
    texts = {s.title: [p.text for p in s.paragraphs] for s in case.sections}
    return [(s.title, s.parent) for s in case.sections], texts


MARKDOWN = f"""# Report of the Secretary-General

# II. Political developments

{SAY.format("political situation")}

## A. Elections

{SAY.format("elections")}

### 1. Voter registration

{SAY.format("voter registration")}

### 2. Polling

{SAY.format("polling stations")}

## B. Dialogue

{SAY.format("national dialogue")}

# III. Observations

{SAY.format("observations")}
"""

THREE_LEVELS = [
    ("II. Political developments", None),
    ("A. Elections", "ii-political-developments"),
    ("1. Voter registration", "a-elections"),
    ("2. Polling", "a-elections"),
    ("B. Dialogue", "ii-political-developments"),
    ("III. Observations", None),
]


@pytest.fixture
def content(tmp_path):
    return copy_codebook(tmp_path / "content")


def test_markdown_keeps_three_heading_levels(content):
    outline, texts = ingest_outline(content, "report.md", MARKDOWN)
    assert outline == THREE_LEVELS
    assert texts["1. Voter registration"] == [SAY.format("voter registration")]


def test_html_h2_to_h4_keeps_three_levels_under_the_page_title(content):
    page = (
        "<html><head><title>Report</title></head><body><h1>Report</h1>"
        + re.sub(r"(?m)^(#+) (.*)$", lambda m: f"<h{len(m[1]) + 1}>{m[2]}</h{len(m[1]) + 1}>",
                 MARKDOWN).replace("\n\nThe", "\n\n<p>The").replace("period.", "period.</p>")
        + "</body></html>"
    )  # fmt: skip
    outline, _ = ingest_outline(content, "report.html", page)
    assert outline[-len(THREE_LEVELS) :] == THREE_LEVELS


def test_a_fifth_heading_level_sits_beside_the_fourth(content):
    levels = "# Deep\n\n" + "".join(
        f"{'#' * n} Level {n}\n\n{SAY.format(f'level {n}')}\n\n" for n in range(1, 6)
    )
    outline, _ = ingest_outline(content, "deep.md", levels)
    assert outline == [
        ("Level 1", None),
        ("Level 2", "level-1"),
        ("Level 3", "level-2"),
        ("Level 4", "level-3"),
        ("Level 5", "level-3"),  # MAX_DEPTH: beside "Level 4", under the same parent
    ]


UN_REPORT = [
    ("h1", "II. Political developments"),
    ("p", ["1. The political situation remained calm during the period under review."]),
    ("h2", "A. Elections"),
    ("h3", "1. Voter registration"),
    ("p", ["2. The registration of voters was completed in every region of the country."]),
    ("h3", "2. Polling"),
    ("p", ["3. Polling stations opened on time in most districts on election day."]),
    ("h2", "B. Dialogue"),
    ("p", ["4. The national dialogue resumed in the capital with all the parties."]),
    ("h1", "III. Observations"),
    ("p", ["5. I thank the staff of the Mission for their work in the period."]),
]


def test_a_pdf_report_keeps_roman_lettered_and_numbered_levels(content):
    outline, texts = ingest_outline(content, "report.pdf", unreport.build(body=UN_REPORT))
    assert outline == [
        ("II. Political developments", None),
        ("A. Elections", "ii-political-developments"),  # no text of its own: heads its "1."s
        ("1. Voter registration", "a-elections"),
        ("2. Polling", "a-elections"),
        ("B. Dialogue", "ii-political-developments"),
        ("III. Observations", None),
    ]
    assert texts["A. Elections"] == []
    assert texts["2. Polling"][0].startswith("3. Polling stations opened")


# --- the reader sees the outline ---------------------------------------------------------


@pytest.fixture(scope="module")
def report_content(tmp_path_factory):
    """A case ingested from the three-level Markdown report."""
    root = copy_codebook(tmp_path_factory.mktemp("outline") / "content")
    source = root.parent / "report.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    pipeline.ingest(source, "report", root)
    return root


def links_of(at) -> list[tuple[str, str]]:
    return [(link.proto.label, link.proto.page) for link in at.get("page_link")]


def test_a_section_three_levels_down_shows_its_chain_as_links(report_content):
    at = conftest.open_app(report_content, "1-voter-registration")
    assert at.title[0].value == "1\\. Voter registration"
    assert links_of(at) == [  # the titles escaped as Markdown ("II\\."), as everywhere
        ("Part of: II\\. Political developments", "ii-political-developments"),
        ("A\\. Elections", "a-elections"),
        ("Previous: A\\. Elections", "a-elections"),  # prev/next keep document order
        ("Next: 2\\. Polling", "2-polling"),
    ]


def test_a_section_lists_only_its_direct_children(report_content):
    at = conftest.open_app(report_content, "ii-political-developments")
    assert [label for label, _ in links_of(at)] == [
        "A\\. Elections",
        "B\\. Dialogue",
        "Next: A\\. Elections",
    ]  # not "1." and "2.", which are A.'s


def test_the_menu_and_index_mark_each_section_s_depth(report_content):
    at = conftest.open_app(report_content)
    (style,) = [h.proto.body for h in at.get("html") if "stSidebarNavLink" in h.proto.body]
    nav = '[data-testid="stSidebarNavLink"][href$="/{}"]'
    assert f"{nav.format('1-voter-registration')} > span[label]::before" in style
    assert 'content:"" / "level 3: "' in style and 'content:"" / "level 2: "' in style
    link = '.st-key-section-index [data-testid="stPageLink-NavLink"]'
    row = f'{link}[href="2-polling"],{link}[href$="/2-polling"]'
    assert f"{row}{{margin-left:1.25rem}}" in style
    assert f'{link}[href="2-polling"] > span:last-child::before' in style
    assert "iii-observations" not in style  # a top-level section is left as it is


def test_a_one_paragraph_section_counts_it_in_the_singular(report_content):
    at = conftest.open_app(report_content, "1-voter-registration")
    (bars,) = [body for body in drawn(at) if 'class="cb-bars"' in body]
    assert "<caption>14 words in 1 paragraph. A section carries a theme from 25% coverage." in bars


def test_sections_of_one_title_are_told_apart_by_the_section_they_are_in():
    # a report's annex: "Challenges ahead" under each standard, and twice under one
    sections = (
        Section("standard-1", "Standard 1", 1, ()),
        Section("challenges-ahead", "Challenges ahead", 2, (), parent="standard-1"),
        Section("standard-2", "Standard 2", 3, ()),
        Section("challenges-ahead-2", "Challenges ahead", 4, (), parent="standard-2"),
        Section("challenges-ahead-3", "Challenges ahead", 5, (), parent="standard-2"),
        Section("observations", "Observations", 6, ()),
    )
    titles = Case("report", "A report", sections).distinct_titles
    assert titles == {
        "standard-1": "Standard 1",
        "challenges-ahead": "Challenges ahead (in Standard 1)",
        "standard-2": "Standard 2",
        "challenges-ahead-2": "Challenges ahead (in Standard 2) (challenges-ahead-2)",
        "challenges-ahead-3": "Challenges ahead (in Standard 2) (challenges-ahead-3)",
        "observations": "Observations",
    }


def test_the_theme_pages_chart_keeps_a_bar_for_each_of_two_sections_of_one_name(tiny_copy):
    child = tiny_copy / "demo" / "03-child.md"  # "A Child Section", under "The Middle Part"
    child.write_text(child.read_text("utf-8").replace("A Child Section", "Opening"), "utf-8")
    at = conftest.open_app(tiny_copy, "theme-political")
    (figure,) = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert figure["data"][0]["y"] == ["Opening", "Middle", "Opening (in Middle)"]


def test_compare_sections_opens_on_two_sections_with_text(tiny_copy):
    def pair(content):
        at = conftest.open_app(content, "compare-sections")
        return at.selectbox(key="a-pick").value, at.selectbox(key="b-pick").value

    assert pair(conftest.TINY) == ("opening", "middle-part")  # the first two, with text
    # a report's "II." is often a heading over its parts alone: nothing to compare
    middle = tiny_copy / "demo" / "02-middle-part.md"
    middle.write_text(middle.read_text("utf-8").split("---\n\n")[0] + "---\n", "utf-8")
    assert pair(tiny_copy) == ("opening", "child-section")


def test_a_reports_paragraphs_are_named_by_its_own_numbers_an_articles_by_place():
    def case_of(*texts):
        paragraphs = tuple(Paragraph("s", i, text) for i, text in enumerate(texts, 1))
        return Case("c", "C", (Section("s", "S", 1, paragraphs),))

    report = case_of("21. The mission grew.", "22. Patrols went on.", "(a) an item;",
                     "23. Elections were held.")  # fmt: skip
    assert report.numbered
    assert [report.mark(p) for p in report.paragraphs] == ["para. 21", "para. 22", "¶3", "para. 23"]
    # an article with a numbered list among its paragraphs: places, not numbers
    article = case_of("The mission began.", "1. Security first.", "2. Then politics.",
                      "It ended.", "Lessons remain.", "A last word.", "3. Finally.")  # fmt: skip
    assert not article.numbered
    assert article.mark(article.paragraphs[1]) == "¶2"
    # numbers that do not rise (a list restarting each time) are not a report's
    restarting = case_of("1. One.", "1. Again.", "1. Once more.", "2. Two.")
    assert not restarting.numbered
