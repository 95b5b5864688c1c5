"""Property tests: no input makes the loader, the readers, the search or a page raise
anything but its documented error, within a deadline (hypothesis's ``deadline``).

Deadlines are generous (5 s, 60 s for a page) so that a loaded 2-core machine does not
fail them; a hang such as the YAML alias bomb's (over 100 s) still does. Documented
errors: ContentError from the loader, IngestError from reading an input file;
the readers, the search and the pages raise nothing. Examples are few, to keep the suite
fast; run with ``--hypothesis-seed`` or more examples to search harder.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from casebook import search
from casebook.coverage import paragraph_table
from casebook.ingest import article, source
from casebook.ingest.source import IngestError
from casebook.loader import load_content
from casebook.problems import ContentError
from tests.conftest import CONTENT, TINY
from tests.strategies import yaml_values

# Derandomized, with no example database: the same inputs on every run and machine, so
# the suite's verdict never depends on a random draw (found inputs are kept as @example).
FAST = settings(
    max_examples=30,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)

yaml_text = st.one_of(
    st.text(max_size=300),
    yaml_values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
    st.dictionaries(
        st.sampled_from(["title", "slug", "order", "parent", "short_title", "source_url",
                         "notice", "themes", "id", "label", "colour", "terms", "rules"]),
        yaml_values, max_size=6,
    ).map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
)  # fmt: skip


def _load(root: Path) -> None:
    try:
        load_content(root)
    except ContentError as error:
        assert error.problems  # never an empty error
        assert all(str(problem).count("\n") == 0 or problem.message for problem in error.problems)


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def _fresh(scratch: Path) -> Path:
    root = scratch / "content"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(TINY, root)
    return root


@FAST
@given(meta=yaml_text, body=st.text(max_size=300))
@example(meta="", body="")  # found: empty front matter raised AttributeError
def test_any_section_file_loads_or_is_a_content_error(scratch, meta, body):
    root = _fresh(scratch)
    (root / "demo/01-opening.md").write_text(f"---\n{meta}\n---\n{body}", encoding="utf-8")
    _load(root)


@FAST
@given(text=yaml_text)
@example(text="")  # found: an empty case.yaml made the case vanish without a problem
def test_any_case_yaml_loads_or_is_a_content_error(scratch, text):
    root = _fresh(scratch)
    (root / "demo/case.yaml").write_text(text, encoding="utf-8")
    _load(root)


@FAST
@given(text=yaml_text)
@example(text="")  # found: an empty codebook gave a ContentError listing no problem
def test_any_codebook_loads_or_is_a_content_error(scratch, text):
    root = _fresh(scratch)
    (root / "themes.yaml").write_text(text, encoding="utf-8")
    _load(root)


@FAST
@given(text=st.text(max_size=2000), fmt=st.sampled_from(["text", "markdown", "html"]))
def test_the_readers_read_any_text(text, fmt):
    reading = article.read_article(text, fmt)
    assert all(isinstance(block.text, str) for block in reading.blocks)


markup_text = st.lists(
    st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<h2>", "</h2>", "<script>", "<!--",
                     "-->", "# ", "## ", "**", "[a](", ")", "\n", "\n\n", "---\n", "&amp;",
                     "<br>", "<table><tr><td>", "word ", "Security "]),
    max_size=80,
).map("".join)  # fmt: skip


@FAST
@given(text=markup_text, fmt=st.sampled_from(["markdown", "html"]))
def test_the_readers_read_any_markup(text, fmt):
    article.read_article(text, fmt)


@FAST
@given(data=st.binary(max_size=3000))
@example(data=b"\x01")  # found: nothing left once control characters were removed
@example(data=b"%PDF")  # found: a PDF's text is read by the PDF reader, after the check
def test_any_input_file_is_read_or_refused_in_one_line(scratch, data):
    path = scratch / "input.txt"
    path.write_bytes(data)
    try:
        read = source.read_source(path)
        reading = article.read_document(read)
    except IngestError as error:
        assert "\n" not in str(error)
    else:
        assert read.text.strip() if read.format != "pdf" else read.data.startswith(b"%PDF")
        assert isinstance(reading.blocks, list)


PARAGRAPHS = paragraph_table(load_content(CONTENT).cases, load_content(CONTENT).codebook)


@FAST
@given(query=st.text(max_size=250))
def test_any_search_query_answers(query):
    results = search.search(PARAGRAPHS, query)
    search.hits_by_section(results)
    search.suggestions(query)


PAGES = [None, "about", "search", "co-occurrence", "compare-sections", "facts", "claims",
         "theme-security", "security-improvements", "no-such-page"]  # fmt: skip
KEYS = ["theme", "match", "case", "q", "p", "first", "second", "a", "b", "embed", "x"]
params = st.dictionaries(
    st.sampled_from(KEYS), st.lists(st.text(max_size=20), min_size=1, max_size=3), max_size=4
)


@settings(
    max_examples=15,
    deadline=timedelta(seconds=60),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
    database=None,
)
@given(page=st.sampled_from(PAGES), query=params)
def test_any_url_parameters_render_every_page(monkeypatch, page, query):
    monkeypatch.setenv("CASEBOOK_CONTENT", str(CONTENT))
    at = AppTest.from_file("../dashboard.py", default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    if page:
        at._page_hash = calc_hash(page)  # noqa: SLF001 - see tests/test_app.py
    at.run()
    assert not at.exception, (page, query, [e.value for e in at.exception])
