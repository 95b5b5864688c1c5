"""Ingest: an article in plain text, Markdown or HTML becomes a case folder.

Fixtures in tests/fixtures/ingest/ imitate messy long-form posts (messy_post.txt, .md,
.html: an introduction before the first heading, pseudo-headings, captions, a table
flattened to text, footnote markers and notes, a bibliography of URLs, a byline) and give
one file per failure mode. The too-large input is generated here: 5 MB does not belong in
the repository.

Golden: ingesting the seed reproduces content/minusma/. After a deliberate change to the
seed's files, regenerate them with `python -m casebook convert minusma` (the same pipeline).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from casebook.ingest import blocks, bylines, pipeline, progress, readers, sectionfiles, source
from casebook.ingest.article import read_article
from casebook.ingest.source import IngestError
from casebook.loader import load_content
from tests.conftest import CONTENT, FIXTURES, ROOT

INGEST = FIXTURES / "ingest"
REL = "tests/fixtures/ingest"  # fixture paths as the command line is given them
MINUSMA = CONTENT / "minusma"
SEED = MINUSMA / "source" / "article.txt"
RECIPE = MINUSMA / "source" / "recipe.yaml"
CODEBOOK_FILES = ("themes.yaml", "examples.yaml")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """An empty content folder holding the real codebook (and its coded examples)."""
    root = tmp_path / "content"
    root.mkdir()
    for name in CODEBOOK_FILES:
        if (CONTENT / name).is_file():
            shutil.copy(CONTENT / name, root)
    return root


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "casebook", *args],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip


def ingest_cli(name: str, content: Path, *extra: str) -> subprocess.CompletedProcess:
    return run("ingest", f"{REL}/{name}", "--case", "case", "--content", str(content), *extra)


# --- No text lost --------------------------------------------------------------------


ENCODINGS = {"cp1252.txt": "cp1252", "latin1.txt": "latin-1", "utf16.txt": "utf-16"}


def input_words(path: Path) -> list[str]:
    """The words a reader sees in the file, stripped of markup independently of the readers."""
    text = path.read_text(encoding=ENCODINGS.get(path.name, "utf-8"))
    if path.suffix == ".md":
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
        text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images: alt text is not body text
        text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    if path.suffix == ".html":
        text = re.sub(r"<(head|script|style)\b.*?</\1>", "", text, flags=re.DOTALL)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return blocks.words(text)


def remove_in_order(words: list[str], pieces: list[str]) -> list[str]:
    """``words`` without each piece's words, each found after the previous one."""
    rest, cursor = list(words), 0
    for piece in pieces:
        sought = blocks.words(piece)
        at = next(
            (i for i in range(cursor, len(rest)) if rest[i : i + len(sought)] == sought), None
        )
        assert at is not None, f"not found in order: {piece!r}"
        del rest[at : at + len(sought)]
        cursor = at
    return rest


SEED_TITLE = "Analyzing the Impact of the UN Mission in Mali: A Comprehensive Case Study"
SEED_NOTICE = (
    "🧠 AI-Generated Insight: Parts of this content were created using AI assistance. "
    "For accuracy, please cross-check with authoritative sources."
)
TXT_NOTICE = (
    "ℹ️ Info: This article was produced by AI with human editing. "
    "Please verify key facts with primary sources."
)
TXT_REFERENCES = (
    "[1] Security Council resolution 2100 (2013), https://undocs.org/S/RES/2100(2013)",
    "[2] Interview with a former battalion commander, Dakar, 2022.",
    "[3] Security Council resolution 2690 (2023).",
)
MD_NOTICE = (
    "💡 Heads Up: This article is AI-generated and lightly edited. "
    "Check the sources before citing it."
)
MD_REFERENCES = (
    "1. United Nations, MINUSMA fact sheet, https://peacekeeping.un.org/en/mission/minusma",
    "2. Security Council resolution 2690 (2023)",
    "[1] The Council adopted resolution 2690 on 30 June 2023.",
)
MD_TABLE = (
    "| Camp | Handed over | Region |\n| --- | --- | --- |\n| Ber | August 2023 | Timbuktu |\n"
    "| Kidal | October 2023 | Kidal |"
)
MD_QUOTE = '"We leave with a sense of unfinished business," a senior official said.'
HTML_NOTICE = (
    "🧠 AI-Generated Insight: Parts of this content were drafted with an AI assistant "
    "and reviewed by an editor."
)
HTML_REFERENCES = (
    "On Barkhane, see the French defence ministry's archive, "
    "https://www.defense.gouv.fr/operations/barkhane",
)

