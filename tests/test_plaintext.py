"""Content is text unless it is the body: titles, labels, ids and URLs from the content
files never become links, markup or terminal escapes, and are checked strictly."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from casebook import export, markup, pagestyle, validate
from casebook.ingest import source
from casebook.ingest.source import IngestError
from casebook.loader import load_content
from casebook.model import Theme
from casebook.problems import ContentError
from tests.conftest import ROOT, drawn

# A live Markdown link to the hostile host: "[" not escaped, then "](https://evil".
# a live link to the hostile site, in Markdown or in HTML
LIVE_LINK = re.compile(r"(?<!\\)\[[^\]]*\]\((?:<)?https?://evil|<a\b[^>]*href=[\"']?https?://evil")
HOSTILE_URL = "https://example.org/a)[Log](https://evil.example/c"  # valid, and sly


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return [str(p) for p in caught.value.problems]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- strict ids, slugs, colours, URLs and text -------------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("demo/01-opening.md", "slug: opening", 'slug: "opening\\n"',
         "content/demo/01-opening.md:3: slug 'opening\\n' must be lower-case letters and digits "
         "joined by hyphens"),
        ("themes.yaml", "id: political", 'id: "political\\n"',
         "content/themes.yaml:13: theme id 'political\\n' must be lower-case letters and digits "
         "(hyphens allowed)"),
        ("themes.yaml", 'colour: "#D55E00"', 'colour: "#D55E00\\n"',
         "content/themes.yaml:15: colour '#D55E00\\n' must be a hex colour like '#0072B2'"),
        ("demo/case.yaml", "https://example.org/tiny-case", "https://[oops/",
         "content/demo/case.yaml:2: url 'https://[oops/' cannot be read as an address "
         "(Invalid IPv6 URL)"),
        ("demo/case.yaml", "https://example.org/tiny-case",
         '"https://x/a) [Log in](https://evil.example)"',
         "content/demo/case.yaml:2: url 'https://x/a) [Log in](https://evil.example)' must not "
         "hold spaces or control characters"),
        ("demo/case.yaml", "https://example.org/tiny-case", "javascript:alert(1)",
         "content/demo/case.yaml:2: url 'javascript:alert(1)' must start with http:// or "
         "https:// and name a host"),
        ("demo/01-opening.md", "title: Opening", 'title: "\\e[31mOpening"',
         "content/demo/01-opening.md:2: 'title' holds a control character (U+001B); remove it"),
    ],
    ids=["slug-newline", "theme-id-newline", "colour-newline", "url-unparseable",
         "url-with-link", "url-scheme", "title-escape"],
)  # fmt: skip
def test_check_rejects_what_would_break_a_page(tiny_copy, file, old, new, expected):
    replace_in(tiny_copy / file, old, new)
    assert problems(tiny_copy)[0] == expected


def test_an_example_id_with_white_space_is_a_problem(tiny_copy):
    (tiny_copy / "examples.yaml").write_text(
        'examples:\n  - id: "ex one\\n"\n    source: other-text\n    themes: [security]\n'
        "    text: Troops patrolled.\n",
        encoding="utf-8",
    )
    assert problems(tiny_copy) == [
        "content/examples.yaml:2: example id 'ex one\\n' must be lower-case letters and digits "
        "joined by hyphens"
    ]


def test_a_one_theme_codebook_is_a_problem_not_a_crash(tiny_copy):
    text = (tiny_copy / "themes.yaml").read_text(encoding="utf-8")
    (tiny_copy / "themes.yaml").write_text(text.split("  - id: political")[0], encoding="utf-8")
    (tiny_copy / "demo/02-middle-part.md").unlink()  # it pins 'political'
    replace_in(tiny_copy / "demo/03-child.md", "parent: middle-part\n", "")
    assert problems(tiny_copy) == [
        "content/themes.yaml:5: the codebook needs two themes at least (pages compare them)"
    ]


def test_ingest_refuses_a_case_name_ending_in_a_newline(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nSecurity patrols.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "casebook", "ingest", str(article), "--case", "abc\n",
         "--content", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "not a case slug" in result.stderr
    assert not (tmp_path / "abc\n").exists()


# --- hostile text is shown as text ------------------------------------------------------


def test_fragments_show_markdown_links_and_addresses_as_text():
    theme = Theme("security", "Security [Log in](https://evil.example)", "#0072B2", "d", ("x",))
    html = markup.badge(theme)
    assert not LIVE_LINK.search(html)
    assert "https://" not in html and "&#91;Log in&#93;" in html
    assert markup.escape("www.evil.example *x* $x$") == (
        "www&#46;evil.example &#42;x&#42; &#36;x&#36;"
    )


def test_a_markdown_link_to_a_sly_address_cannot_end_early():
    link = markup.md_link("source", HOSTILE_URL)
    assert link == "[source](https://example.org/a%29%5BLog%5D%28https://evil.example/c)"


def test_a_chart_note_keeps_its_bold_and_nothing_else():
    assert markup.md_bold_only("Read **with care**. [x](https://evil.example/a) <b>b</b>") == (
        r"Read **with care**\. \[x\]\(https\://evil\.example/a\) &lt;b&gt;b&lt;/b&gt;"
    )


def test_exports_write_titles_and_labels_as_text():
    assert export.plain("[Log in](https://evil.example) <b>x</b>") == (
        r"\[Log in\](https\://evil.example) \<b\>x\</b\>"
    )


def all_text(at: AppTest) -> list[str]:
    """Every piece of Markdown and HTML the page sends, labels included."""
    texts = [e.value for kind in ("markdown", "html", "title", "header", "subheader",
                                  "caption", "info", "error") for e in getattr(at, kind)]  # fmt: skip
    texts += [link.proto.label for link in at.get("page_link")]
    return texts


@pytest.fixture
def hostile(tiny_copy) -> Path:
    replace_in(
        tiny_copy / "themes.yaml",
        "label: Security",
        'label: "Security [Log in](https://evil.example/a)"',
    )
    replace_in(
        tiny_copy / "demo/case.yaml",
        "title: A Tiny Case",
        'title: "A Tiny Case [Log in](https://evil.example/b)"',
    )
    replace_in(tiny_copy / "demo/case.yaml", "https://example.org/tiny-case", f'"{HOSTILE_URL}"')
    replace_in(
        tiny_copy / "demo/01-opening.md",
        "title: Opening",
        'title: "Opening [Log in](https://evil.example/d)"',
    )
    load_content(tiny_copy)  # it passes check: all of it is valid, if unusual, content
    return tiny_copy


@pytest.mark.parametrize(
    "page",
    [None, "opening", "theme-security", "about", "search", "co-occurrence", "compare-sections",
     "facts", "claims"],
)  # fmt: skip
def test_no_page_turns_content_into_a_live_link(hostile, monkeypatch, page):
    monkeypatch.setenv("CASEBOOK_CONTENT", str(hostile))
    at = AppTest.from_file("../dashboard.py", default_timeout=30)
    at.query_params["q"] = "troops"
    if page:
        at._page_hash = calc_hash(page)  # noqa: SLF001 - see tests/test_app.py
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    texts = all_text(at)
    assert any("Log in" in text for text in texts)  # the hostile text is there, as text
    assert [text for text in texts if LIVE_LINK.search(text)] == []


EVIL = "[Log in](https://evil.example/{})"
HOSTILE_FACTS = f"""\
charts:
  timeline:
    title: "Timeline {EVIL.format("r1")}"
    note: "Read **with care**. {EVIL.format("r2")}"
