"""The command line: ``python -m casebook {check,paragraphs,convert,ingest} [--content DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casebook.ingest import convert, fetch, pipeline, progress
from casebook.ingest import helper as ingest_helper
from casebook.ingest.source import MAX_INPUT_BYTES, IngestError
from casebook.loader import load_content
from casebook.problems import ContentError
from casebook.wording import counted


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m casebook", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every case; exit 1 on any problem")
    paragraphs = commands.add_parser("paragraphs", help="print one row per paragraph")
    paragraphs.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    paragraphs.add_argument("--case", help="only this case (folder name)")
    conv = commands.add_parser("convert", help="rebuild a case's files from its source/ folder")
    conv.add_argument("case", help="the case folder's name, e.g. minusma")
    conv.add_argument("--check", action="store_true", help="only report files that would change")
    ing = commands.add_parser(
        "ingest",
        help="read an article (.txt, .md, .html, .pdf or an http(s) URL) into a new case folder",
        description=f"Read an article into content/CASE/. Inputs over {MAX_INPUT_BYTES:,} bytes "
        "are refused. Exit 2 with one 'error:' line when the input cannot be used.",
    )
    ing.add_argument(
        "path", help="the article: plain text, Markdown, HTML, a text PDF, or an http(s) URL"
    )
    ing.add_argument("--case", required=True, help="the new case's folder name, e.g. mali-2023")
    ing.add_argument("--title", help="the case's title (default: the article's own)")
    ing.add_argument("--source-url", help="where the article was published")
    ing.add_argument("--recipe", type=Path, help="a recipe.yaml: slugs, short titles, parents")
    ing.add_argument("--force", action="store_true", help="replace an existing case folder")
    ing.add_argument("--progress", action="store_true", help="always draw the progress bar")
    for sub in (check, paragraphs, conv, ing):
        sub.add_argument("--content", default="content", help="content folder (default: content)")
    return parser


def _check(args) -> int:
    content = load_content(args.content)
    count = sum(len(case.paragraphs) for case in content.cases)
    themes = len(content.codebook.themes)
    facts = sum(len(record.facts) for record in content.records.values())
    claims = sum(len(found) for found in content.claims.values())
    print(
        f"ok: {counted(len(content.cases), 'case')}, {counted(count, 'paragraph')}, "
        f"{counted(themes, 'theme')}, {counted(facts, 'fact')}, "
        f"{counted(claims, 'reviewed claim')}"
    )
    return 0


def _paragraphs(args) -> int:
    from casebook import coverage, export  # pandas: slow to import, and ingest needs none

    content = load_content(args.content)
    cases = [content.case(args.case)] if args.case else content.cases
    frame = export.with_kept(coverage.paragraph_table(cases, content.codebook), cases)
    text = export.to_csv(frame) if args.format == "csv" else export.to_jsonl(frame)
    sys.stdout.write(text)
    return 0


def _convert(args) -> int:
    case_dir = Path(args.content) / args.case
    if not (case_dir / "source" / "article.txt").is_file():
        print(f"error: {case_dir}/source/article.txt not found", file=sys.stderr)
        return 2
    files = convert.convert(case_dir)
    changed = convert.differences(case_dir, files)
    if args.check:
        for name in changed:
            print(f"would change: {case_dir / name}")
        return 1 if changed else 0
    convert.write(case_dir, files)
    print(f"wrote {counted(len(files), 'file')} to {case_dir} ({len(changed)} changed)")
    return 0


def _ingest(args) -> int:
    is_url = fetch.is_url(args.path)
    args.path = args.path if is_url else Path(args.path)
    size = args.path.stat().st_size if not is_url and args.path.is_file() else 0
    bar = progress.bar_for(size, sys.stderr, args.progress)
    given = {"title": args.title, "source_url": args.source_url}
    helper = ingest_helper.for_ingest()  # a second core's part of the work, if any
    try:
        done = pipeline.ingest(
            args.path, args.case, Path(args.content), given, args.recipe, args.force,
            bar.update, helper=helper,
        )  # fmt: skip
        lines = pipeline.summary(done, bar.update, helper)
    except (IngestError, OSError) as error:
        bar.clear()
        for note in getattr(error, "notes", ()):
            print(f"warning: {args.path}: {note}", file=sys.stderr)
        where = getattr(error, "filename", None) or args.path
        message = f"{where}: {error.strerror}" if isinstance(error, OSError) else str(error)
        print(f"error: {message}", file=sys.stderr)
        return 2
    finally:
        if helper:
            helper.close()
    bar.finish()
    for warning in done.warnings:
        print(f"warning: {args.path}: {warning}", file=sys.stderr)
    print("\n".join(lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"check": _check, "paragraphs": _paragraphs, "convert": _convert, "ingest": _ingest}
    handler = handlers[args.command]
    try:
        return handler(args)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{counted(len(error.problems), 'problem')} found", file=sys.stderr)
        return 1
    except KeyError as error:
        print(f"error: unknown case {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
