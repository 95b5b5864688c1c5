"""PDF ingest: a report laid out like a UN Secretary-General report (tests/unreport.py),
compared with poppler's pdftotext; scans, encrypted and broken files refused."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from casebook import markup, ui
from casebook.ingest import blocks, pipeline
from casebook.ingest.pdfreader import read_pdf
from casebook.ingest.source import IngestError
from casebook.loader import load_content
from tests import unreport
from tests.conftest import CODEBOOK_FILES, ROOT, content_entries, copy_codebook, drawn

PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(unreport.build())
    return path


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_codebook(tmp_path / "content")


def words_of(text: str) -> Counter:
    """Words as the "nothing lost" check counts them: hyphens and line breaks ignored."""
    return Counter(w.lower() for w in blocks.words(text.replace("-\n", "").replace("-", "")))


def case_text(folder: Path) -> str:
    """case.yaml and the section files (titles included), marker comments left out."""
    parts = [(folder / "case.yaml").read_text(encoding="utf-8")]
    for path in sorted(folder.glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        parts += [ln for ln in lines if not ln.startswith(("<!--", "slug:", "parent:"))]
    return "\n".join(parts)


def without_furniture(text: str) -> str:
    """pdftotext's text less what the report sets around its body (known from the maker)."""
    for piece in [*unreport.FURNITURE, *unreport.MASTHEAD]:
        text = text.replace(piece, " ")
    return re.sub(r"(?m)^\s*\d{1,3}\s*$", " ", text)


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_every_body_word_of_the_pdf_is_in_the_case(report_pdf, content):
    pipeline.ingest(report_pdf, "report", content)
    reference = subprocess.run(
        [PDFTOTEXT, str(report_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    expected = words_of(without_furniture(reference))
    found = words_of(case_text(content / "report"))
    missing = expected - found
    assert not missing, missing
    assert sum(expected.values()) > 250


def test_the_report_keeps_its_structure(report_pdf, content):
    done = pipeline.ingest(report_pdf, "report", content)
    case = load_content(content).case("report")
    assert case.title == (
        "Report of the Secretary-General on the United Nations Mission in Testland (S/2010/200)"
    )
    assert case.published == "22 February 2010"
    assert case.author == "United Nations Security Council"  # the masthead's organ
    outline = [(s.title, s.parent) for s in case.sections]
    parent = "ii-political-and-security-developments"  # a heading over sub-sections only
    assert outline == [
        ("I. Introduction", None),
        ("II. Political and security developments", None),
        ("A. Political situation", parent),
        ("Emergency response", "a-political-situation"),  # a bold line under its "A."
        ("B. Human rights", parent),
        ("III. Observations", None),
        ("Annex", None),
    ]
    assert case.sections[1].paragraphs == () and case.sections[-1].paragraphs == ()
    texts = [p.text for p in case.paragraphs]
    # the report's own numbers are kept; hyphens are repaired or kept as they should be
    assert texts[0].startswith("1. By its resolution 1892 (2009)")
    assert "report on the implementation of its mandate" in texts[0]
    assert "undertook search-and-rescue operations" in texts[2]
    # a paragraph that runs across a page break is one paragraph
    assert texts[-3].startswith("5. Humanitarian partners") and texts[-3].endswith(
        "the reopening of schools in the capital."
    )
    assert "(a) Security of the airport and the port;" in texts
    # the footnote is a note, its marker stays in the text; the annex table is a table
    extras = [(e.kind, e.text) for s in case.sections for e in s.extras]
    assert ("note", f"[1] {unreport.NOTE}") in extras
    assert "the Mission. [1]" in texts[1]
    tables = [text for kind, text in extras if kind == "table"]
    assert tables == [
        "| Country | Troops | Police |\n| --- | --- | --- |\n| Argentina | 720 | 12 |\n"
        "| Brazil | 2 188 | 4 |\n| Uruguay | 1 136 | 9 |"
    ]
    # running heads and feet are gone from the text
    body = " ".join(texts + [t for _, t in extras])
    for piece in ("10-31957", "*1031957*", "S/2010/200", "Distr."):
        assert piece not in body
    assert done.source.format == "pdf"
    assert (content / "report" / "source" / "article.pdf").read_bytes() == report_pdf.read_bytes()


def test_a_long_report_reads_in_one_pass(tmp_path):
    """Fifteen repetitions of the body: numbers keep counting, no paragraph is lost."""
    reading = read_pdf(unreport.build(pages_of_body=15))
    numbered = [b.text for b in reading.blocks if b.kind == "paragraph" and b.text[0].isdigit()]
    assert len(numbered) == 15 * 7


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (unreport.scan, "no text layer: this looks like a scanned document; OCR is not supported"),
        (unreport.encrypted, "encrypted PDF: remove the password first"),
        (lambda: unreport.build()[:600], "not a readable PDF (damaged or incomplete)"),
        (lambda: b"%PDF-1.7\n" + b"\x00garbage" * 50, "not a readable PDF (damaged or incomplete)"),
    ],
    ids=["scan", "encrypted", "truncated", "garbage"],
)
def test_unusable_pdfs_exit_2_with_one_line_and_write_nothing(tmp_path, content, make, message):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(make())
    result = subprocess.run(
        [sys.executable, "-m", "casebook", "ingest", str(bad), "--case", "bad",
         "--content", str(content)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == f"error: {bad}: {message}\n"
    assert content_entries(content) == list(CODEBOOK_FILES)


def test_a_pdf_named_otherwise_is_still_read_as_a_pdf_and_a_fake_pdf_is_refused(tmp_path, content):
    renamed = tmp_path / "report.bin"
    renamed.write_bytes(unreport.build())
    assert pipeline.ingest(renamed, "report", content).source.format == "pdf"
    fake = tmp_path / "fake.pdf"
    fake.write_text("just text", encoding="utf-8")
    with pytest.raises(pipeline.IngestError, match="not a PDF"):
        pipeline.ingest(fake, "fake", content)


def test_every_page_of_a_report_case_renders(report_pdf, content):
    """Sections without paragraphs (a heading over sub-sections, an annex of tables) and
    the overview render; the annex shows its table as a table."""
    pipeline.ingest(report_pdf, "report", content)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CASEBOOK_CONTENT", str(content))
        at = AppTest.from_file("../dashboard.py", default_timeout=30)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        shown = {}
        for slug in ("ii-political-and-security-developments", "theme-security", "annex"):
            at._page_hash = calc_hash(slug)  # noqa: SLF001 - see tests/test_app.py
            at.run()
            assert not at.exception, (slug, [e.value for e in at.exception])
            shown[slug] = (at.title[0].value, "\n".join(drawn(at)))
            if slug != "theme-security":  # no text of their own: no empty coverage bars
                assert markup.escape(ui.NO_OWN_TEXT) in shown[slug][1], slug
                assert 'class="cb-bars"' not in shown[slug][1], slug
    assert shown["annex"][0] == "Annex"
    num = '<td class="cb-num">'
    assert f"<td>Argentina</td>{num}720</td>{num}12</td>" in shown["annex"][1]
    assert shown["ii-political-and-security-developments"][0].startswith(
        markup.md_escape("II. Political")
    )
    # passages away from their section are named by the report's own paragraph numbers
    passages = re.findall(r" · (para\. \d+|¶\d+)", shown["theme-security"][1])
    assert passages and all(mark.startswith("para. ") for mark in passages), passages


def test_damaged_pdfs_give_a_reading_or_one_clear_error():
    """Random byte flips and truncations of a real-looking report: never another error."""
    data = unreport.build()
    rng = random.Random(12)
    outcomes = set()
    for round_ in range(30):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if round_ % 3 == 0:
            damaged = damaged[: rng.randrange(100, len(damaged))]
        try:
            read_pdf(bytes(damaged), "damaged.pdf")
            outcomes.add("read")
        except IngestError as error:
            assert error.path == "damaged.pdf" and "\n" not in error.message
            outcomes.add("refused")
    assert outcomes == {"read", "refused"}


def _outline_and_paragraphs(data: bytes, content: Path, slug: str = "nested"):
    path = content.parent / f"{slug}.pdf"
    path.write_bytes(data)
    pipeline.ingest(path, slug, content)
    case = load_content(content).case(slug)
    return [(s.title, s.parent) for s in case.sections], [p.text for p in case.paragraphs]


def test_numbered_headings_under_lettered_ones_are_sections_and_numbered_paragraphs_stay(
    content,
):
    """'1. Support to the courts' (bold, short, no full stop) heads a section under 'I.';
    '2. The Mission trained judges' (body type) stays the paragraph it is."""
    outline, texts = _outline_and_paragraphs(unreport.build(body=unreport.NESTED), content)
    assert outline == [
        ("I. Activities of the Mission", None),
        # the report's outline, three levels: an "A." with no text of its own heads its "1."s
        ("A. Rule of law", "i-activities-of-the-mission"),
        ("1. Support to the courts", "a-rule-of-law"),
        ("2. Justice for serious crimes", "a-rule-of-law"),
        ("II. Observations", None),
    ]
    assert [t[:3] for t in texts] == ["1. ", "2. ", "3. ", "4. "]
    assert texts[1] == "2. The Mission trained judges"


def test_a_report_set_in_bold_throughout_keeps_its_numbered_paragraphs(content):
    outline, texts = _outline_and_paragraphs(
        unreport.build(body=unreport.NESTED, body_style="B"), content, "bold"
    )
    """Where the body is bold, bold sets nothing apart: no numbered line heads a section."""
    assert outline == [
        ("I. Activities of the Mission", None),
        ("A. Rule of law", "i-activities-of-the-mission"),
        ("II. Observations", None),
    ]
    assert any(t.startswith("2. The Mission trained judges") for t in texts)


def test_a_heading_over_a_picture_keeps_its_section_with_the_figure_noted(content):
    """A map annex (a picture, no text layer) on its heading's page, and one alone on the
    next page (not even a page number): the annex stays, with a caption for the figure."""
    path = content.parent / "maps.pdf"
    path.write_bytes(unreport.build(body=unreport.MAP_ANNEX))
    done = pipeline.ingest(path, "maps", content)
    case = load_content(content).case("maps")
    annexes = [s for s in case.sections if s.title.startswith("Annex")]
    assert [s.title for s in annexes] == [
        "Annex I Deployment of the Mission", "Annex II Areas of operation"
    ]  # fmt: skip
    figures = [[(e.kind, e.text) for e in s.extras] for s in annexes]
    assert figures == [
        [("caption", "Figure on page 2 of the PDF (an image, not read as text)")],
        [("caption", "Figure on page 3 of the PDF (an image, not read as text)")],
    ]
    assert not [w for w in done.warnings if "no text of its own" in w]


def test_a_raised_2_after_a_unit_is_a_power_not_a_footnote_marker():
    """'2.5 m' and a raised '2' is 2.5 m² (as in S/2019/198); a raised '1' after a full
    stop is still a marker."""
    texts = [b.text for b in read_pdf(unreport.build(body=unreport.AREA)).blocks]
    assert any("a living space of at least 2.5 m² in the cells," in t for t in texts)
    assert any("The new camp covers 40 km² north of the airport. [1]" in t for t in texts)
    assert not any("[2]" in t for t in texts)


@pytest.mark.parametrize("drawing", ["map", "drawn map"])
def test_a_table_of_text_boxes_is_a_table_and_a_map_is_one_caption(drawing):
    """Cells read box by box (as S/2019/198's benchmark annex) come back as rows; six
    place names over a picture, or over a drawing of many strokes (a vector map, as in
    S/2004/822), are one caption, not paragraphs or headings."""
    body = [*unreport.TABLE_AND_MAP[:-1], (drawing, unreport.PLACES)]
    blocks = read_pdf(unreport.build(body=body)).blocks
    body = [(b.kind, b.text) for b in blocks if b.kind not in ("boilerplate", "title")]
    assert body[-4:] == [
        ("heading", "Annex I"),
        (
            "table",
            "| Benchmark | Indicator | Update |\n| --- | --- | --- |\n"
            "| 1. Legislation improves access to justice | 1.1 New Criminal Code adopted "
            "| Senate commission issued its report |\n"
            "| 2. Police develop and perform | 2.1 Police officers per 1,000 inhabitants "
            "| 1.36 officers in January |\n"
            "| 3. Prisons meet standards | 3.1 Pretrial detention rate | 74 per cent in December |",
        ),
        ("heading", "Annex II"),
        ("caption", "Gantiadi Sukhumi Ochamchira Gali Zugdidi Poti"),
    ]


def test_a_larger_bold_heading_heads_the_numbered_ones_and_a_dated_annex_is_one_heading(
    content,
):
    """'Programme I ...' (bold, larger than the body) over '1. Support to the courts'
    (bold, body size): the empty larger one heads the numbered ones rather than being
    left out, four levels deep; '(as at 31 July 2004)' under 'Annex' is part of its heading."""
    outline, texts = _outline_and_paragraphs(
        unreport.build(body=unreport.PROGRAMMES), content, "programmes"
    )
    programme = "programme-i-support-for-justice"
    assert outline == [
        ("III. Activities of the Mission", None),
        ("A. Role of the Mission", "iii-activities-of-the-mission"),
        ("Programme I Support for justice", "a-role-of-the-mission"),
        ("1. Support to the courts", programme),
        ("2. Serious crimes", programme),
        ("Annex (as at 31 July 2004)", None),
    ]
    assert [t[:3] for t in texts] == ["1. ", "2. ", "3. "]


def test_heading_warnings_of_a_pdf_name_its_page(content):
    """A PDF's blocks know their page, not a line: a heading left out or a duplicate is
    named by the page it is on, which a reader of the PDF can find."""
    body = [
        ("h1", "I. Introduction"),
        ("p", ["1. The Mission continued to support the parties across the country."]),
        ("page", None),
        ("h1", "II. Background"),  # nothing under it before the next heading
        ("h1", "III. Observations"),
        ("p", ["2. The Council may wish to extend the mandate for a further year."]),
        ("page", None),
        ("h1", "III. Observations"),
        ("p", ["3. I thank the staff of the Mission for their dedication."]),
    ]
    path = content.parent / "pages.pdf"
    path.write_bytes(unreport.build(body=body))
    done = pipeline.ingest(path, "pages", content)
    headings = [w for w in done.warnings if "heading" in w]
    assert headings == [
        "page 2: heading 'II. Background' has no text of its own; left out",
        "page 3: duplicate heading 'III. Observations'; slug 'iii-observations-2'",
    ]


def test_a_run_in_list_item_at_a_lines_start_runs_on_a_set_off_one_starts_a_paragraph():
    """A lower-case item after a line that reached the margin runs on ("...; (c)
    mediation", MINUJUSTH's para. 24); an item after a short line, or one with a capital
    (UN reports set their subparagraphs so), starts a paragraph."""
    body = [
        ("h1", "I. Introduction"),
        ("p", ["1. Since July the Mission has supported communities in the capital with projects",
               "agreed with the national authorities, local partners and the community leaders",
               "in each district, which have benefited many families from marginalized areas:",
               "(a) vocational training;",
               "(b) opportunities to generate income through small business incubation and for",
               "the rehabilitation of drainage canals, access paths and community spaces, and",
               "the management of waste in the neighbourhoods of the capital and the coast;",
               "(c) mediation for community leaders and dialogue to promote peace; and (d) the",
               "reunification of families."]),
        ("p", ["2. The Security Council decided that the tasks of the Mission would be these ones:",
               "(a) To ensure the immediate security of the airport and its installations;",
               "(b) To supervise the operation of the airport."]),
    ]  # fmt: skip
    paragraphs = [b.text for b in read_pdf(unreport.build(body=body)).blocks
                  if b.kind == "paragraph"]  # fmt: skip
    assert [text[:24] for text in paragraphs] == [
        "1. Since July the Missio", "(b) opportunities to gen", "2. The Security Council ",
        "(a) To ensure the immedi", "(b) To supervise the ope",
    ]  # fmt: skip
    assert "marginalized areas: (a) vocational training;" in paragraphs[0]  # ran on
    assert "and the coast; (c) mediation for community leaders" in paragraphs[1]
