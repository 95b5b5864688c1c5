"""libyaml reads and writes what PyYAML would, or leaves the file to PyYAML.

``yamltext.load`` reads most files with libyaml; a file nesting deep or holding many
values (aliases expanded), an alias of an unknown or unfinished anchor, an anchor given
twice, a byte-order mark, a tab, a ``#`` straight after a block scalar's indicators, an
explicit tag or any error goes to the line-keeping pure-Python reader, whose messages and
limits tests/test_limits.py checks. Here: the fast path is taken for ordinary content,
refused where it must be, and, on any text it accepts, yields the same data, types and
lines as the pure-Python reader (a property test over YAML-shaped and random text and
block scalars; each exclusion above was found by it).
``frontmatter.render`` writes with libyaml's emitter only values it writes byte for byte
as PyYAML's does (a property test again).
"""

from __future__ import annotations

import math
from datetime import timedelta

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from casebook import frontmatter, yamltext
from tests.conftest import CONTENT
from tests.strategies import yaml_values

SAME = settings(
    max_examples=300,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)


def slow_load(text: str):
    return yaml.load(text, Loader=yamltext._LineLoader)  # noqa: S506 - a SafeLoader subclass


def shape(data):
    """Data, types and lines in a form that compares by value (NaN included)."""
    if isinstance(data, yamltext.LineDict):
        items = [(shape(k), data.key_lines[k], shape(v)) for k, v in data.items()]
        return ("mapping", data.line, items)
    if isinstance(data, list):
        return ("list", [shape(item) for item in data])
    if isinstance(data, float) and math.isnan(data):
        return ("float", "nan")
    return (type(data).__name__, repr(data))


def fast_or_none(text: str):
    found = yamltext._fast_load(text)
    return None if found is yamltext._SLOW else found


# Text made of what YAML reads as structure, so that random draws hit its corners.
YAML_BITS = st.sampled_from([
    "\n", " ", "  ", "\t", "- ", ": ", ":", "? ", "#", "'", '"', "\\", "|", ">", "-", "[", "]",
    "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "%YAML 1.1\n", "---\n", "...\n", "a", "b",
    "key", "1", "0x1f", "1e3", ".nan", "~", "null", "yes", "2024-02-30", "2024-01-05", "é",
    "\u2028", "\x85", "\ufeff", "\r\n", "\r", "<<: ", "=", "@", "`", "%TAG ! x\n", "&b ",
    "\\x41", "\\u00e9", "\\N", "\\_", "\\q", "\\\n", "a:b", "http://x.org/a?b=c#d",
    " # note", "- - ", "    ", "x" * 1030, "'it''s'", '"\\""', "\n  ", "title: ", "order: ",
])  # fmt: skip
# Block scalars: every header, indentation, chomping and line break, then more keys.
BLOCK_LINES = st.lists(st.sampled_from([
    "a", "b c", " ", "  ", "#", "# x", "---", "...", "- x", "k: v", "é", "\u2028", "\x85", "\r",
    "'", ":", "\\", "x " * 50, "[", "{",
]), max_size=4).map("".join)  # fmt: skip
BLOCK_HEADERS = st.sampled_from(
    ["|", ">", "|-", ">-", "|+", ">+", "|2", ">1", "|-2", ">2-", "| ", ">-  # c", "|0", "|#", ">-#"]
)
BREAKS = st.sampled_from(["\n", "\r\n", "\u2028", "\x85"])
block_texts = st.builds(
    lambda owner, header, lines, end, br: (
        owner + header + br + br.join(" " * n + line for n, line in lines) + end
    ),
    st.sampled_from(["k: ", "- ", "", "--- ", "a:\n  k: ", "? ", "a: &x "]),
    BLOCK_HEADERS,
    st.lists(st.tuples(st.integers(0, 5), BLOCK_LINES), max_size=6),
    st.sampled_from(["", "\n", "\n\n", "\nz: 1\n", "\n  \n", "\n...\n", "\nb: *x\n"]),
    BREAKS,
)
texts = st.one_of(
    st.lists(YAML_BITS, max_size=40).map("".join),
    block_texts,
    yaml_values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
    yaml_values.map(lambda v: yaml.safe_dump(v, allow_unicode=True, default_flow_style=True)),
    yaml_values.map(lambda v: yaml.safe_dump(v, allow_unicode=False, width=20)),
    st.text(max_size=200),
)


@SAME
@given(text=texts)
@example(text="a: 1\n\ufeffb: 2\n")  # libyaml skips a mark at any line's start
@example(text="\\\t")  # found: libyaml reads it, PyYAML finds a tab that starts no token
@example(text="|#")  # found: libyaml reads the header, PyYAML refuses it
@example(text="k: >-#\n  a\n")
@example(text="a: &x {b: 1}\nc: [*x, *x]\nd:\n  <<: *x\n  e: 2\n")
@example(text="!")  # found: libyaml reads '', PyYAML None
@example(text="x: " + "[" * 25 + "]" * 25)
def test_what_libyaml_reads_the_pure_python_reader_reads_the_same(text):
    fast = fast_or_none(text)
    if fast is None:
        return
    assert shape(fast) == shape(slow_load(text))


