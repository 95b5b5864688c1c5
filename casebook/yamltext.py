"""Safe YAML loading that remembers on which line each key stood.

Validation messages name ``file:line``; plain ``yaml.safe_load`` forgets lines,
so mappings come back as :class:`LineDict`, a dict that also knows the line of
each of its keys.

Content is written by hand and read on every page load, so the reading is bounded:
aliases (``*name``) may expand to :data:`MAX_VALUES` keys and values at most (a few
hundred bytes of them can stand for a billion), nesting is at most :data:`MAX_DEPTH`
levels deep (deeper input would exhaust Python's recursion), and a file holds at most
:data:`MAX_CHARS` characters. Each limit is a ``yaml.YAMLError`` with a
line, like any other error in the file.

Most files are read by libyaml (:func:`_fast_load`, some ten times faster): a first pass over
its events (:mod:`casebook.yamlfast`) makes sure the file keeps well within those bounds,
each alias counted for all it stands for, and holds nothing the two readers take apart;
then the same constructors build the same ``LineDict`` with the same lines. Anything else,
an error included, goes to the pure-Python reader, which says what is wrong and where.
"""

from __future__ import annotations

from collections.abc import Hashable

import yaml
from yaml.constructor import ConstructorError

from casebook import yamlfast


class LineDict(dict):
    """A dict with ``line`` (where the mapping starts) and ``key_lines``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 1
        self.key_lines: dict = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


MAX_DEPTH = 40  # the content files nest five levels at most
MAX_VALUES = 100_000  # keys and values once aliases are expanded; facts.yaml has 3,600
MAX_CHARS = 2_000_000  # the largest content file (facts.yaml) has 57,000
_CLoader = getattr(yaml, "CSafeLoader", None)  # libyaml, when PyYAML was built with it
_SLOW = object()  # the fast reader's answer when the pure-Python one must read the file


class LimitError(yaml.MarkedYAMLError):
    """YAML that is well-formed but beyond what content may hold."""


def _children(node: yaml.Node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return node.value if isinstance(node, yaml.SequenceNode) else []


class _LineLoader(yaml.SafeLoader):
    """Composes each node once and notes its size and depth with aliases expanded, so
    that an alias counts for all it stands for (consumers walk the data as a tree)."""

    def __init__(self, stream):
        super().__init__(stream)
        self._open = 0  # nodes being composed: Python's recursion, bounded first
        self._measure: dict[int, tuple[int, int]] = {}  # id(node) -> (values, depth)

    def construct_object(self, node, deep=False):
        """A value Python cannot hold ("2024-13-01" read as a date, a huge exponent) is a
        YAML error at its node, like any other, not a ValueError from deep in PyYAML."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as error:
            problem = f"a value that cannot be read ({error})"
            raise ConstructorError(problem=problem, problem_mark=node.start_mark) from None

    def fetch_flow_collection_start(self, token_class):
        """The scanner reads ahead through open brackets (in time quadratic in their
        number), so their nesting is bounded here, before the composer's."""
        if self.flow_level >= MAX_DEPTH:
            problem = f"nested deeper than {MAX_DEPTH} levels"
            raise LimitError(problem=problem, problem_mark=self.get_mark())
        super().fetch_flow_collection_start(token_class)

    def compose_node(self, parent, index):
        mark = self.peek_event().start_mark
        alias = self.check_event(yaml.AliasEvent)
        if self._open >= MAX_DEPTH:
            raise LimitError(problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=mark)
        self._open += 1
        try:
            node = super().compose_node(parent, index)
        finally:
            self._open -= 1
        if id(node) in self._measure:
            return node
        if alias:  # of a node whose composition is not finished: inside itself
            raise LimitError(problem="an alias refers to its own anchor", problem_mark=mark)
        self._measure[id(node)] = self._measured(node, mark)
        return node

    def _measured(self, node: yaml.Node, mark) -> tuple[int, int]:
        values, depth = 1, 1
        for child in _children(node):
            child_values, child_depth = self._measure[id(child)]
            values, depth = values + child_values, max(depth, child_depth + 1)
        if depth > MAX_DEPTH:
            raise LimitError(problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=mark)
        if values > MAX_VALUES:
            problem = f"holds more than {MAX_VALUES:,} values once its aliases are expanded"
            raise LimitError(problem=problem, problem_mark=mark)
        return values, depth


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            problem = "a key must be one value, not a list or a mapping"
            raise ConstructorError(problem=problem, problem_mark=key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

if _CLoader is not None:

    class _FastLineLoader(_CLoader):
        """libyaml's parser and composer, with the constructors of :class:`_LineLoader`."""

    _FastLineLoader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
    )


def well_within_bounds(text: str) -> bool:
    """Whether libyaml reads ``text`` as the line-keeping reader would, nesting and values
    (aliases expanded) at half the limits or less: see :mod:`casebook.yamlfast`."""
    if _CLoader is None or len(text) > MAX_CHARS:
        return False
    return yamlfast.same_reading(text, _CLoader, MAX_DEPTH // 2, MAX_VALUES // 2)


def _fast_load(text: str):
    """The data of a file well within the bounds, read by libyaml; ``_SLOW`` otherwise or
    on any error (a YAML error, a surrogate, a date out of range: for the pure-Python reader
    to report, or raise, as it always has)."""
    try:
        if well_within_bounds(text):
            return yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - a safe loader
    except Exception:  # noqa: BLE001 - whatever it is, the pure-Python reader says it
        pass
    return _SLOW


def load(text: str, first_line: int = 1):
    """Parse YAML text; line numbers start at ``first_line``."""
    if len(text) > MAX_CHARS:
        raise LimitError(problem=f"longer than {MAX_CHARS:,} characters")
    data = _fast_load(text)
    if data is _SLOW:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def _shift(data, offset: int, done: set[int] | None = None) -> None:
    """Move every line by ``offset``, once per mapping (aliases share one)."""
    done = set() if done is None else done
    if id(data) in done:
        return
    done.add(id(data))
    if isinstance(data, LineDict):
        data.line += offset
        data.key_lines = {k: v + offset for k, v in data.key_lines.items()}
        for value in data.values():
            _shift(value, offset, done)
    elif isinstance(data, list):
        for item in data:
            _shift(item, offset, done)


def error_line(error: yaml.YAMLError, first_line: int = 1) -> int:
    mark = getattr(error, "problem_mark", None)
    return mark.line + first_line if mark is not None else first_line


def error_text(error: yaml.YAMLError) -> str:
    return getattr(error, "problem", None) or "cannot be read"


def read_file(path, report):
    """A YAML file's data, or None after reporting why it cannot be read (``report.add``)."""
    try:
        data = load(path.read_text(encoding="utf-8"))
        if data is None:
            report.add(1, "the file is empty")
        return data
    except yaml.YAMLError as error:
        report.add(error_line(error), f"not valid YAML: {error_text(error)}")
    except (OSError, UnicodeDecodeError) as error:
        report.add(1, f"cannot be read: {error}")
    return None