# (fixture, its headings, every block removed from the body: (kind, text), in order)
ACCOUNTS = [
    ("messy_post.txt",
     ["A Mission Built in a Hurry", "Protecting Civilians", "Key findings",
      "Politics and the Peace Agreement"],
     [("title", "Blue Helmets in the Sahel: What Ten Years of MINUSMA Taught Us"),
      ("byline", "By Aminata Keita"),
      ("byline", "Institute for Security Studies, Bamako"),
      ("byline", "12 March 2024 · 9 min read"),
      ("notice", TXT_NOTICE),
      ("caption", "Peacekeepers on patrol near Gao, 2016. Photo: UN/Marco Dormino"),
      ("table", "| Year | Authorised troops | Fatalities |\n| --- | --- | --- |\n"
                "| 2013 | 11,200 | 6 |\n| 2016 | 13,289 | 29 |\n| 2020 | 13,289 | 19 |\n"
                "Source: UN Peacekeeping fact sheets"),
      ("boilerplate", "See also: Why Rehatting Rarely Works"),
      ("boilerplate", "Share this:"),
      ("boilerplate", "Click to share on Facebook (Opens in new window)"),
      ("boilerplate", "Click to share on X (Opens in new window)"),
      ("boilerplate", "Notes"),
      *[("reference", r) for r in TXT_REFERENCES],
      ("footer", "Related Posts"),
      ("footer", "The Long Road to Algiers"),
      ("footer", "Why Rehatting Rarely Works")]),
    ("messy_post.md",
     ["Why the mission left", "The timeline", "Handovers to the national army", "What remains"],
     [("notice", MD_NOTICE),
      ("caption", "Photo: MINUSMA/Harandane Dicko ©"),
      ("table", MD_TABLE),
      ("quote", MD_QUOTE),
      ("boilerplate", "Sources"),
      *[("reference", r) for r in MD_REFERENCES[:2]],
      ("note", MD_REFERENCES[2]),
      ("boilerplate", "Share on X · Share on LinkedIn"),
      ("footer", "Related articles"),
      ("footer", "The Long Road to Algiers"),
      ("footer", "Rehatting in practice")]),
    ("messy_post.html",
     ["A crowded security landscape", "Who did what", "The Wagner factor",
      "Partnerships that worked"],
     [("boilerplate", "Sahel Review"),
      ("boilerplate", "Topics About us"),
      ("title", "Peacekeeping after MINUSMA: Lessons for the Sahel"),
      ("byline", "By Fatoumata Coulibaly, Centre for Strategic Studies · 20 January 2024"),
      ("notice", HTML_NOTICE),
      ("caption", "A patrol near Ménaka. © MINUSMA"),
      ("table", "| Force | Role | Years |\n| --- | --- | --- |\n"
                "| MINUSMA | Stabilisation | 2013–2023 |\n| Barkhane | Counter-terrorism | 2014–2022 |"),
      ("boilerplate", "Related posts"),
      ("boilerplate", "The Long Road to Algiers"),
      # bare text in a <div> ("Local mediation committees ...") that trafilatura leaves out
      # stays a paragraph: it stands between two blocks of the article
      ("boilerplate", "Share this:"),
      ("boilerplate", "Click to share on Facebook (Opens in new window)"),
      ("note", HTML_REFERENCES[0]),
      ("boilerplate", "© 2024 Sahel Review. All rights reserved."),
      ("boilerplate", "Subscribe")]),
    ("wrapped.txt", ["Why the corridor mattered"],
     [("title", "A Note on the Ménaka Corridor")]),
    ("duplicate_headings.md", ["Background", "Background", "Background"],
     [("title", "Field Notes from Three Regions")]),
    ("empty_heading.md",
     ["Stage one", "The northern camps", "The airport in Kidal", "Stage two", "Stage three"],
     [("title", "Withdrawal in Stages")]),
    ("no_headings.txt", [], []),
    *[(name, ["Security Briefings"], [("title", "Notes from Gao")]) for name in ENCODINGS],
]  # fmt: skip