facts:
  - id: talks
    label: "Talks {EVIL.format("r3")}"
    value: "Talks opened {EVIL.format("r4")}"
    date: "2014-05-01"
    kind: event
    themes: [political]
    note: "See {EVIL.format("r5")}"
    sources:
      - title: "A press release {EVIL.format("r6")}"
        publisher: "UN {EVIL.format("r7")}"
        url: https://example.org/talks
        date: "2014-05-01"
        tier: un
key_facts: [talks]
gaps:
  - id: missing
    label: "Gap {EVIL.format("r8")}"
    note: "Not found {EVIL.format("r9")}"
    themes: [security]
"""
HOSTILE_CLAIMS = f"""\
review:
  reviewer: "editors {EVIL.format("c1")}"
  date: "2026-11-28"
claims:
  - id: polls
    section: middle-part
    quote: kept security around
    kind: imprecise
    note: "No source {EVIL.format("c2")}"
    facts: [talks]
    themes: [security]
    corrections:
      - date: "2026-11-29"
        note: "Fixed {EVIL.format("c3")}"
"""


@pytest.mark.parametrize("page", ["facts", "claims", "middle-part"])
def test_no_record_page_turns_facts_or_claims_into_a_live_link(tiny_copy, monkeypatch, page):
    """Chart titles and notes, fact labels, values, notes and sources, gaps, claim notes,
    reviewers and corrections, on the facts and claims pages and beside the paragraphs."""
    (tiny_copy / "demo/facts.yaml").write_text(HOSTILE_FACTS, encoding="utf-8")
    (tiny_copy / "demo/claims.yaml").write_text(HOSTILE_CLAIMS, encoding="utf-8")
    load_content(tiny_copy)  # valid, if unusual, content
    monkeypatch.setenv("CASEBOOK_CONTENT", str(tiny_copy))
    at = AppTest.from_file("../dashboard.py", default_timeout=30)
    at._page_hash = calc_hash(page)  # noqa: SLF001 - see tests/test_app.py
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    texts = all_text(at) + [e.label for e in at.expander]
    assert any("Log in" in text for text in texts)  # there, as text
    assert [text for text in texts if LIVE_LINK.search(text)] == []


# --- the input file ------------------------------------------------------------------------


def test_random_high_bytes_are_not_text(tmp_path):
    path = tmp_path / "high.txt"
    path.write_bytes(bytes(range(0xA0, 0x100)) * 20)
    with pytest.raises(IngestError, match="binary data, not text"):
        source.read_source(path)


def test_terminal_escapes_are_removed_from_the_text(tmp_path):
    path = tmp_path / "escapes.txt"
    path.write_text("\x1b[31mRed Title\x1b[0m\n\nSecurity patrols.\n", encoding="utf-8")
    read = source.read_source(path)
    assert read.text == "[31mRed Title[0m\n\nSecurity patrols.\n"
    assert read.warnings == ["removed 2 control character(s)"]


def test_a_symbolic_link_loop_is_named_as_such(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(IngestError) as caught:
        source.read_source(tmp_path / "a.txt")
    assert caught.value.message == "a symbolic link that leads to no file (a loop, or gone)"


def test_url_problem_accepts_ordinary_addresses():
    assert validate.url_problem("https://troopdeploy.com/case-study-un-mission-in-mali") is None
    assert validate.url_problem("http://example.org:8080/a_(b)?q=1#x") is None
    assert validate.url_problem("https://example.org:99999/") is not None  # port out of range


# --- browser work stays bounded ------------------------------------------------------------


def test_search_in_a_100_kb_paragraph_sends_a_bounded_page(tiny_copy, monkeypatch):
    """The page sends a few KWIC lines of bounded width, not 100 KB of marked-up text:
    the browser's Markdown renderer took 34-49 s over the unbounded page."""
    long = " ".join(["security patrols went out"] * 4000)  # 100 KB, 4,000 hits
    replace_in(tiny_copy / "demo/01-opening.md", "The mission supported", long + " The mission")
    monkeypatch.setenv("CASEBOOK_CONTENT", str(tiny_copy))
    at = AppTest.from_file("../dashboard.py", default_timeout=30)
    at.query_params["q"] = "security"
    at._page_hash = calc_hash("search")  # noqa: SLF001 - see tests/test_app.py
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    passages = [body for body in drawn(at) if '<div class="cb-kwic">' in body]
    (long_one,) = [p for p in passages if "more hits in this paragraph" in p]
    assert long_one.count('<div class="cb-kwic">') == markup.KWIC_LINES
    assert "… and 3,990 more hits in this paragraph" in long_one
    assert sum(map(len, passages)) < 20_000
    (chart,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]  # hits per section
    hits, dtick = max(chart["data"][0]["x"]), chart["layout"]["xaxis"]["dtick"]
    assert (hits, hits / dtick <= 12) == (4000, True)  # a dozen tick labels, not 4,000


