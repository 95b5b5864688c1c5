"""Ingest and tagging throughput on a generated ~1 MB article.

Run: python bench/bench_ingest.py [--size BYTES] [--samples N] [--keep DIR]

The article is built from the MINUSMA article's own sentences, reshuffled with a fixed
seed into ~1 MB of sections and paragraphs (plain text, headings as short lines), so it
has the vocabulary, lists and phrases the codebook is written for. Each sample runs
`python -m casebook ingest` on a fresh temporary content folder (a copy of
content/themes.yaml) and times the whole command, start-up included; then splits one
such run, in a fresh process set up as the command sets itself up, into importing the
pipeline, reading + drafting + writing + validating, and tagging for the summary; and
times tagging the ingested case alone in a fresh process, where the embedding model for
the nearest coded examples is loaded on first use.
Targets: 1 MB ingested and tagged in at most 2 s (issue 7); 1 MB tagged, model load
included, in at most 2 s (issue 11).

Then, in a section of its own, other inputs (bench/ingest_inputs.py): a 30-page report
PDF laid out like a UN report, a 1 MB web page (trafilatura and the rules both run),
and a page of 100,000 nested elements, each through the whole command; and any real
PDFs given with --pdf. Targets (issue 12): a 30-page report in at most 5 s, a 1 MB page
in at most 2 s, 100,000 nested elements in at most 5 s. --formats-only skips the text.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib  # noqa: E402
from casebook.ingest.readers import is_heading  # noqa: E402

SEED = 7
TARGET_SECONDS = 2.0
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def article_parts() -> tuple[list[str], list[str]]:
    """The seed article's headings and body sentences."""
    text = (benchlib.ROOT / "content" / "minusma" / "source" / "article.txt").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = lines[2:]  # after the title and the AI notice
    headings = [line for line in body if is_heading(line)]
    sentences = [s for line in body if not is_heading(line) for s in _SENTENCE.split(line)]
    return headings, sentences


def generate(size: int, seed: int = SEED) -> str:
    """A plain-text article of about ``size`` bytes: headings, then paragraphs of 2–5
    sentences drawn from the seed article."""
    rng = random.Random(seed)
    headings, sentences = article_parts()
    out = ["A Generated Case Study for Benchmarks", ""]
    length, part = 0, 0
    while length < size:
        part += 1
        for heading in headings:
            out += [f"Part {part}: {heading}", ""]
            for _ in range(rng.randint(2, 5)):
                paragraph = " ".join(rng.sample(sentences, rng.randint(2, 5)))
                out += [paragraph, ""]
                length += len(paragraph.encode("utf-8")) + 2
    return "\n".join(out)


def run_ingest(article: Path, workdir: Path) -> tuple[float, str]:
    content = workdir / "content"
    content.mkdir()
    benchlib.copy_codebook(content)
    command = [sys.executable, "-m", "casebook", "ingest", str(article), "--case", "bench"]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "--content", str(content)],
        cwd=benchlib.ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return time.perf_counter() - started, done.stdout


COLD_TAGGING = """
import sys, time
from casebook import coverage
from casebook.loader import load_content
content = load_content(sys.argv[1])
started = time.perf_counter()
coverage.paragraph_table([content.case("bench")], content.codebook)
print(time.perf_counter() - started)
"""