def written_words(folder: Path) -> list[str]:
    """The words of every block of the section files, in reading order, markers left out."""
    texts = []
    for path in sorted(folder.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        texts += [line for line in body.splitlines() if not line.startswith("<!--")]
    return blocks.words(" ".join(texts).replace("| --- ", ""))


def account(path: Path, content: Path) -> tuple[list, list, list[str], list[str]]:
    """(headings, blocks not coded: removed or kept apart, input body words, written words)."""
    done = pipeline.ingest(path, "case", content)
    found = done.reading.blocks
    headings = [b.text for b in found if b.kind == "heading"]
    removed = [(b.kind, b.text) for b in found if b.kind not in ("heading", "paragraph")]
    gone = [b.text for b in found if b.kind in (*blocks.REMOVED_KINDS, "heading")]
    body = remove_in_order(input_words(path), gone)
    return headings, removed, body, written_words(content / "case")


@pytest.mark.parametrize(("name", "headings", "removed"), ACCOUNTS)
def test_every_body_word_reaches_the_case_in_order(content, name, headings, removed):
    found_headings, found_removed, body, written = account(INGEST / name, content)
    assert found_removed == removed
    assert found_headings == headings
    assert written == body
    assert len(written) > 20


def test_every_body_word_of_the_seed_reaches_the_case_in_order(content):
    headings, removed, body, written = account(SEED, content)
    see_also = [line for line in SEED.read_text().splitlines() if line.startswith("See also")]
    assert removed == [
        ("title", SEED_TITLE), ("notice", SEED_NOTICE),
        *[("boilerplate", line) for line in see_also], ("footer", "Similar Posts"),
    ]  # fmt: skip
    assert len(see_also) == 3 and len(headings) == 12
    assert written == body


# --- What lands in the case folder ---------------------------------------------------

CASES = [
    ("messy_post.txt", {
        "title": "Blue Helmets in the Sahel: What Ten Years of MINUSMA Taught Us",
        "author": "Aminata Keita, Institute for Security Studies, Bamako",
        "published": "12 March 2024", "notice": TXT_NOTICE, "references": (),
        "source_url": "",
    }, [("introduction", None), ("a-mission-built-in-a-hurry", None),
        ("protecting-civilians", None), ("key-findings", None),
        ("politics-and-the-peace-agreement", None)]),
    ("messy_post.md", {
        "title": "Counting the Cost: MINUSMA and the Politics of Withdrawal",
        "author": "Ousmane Diallo", "published": "2023-12-14", "notice": MD_NOTICE,
        "references": (),
    }, [("introduction", None), ("why-the-mission-left", None),
        ("the-timeline", "why-the-mission-left"),
        ("handovers-to-the-national-army", "why-the-mission-left"), ("what-remains", None)]),
    ("messy_post.html", {
        "title": "Peacekeeping after MINUSMA: Lessons for the Sahel",
        "author": "Fatoumata Coulibaly", "published": "20 January 2024", "notice": HTML_NOTICE,
        "references": (),
        "source_url": "https://sahel-review.example/peacekeeping-after-minusma",
    }, [("introduction", None), ("a-crowded-security-landscape", None),
        ("who-did-what", "a-crowded-security-landscape"),
        ("the-wagner-factor", "a-crowded-security-landscape"),
        ("partnerships-that-worked", None)]),
    ("empty_heading.md", {"title": "Withdrawal in Stages", "references": ()},
     [("introduction", None), ("stage-one", None), ("the-northern-camps", "stage-one"),
      ("the-airport-in-kidal", "stage-one"), ("stage-three", None)]),
    ("duplicate_headings.md", {"title": "Field Notes from Three Regions"},
     [("background", None), ("background-2", None), ("background-3", None)]),
    ("wrapped.txt", {"title": "A Note on the Ménaka Corridor"},
     [("introduction", None), ("why-the-corridor-mattered", None)]),
    ("no_headings.txt", {"title": "No headings"}, [("no-headings", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "fields", "outline"), CASES)
def test_metadata_and_sections_land_in_the_case(content, name, fields, outline):
    pipeline.ingest(INGEST / name, "case", content)
    case = load_content(content).case("case")
    assert {key: getattr(case, key) for key in fields} == fields
    assert [(s.slug, s.parent) for s in case.sections] == outline
    assert [s.order for s in case.sections] == list(range(1, len(outline) + 1))


def test_the_folder_has_the_format_of_every_case(content):
    pipeline.ingest(INGEST / "messy_post.md", "case", content)
    folder = content / "case"
    assert sorted(p.name for p in folder.iterdir()) == [
        "01-introduction.md", "02-why-the-mission-left.md", "03-the-timeline.md",
        "04-handovers-to-the-national-army.md", "05-what-remains.md", "case.yaml", "source",
    ]  # fmt: skip
    assert (folder / "source" / "article.md").read_text() == (INGEST / "messy_post.md").read_text()
    assert (folder / "03-the-timeline.md").read_text(encoding="utf-8") == (
        "---\ntitle: The timeline\nslug: the-timeline\norder: 3\nparent: why-the-mission-left\n"
        "---\n\nBases in the north were handed over first, often under fire. Convoys leaving "
        "Kidal and Tessalit were attacked by armed groups.\n"
    )
    assert (folder / "case.yaml").read_text(encoding="utf-8").splitlines() == [
        "title: 'Counting the Cost: MINUSMA and the Politics of Withdrawal'",
        "author: Ousmane Diallo", "published: '2023-12-14'", f"notice: '{MD_NOTICE}'",
        "source_file: source/article.md",
    ]  # fmt: skip


def test_the_command_line_gives_title_and_source_url_over_the_article(content):
    result = ingest_cli("messy_post.html", content, "--title", "After MINUSMA",
                        "--source-url", "https://example.org/after")  # fmt: skip
    assert result.returncode == 0
    case = load_content(content).case("case")
    assert (case.title, case.source_url) == ("After MINUSMA", "https://example.org/after")


def test_check_validates_ingested_cases_beside_the_seed(content):
    shutil.copytree(MINUSMA, content / "minusma")
    for name in ("messy_post.txt", "messy_post.md", "messy_post.html"):
        assert ingest_cli(name, content).returncode == 0
        (content / "case").rename(content / Path(name).suffix[1:])
    result = run("check", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 4 cases, ")


# --- Golden: the seed ------------------------------------------------------------------


def without_pins(text: str) -> str:
    return "".join(line for line in text.splitlines(True) if not line.startswith("<!-- themes:"))


def seed_args(content: Path, *extra: str) -> list[str]:
    return ["ingest", str(SEED), "--case", "minusma", "--recipe", str(RECIPE),
            "--content", str(content), *extra]  # fmt: skip


GOLDEN = sorted(p.name for p in MINUSMA.glob("*.md")) + ["case.yaml"]


def test_ingesting_the_seed_into_a_fresh_folder_reproduces_minusma_but_its_pins(content):
    """A fresh folder has no editor to pin anything: compare with the pin lines removed."""
    result = run(*seed_args(content))
    assert (result.returncode, result.stderr) == (0, "")
    folder = content / "minusma"
    assert sorted(p.name for p in folder.glob("*.md")) + ["case.yaml"] == GOLDEN
    for name in GOLDEN:
        original = (MINUSMA / name).read_text(encoding="utf-8")
        assert (folder / name).read_text(encoding="utf-8") == without_pins(original), name
    assert (folder / "source" / "recipe.yaml").read_bytes() == RECIPE.read_bytes()


def test_reingesting_over_the_case_reproduces_it_byte_for_byte_pins_and_all(content):
    """With --force over the existing folder, pins and editors' other files carry over."""
    shutil.copytree(MINUSMA, content / "minusma")
    result = run(*seed_args(content, "--force"))
    assert result.returncode == 0, result.stderr
    for name in GOLDEN:
        assert (content / "minusma" / name).read_bytes() == (MINUSMA / name).read_bytes(), name
    editorial = [p for p in MINUSMA.iterdir() if p.suffix == ".yaml" and p.name != "case.yaml"]
    for path in editorial:
        assert (content / "minusma" / path.name).read_bytes() == path.read_bytes()


# --- Bad input: one line, exit 2, nothing written --------------------------------------

FAILURES = [
    ("empty.txt", "empty file"),
    ("whitespace.txt", "only whitespace, no text"),
    ("image.png", "a PNG image, not text"),
    ("nul_bytes.txt", "binary data, not text"),
    ("only_boilerplate.txt", "no body text found (only a title, notice or boilerplate)"),
    ("no_such_file.txt", "no such file"),
]


def leftovers(content: Path) -> list[str]:
    """What the content folder holds besides the codebook and the cases' lock files."""
    names = (p.name for p in content.iterdir() if p.name not in CODEBOOK_FILES)
    return sorted(name for name in names if not name.endswith(".lock"))


@pytest.mark.parametrize(("name", "problem"), FAILURES)
def test_bad_input_is_one_error_line_and_exit_2(content, name, problem):
    result = ingest_cli(name, content)
    expected = (2, "", f"error: {REL}/{name}: {problem}\n")
    assert (result.returncode, result.stdout, result.stderr) == expected
    assert leftovers(content) == []


def test_input_above_the_size_limit_is_refused(content, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * (source.MAX_INPUT_BYTES // 5) + "x", encoding="utf-8")
    result = run("ingest", str(big), "--case", "big", "--content", str(content))
    assert (result.returncode, result.stderr) == (
        2, f"error: {big}: too large: 5,000,001 bytes (the limit is 5,000,000)\n"
    )  # fmt: skip
    assert leftovers(content) == []


def test_other_refusals_name_what_is_wrong(content, tmp_path):
    cases = [
        (["ingest", f"{REL}/messy_post.txt", "--case", "My Case", "--content", str(content)],
         "error: --case 'My Case': not a case slug (lower-case letters and digits joined by "
         "hyphens, e.g. 'mali-2023')\n"),
        (["ingest", f"{REL}/messy_post.txt", "--case", "x", "--content", str(content),
          "--recipe", f"{REL}/bad_recipe.yaml"],
         f"error: {REL}/bad_recipe.yaml: a recipe must be a mapping (title, source_url, "
         "introduction, sections)\n"),
        (["ingest", f"{REL}/messy_post.txt", "--case", "x", "--content", str(tmp_path)],
         f"error: {tmp_path}/themes.yaml: not found (every content folder needs a codebook)\n"),
        (["ingest", REL, "--case", "x", "--content", str(content)],
         f"error: {REL}: is a folder, not a file\n"),
    ]  # fmt: skip
    for args, stderr in cases:
        result = run(*args)
        assert (result.returncode, result.stderr) == (2, stderr)
    assert leftovers(content) == []


def test_an_existing_case_is_replaced_only_with_force(content):
    assert ingest_cli("messy_post.md", content).returncode == 0
    before = {p.name: p.read_bytes() for p in (content / "case").rglob("*") if p.is_file()}
    result = ingest_cli("messy_post.txt", content)
    assert (result.returncode, result.stderr) == (
        2, f"error: {content}/case: case folder exists (add --force to replace it)\n"
    )  # fmt: skip
    assert {p.name: p.read_bytes() for p in (content / "case").rglob("*") if p.is_file()} == before
    assert ingest_cli("messy_post.txt", content, "--force").returncode == 0
    assert load_content(content).case("case").title.startswith("Blue Helmets")
    assert leftovers(content) == ["case"]


# --- Questionable input: success, with the warning stated ------------------------------

WARNINGS = [
    ("cp1252.txt", [], ["not UTF-8; read as cp1252"]),
    ("latin1.txt", [], ["not UTF-8; read as latin-1", "removed 1 control character(s)"]),
    ("utf16.txt", [], ["not UTF-8; read as utf-16"]),
    ("no_headings.txt", [],
     ["no title found; using 'No headings' (give --title)",
      "no headings found; the text is one section, 'No headings'"]),
    ("no_headings.txt", ["--title", "Convoy to Ansongo"],
     ["no headings found; the text is one section, 'Convoy to Ansongo'"]),
    ("duplicate_headings.md", [],
     ["line 7: duplicate heading 'Background'; slug 'background-2'",
      "line 11: duplicate heading 'Background'; slug 'background-3'"]),
    ("empty_heading.md", [],
     ["line 15: heading 'Stage two' has no text of its own; left out"]),
    ("messy_post.md", [], []),
]  # fmt: skip


@pytest.mark.parametrize(("name", "extra", "warnings"), WARNINGS)
def test_questionable_input_succeeds_with_the_warning_stated(content, name, extra, warnings):
    result = ingest_cli(name, content, *extra)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [f"warning: {REL}/{name}: {w}" for w in warnings]
    assert result.stdout.startswith(f"ingested {REL}/{name} (")


@pytest.mark.parametrize("name", ["cp1252.txt", "utf16.txt"])
def test_other_encodings_are_read_faithfully(content, name):
    pipeline.ingest(INGEST / name, "case", content)
    text = " ".join(p.text for p in load_content(content).case("case").paragraphs)
    assert "The mission’s café in Gao" in text
    assert "the “JOC” briefed the staff on incidents of the night – often" in text


def test_the_summary_counts_and_covers_every_theme(content):
    result = ingest_cli("messy_post.md", content)
    lines = result.stdout.splitlines()
    assert lines[:8] == [
        f"ingested {REL}/messy_post.md (markdown, utf-8) into {content}/case",
        "  title       Counting the Cost: MINUSMA and the Politics of Withdrawal",
        "  sections    5 (2 sub-sections)",
        "  paragraphs  8",
        "  words       126",
        "  kept apart  caption 1, table 1, note 1, reference 2",
        "  removed     notice 1, boilerplate 2, footer 3",
        "coverage by theme (share of words in paragraphs coded with the theme):",
    ]
    themes = load_content(content).codebook.ids
    assert [line.split()[0] for line in lines[8:]] == [*themes, "uncoded"]
    # shares as the app writes them: whole percentages rounded down (wording.percent)
    assert all(re.fullmatch(r"  \S+ +\d+%(  \(\d+ paragraphs?\))?", line) for line in lines[8:])
    assert "(1 paragraphs)" not in result.stdout


# --- Progress ----------------------------------------------------------------------------


def test_the_bar_draws_percent_and_hashes():
    stream = StringIO()
    bar = progress.Bar(stream, enabled=True)
    bar.update(0.4)
    bar.update(0.401)  # same percent: not redrawn
    bar.finish()
    assert stream.getvalue() == (
        "\ringest: 40% [########            ]\ringest: 100% [####################]\n"
    )


class _Terminal(StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("size", "stream", "asked", "drawn"),
    [
        (300_000, _Terminal(), False, True),
        (300_000, StringIO(), False, False),  # a pipe or a log: only when asked
        (100_000, _Terminal(), False, False),  # small inputs finish before a bar helps
        (100, StringIO(), True, True),
    ],
)
def test_the_bar_shows_for_large_inputs_on_a_terminal_or_when_asked(size, stream, asked, drawn):
    assert progress.bar_for(size, stream, asked).enabled is drawn


def test_progress_on_the_command_line(content):
    args = ["ingest", f"{REL}/messy_post.md", "--case", "case", "--content", str(content)]
    result = subprocess.run(
        [sys.executable, "-m", "casebook", *args, "--progress"],
        cwd=ROOT, capture_output=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert result.stderr.startswith(b"\ringest: 2% [                    ]\ringest: 5% [#")
    assert result.stderr.endswith(b"\ringest: 100% [####################]\n")


# --- The heuristics, one table each ------------------------------------------------------

LINES = [
    ("Background and Context of the UN Mission in Mali", True, False),
    ("Key findings", True, False),
    ("The mission was established in 2013.", False, False),
    ("Mission goals: an overview:", False, False),
    ("He said the mission would stay (for now)", True, False),
    ("He said “we will stay.”", False, False),
    ("Peacekeepers on patrol near Gao. Photo: UN/Marco Dormino", False, True),
    ("© MINUSMA/Harandane Dicko", False, True),
    ("Credit: Reuters", False, True),
    ("Figure 2: Troop levels by year", False, True),
    ("Year | Troops | Fatalities", False, False),
    ("- Civilian protection gaps", False, False),
    ("https://undocs.org/S/RES/2100(2013)", False, False),
    ("March 12, 2024", False, False),
]


@pytest.mark.parametrize(("line", "heading", "caption"), LINES)
def test_heading_and_caption_shapes(line, heading, caption):
    assert (readers.is_heading(line), readers.is_caption(line)) == (heading, caption)


NOTICES = [
    ("🧠 AI-Generated Insight: Parts of this content were created using AI assistance.", True),
    ("ℹ️ Info: This article was produced by AI and checked by an editor.", True),
    ("💡 Heads Up: This article is AI-generated. Verify before citing.", True),
    ("This article was generated by AI, please check.", True),
    ("AI was used to build this content; errors are possible.", True),
    ("Written with the help of AI.", True),
    ("Disclaimer: an AI tool assisted in drafting.", True),
    ("The mission used AI-assisted imagery to map hotspots.", False),
    ("This article examines AI in peacekeeping.", False),
    ("Parts of this content were written by our staff in Bamako.", False),
]


@pytest.mark.parametrize(("line", "notice"), NOTICES)
def test_ai_notices_are_recognised_by_kind(line, notice):
    from casebook.ingest.boilerplate import is_notice

    assert is_notice(line) is notice


BODY = "The mission deployed to the north of the country, where armed groups held the towns."


def kind_of(line: str) -> str:
    """The kind given to ``line`` standing between two ordinary paragraphs."""
    text = f"A Title\n\n{BODY}\n\n{BODY} Again.\n\n{line}\n\n{BODY} Once more.\n\n{BODY} Last.\n"
    (block,) = [b for b in read_article(text, "text").blocks if b.text == line]
    return block.kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("See also  The Role of Military Diplomacy", "boilerplate"),
        ("Read more: Ten Years in Mali", "boilerplate"),
        ("Share this:", "boilerplate"),
        ("Share on X · Share on LinkedIn", "boilerplate"),
        ("Click to share on LinkedIn (Opens in new window)", "boilerplate"),
        ("Facebook Twitter LinkedIn", "boilerplate"),
        ("Tags: Mali, peacekeeping, Sahel", "boilerplate"),
        ("#Mali #peacekeeping", "boilerplate"),
        ("© 2024 Sahel Review. All rights reserved.", "boilerplate"),
        ("Subscribe to our weekly newsletter", "boilerplate"),
        ("Advertisement", "boilerplate"),
        ("Related efforts included training the national police.", "paragraph"),
        ("Share the burden of protection with local forces.", "paragraph"),
    ],
)
def test_boilerplate_lines_are_recognised_by_kind(line, kind):
    assert kind_of(line) == kind


@pytest.mark.parametrize(
    ("top", "kinds", "meta"),
    [
        (["By Jane Doe"], ["byline"], {"author": "Jane Doe"}),
        (["Written by Jane Doe | March 12, 2024 | 6 min read"], ["byline"],
         {"author": "Jane Doe", "published": "March 12, 2024"}),
        (["Jane Doe", "Senior Fellow, Institute for Security Studies"], ["byline", "byline"],
         {"author": "Jane Doe, Senior Fellow, Institute for Security Studies"}),
        (["Posted on 2024-03-12"], ["byline"], {"published": "2024-03-12"}),
        (["Key Findings"], ["heading"], {}),  # a name's shape, but nothing backs it up
    ],
)  # fmt: skip
def test_bylines_at_the_top_become_metadata(top, kinds, meta):
    text = "A Title\n\n" + "\n".join(top) + f"\n\n{BODY}\n\nA Heading\n\n{BODY}\n"
    found = read_article(text, "text").blocks
    assert [b.kind for b in found if b.text in top] == kinds
    assert bylines.byline_meta(found) == meta


@pytest.mark.parametrize(
    ("tail", "kinds"),
    [
        (["https://example.org/a", "https://example.org/b"], ["reference", "reference"]),
        (["https://example.org/only"], ["reference"]),
        (["Sources", "UN News", "Reuters"], ["boilerplate", "reference", "reference"]),
        (["Keita, A. (2019). Mali after the coup. Dakar: Codesria.",
          "Traoré, B. (2021). Peacekeeping at the edge. Bamako."], ["reference", "reference"]),
        (["1. Protect civilians first", "2. Keep bases near towns"], ["paragraph", "paragraph"]),
    ],
)  # fmt: skip
def test_a_trailing_bibliography_becomes_references(tail, kinds):
    text = f"A Title\n\n{BODY}\n\nA Heading\n\n{BODY}\n\n{BODY} Two.\n\n" + "\n\n".join(tail)
    found = read_article(text, "text").blocks
    sectionfiles.settle_guessed_headings(found)
    assert [b.kind for b in found if b.text in tail] == kinds


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Background and Context", "background-and-context"),
        ("Sécurité et développement", "securite-et-developpement"),
        ("Why the mission, its partners and the government of Mali never agreed on what "
         "success would look like", "why-the-mission-its-partners-and-the-government-of-mali"),
        ("Введение", ""),
    ],
)  # fmt: skip
def test_slugs_are_ascii_and_short(text, slug):
    assert sectionfiles.slugify(text) == slug


def test_slugs_steer_clear_of_pages_and_empty_titles():
    found = [
        blocks.Block("About", "heading", 1), blocks.Block(BODY, "paragraph"),
        blocks.Block("Введение", "heading", 1), blocks.Block(BODY, "paragraph"),
    ]  # fmt: skip
    drafts, _ = sectionfiles.draft_sections(found, {}, "A Title")
    assert [d.slug for d in drafts] == ["section-about", "section-2"]


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("café".encode(), "café", "utf-8"),
        (b"\xef\xbb\xbf" + "café".encode(), "café", "utf-8 with BOM"),
        ("café ’".encode("cp1252"), "café ’", "cp1252"),
        (b"caf\xe9 \x81", "café \x81", "latin-1"),
        ("café".encode("utf-16"), "café", "utf-16"),
    ],
)
def test_encodings_are_tried_in_order(data, text, encoding):
    assert source.decode(data) == (text, encoding)


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("post.htm", "anything", "html"),
        ("post.markdown", "anything", "markdown"),
        ("post", "<!doctype html><html><body><p>Hi</p></body></html>", "html"),
        ("post.rst", "# Title\n\nText.", "markdown"),
        ("post.log", "Title\n\nText.", "text"),
    ],
)
def test_the_format_follows_the_extension_or_the_text(name, text, fmt):
    assert source.detect_format(Path(name), text)[0] == fmt


