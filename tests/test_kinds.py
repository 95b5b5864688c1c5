"""Block kinds: paragraphs and quotes are coded; captions, tables, notes and references are
kept in their place, written and read back with a marker comment, shown as what they are
and exported with their kind."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

import casebook
from casebook import blockmarkup, blocktext, coverage, export
from casebook.ingest import htmlreader, pipeline, unclosed
from casebook.ingest.article import read_article
from casebook.ingest.readers import read_markdown, read_text
from casebook.loader import load_content
from casebook.model import Extra
from tests.conftest import ROOT, TINY, copy_codebook, drawn

SECTION = """---
title: The Middle Part
slug: middle-part
order: 2
---

Elections were held while troops kept security around polling stations.

<!-- caption -->
Photo: a patrol near Gao <b>2016</b> © Public Domain

<!-- quote -->
<!-- themes: security -->
"Troops patrol the roads," the commander said.

<!-- table -->
| Region | Incidents |
| --- | --- |
| Gao <script>x</script> | 12 |
Source: UN data.

<!-- note -->
[1] A footnote on the dialogue.

<!-- reference -->
Keita, A. (2024). Blue helmets. Bamako.
"""


@pytest.fixture
def kinds_content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(TINY, root)
    (root / "demo" / "02-middle-part.md").write_text(SECTION, encoding="utf-8")
    return root


def test_the_loader_keeps_kinds_apart_in_their_place(kinds_content):
    section = load_content(kinds_content).case("demo").section("middle-part")
    assert [(p.position, p.kind, p.pinned) for p in section.paragraphs] == [
        (1, "paragraph", ()), (2, "quote", ("security",)),
    ]  # fmt: skip
    assert [(e.kind, e.after) for e in section.extras] == [
        ("caption", 1), ("table", 2), ("note", 2), ("reference", 2),
    ]  # fmt: skip
    table = section.extras[1].text
    assert table.splitlines()[0] == "| Region | Incidents |"
    assert blocktext.table_rows(table) == (
        [["Region", "Incidents"], ["Gao <script>x</script>", "12"]], ["Source: UN data."],
    )  # fmt: skip
    # only paragraphs and quotes count
    assert section.words == 10 + 7


def test_a_pin_on_a_kept_block_is_a_problem(kinds_content):
    path = kinds_content / "demo" / "02-middle-part.md"
    path.write_text(
        SECTION.replace("<!-- caption -->", "<!-- caption -->\n<!-- themes: security -->")
    )
    with pytest.raises(Exception, match="a caption is not coded, so it cannot be pinned"):
        load_content(kinds_content)


def test_an_unknown_marker_is_named(kinds_content):
    path = kinds_content / "demo" / "02-middle-part.md"
    path.write_text(SECTION.replace("<!-- caption -->", "<!-- figure -->"))
    with pytest.raises(Exception, match="unknown comment"):
        load_content(kinds_content)


def test_export_has_a_kind_for_every_block_in_reading_order(kinds_content):
    content = load_content(kinds_content)
    case = content.case("demo")
    frame = export.with_kept(coverage.paragraph_table([case], content.codebook), [case])
    rows = [json.loads(line) for line in export.to_jsonl(frame).splitlines()]
    middle = [(r["kind"], r["position"]) for r in rows if r["section"] == "middle-part"]
    assert middle == [
        ("paragraph", 1), ("caption", 1), ("quote", 2), ("table", 2), ("note", 2),
        ("reference", 2),
    ]  # fmt: skip
    assert [r for r in rows if r["kind"] == "caption"][0]["themes"] == []
    assert "kind" in export.to_csv(frame).splitlines()[0].split(",")


def test_kept_blocks_are_escaped_and_a_table_is_a_table():
    html = blockmarkup.kept(Extra("s", "table", "| a | b |\n| --- | --- |\n| <i>1</i> | 2 |", 0))
    assert "<th scope='col'>a</th>" in html and "<td>&lt;i&gt;1&lt;/i&gt;</td>" in html
    assert "<i>" not in html
    caption = blockmarkup.kept(Extra("s", "caption", "Photo: <img src=x onerror=alert(1)>", 0))
    assert "<figcaption>Photo: &lt;img" in caption


def test_a_table_scrolls_sideways_when_wider_than_the_screen_and_keeps_its_numbers_whole():
    rows = "| Country | Troops | Share |\n| --- | --- | --- |\n| Total | 1 353 | 12.5% |\n| Peru | n/a | 3 |"
    html = blockmarkup.kept(Extra("s", "table", rows, 0))
    assert html.count('<figure class="cb-wide" tabindex="0">') == 1  # a phone scrolls it
    cells = re.findall(r"<td( class=\"cb-num\")?>([^<]*)</td>", html)
    assert cells == [("", "Total"), (' class="cb-num"', "1 353"), (' class="cb-num"', "12.5%"),
                     ("", "Peru"), ("", "n/a"), (' class="cb-num"', "3")]  # fmt: skip
    assert ".cb-kept figure.cb-wide{margin:0;max-width:100%;overflow-x:auto}" in blockmarkup.STYLE
    assert ".cb-kept td.cb-num{white-space:nowrap;text-align:right}" in blockmarkup.STYLE


def test_the_section_page_shows_kept_blocks_in_place(kinds_content):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CASEBOOK_CONTENT", str(kinds_content))
        at = AppTest.from_file("../dashboard.py", default_timeout=30)
        at._page_hash = calc_hash("middle-part")  # noqa: SLF001 - see tests/test_app.py
        at.run()
    assert not at.exception
    html = "\n".join(drawn(at))
    assert "<td>Gao &lt;script&gt;x&lt;/script&gt;</td>" in html
    assert html.index("Elections were held") < html.index("Photo: a patrol near Gao")
    assert html.index("Photo: a patrol") < html.index("the commander said") < html.index("Region")
    assert "<script>x" not in html


# --- Readers ------------------------------------------------------------------------------


def test_a_question_heads_the_text_below_it():
    reading = read_text(
        "What to expect going forward?\n"
        "The mission leaves by the end of the year and the state takes over its bases in the "
        "north, from Kidal to Tessalit and Aguelhok.\n"
    )
    assert [b.kind for b in reading.blocks] == ["heading", "paragraph"]


def test_plain_text_pipe_rows_and_their_note_are_one_table():
    reading = read_text(
        "| Year | Troops |\n| 2013 | 11,200 |\n| 2016 | 13,289 |\nNote: authorised.\n"
    )
    assert [(b.kind, b.text) for b in reading.blocks] == [(
        "table", "| Year | Troops |\n| --- | --- |\n| 2013 | 11,200 |\n| 2016 | 13,289 |\n"
        "Note: authorised.",
    )]  # fmt: skip


def test_captions_and_credits_are_not_paragraphs():
    reading = read_markdown(
        "A soldier at the gate. © Public Domain\n\nPatrol in Gao. Photo: UN / Flickr\n\n"
        "> A quotation.\n"
    )
    assert [b.kind for b in reading.blocks] == ["caption", "caption", "quote"]


def test_an_ingested_table_round_trips_through_the_section_file(tmp_path):
    content = copy_codebook(tmp_path / "content")
    article = tmp_path / "a.md"
    article.write_text(
        "# A title\n\n## Troops\n\nSecurity troops patrolled the roads near Gao every night.\n\n"
        "| Year | Troops |\n|---|---|\n| 2013 | 11,200 |\n\nSource: UN.\n\n"
        "Photo: a patrol / Flickr\n"
    )
    done = pipeline.ingest(article, "case", content)
    (section,) = done.case.sections
    assert [(e.kind, e.text) for e in section.extras] == [
        ("table", "| Year | Troops |\n| --- | --- |\n| 2013 | 11,200 |\nSource: UN."),
        ("caption", "Photo: a patrol / Flickr"),
    ]  # fmt: skip
    assert [p.text for p in section.paragraphs] == [
        "Security troops patrolled the roads near Gao every night."
    ]


# --- HTML reading is linear in nesting depth (issue: 100,000 nested elements) ------------


def nested(depth: int) -> str:
    return (
        "<html><body><article>" + "<div><span>" * depth + "Deep text."
        + "</span></div>" * depth + "<p>Tail paragraph.</p></article></body></html>"
    )  # fmt: skip


def test_html_work_grows_linearly_with_nesting_depth():
    """Work counted, not timed: doubling the depth doubles the steps (it was quadratic:
    every tag looked through the whole stack of open elements)."""
    steps = {}
    for depth in (2_000, 4_000):
        parser = htmlreader._Parser()  # noqa: SLF001 - the step counter lives on the parser
        parser.feed(nested(depth))
        parser.close()
        steps[depth] = parser.open.steps
    assert steps[4_000] <= 2.1 * steps[2_000]
    assert steps[2_000] <= 6 * 2 * 2_000  # a few steps per element


def lines_run(function, *args) -> int:
    """How many lines of casebook's own code ``function(*args)`` runs (sys.settrace)."""
    package, count = str(Path(casebook.__file__).parent), 0

    def local(frame, event, _arg):
        nonlocal count
        count += event == "line"
        return local

    def calls(frame, _event, _arg):
        return local if frame.f_code.co_filename.startswith(package) else None

    previous = sys.gettrace()  # a coverage or debugger tracer, put back afterwards
    sys.settrace(calls)
    try:
        function(*args)
    finally:
        sys.settrace(previous)
    return count