def cold_tagging(content: Path) -> float:
    """Seconds to tag every paragraph of the ingested case in a fresh process: loading the
    embedding model and the examples' vectors included (they load on first use)."""
    done = subprocess.run(
        [sys.executable, "-c", COLD_TAGGING, str(content)],
        cwd=benchlib.ROOT, capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    return float(done.stdout.strip().splitlines()[-1])


SPLIT = """
import os, sys, time
from pathlib import Path
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as casebook/__main__.py sets it
started = time.perf_counter()
from casebook.ingest import pipeline
imported = time.perf_counter()
done = pipeline.ingest(Path(sys.argv[1]), "bench", Path(sys.argv[2]))
ingested = time.perf_counter()
pipeline.summary(done)
ended = time.perf_counter()
print(imported - started, ingested - imported, ended - ingested)
print(len(done.case.paragraphs), done.case.words)
"""


def split_in_process(article: Path, workdir: Path) -> tuple[list[float], int, int]:
    """([seconds to import the pipeline; to read, draft, write and validate; to tag for
    the summary], paragraphs, words), in one fresh process."""
    content = workdir / "content-split"
    content.mkdir()
    benchlib.copy_codebook(content)
    done = subprocess.run(
        [sys.executable, "-c", SPLIT, str(article), str(content)],
        cwd=benchlib.ROOT, capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    times, counts = done.stdout.strip().splitlines()[-2:]
    paragraphs, words = (int(n) for n in counts.split())
    return [float(t) for t in times.split()], paragraphs, words


def main() -> None:
    parser = benchlib.arguments(__doc__, server=False)
    parser.add_argument("--size", type=int, default=1_000_000, help="article size in bytes")
    parser.add_argument("--samples", type=int, default=3, help="ingests to time")
    parser.add_argument("--keep", type=Path, help="also write the article to this path")
    parser.add_argument("--pdf", type=Path, action="append", default=[], help="a real PDF")
    parser.add_argument("--formats-only", action="store_true", help="skip the 1 MB text")
    args = parser.parse_args()
    if not args.formats_only:
        measure_text(args)
    measure_formats(args)


def measure_text(args) -> None:
    text = generate(args.size)
    began = load_line()
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as tmp:
        work = Path(tmp)
        article = work / "article.txt"
        article.write_text(text, encoding="utf-8")
        if args.keep:
            args.keep.write_text(text, encoding="utf-8")
        size = article.stat().st_size
        walls, colds = [], []
        for index in range(args.samples):
            sample = work / f"s{index}"
            sample.mkdir()
            seconds, _out = run_ingest(article, sample)
            walls.append(seconds)
            colds.append(cold_tagging(sample / "content"))
            print(
                f"  ingest {index + 1}/{args.samples}: {seconds:.2f} s; tagging {colds[-1]:.2f} s"
            )
        (importing, reading, tagging), paragraphs, words = split_in_process(article, work)

    wall, cold = benchlib.median(walls), benchlib.median(colds)
    rows = [
        ["article", f"{size / 1e6:.2f} MB, {paragraphs:,} paragraphs, {words:,} words"],
        ["`python -m casebook ingest`, whole command (median)", f"{wall:.2f} s"],
        ["  samples", ", ".join(f"{w:.2f}" for w in walls)],
        ["  one process, split: importing the pipeline", f"{importing:.2f} s"],
        ["  one process, split: read, draft, write, validate", f"{reading:.2f} s"],
        ["  one process, split: tagging, model load included", f"{tagging:.2f} s"],
        ["tagging alone in a fresh process, model load included (median)", f"{cold:.2f} s"],
        ["throughput, whole command", f"{size / 1e6 / wall:.2f} MB/s"],
        ["tagging alone", f"{words / tagging:,.0f} words/s"],
        [
            "target: ≤ 2 s for 1 MB, whole command",
            benchlib.verdict(wall <= TARGET_SECONDS * size / 1e6),
        ],
        [
            "target: ≤ 2 s to tag 1 MB, model load included",
            benchlib.verdict(cold <= TARGET_SECONDS * size / 1e6),
        ],
    ]
    report = benchlib.table(["measure", "value"], rows)
    note = (
        f"{began}\n\nThe whole command forks its helper process on two cores "
        "(casebook/ingest/helper.py); the split is one run of the same steps in one "
        "process, without it.\n\nRerun: `python bench/bench_ingest.py` (`--samples`, `--size`)."
    )
    benchlib.publish(args, "ingest", "Ingest and tagging, ~1 MB article", report, note)


def timed_ingest(name: str, data: bytes, samples: int) -> tuple[float, list[float]]:
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as tmp:
        article = Path(tmp) / name
        article.write_bytes(data)
        walls = []
        for index in range(samples):
            sample = Path(tmp) / f"s{index}"
            sample.mkdir()
            walls.append(run_ingest(article, sample)[0])
    return benchlib.median(walls), walls


def load_line() -> str:
    one, five, _ = os.getloadavg()
    return (
        f"Load average as the run began: {one:.2f} (1 min), {five:.2f} (5 min) on "
        f"{os.cpu_count()} cores: other work on the machine lengthens these times."
    )


def measure_formats(args) -> None:
    from bench import ingest_inputs

    inputs = [
        ("report.pdf", ingest_inputs.report_pdf(30), "30-page report PDF (generated)", 5.0),
        ("page.html", ingest_inputs.web_page().encode(), "1 MB web page", 2.0),
        ("article.txt", generate(1_000_000).encode(), "the same text as plain text", 2.0),
        ("nested.html", ingest_inputs.nested_page().encode(), "100,000 nested elements", 5.0),
        *[(p.name, p.read_bytes(), f"real PDF {p.name}", 5.0) for p in args.pdf],
    ]
    rows = []
    for name, data, label, target in inputs:
        wall, walls = timed_ingest(name, data, args.samples)
        print(f"  {label}: {wall:.2f} s")
        samples = ", ".join(f"{w:.2f}" for w in walls)
        verdict = benchlib.verdict(wall <= target)
        rows.append([label, f"{len(data) / 1e6:.2f} MB", f"{wall:.2f} s", samples, verdict])
    headers = ["input", "size", "whole command (median)", "samples", "target"]
    report = benchlib.table(headers, rows)
    note = (
        f"{load_line()}\n\n"
        "Targets: report ≤ 5 s, 1 MB page ≤ 2 s, nesting ≤ 5 s, each the "
        "whole `python -m casebook ingest` command, start-up and tagging included. "
        "Rerun: `python bench/bench_ingest.py --formats-only [--pdf REPORT.pdf]`."
    )
    title = "Ingest: PDF, web page, deep nesting"
    benchlib.publish(args, "ingest-formats", title, report, note)


if __name__ == "__main__":
    main()
