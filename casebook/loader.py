"""Read ``content/`` into the model, collecting every problem before failing.

``content/themes.yaml`` is the codebook; each sub-folder holding a
``case.yaml`` is a case, with one Markdown file per section.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from casebook import blocktext, claimsfile, factsfile, frontmatter, validate, yamltext
from casebook.codebookfile import read_codebook
from casebook.facts import Claim, Record
from casebook.model import Case, Codebook, Section
from casebook.problems import Collector, ContentError, Problem, did_you_mean

MAX_SECTION_BYTES = 10_000_000  # twice the largest article ingest accepts
PIN = blocktext.PIN  # an editor pins a paragraph's themes on the line just above it


@dataclass(frozen=True)
class Content:
    codebook: Codebook
    cases: tuple[Case, ...]
    records: dict[str, Record] = field(default_factory=dict)  # case slug -> facts.yaml
    claims: dict[str, tuple[Claim, ...]] = field(default_factory=dict)  # -> claims.yaml
    broken: dict[str, tuple[Problem, ...]] = field(default_factory=dict)  # folder -> problems
    codebook_problems: tuple[Problem, ...] = ()
    default_case: str = ""  # site.yaml's default_case, if any (see default_slug)
    site_problems: tuple[Problem, ...] = ()  # site.yaml's: reported, never fatal

    @property
    def problems(self) -> list[Problem]:
        """Every problem: the codebook's, then each broken case's, by folder name, then the
        site file's."""
        broken = (p for ps in self.broken.values() for p in ps)
        return [*self.codebook_problems, *broken, *self.site_problems]

    @property
    def slugs(self) -> list[str]:
        """Every case folder's name, whether its case loads or not."""
        return sorted({case.slug for case in self.cases} | set(self.broken))

    @property
    def default_slug(self) -> str:
        """The case a link without ``?case=`` opens: site.yaml's ``default_case`` when it
        names a case folder, else the first folder by name. Naming it keeps old links to
        the main case working when a case whose name sorts first is added."""
        return self.default_case if self.default_case in self.slugs else self.slugs[0]

    def case(self, slug: str) -> Case:
        for case in self.cases:
            if case.slug == slug:
                return case
        raise KeyError(slug)


@dataclass(frozen=True)
class CaseContent:
    """What one case folder holds once read: the case, or the problems that stop it."""

    slug: str
    case: Case | None = None
    record: Record = field(default_factory=Record)
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()


def read_section(path: Path, root: Path, problems, codebook: Codebook) -> Section | None:
    report = Collector(path, root, problems)
    try:
        if path.stat().st_size > MAX_SECTION_BYTES:
            report.add(1, f"larger than {MAX_SECTION_BYTES:,} bytes; split the section")
            return None
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        report.add(1, f"cannot be read: {error}")
        return None
    return section_from_text(text, path.stem, report, codebook)


def section_from_text(
    text: str, stem: str, report: Collector, codebook: Codebook
) -> Section | None:
    """A section file's text as a Section, its problems reported (None if it has any that
    stop it); ``stem``, the file's name without its suffix, stands in for a missing slug.
    The ingest's helper reads drafted files with it before they are written."""
    try:
        doc = frontmatter.parse(text)
    except frontmatter.FrontMatterError as error:
        report.add(error.line, error.message)
        return None
    meta = doc.meta
    for line, message in validate.unknown_keys(meta, validate.SECTION_KEYS):
        report.add(line, message)
    values = {}
    for key, kind, required in (
        ("title", str, True), ("slug", str, True), ("order", int, True),
        ("parent", str, False), ("short_title", str, False),
    ):  # fmt: skip
        values[key], message = validate.field(meta, key, kind, required)
        report.add(meta.line_of(key), message)
    slug = values["slug"]
    report.add(meta.line_of("slug"), slug and validate.slug_problem(slug))
    paragraphs, extras = blocktext.read_body(
        doc.body, doc.body_line, slug or stem, report, codebook
    )
    if None in (values["title"], slug, values["order"]):
        return None  # a section with no text at all is refused in _cross_check, unless a parent
    return Section(
        slug=slug, title=values["title"], order=values["order"], paragraphs=tuple(paragraphs),
        parent=values["parent"], path=report.name, short_title=values["short_title"],
        extras=tuple(extras),
    )  # fmt: skip


