"""Safe YAML loading that remembers on which line each key stood.

Validation messages name ``file:line``; plain ``yaml.safe_load`` forgets lines,
so mappings come back as :class:`LineDict`, a dict that also knows the line of
each of its keys.
"""

from __future__ import annotations

import yaml


class LineDict(dict):
    """A dict with ``line`` (where the mapping starts) and ``key_lines``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 1
        self.key_lines: dict = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(text: str, first_line: int = 1):
    """Parse YAML text; line numbers start at ``first_line``."""
    data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def _shift(data, offset: int) -> None:
    if isinstance(data, LineDict):
        data.line += offset
        data.key_lines = {k: v + offset for k, v in data.key_lines.items()}
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, list):
        for item in data:
            _shift(item, offset)


def error_line(error: yaml.YAMLError, first_line: int = 1) -> int:
    mark = getattr(error, "problem_mark", None)
    return mark.line + first_line if mark is not None else first_line


def error_text(error: yaml.YAMLError) -> str:
    return getattr(error, "problem", None) or "cannot be read"


def read_file(path, report):
    """A YAML file's data, or None after reporting why it cannot be read (``report.add``)."""
    try:
        return load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        report.add(error_line(error), f"not valid YAML: {error_text(error)}")
    except (OSError, UnicodeDecodeError) as error:
        report.add(1, f"cannot be read: {error}")
    return None
