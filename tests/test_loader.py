"""Loading and validating content: the tiny fixture case, and one broken file per failure mode."""

from __future__ import annotations

import shutil

import pytest

from casebook.loader import load_content, read_content
from casebook.problems import ContentError
from tests.conftest import BROKEN, CONTENT, TINY


def test_tiny_case_loads_into_the_model():
    content = load_content(TINY)
    assert content.codebook.ids == ("security", "political")
    assert content.codebook.rules.section_tag_threshold == 0.5
    (case,) = content.cases
    assert case.slug == "demo"
    assert case.title == "A Tiny Case"
    assert case.source_url == "https://example.org/tiny-case"
    assert [s.slug for s in case.sections] == ["opening", "middle-part", "child-section"]
    assert case.section("child-section").parent == "middle-part"
    assert case.section("middle-part").nav_title == "Middle"
    assert case.section("opening").nav_title == "Opening"


def test_paragraphs_keep_text_position_line_and_pins():
    case = load_content(TINY).case("demo")
    first, second = case.section("opening").paragraphs
    assert first.text == "Insurgents attacked the town and troops began patrols."
    assert (first.position, first.line, first.pinned) == (1, 7, ())
    assert second.line == 9
    pinned = case.section("middle-part").paragraphs[0]
    assert pinned.pinned == ("political",)
    assert pinned.text.startswith("Elections were held")
    assert pinned.line == 9  # the paragraph's own line, below its pin comment
    assert pinned.anchor == "middle-part-p1"


# (broken file, where it goes in the tiny case, the exact problems reported)
BROKEN_CASES = [
    ("bad_yaml.md", "demo/01-opening.md",
     ["content/demo/01-opening.md:4: front matter is not valid YAML: "
      "expected ',' or ']', but got ':'"]),
    ("no_front_matter.md", "demo/01-opening.md",
     ["content/demo/01-opening.md:1: missing front matter (the file must start with '---')"]),
    ("unknown_pin.md", "demo/01-opening.md",
     ["content/demo/01-opening.md:7: unknown theme 'securty' (did you mean 'security'?)"]),
    ("duplicate_slug.md", "demo/04-another.md",
     ["content/demo/04-another.md:3: duplicate slug 'opening' (also in 01-opening.md)"]),
    ("missing_title.md", "demo/01-opening.md",
     ["content/demo/01-opening.md:2: missing 'title'"]),
    ("empty_section.md", "demo/01-opening.md",
     ["content/demo/01-opening.md:6: the section has no paragraphs"]),
    ("unknown_key.md", "demo/01-opening.md",
     ["content/demo/01-opening.md:5: unknown key 'titel' (did you mean 'title'?)"]),
    ("bad_parent.md", "demo/03-child.md",
     ["content/demo/03-child.md:5: parent 'midle-part' is not a section of this case "
      "(did you mean 'middle-part'?)"]),
    ("order_not_number.md", "demo/01-opening.md",
     ["content/demo/01-opening.md:4: 'order' must be a whole number, not str ('first')"]),
    ("reserved_slug.md", "demo/01-opening.md",
     ["content/demo/01-opening.md:3: slug 'about' is taken by a dashboard page; choose another"]),
    ("codebook_no_terms.yaml", "themes.yaml",
     ["content/themes.yaml:2: missing 'terms'", "content/themes.yaml:1: the codebook needs two themes at least (pages compare them)"]),
    ("codebook_duplicate_id.yaml", "themes.yaml",
     ["content/themes.yaml:7: duplicate theme id 'security'",
      "content/demo/02-middle-part.md:8: unknown theme 'political' (known: security)"]),
    ("codebook_bad_colour.yaml", "themes.yaml",
     ["content/themes.yaml:4: colour 'blue' must be a hex colour like '#0072B2'",
      "content/themes.yaml:1: the codebook needs two themes at least (pages compare them)",
      "content/demo/02-middle-part.md:8: unknown theme 'political' (known: security)"]),
    ("case_no_title.yaml", "demo/case.yaml", ["content/demo/case.yaml:1: missing 'title'"]),
    ("examples_unknown_theme.yaml", "examples.yaml",
     ["content/examples.yaml:5: unknown theme 'securty' (did you mean 'security'?)"]),
    ("examples_no_text.yaml", "examples.yaml",
     ["content/examples.yaml:3: missing 'text'",
      "content/examples.yaml:12: 'themes' must be a list of theme ids (may be [])",
      "content/examples.yaml:10: duplicate example id 'ex-2'"]),
    ("codebook_neighbours_without_examples.yaml", "themes.yaml",
     ["content/themes.yaml:5: 'neighbour_similarity' must be 0–1",
      "content/themes.yaml:4: 'neighbours' must be a whole number, 0 or more",
      "content/examples.yaml:1: missing: the codebook's rules ask for nearest examples"]),
]  # fmt: skip


