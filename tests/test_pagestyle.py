"""The page's constant stylesheet and script (casebook/pagestyle.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import casebook.pagestyle
from casebook.pagestyle import SCROLL_TO_FRAGMENT


def test_scroll_to_fragment_is_a_literal_constant():
    # an f-string, a % or a .format() would make it a template something could be written into
    tree = ast.parse(Path(casebook.pagestyle.__file__).read_text(encoding="utf-8"))
    values = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and [getattr(t, "id", None) for t in node.targets] == ["SCROLL_TO_FRAGMENT"]
    ]
    assert len(values) == 1
    assert isinstance(values[0], ast.Constant) and isinstance(values[0].value, str)


def test_scroll_to_fragment_has_no_format_placeholders():
    # JavaScript braces always hold code or a space; a placeholder would be {name} or %s
    assert re.findall(r"\{\w*\}|\{\w+[!:][^{}\s]*\}|%\(?\w*\)?[sdr]", SCROLL_TO_FRAGMENT) == []
    with pytest.raises((KeyError, ValueError, IndexError)):
        SCROLL_TO_FRAGMENT.format()  # not usable as a str.format template either


def test_scroll_to_fragment_reads_the_id_and_never_evaluates_it():
    script = SCROLL_TO_FRAGMENT.strip()
    assert (script.startswith("<script>"), script.endswith("</script>")) == (True, True)
    assert "decodeURIComponent(window.location.hash.slice(1))" in script
    assert "document.getElementById(id)" in script
    assert [word for word in ("eval(", "innerHTML", "document.write", "Function(")
            if word in script] == []  # fmt: skip
