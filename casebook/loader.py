"""Read ``content/`` into the model, collecting every problem before failing.

``content/themes.yaml`` is the codebook; each sub-folder holding a
``case.yaml`` is a case, with one Markdown file per section.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from casebook import blocktext, frontmatter, record, validate, yamltext
from casebook.facts import Claim, Record
from casebook.model import Case, Codebook, Rules, Section, Theme
from casebook.problems import Collector, ContentError, Problem, did_you_mean

PIN = blocktext.PIN  # an editor pins a paragraph's themes on the line just above it


@dataclass(frozen=True)
class Content:
    codebook: Codebook
    cases: tuple[Case, ...]
    records: dict[str, Record] = field(default_factory=dict)  # case slug -> facts.yaml
    claims: dict[str, tuple[Claim, ...]] = field(default_factory=dict)  # -> claims.yaml

    def case(self, slug: str) -> Case:
        for case in self.cases:
            if case.slug == slug:
                return case
        raise KeyError(slug)


def _theme(entry, report: Collector, seen: set[str]) -> Theme | None:
    if not isinstance(entry, yamltext.LineDict):
        report.add(1, f"each theme must be a mapping, found {entry!r}")
        return None
    for line, message in validate.unknown_keys(entry, validate.THEME_KEYS):
        report.add(line, message)
    values = {}
    for key in ("id", "label", "colour", "definition"):
        values[key], message = validate.field(entry, key, str)
        report.add(entry.line_of(key), message)
    terms, message = validate.text_list(entry, "terms")
    report.add(entry.line_of("terms"), message)
    optional = {}
    for key in ("strong_terms", "exclude"):
        optional[key], message = validate.text_list(entry, key, required=False)
        report.add(entry.line_of(key), message)
    theme_id, colour = values["id"], values["colour"]
    report.add(entry.line_of("id"), theme_id and validate.theme_id_problem(theme_id))
    report.add(entry.line_of("colour"), colour and validate.colour_problem(colour))
    if theme_id in seen:
        report.add(entry.line_of("id"), f"duplicate theme id '{theme_id}'")
    seen.add(theme_id)
    if None in values.values() or not terms:
        return None
    return Theme(terms=terms, **optional, **values)


def _rules(data: yamltext.LineDict, report: Collector) -> Rules:
    rules = data.get("rules") or yamltext.LineDict()
    if not isinstance(rules, yamltext.LineDict):
        report.add(data.line_of("rules"), "'rules' must be a mapping")
        return Rules()
    for line, message in validate.unknown_keys(rules, validate.RULE_KEYS):
        report.add(line, message)
    values = {}
    for key in validate.RULE_KEYS:
        value, message = validate.field(rules, key, float, required=False)
        report.add(rules.line_of(key), message)
        if value is not None:
            values[key] = value
    threshold = values.get("section_tag_threshold", Rules.section_tag_threshold)
    if not 0 <= threshold <= 1:
        report.add(rules.line_of("section_tag_threshold"), "'section_tag_threshold' must be 0–1")
    return Rules(**values)


def read_codebook(path: Path, root: Path, problems: list[Problem]) -> Codebook | None:
    report = Collector(path, root, problems)
    if not path.is_file():
        report.add(1, "missing codebook: every content folder needs a themes.yaml")
        return None
    data = yamltext.read_file(path, report)
    if data is None:
        return None
    if not isinstance(data, yamltext.LineDict) or not isinstance(data.get("themes"), list):
        report.add(1, "the codebook needs a 'themes' list")
        return None
    for line, message in validate.unknown_keys(data, ("themes", "rules")):
        report.add(line, message)
    seen: set[str] = set()
    themes = [_theme(entry, report, seen) for entry in data["themes"]]
    if not themes:
        report.add(data.line_of("themes"), "the codebook has no themes")
    rules = _rules(data, report)
    if None in themes or not themes:
        return None
    return Codebook(tuple(themes), rules)


def read_section(path: Path, root: Path, problems, codebook: Codebook) -> Section | None:
    report = Collector(path, root, problems)
    try:
        doc = frontmatter.parse(path.read_text(encoding="utf-8"))
    except frontmatter.FrontMatterError as error:
        report.add(error.line, error.message)
        return None
    except (OSError, UnicodeDecodeError) as error:
        report.add(1, f"cannot be read: {error}")
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
        doc.body, doc.body_line, slug or path.stem, report, codebook
    )
    if None in (values["title"], slug, values["order"]):
        return None  # a section with no text at all is refused in _cross_check, unless a parent
    return Section(
        slug=slug, title=values["title"], order=values["order"], paragraphs=tuple(paragraphs),
        parent=values["parent"], path=report.name, short_title=values["short_title"],
        extras=tuple(extras),
    )  # fmt: skip


def _cross_check(sections: list[tuple[Section, Path]], root: Path, problems) -> None:
    """Problems that only show between the sections of one case."""
    by_slug: dict[str, str] = {}
    by_order: dict[int, str] = {}
    for section, path in sections:
        report = Collector(path, root, problems)
        meta = frontmatter.parse(path.read_text(encoding="utf-8")).meta
        if section.slug in by_slug:
            report.add(
                meta.line_of("slug"),
                f"duplicate slug '{section.slug}' (also in {by_slug[section.slug]})",
            )
        if section.order in by_order:
            report.add(
                meta.line_of("order"),
                f"duplicate order {section.order} (also in {by_order[section.order]})",
            )
        by_slug.setdefault(section.slug, path.name)
        by_order.setdefault(section.order, path.name)
    parents = {s.parent for s, _ in sections}
    for section, path in sections:
        if not (section.paragraphs or section.extras or section.slug in parents):
            body_line = frontmatter.parse(path.read_text(encoding="utf-8")).body_line
            Collector(path, root, problems).add(body_line, "the section has no paragraphs")
    top_level = {s.slug for s, _ in sections if s.parent is None}
    for section, path in sections:
        if section.parent and section.parent not in top_level:
            meta = frontmatter.parse(path.read_text(encoding="utf-8")).meta
            hint = did_you_mean(section.parent, sorted(top_level))
            Collector(path, root, problems).add(
                meta.line_of("parent"),
                f"parent '{section.parent}' is not a top-level section{hint}",
            )


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


def load_content(root: Path | str) -> Content:
    """The codebook and every case under ``root``; raises ContentError listing all problems."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        raise ContentError([Problem(str(root), 0, "content folder not found")])
    codebook = read_codebook(root / "themes.yaml", root, problems)
    folders = sorted(p for p in root.iterdir() if (p / "case.yaml").is_file())
    if not folders:
        problems.append(Problem(str(root), 0, "no case folders (a folder with a case.yaml)"))
    cases = []
    if codebook is not None:
        cases = [read_case(folder, root, problems, codebook) for folder in folders]
    records, claims = {}, {}
    for folder, case in zip(folders, cases, strict=False):
        if case is not None:
            records[case.slug] = record.read_record(folder / "facts.yaml", root, problems, codebook)
            facts = records[case.slug].facts
            path = folder / "claims.yaml"
            claims[case.slug] = record.read_claims(path, root, problems, codebook, case, facts)
    if problems:
        raise ContentError(problems)
    return Content(codebook, tuple(cases), records, claims)
