"""PDF structure on real UN reports: headings, text-box tables, maps, figures.

Run: python bench/bench_pdf_structure.py FOLDER [--no-write] [--headings FILE]

FOLDER holds UN reports as PDF (we used the CC0 repository github.com/flixi67/PACT-ML,
data/og_reports/: its 328 reports of 470 where pdftotext finds more than 300 words on the
first three pages, 1989 to 2019, many typed in Courier in the 1990s, some scans read by
OCR; scans without a text layer are skipped). For each report with
a text layer it counts what casebook/ingest/pdfreader.py makes of it: the headings, those with no
number ("Police monitoring", written with every report's name to ``--headings FILE``, to
be read by eye), the paragraphs and the share of them in the largest section (one or two
huge sections: headings lost), the numbered headings below "A." ("1. Support to ...",
listed under the table, to be checked by eye),
the pages read as text-box tables, the pages of map labels kept as one caption, and the
figures noted under a heading; and, over all pages of scattered labels, the share of
lines standing on a shared left edge (the test that tells a table from a map).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib  # noqa: E402
from casebook.ingest import pdfboxes, pdfreader  # noqa: E402
from casebook.ingest.pdfheadings import ANNEX, LETTER, NUMBERED, ROMAN  # noqa: E402
from casebook.ingest.pdflines import read_lines  # noqa: E402
from casebook.ingest.sectionfiles import settle_guessed_headings  # noqa: E402
from casebook.ingest.source import IngestError  # noqa: E402


def aligned_share(lines) -> float:
    edges = pdfboxes._edges(lines)  # noqa: SLF001 - the measure the rule uses
    on_edge = sum(any(abs(ln.x - e) <= pdfboxes._EDGE for e in edges) for ln in lines)  # noqa: SLF001
    return on_edge / len(lines)


def label_pages(data: bytes) -> list[tuple[int, float]]:
    """(page, aligned share) of each page of scattered labels (15 lines or more, few
    sentences): a table's or a map's, to be told apart by eye in the PDF."""
    lines, _ = read_lines(data, "report")
    dropped = pdfreader.furniture(lines)
    shares = []
    for page in sorted({ln.page for ln in lines}):
        body = [ln for i, ln in enumerate(lines) if ln.page == page and i not in dropped]
        prose = sum(len(ln.text.split()) >= 6 or len(ln.cells) > 1 for ln in body)
        if len(body) >= 15 and prose < 0.2 * len(body):
            shares.append((page, aligned_share(body)))
    return shares


def unnumbered(text: str) -> bool:
    return not any(rule.match(text) for rule in (ANNEX, LETTER, NUMBERED, ROMAN))


def largest_share(blocks) -> float:
    """The share of the paragraphs that stand in the largest section."""
    counts = [0]
    for block in blocks:
        if block.kind == "heading":
            counts.append(0)
        counts[-1] += block.kind == "paragraph"
    return max(counts) / max(1, sum(counts))


HEADERS = ["report", "headings", "unnumbered headings", "paragraphs", "largest section",
           "numbered headings", "tables", "label captions", "figures noted"]  # fmt: skip


def totals(rows: list[list]) -> list:
    """The sums, and the median share of the largest section."""
    shares = sorted(float(row[4]) for row in rows)
    sums = [sum(row[k] for row in rows) for k in range(5, 9)]
    heads = [sum(row[k] for row in rows) for k in (1, 2, 3)]
    return ["all (sum; median share)", *heads, f"{shares[len(shares) // 2]:.2f}", *sums]


def main() -> None:
    parser = benchlib.arguments(__doc__, server=False)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--headings", type=Path, help="write the unnumbered headings here")
    args = parser.parse_args()
    rows, headings, pages, plain = [], [], [], []
    for path in sorted(args.folder.glob("*.pdf")):
        data = path.read_bytes()
        try:
            blocks = pdfreader.read_pdf(data, path.name).blocks
        except IngestError:
            continue
        settle_guessed_headings(blocks)  # as the case's sections are drafted
        numbered = [b.text for b in blocks if b.kind == "heading" and NUMBERED.match(b.text)]
        all_headings = [b.text for b in blocks if b.kind == "heading"]
        plain += [f"{path.stem}\t{text}" for text in all_headings if unnumbered(text)]
        paragraphs = sum(b.kind == "paragraph" for b in blocks)
        headings += [f"{path.stem}: {text}" for text in numbered]
        tables = sum(b.kind == "table" for b in blocks)
        captions = [b for b in blocks if b.kind == "caption"]
        figures = sum(b.text.startswith("Figure on page") for b in captions)
        pages += [f"{path.stem} p.{page} {share:.2f}" for page, share in label_pages(data)]
        rows.append([path.stem, len(all_headings), sum(unnumbered(h) for h in all_headings),
                     paragraphs, f"{largest_share(blocks):.2f}", len(numbered), tables,
                     len(captions) - figures, figures])  # fmt: skip
    if args.headings:
        args.headings.write_text("\n".join(plain) + "\n")
    report = benchlib.table(HEADERS, [*rows, totals(rows)])
    note = (
        f"{len(rows)} reports with a text layer; "
        f"{sum(float(row[4]) > 0.5 for row in rows)} with more than half of their paragraphs "
        "in one section. Pages of scattered labels, with the share "
        "of their lines on a left edge shared by four lines or more (a table's from 0.9): "
        + "; ".join(pages)
        + ".\n\n"
        "Numbered headings found: " + "; ".join(headings) + ".\n\nRerun: "
        "`python bench/bench_pdf_structure.py FOLDER` (see the script's docstring)."
    )
    benchlib.publish(args, "pdf-structure", "PDF structure on real UN reports", report, note)


if __name__ == "__main__":
    main()
