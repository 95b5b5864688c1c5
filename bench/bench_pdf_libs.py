"""PDF text libraries compared on real UN reports: words kept, reading order, speed.

Run: python bench/bench_pdf_libs.py FOLDER [--no-write]

FOLDER holds text PDFs (we used UN Secretary-General reports, e.g. S/2010/200, from the
CC0 repository github.com/flixi67/PACT-ML, data/og_reports/). Poppler's ``pdftotext``
(poppler-utils) is the reference. For each library and file:

- words kept: the share of pdftotext's words (multiset of letter-and-digit words) that the
  library's text also has;
- order: the share of pdftotext's 6-word runs found as runs in the library's text (a
  library that reads columns, lines or footnotes out of order loses runs);
- seconds: the median of three extractions of every page.

Then casebook's own reading (casebook/ingest/pdfreader.py, on pypdfium2) of each file is
checked the same way: the share of pdftotext's words, less the running heads and feet
it drops, found in the case it writes (section files and case.yaml).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib  # noqa: E402
from casebook.ingest.blocks import words  # noqa: E402


def with_pypdfium2(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def with_pypdf(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)


def with_pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def with_pdftotext(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return done.stdout


LIBRARIES = {"pypdfium2": with_pypdfium2, "pypdf": with_pypdf, "pdfplumber": with_pdfplumber}


def _norm(text: str) -> list[str]:
    return [w.lower() for w in words(text.replace("-\n", ""))]


def _flat(text: str) -> list[str]:
    """Words with every hyphen dropped: a line-end hyphen mended or kept counts the same."""
    return [w.lower() for w in words(text.replace("-\n", "").replace("-", ""))]


def kept(reference: list[str], text: list[str]) -> float:
    want, have = Counter(reference), Counter(text)
    return sum(min(n, have[w]) for w, n in want.items()) / max(1, sum(want.values()))


def order(reference: list[str], text: list[str], n: int = 6) -> float:
    runs = {tuple(text[i : i + n]) for i in range(len(text) - n + 1)}
    ref = [tuple(reference[i : i + n]) for i in range(0, len(reference) - n + 1, n)]
    return sum(r in runs for r in ref) / max(1, len(ref))


def case_kept(path: Path, reference: str) -> tuple[float, int]:
    """(share of pdftotext's body words in the written case, words missing)."""
    from casebook.ingest import pipeline

    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as tmp:
        content = Path(tmp)
        benchlib.copy_codebook(content)
        done = pipeline.ingest(path, "bench", content)
        files = [*sorted((content / "bench").glob("*.md")), content / "bench" / "case.yaml"]
        written = Counter(_flat(" ".join(f.read_text(encoding="utf-8") for f in files)))
    furniture = " ".join(b.text for b in done.reading.blocks if b.kind == "boilerplate")
    wanted = Counter(_flat(reference)) - Counter(_flat(furniture))
    missing = sum((wanted - written).values())
    return 1 - missing / max(1, sum(wanted.values())), missing


def main() -> None:
    parser = benchlib.arguments(__doc__, server=False)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    rows, totals = [], {name: [0.0, 0.0, 0.0] for name in LIBRARIES}
    files = sorted(args.folder.glob("*.pdf"))
    for path in files:
        reference = _norm(with_pdftotext(path))
        for name, read in LIBRARIES.items():
            text, seconds = benchlib.timed(read, path, repeat=3)
            got = _norm(text)
            k, o = kept(reference, got), order(reference, got)
            for i, v in enumerate((k, o, seconds)):
                totals[name][i] += v
            rows.append([path.name, name, f"{k:.1%}", f"{o:.1%}", f"{seconds:.3f}"])
            print(rows[-1])
    kept_rows = []
    for path in files:
        share, missing = case_kept(path, with_pdftotext(path))
        kept_rows.append([path.name, f"{share:.2%}", str(missing)])
    n = max(1, len(files))
    for name, (k, o, s) in totals.items():
        rows.append(["**mean**", name, f"{k / n:.1%}", f"{o / n:.1%}", f"{s / n:.3f}"])
    report = benchlib.table(["file", "library", "words kept", "order", "seconds"], rows)
    report += "\n\ncasebook's reading of each file (running heads and feet left out):\n\n"
    report += benchlib.table(["file", "body words in the case", "missing"], kept_rows)
    note = (
        f"{benchlib.conditions()}\n\nReference: poppler's `pdftotext`. Rerun: "
        "`python bench/bench_pdf_libs.py FOLDER` (see the script's docstring for the files)."
    )
    benchlib.publish(args, "pdf-libs", "PDF libraries on UN reports", report, note)


if __name__ == "__main__":
    main()