@pytest.mark.parametrize(
    "path",
    [CONTENT / "themes.yaml", *sorted((CONTENT / "minusma").glob("*.yaml")),
     *sorted((CONTENT / "minusma").glob("*.md"))],
    ids=lambda p: p.name,
)  # fmt: skip
def test_the_seed_content_takes_the_fast_path_with_the_same_result(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n")[1]
    fast = fast_or_none(text)
    assert fast is not None
    assert shape(fast) == shape(slow_load(text))


def bomb(width: int) -> str:
    """A list of ``width`` items, then a list of ``width`` aliases of it: about width
    squared values once expanded, in a few bytes."""
    items = ", ".join(["1"] * width)
    return f"a: &a [{items}]\nb: [{', '.join(['*a'] * width)}]\n"


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, *x]\n",  # an alias inside its own anchor
        "a: *x\n",  # an anchor never given
        "a: &x 1\nb: &x 2\n",
        bomb(250),  # 63,005 values expanded, more than half the limit
        "x: &x " + "[" * 15 + "]" * 15 + "\ny: " + "[" * 6 + "*x" + "]" * 6,  # 22 deep
        "\ufeffa: 1\n",
        "a: " + "[" * (yamltext.MAX_DEPTH // 2 + 1) + "]" * (yamltext.MAX_DEPTH // 2 + 1),
        "a: [" + ", ".join(["1"] * (yamltext.MAX_VALUES // 2)) + "]",
        "a: [1\n",  # an error: the pure-Python reader says where
        "a: |#\n  text\n",
        "a: >-2#\n  text\n",
        "a: !!str 1\n",
        "a: 1\n---\nb: 2\n",
        "a: b\tc\n",
    ],
    ids=[
        "self-alias",
        "unknown-alias",
        "anchor-twice",
        "alias-bomb",
        "deep-by-alias",
        "byte-order-mark",
        "deep",
        "many-values",
        "error",
        "block-header-comment",
        "block-header-comment-after-indicators",
        "tag",
        "two-docs",
        "tab",
    ],  # fmt: skip
)
def test_what_comes_near_a_limit_or_fails_is_left_to_the_pure_python_reader(text):
    assert yamltext._fast_load(text) is yamltext._SLOW


@pytest.mark.parametrize(
    "text",
    [
        "a: &x {b: 1}\nc: [*x, *x]\n",
        "a: &x {b: 1}\nd:\n  <<: *x\n  e: 2\n",  # a merge key
        bomb(200),  # 40,405 values expanded: within half the limit
        "x: &x " + "[" * 10 + "]" * 10 + "\ny: " + "[" * 6 + "*x" + "]" * 6,  # 18 deep
        "a: |\n  text\n\n  more\n",
        "a: >-\n  folded\n  text\n\n  kept\nb: 1\n",
        "- |+2\n    indented\n\n- >  # a comment\n  x\n",
    ],
    ids=["aliases", "merge", "alias-bomb-within", "deep-by-alias-within", "literal", "folded",
         "indicators"],
)  # fmt: skip
def test_aliases_and_block_scalars_within_the_bounds_take_the_fast_path(text):
    fast = fast_or_none(text)
    assert fast is not None
    assert shape(fast) == shape(slow_load(text))


def test_a_date_out_of_range_is_the_same_error_either_way():
    with pytest.raises(yaml.YAMLError, match="month must be in 1..12") as caught:
        yamltext.load("title: T\npublished: 2024-13-01\n")
    assert yamltext.error_line(caught.value) == 2


# --- Writing: libyaml's emitter where it writes PyYAML's bytes -----------------------------

META_VALUES = st.one_of(
    st.text(max_size=80),
    st.integers(),
    st.none(),
    st.booleans(),
    st.text(alphabet=st.sampled_from(list(" :#'\"-?[]{},&*!|>%@`~\n\t\r\x85\u2028\ufeffaé1.\\")),
            max_size=30),
    st.text(alphabet=st.sampled_from(list(" :#'\"-abcé.")), min_size=900, max_size=1100),
    st.sampled_from(["yes", "null", "~", "1e3", "0x10", "2024-01-01", "1:20", "- a", "a: b",
                     "  lead", "trail  ", "", "<<", "\U0001f600", "\x85"]),
)  # fmt: skip
METAS = st.dictionaries(
    st.sampled_from(["title", "slug", "order", "parent", "short_title"]), META_VALUES, max_size=5
)


@SAME
@given(meta=METAS, body=st.text(max_size=20))
@example(meta={"title": "\x85\x85&*"}, body="")  # libyaml writes "\N\N&*", PyYAML a folded line
@example(meta={"title": "\U00053db6"}, body="")  # libyaml escapes it, PyYAML does not
def test_front_matter_is_written_as_pyyaml_writes_it(meta, body):
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000).strip()
    assert frontmatter.render(meta, body) == f"---\n{head}\n---\n\n{body.strip()}\n"


def test_an_ordinary_front_matter_is_written_by_libyaml(monkeypatch):
    used = []
    monkeypatch.setattr(yaml, "dump", lambda data, Dumper, **kw: used.append(Dumper) or "a: 1")
    frontmatter.render({"title": "Sécurité: 2024", "order": 3, "parent": None}, "x")
    frontmatter.render({"title": "line\u2028break"}, "x")
    assert used == [yaml.CSafeDumper, yaml.SafeDumper]
