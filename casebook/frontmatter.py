"""Split a Markdown file into its YAML front matter and its body."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from casebook import yamltext

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_CDumper = getattr(yaml, "CSafeDumper", None)  # libyaml, when PyYAML was built with it
# Characters libyaml's emitter writes as PyYAML's does (checked in tests/test_yamlfast.py):
# no control character, line break, byte-order mark or character beyond the BMP.
_ORDINARY = re.compile(r"[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")


class FrontMatterError(ValueError):
    """Front matter that is missing or not valid YAML, with its 1-based line. ``refused``:
    valid YAML that goes past the reading limits (aliases standing for too much, nesting
    too deep, too long: see :mod:`casebook.yamltext`), so never read at all."""

    def __init__(self, message: str, line: int, refused: bool = False):
        super().__init__(message)
        self.message = message
        self.line = line
        self.refused = refused


@dataclass(frozen=True)
class Document:
    meta: dict
    body: str
    body_line: int  # the file line on which the body starts


def parse(text: str) -> Document:
    """Parse ``---``-fenced YAML front matter followed by Markdown."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise FrontMatterError("missing front matter (the file must start with '---')", 1)
    try:
        meta = yamltext.load(match.group("meta"), first_line=2)
    except yaml.YAMLError as error:
        refused = isinstance(error, yamltext.LimitError)
        message = f"front matter is not valid YAML: {yamltext.error_text(error)}"
        line = yamltext.error_line(error, 2)
        raise FrontMatterError(message, line, refused) from None
    if meta is None:  # nothing between the fences
        meta = yamltext.LineDict()
        meta.line = 2
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a mapping of keys to values", 2)
    body_line = match.group(0).count("\n") + 1
    return Document(meta=meta, body=text[match.end() :], body_line=body_line)


def render(meta: dict, body: str) -> str:
    """The inverse of :func:`parse`, with keys in the given order."""
    fast = _CDumper is not None and all(map(_ordinary, [*meta, *meta.values()]))
    dumper = _CDumper if fast else yaml.SafeDumper
    head = yaml.dump(meta, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000).strip()
    return f"---\n{head}\n---\n\n{body.strip()}\n"


def _ordinary(value) -> bool:
    """A value libyaml's emitter (six times faster) writes byte for byte as PyYAML's."""
    if isinstance(value, str):
        return _ORDINARY.fullmatch(value) is not None
    return value is None or type(value) is int  # not a bool
