"""The seed conversion: content/minusma/ is exactly what the article and its recipe produce."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys

import pytest

from casebook.ingest import convert
from casebook.loader import load_content
from tests.conftest import CONTENT, ROOT

CASE_DIR = CONTENT / "minusma"
ARTICLE = CASE_DIR / "source" / "article.txt"
# SHA-256 of the article as published (the project's seed file 000_31630c4cb911ae0d.txt).
SEED_SHA256 = "1412c719e30c2bb839ed2c5689d6b2a83e6a6ae494b5e2a2c6c86db92daff656"

# Written out here by hand from the article, independently of the converter.
HEADINGS = [
    "Background and Context of the UN Mission in Mali",
    "Strategic Objectives and Operational Framework",
    "Challenges and Obstacles Faced During the Mission",
    "Impact and Outcomes of the Mission in Mali",
    "Security Improvements and Threat Reduction",
    "Support for Political Stability and Peacebuilding",
    "Humanitarian and Developmental Contributions",
    "Lessons Learned and Recommendations for Future Peacekeeping Missions",
    "International Collaboration and Support Dynamics",
    "Partnerships with Regional and International Actors",
    "Role of Malian Government and Local Authorities",
    "Future Outlook of the UN Mission in Mali and Its Significance",
]
TITLE = "Analyzing the Impact of the UN Mission in Mali: A Comprehensive Case Study"
NOTICE = (
    "🧠 AI-Generated Insight: Parts of this content were created using AI assistance. "
    "For accuracy, please cross-check with authoritative sources."
)


def body_paragraphs_of_article() -> list[str]:
    """Every non-empty line that is not title, notice, heading or web boilerplate."""
    lines = [line.strip() for line in ARTICLE.read_text(encoding="utf-8").splitlines()]
    skip = {TITLE, NOTICE, "Similar Posts", *HEADINGS}
    return [line for line in lines if line and line not in skip and not line.startswith("See also")]


def test_article_copy_is_the_article_as_published_byte_for_byte():
    assert hashlib.sha256(ARTICLE.read_bytes()).hexdigest() == SEED_SHA256


def test_every_body_paragraph_appears_once_in_order_word_for_word():
    case = load_content(CONTENT).case("minusma")
    expected = body_paragraphs_of_article()
    assert len(expected) == 51
    assert [p.text for p in case.paragraphs] == expected


def test_boilerplate_is_not_body_text():
    text = " ".join(p.text for p in load_content(CONTENT).case("minusma").paragraphs)
    for boilerplate in ("See also", "Similar Posts", "AI-Generated Insight"):
        assert boilerplate not in text


def test_sections_and_hierarchy_follow_the_article():
    case = load_content(CONTENT).case("minusma")
    assert case.title == TITLE
    assert case.notice == NOTICE
    assert case.source_url == "https://troopdeploy.com/case-study-un-mission-in-mali"
    assert [s.title for s in case.sections] == ["Introduction", *HEADINGS]
    assert len(case.section("introduction").paragraphs) == 2
    top = [s.title for s in case.sections if s.parent is None]
    assert len(top) == 8  # the unheaded introduction, then seven sections
    assert [s.title for s in case.children("impact-and-outcomes")] == HEADINGS[4:7]
    assert [s.title for s in case.children("international-collaboration")] == HEADINGS[9:11]


def test_rerunning_the_conversion_reproduces_the_case_folder():
    """Golden files. To regenerate after a deliberate change: python -m casebook convert minusma"""
    files = convert.convert(CASE_DIR)
    assert convert.differences(CASE_DIR, files) == []
    for name, text in files.items():
        assert (CASE_DIR / name).read_text(encoding="utf-8") == text


def test_convert_check_command_exits_zero_on_the_shipped_case():
    result = subprocess.run(
        [sys.executable, "-m", "casebook", "convert", "minusma", "--check"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (0, "")


def test_editor_pins_survive_a_reconversion(tmp_path):
    case_dir = tmp_path / "minusma"
    shutil.copytree(CASE_DIR, case_dir)
    path = case_dir / "02-background-and-context.md"
    first = load_content(CONTENT).case("minusma").section("background-and-context").paragraphs[0]
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            first.text, f"<!-- themes: political -->\n{first.text}"
        ),
        encoding="utf-8",
    )
    files = convert.convert(case_dir)
    assert f"<!-- themes: political -->\n{first.text}" in files[path.name]
    assert convert.differences(case_dir, files) == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Background and Context of the UN Mission in Mali", "heading"),
        ("The mission was established in 2013.", "paragraph"),
        ("See also  The Role of Military Diplomacy", "boilerplate"),
        # a short question may head text ("What to expect going forward?"); one that heads
        # no paragraph becomes a paragraph when the sections are drafted
        ("A question heading ends with a mark?", "heading"),
        ("Is this a question long enough to be a sentence of the body text then?", "paragraph"),
        ("Mission goals: an overview:", "paragraph"),
    ],
)
def test_lines_are_classified(line, kind):
    blocks = convert.classify(f"The Title\n\n{line}\n")
    assert (blocks[1].text, blocks[1].kind) == (line, kind)


def test_notice_is_recognised_only_near_the_top_and_footer_ends_the_body():
    text = "Title\n\nThis article was generated by AI, please check.\n\nBody.\n\nSimilar Posts\n\nMore."
    kinds = [(b.kind, b.text) for b in convert.classify(text)]
    assert kinds == [
        ("title", "Title"),
        ("notice", "This article was generated by AI, please check."),
        ("paragraph", "Body."),
    ]
