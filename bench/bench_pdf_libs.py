"""PDF text libraries compared on real UN reports: words kept, reading order, speed.

Run: python bench/bench_pdf_libs.py FOLDER [--no-write]

FOLDER holds text PDFs (we used UN Secretary-General reports, e.g. S/2010/200, from the
CC0 repository github.com/flixi67/PACT-ML, data/og_reports/; the files of the last run
are listed in its section of RESULTS.md). Poppler's ``pdftotext``
(poppler-utils) is the reference. For each library and file:

- words kept: the share of pdftotext's words (multiset of letter-and-digit words) that the
  library's text also has;
- order: the share of pdftotext's 6-word runs found as runs in the library's text (a
  library that reads columns, lines or footnotes out of order loses runs);
- seconds: the median of three extractions of every page.

Then casebook's own reading (casebook/ingest/pdfreader.py, on pypdfium2) of each file is
checked the same way: the share of pdftotext's words, less the running heads and feet
it drops, found in the case it writes (section files and case.yaml). And word by word:
pdftotext's body words (letters and digits, lower-cased) that casebook's blocks do not
have, counted as a multiset ("words differing from pdftotext"). Aligning the two texts
sorts the runs of up to four words that differ only in where words part:

- pdftotext splits: pdftotext reads one word as two or more (letter-spaced type, "cri
  sis", "simu ltaneously"): fragments, not words it reads elsewhere in the report;
- pdftotext joins: pdftotext reads a line-end hyphen as a break inside one word
  ("fulltime" for "full-time") or a marker into its word ("221" for 22 and a raised 1),
  where casebook's text keeps the hyphen or the marker;
- casebook glues: casebook's one word is two words pdftotext reads elsewhere too, or
  has a capital after a small letter inside it ("PitsundaGudauta");
- casebook splits: the other runs where casebook has more words than pdftotext.

What is left ("other") are words read differently or elsewhere (tables, map labels).
"""

from __future__ import annotations

import difflib
import re
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


def case_kept(path: Path, reference: str) -> tuple[float, int, list]:
    """(share of pdftotext's body words in the written case, words missing, the blocks)."""
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
    return 1 - missing / max(1, sum(wanted.values())), missing, done.reading.blocks


def _words(text: str) -> list[str]:
    return [w.lower() for w in words(text)]


def _glued(pieces: list[str], vocabulary: Counter, text: str) -> bool:
    """Whether casebook's one word is two: a capital right after a small letter inside it
    ("PitsundaGudauta"), or pieces of three letters or more that pdftotext reads as words
    elsewhere too (pdftotext's splits of letter-spaced type leave fragments: "simu
    ltaneously", "demand s")."""
    inside = re.search(r"[a-z][A-Z]", "".join(pieces))
    camel = re.search(r"(?i)" + r"".join(map(re.escape, pieces)), text)
    whole = camel is not None and re.search(r"[a-z][A-Z]", camel[0]) is not None
    words_elsewhere = all(len(p) >= 3 and vocabulary[p] > 1 for p in pieces)
    return bool(inside) or whole or words_elsewhere


def _kind(ref: list[str], ours: list[str], vocabulary: Counter, text: str) -> str:
    """Which side parts a run of words wrongly, the two runs having the same letters."""
    if len(ref) > len(ours):
        return "casebook glues" if _glued(ref, vocabulary, text) else "pdftotext splits"
    raw = text.lower()
    hyphen = r"-\s*".join(map(re.escape, ours))
    marker = r"\W*".join(map(re.escape, ours[:-1])) + r"\[" + re.escape(ours[-1])
    if re.search(hyphen, raw) or re.search(marker, raw):
        return "pdftotext joins"
    return "casebook splits"


KINDS = ["pdftotext splits", "pdftotext joins", "casebook glues", "casebook splits"]


def word_differences(reference: str, blocks) -> Counter:
    """pdftotext's body words casebook's blocks lack ("differing"), and the words of the
    runs that differ only in where words part, by kind (see the docstring)."""
    furniture = _words(" ".join(b.text for b in blocks if b.kind == "boilerplate"))
    text = " ".join(b.text for b in blocks if b.kind != "boilerplate")
    ref, ours = _words(reference), _words(text)
    body = Counter(ref) - Counter(furniture)
    out = Counter(differing=sum((body - Counter(ours)).values()), body=sum(body.values()))
    matcher = difflib.SequenceMatcher(None, ref, ours, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        a, b = ref[a1:a2], ours[b1:b2]
        if op == "replace" and len(a) <= 4 and len(b) <= 4 and "".join(a) == "".join(b):
            out[_kind(a, b, Counter(ref), text)] += len(a)
    return out


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
        share, missing, blocks = case_kept(path, with_pdftotext(path))
        differences = word_differences(with_pdftotext(path), blocks)
        differing = f"{differences['differing']} of {differences['body']}"
        kinds = [str(differences[kind]) for kind in KINDS]
        kept_rows.append([path.name, f"{share:.2%}", str(missing), differing, *kinds])
        print(kept_rows[-1])
    n = max(1, len(files))
    for name, (k, o, s) in totals.items():
        rows.append(["**mean**", name, f"{k / n:.1%}", f"{o / n:.1%}", f"{s / n:.3f}"])
    report = benchlib.table(["file", "library", "words kept", "order", "seconds"], rows)
    report += "\n\ncasebook's reading of each file (running heads and feet left out):\n\n"
    report += benchlib.table(
        ["file", "body words in the case", "missing", "words differing from pdftotext",
         *(f"of which {kind}" for kind in KINDS)],
        kept_rows,
    )  # fmt: skip
    note = (
        f"{benchlib.conditions()}\n\nWords differing: pdftotext's body words (letters and "
        "digits, lower-cased; running heads and feet left out) that casebook's blocks lack. "
        "Of which: words of runs that differ only in where words part, by which side is "
        "wrong (pdftotext splits letter-spaced words and drops line-end hyphens of "
        "compounds; casebook glues or splits).\n\nReference: poppler's `pdftotext`. Rerun: "
        "`python bench/bench_pdf_libs.py FOLDER` (see the script's docstring for the files)."
    )
    benchlib.publish(args, "pdf-libs", "PDF libraries on UN reports", report, note)


if __name__ == "__main__":
    main()