def test_html_reading_runs_linearly_many_lines_whatever_counts_its_steps():
    """Every line of the reader counted, not only the steps the stack counts: a scan of the
    open elements anywhere (on each end tag, say) shows as a doubling past 2."""
    lines = {depth: lines_run(htmlreader.read_html, nested(depth)) for depth in (1000, 2000)}
    assert lines[2000] <= 2.1 * lines[1000]


# Runs of openers that nothing closes: each opener scanned to the end of the text made
# reading quadratic (100 KB of "[" took 66 s, of "*a " 60 s, 20,000 "<a " 72 s). Read in a
# subprocess, the timeout a guard against a hang, as tests/test_limits.py does: 300 KB
# each, minutes before the fix, a second after.
PATHOLOGICAL = {
    "markdown-brackets": ("markdown", "'[' * 150_000 + 'x' + ']' * 150_000"),
    "markdown-italics": ("markdown", "'*a ' * 100_000"),
    "markdown-underscores": ("markdown", "'_a ' * 100_000"),
    "markdown-tags": ("markdown", "'<a ' * 100_000"),
    "markdown-comments": ("markdown", "'<!--' * 75_000"),
    "markdown-footnotes": ("markdown", "'[^' * 150_000"),
    "html-tags": ("html", "'<a ' * 100_000"),
    "html-links": ("html", "'<http://x' * 33_000"),
    "html-comments": ("html", "'<!--' * 75_000"),
    "html-sections": ("html", "'<![CDATA[' * 33_000 + '>'"),
}