def test_errors_read_as_one_line():
    error = IngestError(Path("post.txt"), "empty file")
    assert str(error) == "post.txt: empty file"


@pytest.mark.parametrize(
    ("where", "kinds"),
    [
        ("end", ["footer", "footer", "footer"]),  # the footer and the post titles after it
        ("start", ["boilerplate", "paragraph", "heading"]),  # more text follows: one line
    ],
)
def test_a_footer_ends_the_body_only_near_the_end(where, kinds):
    footer = ["Related Posts", "The Long Road to Algiers", "Why Rehatting Rarely Works"]
    body = [BODY, "A Heading", f"{BODY} Two.", f"{BODY} Three.", f"{BODY} Four."]
    lines = [*body, *footer] if where == "end" else [*footer, *body]
    found = read_article("A Title\n\n" + "\n\n".join(lines), "text").blocks
    sectionfiles.settle_guessed_headings(found)
    assert [b.kind for b in found if b.text in footer] == kinds


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<body class="single has-sidebar"><article><h1>T</h1><p>Body.</p></article>'
         '<div class="widget-area">Popular</div></body>',
         [("title", "T"), ("paragraph", "Body."), ("boilerplate", "Popular")]),
        ('<div class="site-branding"><h1>My Blog</h1></div><h1>Post</h1><p>Body.</p>',
         [("boilerplate", "My Blog"), ("title", "Post"), ("paragraph", "Body.")]),
        ('<p>Our thanks to <a rel="author" class="author">Jane</a>, who reported from Gao.</p>',
         [("paragraph", "Our thanks to Jane, who reported from Gao.")]),
        ("<p>Line one<br>Line two</p><h2>A<br>B</h2><p>Text.</p>",
         [("paragraph", "Line one"), ("paragraph", "Line two"), ("heading", "A B"),
          ("paragraph", "Text.")]),
        ("<p>Troops arrived.<sup>12</sup> More came.</p><div>Bare text in a div</div>",
         [("paragraph", "Troops arrived.[12] More came."),
          ("paragraph", "Bare text in a div")]),
        ("<ul><li><strong>Bold item</strong></li></ul><p><b>Pseudo heading</b></p><p>Text.</p>",
         [("paragraph", "Bold item"), ("heading", "Pseudo heading"), ("paragraph", "Text.")]),
    ],
)  # fmt: skip
def test_html_blocks(page, expected):
    assert [(b.kind, b.text) for b in read_article(page, "html").blocks] == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Setext Heading\n--------------\n\nText under it.\n\n* * *\n\nAfter a rule.",
         [("heading", "Setext Heading"), ("paragraph", "Text under it."),
          ("paragraph", "After a rule.")]),
        ("1. First item\n   continued\n2. Second item\n   - nested",
         [("paragraph", "1. First item continued"), ("paragraph", "2. Second item"),
          ("paragraph", "nested")]),
        ("```\ncode one\ncode two\n```\nAfter the fence.",
         [("paragraph", "code one code two"), ("paragraph", "After the fence.")]),
        ("A *stressed* word, a [link](https://x.org), `code` and \\*stars\\*.",
         [("paragraph", "A stressed word, a link, code and *stars*.")]),
        ("See [Mali](https://en.wikipedia.org/wiki/Mali_(country)) and ![map](m_(1).png) here.",
         [("paragraph", "See Mali and here.")]),
        ('A [titled link](https://x.org/a "Its title") stays words.',
         [("paragraph", "A titled link stays words.")]),
        ("<!-- a comment\nover two lines -->\nText after it.",
         [("paragraph", "Text after it.")]),
    ],
)  # fmt: skip
def test_markdown_blocks(markdown, expected):
    assert [(b.kind, b.text) for b in read_article(markdown, "markdown").blocks] == expected


