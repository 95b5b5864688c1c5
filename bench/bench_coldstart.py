"""A cold server's first page load in headless Chromium, against a bare chart page's.

Run: python bench/bench_coldstart.py [--samples 8]

Each sample starts a new server (nothing imported, nothing cached: the first visit pays
for the page's modules, reading the content and building its tables and charts), waits
until it answers its health check, opens the page once in a cold browser context and
records the time from navigation to the first heading and to fully drawn (see
bench/browser.py), then stops the server. The dashboard's overview and
bench/apps/bare_chart.py (a title and one small Plotly chart) alternate from sample to
sample. How many charts each page draws is counted first, on a server of its own that is
then stopped, so that the samples wait for every chart.

Target (issue 15): a cold server's first overview load ≤ 1.5 × a cold bare chart page's.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib, browser  # noqa: E402

NOTE = benchlib.conditions()  # read as the script starts, before it loads the machine
PAGES = {"overview": benchlib.dashboard(), "bare chart": benchlib.APPS / "bare_chart.py"}
TARGET = 1.5


def count_charts(chromium, script: Path, flags: list[str]) -> int:
    url, process = benchlib.start_streamlit(script, *flags)
    try:
        return browser.charts_on(chromium, url + "/")
    finally:
        benchlib.stop(process)


def first_load(chromium, script: Path, charts: int, flags: list[str]) -> dict[str, float]:
    """Start a server, load its page once: seconds to healthy, ms to heading and drawn."""
    began = time.perf_counter()
    url, process = benchlib.start_streamlit(script, *flags)
    healthy = time.perf_counter() - began
    try:
        with browser.cold_page(chromium, charts) as page:
            record = browser.load(page, url + "/")
    finally:
        benchlib.stop(process)
    return {"start": healthy, "heading": record["heading"], "drawn": record["drawn"]}


def run(samples: int, flags: list[str]) -> dict[str, list[dict[str, float]]]:
    found: dict[str, list[dict[str, float]]] = {name: [] for name in PAGES}
    with browser.chromium() as chromium:
        charts = {name: count_charts(chromium, script, flags) for name, script in PAGES.items()}
        print("charts per page:", charts)
        names = list(PAGES)
        for sample in range(samples):
            for name in names if sample % 2 == 0 else names[::-1]:
                found[name].append(first_load(chromium, PAGES[name], charts[name], flags))
            print(f"  sample {sample + 1}/{samples} done")
    return found


def report(found: dict[str, list[dict[str, float]]]) -> tuple[str, str]:
    def med(name: str, key: str) -> float:
        return benchlib.median([sample[key] for sample in found[name]])

    bare = med("bare chart", "drawn")
    rows = [
        [
            name,
            len(samples),
            f"{med(name, 'start'):.2f}",
            f"{med(name, 'heading'):.0f}",
            f"{med(name, 'drawn'):.0f}",
            f"{med(name, 'drawn') / bare:.2f}",
            ", ".join(f"{sample['drawn']:.0f}" for sample in samples),
        ]
        for name, samples in found.items()
    ]
    headers = [
        "page", "cold servers", "server start → healthy s", "first heading ms",
        "fully drawn ms", "÷ bare chart", "fully drawn, each sample",
    ]  # fmt: skip
    ratio = med("overview", "drawn") / bare
    verdict = (
        f"- overview's first load on a cold server ≤ {TARGET} × the bare chart page's "
        f"(issue 15): {benchlib.verdict(ratio <= TARGET)} ({ratio:.2f})"
    )
    return benchlib.table(headers, rows), verdict


def main() -> None:
    parser = benchlib.arguments(__doc__)
    parser.add_argument("--samples", type=int, default=8, help="cold servers per page")
    args = parser.parse_args()
    if not 1 <= args.samples <= 50:
        parser.error("bounded: 1 to 50 samples")
    table, verdict = report(run(args.samples, args.server_flag))
    print(f"\n{table}\n{verdict}")
    if not args.no_write:
        body = (
            f"A new server per sample, pages alternating. {NOTE}\n\n{table}\n\n"
            f"Target:\n{verdict}\n\n"
            "Rerun: `python bench/bench_coldstart.py` (`--samples`)."
        )
        benchlib.write_section("coldstart", "A cold server's first page load", body)


if __name__ == "__main__":
    main()
