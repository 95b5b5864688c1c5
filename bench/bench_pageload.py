"""Page load in headless Chromium, against a bare Streamlit page, alternating in one run.

Run: python bench/bench_pageload.py [--samples 15]

Four servers on loopback: the dashboard, bench/apps/bare_title.py (only a title),
bench/apps/bare_chart.py (a title and one small Plotly chart) and
bench/apps/overview_charts.py (a title and the overview's charts, to tell what the
charts cost from what the rest of the app costs). After a warm-up visit to
each page (which also counts its charts), every sample opens each page in a cold browser
context (no cache), in an order that rotates from sample to sample, and records the time
from navigation to the first heading and to fully drawn (see bench/browser.py). Medians,
and ratios to the references: first heading against the bare title page, fully drawn
against the bare chart page (Plotly's bundle alone weighs on any page with a chart).
"Long tasks" sums the browser main thread's tasks over 50 ms until drawn: the part of the
wait spent in the browser's own work (scripts, layout, Plotly drawing).

Targets (issue 7): overview first heading ≤ 1.2 × bare title; overview fully drawn ≤ 1.3 ×
bare chart. Issue 14: the overview fully drawn no more than 10% slower than the 1.32 ×
measured when it was filed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib, browser  # noqa: E402

NOTE = benchlib.conditions()  # read as the script starts, before it loads the machine

# (name, server, path): the references first, then one page of each kind.
PAGES = [
    ("bare title", "title", "/"),
    ("bare chart", "chart", "/"),
    ("overview charts", "charts", "/"),
    ("overview", "app", "/"),
    ("section", "app", "/security-improvements"),
    ("theme", "app", "/theme-security"),
    ("search", "app", "/search?q=insurgen*"),
    ("facts", "app", "/facts"),
]
SERVERS = {
    "app": benchlib.dashboard(),
    "title": benchlib.APPS / "bare_title.py",
    "chart": benchlib.APPS / "bare_chart.py",
    "charts": benchlib.APPS / "overview_charts.py",
}


def run(samples: int, flags: list[str]) -> dict[str, dict[str, list[float]]]:
    started = {key: benchlib.start_streamlit(script, *flags) for key, script in SERVERS.items()}
    urls = {name: started[server][0] + path for name, server, path in PAGES}
    times = {name: {"heading": [], "drawn": [], "busy": []} for name in urls}
    try:
        with browser.chromium() as chromium:
            charts = {name: browser.charts_on(chromium, url) for name, url in urls.items()}
            print("charts per page:", charts)
            for sample in range(samples):
                order = PAGES[sample % len(PAGES) :] + PAGES[: sample % len(PAGES)]
                for name, _, _ in order:
                    with browser.cold_page(chromium, charts[name]) as page:
                        record = browser.load(page, urls[name])
                    times[name]["heading"].append(record["heading"])
                    times[name]["drawn"].append(record["drawn"])
                    times[name]["busy"].append(record["busy"])
                print(f"  sample {sample + 1}/{samples} done")
    finally:
        for _, process in started.values():
            benchlib.stop(process)
    return times


def report(times: dict[str, dict[str, list[float]]]) -> tuple[str, str]:
    med = {n: {k: benchlib.median(v) for k, v in t.items()} for n, t in times.items()}
    title, chart = med["bare title"]["heading"], med["bare chart"]["drawn"]
    rows = [
        [
            name,
            len(times[name]["heading"]),
            f"{m['heading']:.0f}",
            f"{m['heading'] / title:.2f}",
            f"{m['drawn']:.0f}",
            f"{m['drawn'] / chart:.2f}",
            f"{benchlib.percentile(times[name]['drawn'], 0.9):.0f}",
            f"{m['busy']:.0f}",
        ]
        for name, m in med.items()
    ]
    headers = [
        "page", "samples", "first heading ms (median)", "÷ bare title",
        "fully drawn ms (median)", "÷ bare chart", "fully drawn p90 ms",
        "long tasks ms (median)",
    ]  # fmt: skip
    heading = med["overview"]["heading"] / title
    drawn = med["overview"]["drawn"] / chart
    verdict = (
        f"- overview first heading ≤ 1.2 × bare title: {benchlib.verdict(heading <= 1.2)} "
        f"({heading:.2f})\n"
        f"- overview fully drawn ≤ 1.3 × bare chart: {benchlib.verdict(drawn <= 1.3)} "
        f"({drawn:.2f})\n"
        f"- overview fully drawn no more than 10% slower than when issue 14 was filed "
        f"(1.32 × bare chart, so ≤ 1.45): {benchlib.verdict(drawn <= 1.32 * 1.1)} ({drawn:.2f})"
    )
    return benchlib.table(headers, rows), verdict


def main() -> None:
    parser = benchlib.arguments(__doc__)
    parser.add_argument("--samples", type=int, default=15, help="cold loads of each page")
    args = parser.parse_args()
    if not 1 <= args.samples <= 100:
        parser.error("bounded: 1 to 100 samples")
    table, verdict = report(run(args.samples, args.server_flag))
    print(f"\n{table}\n{verdict}")
    if not args.no_write:
        body = (
            f"Headless Chromium ({benchlib.CHROMIUM}), a cold context per sample, pages in "
            f"rotating order within each sample. {NOTE}\n\n{table}\n\n"
            f"Targets:\n{verdict}\n\nRerun: `python bench/bench_pageload.py` (`--samples`)."
        )
        benchlib.write_section("pageload", "Page load in the browser", body)


if __name__ == "__main__":
    main()