def test_paragraphs_that_would_read_as_markup_are_written_safely(content, tmp_path):
    article = tmp_path / "hash.txt"
    article.write_text(
        f"A Title\n\n#1 priority was the centre, the report said.\n\n#Mali #UN\n\n{BODY}\n",
        encoding="utf-8",
    )
    pipeline.ingest(article, "case", content)
    texts = [p.text for p in load_content(content).case("case").paragraphs]
    assert texts == ["1 priority was the centre, the report said.", BODY]


@pytest.mark.parametrize(
    ("recipe", "problem"),
    [
        ("sections: [a, b]\n",
         "'sections' must map the start of a heading to {slug, short_title, parent}"),
        ("sections: {Background: background}\n",
         "'sections' must map the start of a heading to {slug, short_title, parent}"),
        ("introduction: {title: Opening}\n", "'introduction' must give a title and a slug"),
        ("title: [unclosed\n",
         "not a valid YAML recipe (line 2: expected ',' or ']', but got '<stream end>')"),
    ],
)  # fmt: skip
def test_a_recipe_of_the_wrong_shape_is_refused(content, tmp_path, recipe, problem):
    path = tmp_path / "recipe.yaml"
    path.write_text(recipe, encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        pipeline.ingest(INGEST / "messy_post.txt", "case", content, recipe_path=path)
    assert str(caught.value) == f"{path}: {problem}"
    assert leftovers(content) == []


def test_a_recipe_names_slugs_short_titles_and_parents(content, tmp_path):
    path = tmp_path / "recipe.yaml"
    path.write_text(
        "title: Ten Years of Blue Helmets\n"
        "introduction: {title: Opening, slug: opening}\n"
        "sections:\n"
        "  Protecting: {slug: civilians, short_title: Civilians}\n"
        "  Key findings: {parent: civilians}\n",
        encoding="utf-8",
    )
    pipeline.ingest(INGEST / "messy_post.txt", "case", content, recipe_path=path)
    case = load_content(content).case("case")
    assert case.title == "Ten Years of Blue Helmets"
    assert [(s.slug, s.nav_title, s.parent) for s in case.sections] == [
        ("opening", "Opening", None),
        ("a-mission-built-in-a-hurry", "A Mission Built in a Hurry", None),
        ("civilians", "Civilians", None),
        ("key-findings", "Key findings", "civilians"),
        ("politics-and-the-peace-agreement", "Politics and the Peace Agreement", None),
    ]
