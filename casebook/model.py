"""The content model: what the loader returns and what the pages see.

Everything is a frozen dataclass so that cached content cannot be changed by
a page by accident.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from casebook.wording import told_apart

OWN_NUMBER = re.compile(r"^(\d{1,4})\.\s")  # a paragraph's own number: "22. The mission"


@dataclass(frozen=True)
class Theme:
    """One code of the codebook."""

    id: str
    label: str
    colour: str
    definition: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    strong_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rules:
    """The numbers that turn evidence into labels (set in the codebook).

    ``neighbours`` nearest coded examples (0: none) with a similarity of at least
    ``neighbour_similarity`` each add ``neighbour_weight`` to the themes they carry."""

    paragraph_min_score: float = 2.0
    section_tag_threshold: float = 0.25
    neighbours: int = 0
    neighbour_similarity: float = 0.5
    neighbour_weight: float = 1.0


@dataclass(frozen=True)
class Example:
    """A coded paragraph (from the tuning texts or a seed), which the rule compares new
    paragraphs with.

    ``source`` names the text it comes from (a case folder or an evaluation text): an
    example never votes on a paragraph of its own text."""

    id: str
    source: str
    text: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class Neighbour:
    """One coded example near a paragraph (found by :mod:`casebook.semantic`)."""

    example: str  # the example's id
    opening: str  # its first words, to show as evidence
    similarity: float
    themes: tuple[str, ...]


@dataclass(frozen=True)
class Codebook:
    themes: tuple[Theme, ...]
    rules: Rules = field(default_factory=Rules)
    examples: tuple[Example, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(theme.id for theme in self.themes)

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    @property
    def colours(self) -> dict[str, str]:
        return {theme.id: theme.colour for theme in self.themes}

    @property
    def labels(self) -> dict[str, str]:
        """Theme id → the label readers see, in the codebook's order."""
        return {theme.id: theme.label for theme in self.themes}


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph, as written in its section file.

    ``position`` counts from 1 within the section; ``line`` is where the
    paragraph starts in its file; ``pinned`` holds theme ids an editor fixed
    by hand (empty when the computed tags apply).
    """

    section: str
    position: int
    text: str
    line: int = 0
    pinned: tuple[str, ...] = ()
    kind: str = "paragraph"  # or "quote": both are coded and counted

    @cached_property  # counted once: every rerun of a page sums them (frozen: never stale)
    def words(self) -> int:
        return len(self.text.split())

    @property
    def anchor(self) -> str:
        return f"{self.section}-p{self.position}"


CODED_KINDS = ("paragraph", "quote")
MAX_DEPTH = 4  # sections nest at most this many levels: "II." > "A." > "1." > "(a)"
KEPT_KINDS = ("caption", "table", "note", "reference")  # kept in place, never coded


@dataclass(frozen=True)
class Extra:
    """A block kept in its place but neither coded nor counted: a caption, a table,
    a note or a reference. ``after`` is the number of paragraphs before it in its
    section; a table's text is its Markdown pipe rows, one per line."""

    section: str
    kind: str
    text: str
    after: int
    line: int = 0


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    order: int
    paragraphs: tuple[Paragraph, ...]
    parent: str | None = None
    path: str = ""
    short_title: str | None = None
    extras: tuple[Extra, ...] = ()  # captions, tables, notes, references, in their place

    @property
    def nav_title(self) -> str:
        return self.short_title or self.title

    @cached_property
    def words(self) -> int:
        return sum(paragraph.words for paragraph in self.paragraphs)


@dataclass(frozen=True)
class Case:
    slug: str
    title: str
    sections: tuple[Section, ...]
    source_url: str = ""
    notice: str = ""
    author: str = ""
    published: str = ""
    references: tuple[str, ...] = ()  # a trailing bibliography, notes or URLs, one per item

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for section in self.sections for p in section.paragraphs)

    @cached_property
    def words(self) -> int:
        return sum(section.words for section in self.sections)

    def section(self, slug: str) -> Section:
        for section in self.sections:
            if section.slug == slug:
                return section
        raise KeyError(slug)

    def children(self, slug: str) -> tuple[Section, ...]:
        """The sections directly under ``slug``, in document order."""
        return tuple(s for s in self.sections if s.parent == slug)

    def ancestors(self, slug: str) -> tuple[Section, ...]:
        """The chain of parents above ``slug``, outermost first (empty at the top level).
        The loader refuses cycles; the walk stops at one all the same."""
        chain: list[Section] = []
        parent = self.section(slug).parent
        while parent and all(s.slug != parent for s in chain) and parent != slug:
            chain.insert(0, self.section(parent))
            parent = chain[0].parent
        return tuple(chain)

    @cached_property
    def numbered(self) -> bool:
        """Whether the paragraphs carry the document's own numbers, as a UN report's do
        ("22. The mission ..."): at least half of them, three or more, mostly rising."""
        numbers = [int(m[1]) for p in self.paragraphs if (m := OWN_NUMBER.match(p.text))]
        rising = sum(b > a for a, b in zip(numbers, numbers[1:], strict=False))
        return (
            len(numbers) >= max(3, len(self.paragraphs) / 2)
            and rising >= 0.8 * (len(numbers) - 1)
        )  # fmt: skip

    def mark(self, paragraph: Paragraph) -> str:
        """How a paragraph is named beside its section: by the document's own number where
        it has them ("para. 22", as readers cite a report), else by its place ("¶5")."""
        own = OWN_NUMBER.match(paragraph.text) if self.numbered else None
        return f"para. {own[1]}" if own else f"¶{paragraph.position}"

    @cached_property
    def distinct_titles(self) -> dict[str, str]:
        """Each section's menu title, told apart where sections share one (a report's
        annex may hold seven "Challenges ahead"): "Challenges ahead (in Standard 1)", and
        the slug after that where it still repeats. For charts, whose bars of one name
        would merge, and for any list where one title must name one section."""
        shared = Counter(s.nav_title for s in self.sections)
        named = {
            s.slug: f"{s.nav_title} (in {self.section(s.parent).nav_title})"
            if shared[s.nav_title] > 1 and s.parent else s.nav_title
            for s in self.sections
        }  # fmt: skip
        return told_apart(named)

    def depth(self, slug: str) -> int:
        """1 for a top-level section, 2 for a sub-section, and so on."""
        return len(self.ancestors(slug)) + 1