def test_a_merged_hit_of_any_length_shows_a_bounded_match():
    from casebook.search import find_hits

    (hit,) = find_hits("security " * 20_000, ["security"])
    assert len(hit.match) <= 201 and hit.match.endswith("…")


def test_a_malformed_fragment_cannot_throw_in_the_page_script():
    """decodeURIComponent throws "URI malformed" on #%E0%A4%A; the script gives up quietly."""
    assert pagestyle.SCROLL_TO_FRAGMENT.count("decodeURIComponent") == 1
    assert (
        "try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }"
        in pagestyle.SCROLL_TO_FRAGMENT
    )


@pytest.mark.parametrize(
    ("path", "base", "target"),
    [
        ("/foo/bar", "", "/foo"),
        ("/foo/bar/baz", "", "/foo"),
        ("/casebook/foo/bar", "casebook", "/casebook/foo"),
        ("/foo", "", None),  # one segment: Streamlit's own "Page not found"
        ("/", "", None),
        ("/_stcore/health", "", None),
        ("/foo/_stcore/health", "", None),  # the page probes its own path for the server
        ("/static/js/index.js", "", None),
        ("/media/abc.png", "", None),
        ("/casebook/static/js/x.js", "casebook", None),
        ("/other/foo/bar", "casebook", None),  # not under the base path: not ours
    ],
)  # fmt: skip
def test_unknown_nested_paths_go_to_their_first_segment(path, base, target):
    from casebook.ui.paths import redirect_target

    assert redirect_target(path, base) == target
