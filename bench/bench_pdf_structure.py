"""PDF structure on real UN reports: numbered headings, text-box tables, maps, figures.

Run: python bench/bench_pdf_structure.py FOLDER [--no-write]

FOLDER holds UN reports as PDF (we used the CC0 repository github.com/flixi67/PACT-ML,
data/og_reports/: S/2019/198 (MINUJUSTH), S/2004/669 (UNMISET), S/2011/514 (UNMIK) and
a random sample of 40 more; scans without a text layer are skipped). For each report with
a text layer it counts what casebook/ingest/pdfreader.py makes of it: the numbered
headings below "A." ("1. Support to ...", listed under the table, to be checked by eye),
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
from casebook.ingest.pdfheadings import NUMBERED  # noqa: E402
from casebook.ingest.pdflines import read_lines  # noqa: E402
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


def main() -> None:
    parser = benchlib.arguments(__doc__, server=False)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    rows, headings, pages = [], [], []
    for path in sorted(args.folder.glob("*.pdf")):
        data = path.read_bytes()
        try:
            blocks = pdfreader.read_pdf(data, path.name).blocks
        except IngestError:
            continue
        numbered = [b.text for b in blocks if b.kind == "heading" and NUMBERED.match(b.text)]
        headings += [f"{path.stem}: {text}" for text in numbered]
        tables = sum(b.kind == "table" for b in blocks)
        captions = [b for b in blocks if b.kind == "caption"]
        figures = sum(b.text.startswith("Figure on page") for b in captions)
        pages += [f"{path.stem} p.{page} {share:.2f}" for page, share in label_pages(data)]
        rows.append([path.stem, len(numbered), tables, len(captions) - figures, figures])
    report = benchlib.table(
        ["report", "numbered headings", "tables", "label captions", "figures noted"], rows
    )
    note = (
        f"{len(rows)} reports with a text layer. Pages of scattered labels, with the share "
        "of their lines on a left edge shared by four lines or more (a table's from 0.9): "
        + "; ".join(pages)
        + ".\n\n"
        "Numbered headings found: " + "; ".join(headings) + ".\n\nRerun: "
        "`python bench/bench_pdf_structure.py FOLDER` (see the script's docstring)."
    )
    benchlib.publish(args, "pdf-structure", "PDF structure on real UN reports", report, note)


if __name__ == "__main__":
    main()