def _meta(path: Path):
    """A section file's front matter again, for the line of a problem found across files."""
    return frontmatter.parse(path.read_text(encoding="utf-8")).meta


def _cross_check(sections: list[tuple[Section, Path]], root: Path, problems) -> None:
    """Problems that only show between the sections of one case."""
    by_slug: dict[str, str] = {}
    by_order: dict[int, str] = {}
    for section, path in sections:
        report = Collector(path, root, problems)
        if section.slug in by_slug:
            report.add(
                _meta(path).line_of("slug"),
                f"duplicate slug '{section.slug}' (also in {by_slug[section.slug]})",
            )
        if section.order in by_order:
            report.add(
                _meta(path).line_of("order"),
                f"duplicate order {section.order} (also in {by_order[section.order]})",
            )
        by_slug.setdefault(section.slug, path.name)
        by_order.setdefault(section.order, path.name)
    parents = {s.parent for s, _ in sections}
    for section, path in sections:
        if not (section.paragraphs or section.extras or section.slug in parents):
            body_line = frontmatter.parse(path.read_text(encoding="utf-8")).body_line
            Collector(path, root, problems).add(body_line, "the section has no paragraphs")
    parent_of = {s.slug: s.parent for s, _ in sections}
    order_of = {s.slug: s.order for s, _ in sections}
    for section, path in sections:
        if section.parent:
            message = validate.parent_problem(section.slug, parent_of) or _after_parent(
                section, order_of
            )
            Collector(path, root, problems).add(_meta(path).line_of("parent"), message)


def _after_parent(section: Section, order_of: dict[str, int]) -> str | None:
    """A sub-section read before its parent: the menu would list it above its parent."""
    parent_order = order_of[section.parent]
    if section.order < parent_order:
        return (
            f"parent '{section.parent}' comes later in reading order (order {parent_order}, "
            f"this section {section.order}): a sub-section follows its parent"
        )
    return None


def read_case(folder: Path, root: Path, problems: list[Problem], codebook: Codebook) -> Case | None:
    case_path = folder / "case.yaml"
    report = Collector(case_path, root, problems)
    meta = yamltext.read_file(case_path, report)
    if meta is not None and not isinstance(meta, yamltext.LineDict):
        report.add(1, "case.yaml must be a mapping of keys to values")
        meta = None
    values = {}
    if meta is not None:
        for line, message in validate.unknown_keys(meta, validate.CASE_KEYS):
            report.add(line, message)
        for key in validate.CASE_KEYS:
            if key == "references":
                values[key], message = validate.text_list(meta, key, required=False)
            else:
                values[key], message = validate.field(meta, key, str, required=key == "title")
            report.add(meta.line_of(key), message)
        url = values["source_url"]
        report.add(meta.line_of("source_url"), url and validate.url_problem(url))
    before = len(problems)
    paths = sorted(folder.glob("*.md"))
    read = [(read_section(p, root, problems, codebook), p) for p in paths]
    sections = [(s, p) for s, p in read if s is not None]
    if len(problems) == before:
        _cross_check(sections, root, problems)
    if not paths:
        report.add(1, "the case has no section files (*.md)")
    if meta is None or values["title"] is None or len(problems) > before or not paths:
        return None
    ordered = tuple(s for s, _ in sorted(sections, key=lambda item: item[0].order))
    values.pop("source_file", None)
    references = values.pop("references", ())
    fields = {k: v or "" for k, v in values.items()}
    return Case(slug=folder.name, sections=ordered, references=references, **fields)


