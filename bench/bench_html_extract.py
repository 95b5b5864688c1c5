"""Main-text extraction from real web pages: the hand-written rules against trafilatura.

Run: python bench/bench_html_extract.py FOLDER [--limit N] [--no-write]

FOLDER holds trafilatura's evaluation set (Apache-2.0, github.com/adbar/trafilatura):
``evaldata.json`` and the pages under ``tests/eval/``. For each page the set lists
snippets that belong to the article ("with") and snippets of navigation, footers and
other boilerplate ("without"). Scored for each extractor:

- kept: the share of "with" snippets found in the extracted text (article words kept);
- dropped: the share of "without" snippets absent from it (boilerplate removed);
- F1 of the two, and the median seconds per page.

"rules" are casebook's HTML reader and boilerplate rules, keeping every block that lands
in a case (paragraphs, headings, quotes, captions, tables, notes, references); the two
hybrids let trafilatura relabel the rules' blocks (casebook/ingest/maintext.py): every
block it leaves out, or only those before the first or after the last block it keeps.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib  # noqa: E402
from casebook.ingest import boilerplate, htmlreader, maintext  # noqa: E402
from casebook.ingest.blocks import BODY_KINDS, has_words  # noqa: E402
from casebook.ingest.source import decode  # noqa: E402


def with_trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_tables=True, include_comments=False) or ""


def hybrid(html: str, span: bool) -> str:
    reading = htmlreader.read_html(html)
    reading.blocks = [b for b in reading.blocks if has_words(b.text)]
    maintext.keep_main(reading, html, span)
    reading = boilerplate.classify(reading, plain_text=False)
    return "\n".join(b.text for b in reading.blocks if b.kind in BODY_KINDS)


def rules_only(html: str) -> str:
    reading = htmlreader.read_html(html)
    reading.blocks = [b for b in reading.blocks if has_words(b.text)]
    reading = boilerplate.classify(reading, plain_text=False)
    return "\n".join(b.text for b in reading.blocks if b.kind in BODY_KINDS)


EXTRACTORS = {
    "casebook rules alone": rules_only,
    "trafilatura alone": with_trafilatura,
    "rules + trafilatura, blocks it drops": lambda html: hybrid(html, span=False),
    "rules + trafilatura, outside its span": lambda html: hybrid(html, span=True),
}


def normal(text: str) -> str:
    return " ".join(text.split()).lower()


def score(text: str, expected: dict) -> tuple[int, int, int, int]:
    """(with found, with total, without absent, without total)."""
    flat = normal(text)
    found = sum(normal(s) in flat for s in expected.get("with", []))
    absent = sum(normal(s) not in flat for s in expected.get("without", []))
    return found, len(expected.get("with", [])), absent, len(expected.get("without", []))


def main() -> None:
    parser = benchlib.arguments(__doc__, server=False)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args()
    data = json.loads((args.folder / "evaldata.json").read_text(encoding="utf-8"))
    pages = [(e, args.folder / "tests" / "eval" / e["file"]) for e in data.values()]
    pages = [(e, p) for e, p in pages if p.is_file()][: args.limit or None]
    totals = {name: [0, 0, 0, 0] for name in EXTRACTORS}
    times: dict[str, list[float]] = {name: [] for name in EXTRACTORS}
    for expected, path in pages:
        html, _ = decode(path.read_bytes())
        for name, extract in EXTRACTORS.items():
            text, seconds = benchlib.timed(extract, html)
            times[name].append(seconds)
            totals[name] = [a + b for a, b in zip(totals[name], score(text, expected), strict=True)]
    rows = []
    for name, (found, wanted, absent, unwanted) in totals.items():
        kept, dropped = found / wanted, absent / unwanted
        f1 = 2 * kept * dropped / (kept + dropped)
        seconds = benchlib.median(times[name])
        milliseconds = f"{seconds * 1000:.0f} ms"
        rows.append([name, f"{kept:.1%}", f"{dropped:.1%}", f"{f1:.3f}", milliseconds])
    report = benchlib.table(["extractor", "kept", "dropped", "F1", "median per page"], rows)
    note = (
        f"{len(pages)} pages of trafilatura's evaluation set. Rerun: "
        "`python bench/bench_html_extract.py FOLDER` (see the script's docstring)."
    )
    title = "HTML main text: rules against trafilatura"
    benchlib.publish(args, "html-extract", title, report, note)


if __name__ == "__main__":
    main()