@pytest.mark.parametrize(("broken", "destination", "expected"), BROKEN_CASES)
def test_each_broken_file_is_reported_with_file_and_line(tiny_copy, broken, destination, expected):
    shutil.copy(BROKEN / broken, tiny_copy / destination)
    with pytest.raises(ContentError) as caught:
        load_content(tiny_copy)
    assert [str(p) for p in caught.value.problems] == expected


def test_all_problems_are_collected_before_failing(tiny_copy):
    shutil.copy(BROKEN / "unknown_pin.md", tiny_copy / "demo/01-opening.md")
    shutil.copy(BROKEN / "case_no_title.yaml", tiny_copy / "demo/case.yaml")
    shutil.copy(BROKEN / "bad_parent.md", tiny_copy / "demo/03-child.md")
    with pytest.raises(ContentError) as caught:
        load_content(tiny_copy)
    lines = [str(p) for p in caught.value.problems]
    assert len(lines) == 2  # the parent check waits until every file reads cleanly
    assert lines[0] == "content/demo/case.yaml:1: missing 'title'"
    assert lines[1].startswith("content/demo/01-opening.md:7: unknown theme 'securty'")


def test_missing_content_folder_is_one_clear_problem(tmp_path):
    with pytest.raises(ContentError) as caught:
        load_content(tmp_path / "nowhere")
    assert [p.message for p in caught.value.problems] == ["content folder not found"]


def test_unreadable_bytes_are_reported_not_raised(tiny_copy):
    (tiny_copy / "demo/01-opening.md").write_bytes(b"---\ntitle: \xff\xfe\n---\n")
    with pytest.raises(ContentError) as caught:
        load_content(tiny_copy)
    (problem,) = caught.value.problems
    assert problem.path == "content/demo/01-opening.md"
    assert problem.message.startswith("cannot be read:")


def test_the_shipped_content_is_valid():
    content = load_content(CONTENT)
    assert [case.slug for case in content.cases] == ["minusma"]
    assert content.codebook.ids == ("security", "political", "humanitarian", "partnerships")


def test_the_codebook_gives_each_theme_its_label_in_codebook_order():
    codebook = load_content(CONTENT).codebook
    assert list(codebook.labels.items()) == [
        ("security", "Security"), ("political", "Political"),
        ("humanitarian", "Humanitarian"), ("partnerships", "Partnerships"),
    ]  # fmt: skip


def test_the_shipped_site_names_the_case_links_open():
    content = load_content(CONTENT)
    assert (content.default_case, content.default_slug) == ("minusma", "minusma")


@pytest.mark.parametrize(
    ("site", "problem"),
    [
        ("- minusma\n", "site.yaml must be a mapping of keys to values"),
        ("default_case: minusma\nhome: x\n", "unknown key 'home'"),
        ("default_case: 3\n", "'default_case'"),
    ],
)
def test_a_site_file_s_problems_are_reported_not_fatal(tmp_path, site, problem):
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    (root / "site.yaml").write_text(site, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(root)  # the check (and `casebook check`) reports it
    assert any(problem in str(p) and "site.yaml" in str(p) for p in raised.value.problems)
    content = read_content(root)  # the app reads on: nothing else is wrong
    assert content.cases and not content.codebook_problems and not content.broken