@pytest.mark.parametrize(("fmt", "text"), PATHOLOGICAL.values(), ids=PATHOLOGICAL)
def test_runs_of_unclosed_openers_read_in_one_pass(fmt, text):
    code = (
        "from casebook.ingest.article import read_article\n"
        f"reading = read_article('Security patrols. ' + {text}, {fmt!r})\n"
        "print(len(reading.blocks))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert int(done.stdout) >= 1


def test_openers_that_nothing_closes_are_text_for_the_html_parser():
    assert unclosed.escape_unclosed("<p>x</p> 1 < 2 <a") == "<p>x</p> 1 &lt; 2 &lt;a"
    assert unclosed.escape_unclosed("<!-- a --> b <!-- c >") == "<!-- a --> b &lt;!-- c >"
    assert unclosed.escape_unclosed("<![CDATA[x]]> <![ y >") == "<![CDATA[x]]> &lt;![ y >"
    assert unclosed.escape_unclosed('<a title="1<2">b</a>') == '<a title="1<2">b</a>'
    reading = htmlreader.read_html("<p>Troops stayed.</p><p>Costs < benefits <a")
    assert [b.text for b in reading.blocks] == ["Troops stayed.", "Costs < benefits <a"]


def test_deep_nesting_keeps_the_text_and_does_not_recurse():
    reading = htmlreader.read_html(nested(20_000))
    assert [b.text for b in reading.blocks] == ["Deep text.", "Tail paragraph."]


def test_a_byline_and_affiliation_are_metadata_not_a_section():
    reading = read_article(
        "Why the Mission Left Mali\nAminata Keita\nSenior Fellow, Institute for Security "
        "Studies, Dakar\nThe mission closed in December 2023 after ten years, leaving bases to "
        "the national army and to partners who had little to offer.\n",
        "text",
    )
    assert [b.kind for b in reading.blocks] == ["title", "byline", "byline", "paragraph"]
    assert reading.meta["author"] == (
        "Aminata Keita, Senior Fellow, Institute for Security Studies, Dakar"
    )
