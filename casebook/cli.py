"""The command line: ``python -m casebook {check,paragraphs,convert} [--content DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casebook import convert, coverage, export
from casebook.loader import load_content
from casebook.problems import ContentError


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
    for sub in (check, paragraphs, conv):
        sub.add_argument("--content", default="content", help="content folder (default: content)")
    return parser


def _check(args) -> int:
    content = load_content(args.content)
    count = sum(len(case.paragraphs) for case in content.cases)
    themes = len(content.codebook.themes)
    print(f"ok: {len(content.cases)} case(s), {count} paragraphs, {themes} themes")
    return 0


def _paragraphs(args) -> int:
    content = load_content(args.content)
    cases = [content.case(args.case)] if args.case else content.cases
    frame = coverage.paragraph_table(cases, content.codebook)
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
    print(f"wrote {len(files)} files to {case_dir} ({len(changed)} changed)")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"check": _check, "paragraphs": _paragraphs, "convert": _convert}[args.command]
    try:
        return handler(args)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found", file=sys.stderr)
        return 1
    except KeyError as error:
        print(f"error: unknown case {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
