"""Schema checks for content files. Each check appends to a list and goes on.

Messages name the key, what was expected and, where it helps, a hint; the
caller adds the file and line.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from casebook.model import MAX_DEPTH
from casebook.problems import did_you_mean
from casebook.yamltext import LineDict

# \Z, not $: "$" also matches before a final newline, and "abc\n" is no slug. Messages
# quote what they reject with repr(), so that a newline in it stays on the message's line.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
THEME_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}\Z")
# Control characters (terminal escapes among them) have no place in text; tab and
# line breaks do, in notes written as YAML blocks.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Paths the dashboard uses for its own pages; a section may not take them.
RESERVED_SLUGS = frozenset(
    {"home", "about", "search", "facts", "claims", "compare", "co-occurrence", "compare-sections"}
)

_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", list: "a list"}

SECTION_KEYS = ("title", "slug", "order", "parent", "short_title")
CASE_KEYS = ("title", "source_url", "notice", "source_file", "author", "published", "references")
THEME_KEYS = ("id", "label", "colour", "definition", "terms", "strong_terms", "exclude")
RULE_KEYS = (
    "paragraph_min_score", "section_tag_threshold",
    "neighbours", "neighbour_similarity", "neighbour_weight",
)  # fmt: skip


def unknown_keys(mapping: LineDict, allowed: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, message) for each key the schema does not know."""
    found = []
    for key in mapping:
        if key not in allowed:
            hint = did_you_mean(str(key), allowed) or f" (expected one of: {', '.join(allowed)})"
            found.append((mapping.line_of(key), f"unknown key '{key}'{hint}"))
    return found


def field(mapping: LineDict, key: str, kind: type, required: bool = True):
    """(value, message): the value if it has the right type, else a message."""
    if key not in mapping or mapping[key] is None:
        return None, (f"missing '{key}'" if required else None)
    value = mapping[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool):
        got = type(value).__name__
        return None, f"'{key}' must be {_TYPE_NAMES[kind]}, not {got} ({value!r})"
    if kind is str and not value.strip():
        return None, f"'{key}' is empty"
    if kind is str and CONTROL.search(value):
        code = f"U+{ord(CONTROL.search(value).group()):04X}"
        return None, f"'{key}' holds a control character ({code}); remove it"
    return value, None


def text_list(mapping: LineDict, key: str, required: bool = True):
    """(tuple of strings, message) for a list of non-empty strings."""
    value, message = field(mapping, key, list, required)
    if value is None:
        return (), message
    if not value and required:
        return (), f"'{key}' is an empty list"
    bad = [item for item in value if not isinstance(item, str) or not item.strip()]
    if bad:
        return (), f"'{key}' must hold only non-empty text, found {bad[0]!r}"
    return tuple(item.strip() for item in value), None


def slug_problem(slug: str) -> str | None:
    if not SLUG.match(slug):
        return f"slug {slug!r} must be lower-case letters and digits joined by hyphens"
    if slug in RESERVED_SLUGS or slug.startswith("theme-"):
        return f"slug '{slug}' is taken by a dashboard page; choose another"
    return None


def theme_id_problem(theme_id: str) -> str | None:
    if not THEME_ID.match(theme_id):
        return f"theme id {theme_id!r} must be lower-case letters and digits (hyphens allowed)"
    return None


def colour_problem(colour: str) -> str | None:
    if not COLOUR.match(colour):
        return f"colour {colour!r} must be a hex colour like '#0072B2'"
    return None


def url_problem(url: str) -> str | None:
    """What keeps ``url`` from being a web address a reader can open, if anything."""
    if any(char.isspace() for char in url) or CONTROL.search(url):
        return f"url {url!r} must not hold spaces or control characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it checks the port
    except ValueError as error:
        return f"url {url!r} cannot be read as an address ({error})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"url {url!r} must start with http:// or https:// and name a host"
    return None


def parent_problem(slug: str, parents: dict[str, str | None]) -> str | None:
    """What is wrong with the chain of parents above ``slug``, if anything.

    ``parents`` maps every section's slug to its parent's (None at the top level). A
    parent must be a section of the case, the chain must not come back to ``slug``, and
    it may be at most MAX_DEPTH levels deep. A section whose chain runs into a cycle of
    others, or into a missing parent further up, is left to those sections' messages."""
    parent = parents[slug]
    if parent == slug:
        return f"section '{slug}' cannot be its own parent"
    if parent not in parents:
        hint = did_you_mean(parent, sorted(parents))
        return f"parent '{parent}' is not a section of this case{hint}"
    chain = [slug]
    while parent is not None and parent in parents:
        if parent == slug:
            return f"parent '{chain[1]}' leads back to this section: {' → '.join([*chain, slug])}"
        if parent in chain:
            return None
        chain.append(parent)
        parent = parents[parent]
    if len(chain) > MAX_DEPTH and parent is None:
        outline = " > ".join(reversed(chain))
        return (
            f"sections nest at most {MAX_DEPTH} levels; this one is level {len(chain)} ({outline})"
        )
    return None