def case_folders(root: Path) -> list[Path]:
    """The case folders under ``root``, by name: each holds a case.yaml. Hidden folders
    (an ingest's ``.CASE.*.tmp`` and ``.CASE.*.old``) are never cases."""
    return sorted(
        p for p in root.iterdir()
        if not p.name.startswith(".") and p.is_dir() and (p / "case.yaml").is_file()
    )  # fmt: skip


def read_case_folder(folder: Path, root: Path, codebook: Codebook) -> CaseContent:
    """One case with its record and claims, or the problems that keep it from loading."""
    problems: list[Problem] = []
    if not validate.SLUG.match(folder.name):
        message = "a case folder's name must be lower-case letters and digits joined by hyphens"
        Collector(folder / "case.yaml", root, problems).add(1, message)
        return CaseContent(folder.name, problems=tuple(problems))
    case = read_case(folder, root, problems, codebook)
    if case is None:
        problems = problems or [Problem(folder.name, 1, "the case does not load")]
        return CaseContent(folder.name, problems=tuple(problems))
    facts = factsfile.read_record(folder / "facts.yaml", root, problems, codebook)
    claims_file = folder / "claims.yaml"
    claims = claimsfile.read_claims(claims_file, root, problems, codebook, case, facts.facts)
    if problems:
        return CaseContent(folder.name, problems=tuple(problems))
    return CaseContent(folder.name, case, facts, claims)


def read_content(root: Path | str) -> Content:
    """The codebook and every case that loads; the problems of the others are kept in
    ``broken`` (one bad case takes no other down). Raises ContentError only when there is
    nothing to show: no content folder, no usable codebook, no case folder."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        raise ContentError([Problem(str(root), 0, "content folder not found")])
    codebook = read_codebook(root / "themes.yaml", root, problems)
    folders = case_folders(root)
    if not folders:
        problems.append(Problem(str(root), 0, "no case folders (a folder with a case.yaml)"))
    if codebook is None or not folders:
        raise ContentError(problems)
    read = [read_case_folder(folder, root, codebook) for folder in folders]
    good = [one for one in read if one.case is not None]
    site_problems: list[Problem] = []
    default = read_site(root, [folder.name for folder in folders], site_problems)
    return Content(
        codebook,
        tuple(one.case for one in good),
        {one.case.slug: one.record for one in good},
        {one.case.slug: one.claims for one in good},
        broken={one.slug: one.problems for one in read if one.problems},
        codebook_problems=tuple(problems),
        default_case=default,
        site_problems=tuple(site_problems),
    )


SITE_FILE = "site.yaml"
SITE_KEYS = ("default_case",)


def read_site(root: Path, folders: list[str], problems: list[Problem]) -> str:
    """``content/site.yaml``, optional: ``default_case``, the folder of the case a link
    without ``?case=`` opens. Returns it, or "" when the file is absent or says nothing
    usable (its problems are reported, and the first folder by name stands in)."""
    path = root / SITE_FILE
    if not path.is_file():
        return ""
    report = Collector(path, root, problems)
    meta = yamltext.read_file(path, report)
    if meta is None:
        return ""
    if not isinstance(meta, yamltext.LineDict):
        report.add(1, f"{SITE_FILE} must be a mapping of keys to values")
        return ""
    for line, message in validate.unknown_keys(meta, SITE_KEYS):
        report.add(line, message)
    default, message = validate.field(meta, "default_case", str, required=False)
    report.add(meta.line_of("default_case"), message)
    if default and default not in folders:
        hint = did_you_mean(default, folders) or f" (the case folders: {', '.join(folders)})"
        message = f"default_case '{default}' is no case folder{hint}"
        report.add(meta.line_of("default_case"), message)
        return ""
    return default or ""


def load_content(root: Path | str) -> Content:
    """The codebook and every case under ``root``; raises ContentError listing all problems."""
    content = read_content(root)
    if content.problems:
        raise ContentError(content.problems)
    return content
