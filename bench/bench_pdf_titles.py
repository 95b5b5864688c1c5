"""Titles of real UN reports: what the PDF reader finds against titles catalogued apart.

Run: python bench/bench_pdf_titles.py FOLDER [--against DIR] [--no-write]

FOLDER holds the reports of bench/pdf_titles_gold.yaml (data/og_reports/ of the CC0
repository github.com/flixi67/PACT-ML, searched below it for each file name). Each
report's title is read with casebook/ingest/pdfreader.py, its symbol taken off the end,
and compared with the catalogued one, per split: "held" reports were not looked at while
the rules were written and give the result; "tune" ones were. Over every report in
FOLDER with a text layer, it also counts those left with no title and those whose title is
in capitals. --against DIR reads them with another checkout's reader as well (an older
build), side by side.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib  # noqa: E402

GOLD = Path(__file__).with_name("pdf_titles_gold.yaml")
# Run in the checkout being measured: {file name: title found, or None}
_READ = """
import json, sys
from casebook.ingest.pdfreader import read_pdf
from casebook.ingest.source import IngestError
found = {}
for path in json.loads(sys.stdin.read()):
    try:
        found[path.rsplit("/", 1)[-1]] = read_pdf(open(path, "rb").read(), path).meta.get("title")
    except IngestError:  # no text layer (a scan), damaged: not counted
        pass
print(json.dumps(found))
"""
_SYMBOL = re.compile(r"^(.*) \(([A-Z]{1,5}/[^()]*)\)$")


def read_titles(checkout: Path, paths: list[Path]) -> dict[str, str | None]:
    done = subprocess.run(
        [sys.executable, "-c", _READ], input=json.dumps([str(p) for p in paths]),
        cwd=checkout, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def _words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(found: str, wanted: str) -> float:
    common = sum((_words(found) & _words(wanted)).values())
    if not common:
        return 0.0
    precision, recall = common / sum(_words(found).values()), common / sum(_words(wanted).values())
    return 2 * precision * recall / (precision + recall)


def corpus(found: dict[str, str | None]) -> list:
    """Over every report read: how many, with no title, with a title in capitals."""
    titles = [_SYMBOL.sub(r"\1", t) for t in found.values() if t]
    capitals = sum(t.isupper() for t in titles)
    return [len(found), len(found) - len(titles), capitals]


def scores(found: dict[str, str | None], gold: dict, split: str) -> list:
    names = [name for name, row in gold.items() if row["split"] == split]
    titled = exact = uncased = 0
    f1 = 0.0
    for name in names:
        title = found.get(name)
        if not title:
            continue
        match = _SYMBOL.match(title)
        title, wanted = " ".join((match[1] if match else title).split()), gold[name]["title"]
        titled += 1
        exact += title == wanted
        uncased += title.lower() == wanted.lower()
        f1 += token_f1(title, wanted)
    n = len(names)
    return [split, n, titled, f"{exact} ({exact / n:.0%})", f"{uncased} ({uncased / n:.0%})",
            f"{f1 / n:.3f}"]  # fmt: skip


HEADERS = ["build", "split", "reports", "titled", "exact", "same but for case", "word F1"]
CORPUS = ["build", "reports in FOLDER with a text layer", "no title", "title in capitals"]


def main() -> None:
    import yaml  # noqa: PLC0415 - a bench dependency only

    parser = benchlib.arguments(__doc__, server=False)
    parser.add_argument("folder", type=Path)
    benchlib.add_against(parser)
    args = parser.parse_args()
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    paths = {p.name: p for p in args.folder.rglob("*.pdf")}
    missing = sorted(set(gold) - set(paths))
    if missing:
        parser.error(f"not in {args.folder}: {', '.join(missing[:5])} ...")
    builds = [("this build", benchlib.ROOT), *[(str(d), d) for d in args.against]]
    rows, counts = [], []
    for label, checkout in builds:
        found = read_titles(checkout.resolve(), sorted(paths.values()))
        rows += [[label, *scores(found, gold, split)] for split in ("held", "tune")]
        counts.append([label, *corpus(found)])
    report = benchlib.table(HEADERS, rows) + "\n\n" + benchlib.table(CORPUS, counts)
    note = (
        f"{len(gold)} reports of `bench/pdf_titles_gold.yaml` (how they were drawn, coded and "
        "split is written at its top). A title is the reader's `title` without the symbol "
        'it appends; "exact" is the catalogued title word for word, "same but for case" '
        'ignores capitals, "word F1" is the mean overlap of words, a report with no title '
        "counting 0. The second table counts every report of FOLDER the reader can read.\n\n"
        "Rerun: `python bench/bench_pdf_titles.py FOLDER [--against DIR]`."
    )
    benchlib.publish(args, "pdf-titles", "Titles of real UN reports", report, note)


if __name__ == "__main__":
    main()
