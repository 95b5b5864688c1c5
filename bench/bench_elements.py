"""What one element costs Streamlit on a filter change, and how many issue 15's targets allow.

Run: python bench/bench_elements.py [--counts 0 20 40 60] [--sessions 50] [--reruns 20]
                                    [--rounds 2] [--samples 6]

bench/apps/bare_filter.py, the bare filter app, draws N short Markdown elements more when
its environment says so (CASEBOOK_BENCH_ELEMENTS), the same on every rerun: the cheapest
element there is, so the figures are a floor for what any element costs. For each N, and
for the dashboard's overview and section page, on loopback with the same server settings:

- deltas: the elements and blocks a filter change sends (ForwardMsg deltas, counted by
  bench/stclient.py), the median over three filter changes;
- server: ``--sessions`` sessions changing the filter back to back, ``--reruns`` each, as
  bench/bench_load.py's closed loop: reruns/s and the server's CPU ms per rerun, over
  ``--rounds`` rounds with the servers alternating;
- browser: the time from clicking a theme to the page redrawn, as bench/bench_filter.py
  measures it, ``--samples`` cold loads of two clicks each, the pages alternating.

A straight line through the N rows (least squares) gives each element's cost: CPU per rerun,
1 / throughput, and click time. From it, how many such elements issue 15's targets leave
beside the bare app's own: 50 sessions back to back at ≥ 0.35 × its throughput, and a
filter change within 1.5 × its time (section pages).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bench_filter, bench_load, benchlib, browser, stclient  # noqa: E402

NOTE = benchlib.conditions()  # read as the script starts, before it loads the machine

APP = benchlib.APPS / "bare_filter.py"
DASHBOARD_PAGES = [("overview", "/"), ("section", "/security-improvements")]
THROUGHPUT_SHARE = 0.35  # issue 15: 50 sessions back to back, ≥ 0.35 × the bare app's
CLICK_RATIO = 1.5  # issue 15: a section page's filter change ≤ 1.5 × the bare app's


def servers(counts: list[int], flags: list[str]) -> dict[str, tuple[str, object]]:
    """One server per N and one dashboard: name -> (base URL, process)."""
    started = {}
    try:
        for count in counts:
            env = {"CASEBOOK_BENCH_ELEMENTS": str(count)}
            started[f"bare + {count}"] = benchlib.start_streamlit(APP, *flags, env=env)
        started["dashboard"] = benchlib.start_streamlit(benchlib.dashboard(), *flags)
    except BaseException:
        for _, process in started.values():
            benchlib.stop(process)
        raise
    return started


def targets(counts: list[int]) -> list[tuple[str, str, str]]:
    """(row name, server name, URL path) for every row of the report."""
    rows = [(f"bare + {count}", f"bare + {count}", "/") for count in counts]
    return rows + [(name, "dashboard", path) for name, path in DASHBOARD_PAGES]


async def deltas(url: str, page: str) -> int:
    """The median number of deltas one filter change sends."""
    session = stclient.Session(url, page)
    await session.connect()
    try:
        await session.rerun(())
        found = [(await session.rerun(themes)).deltas for themes in stclient.FILTERS[1:4]]
    finally:
        await session.close()
    return int(statistics.median(found))


def server_load(url: str, pid: int, page: str, sessions: int, reruns: int) -> tuple[float, float]:
    """Reruns/s and server CPU ms per rerun, back to back (after one warm-up session)."""
    asyncio.run(bench_load.drive(url, pid, 1, 3, page, None))
    found = asyncio.run(bench_load.drive(url, pid, sessions, reruns, page, None))
    done = sum(rerun.ok for rerun in found["reruns"])
    if done < sessions * reruns:
        print(f"  {sessions * reruns - done} reruns failed at {url}/{page}")
    return done / found["wall"], found["server_cpu"] / max(done, 1) * 1000


def fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Intercept and slope of the least-squares line."""
    slope, intercept = statistics.linear_regression(xs, ys)
    return intercept, slope


def room(budget: float, each: float) -> str:
    """How many elements of cost ``each`` fit in ``budget``, in words."""
    if each <= 0:
        return "any number of such elements (no cost per element measurable at these counts)"
    return f"about {max(budget / each, 0):.0f} such elements"


def run(args) -> tuple[dict, dict, dict, dict]:
    rows = targets(args.counts)
    started = servers(args.counts, args.server_flag)
    urls = {name: (started[server][0], path.lstrip("/")) for name, server, path in rows}
    pids = {name: started[server][1].pid for name, server, _ in rows}
    counts, rates, cpu, clicks = {}, {n: [] for n, _, _ in rows}, {n: [] for n, _, _ in rows}, {}
    try:
        for name, (url, page) in urls.items():
            counts[name] = asyncio.run(deltas(url, page))
        for round_ in range(args.rounds):
            order = rows if round_ % 2 == 0 else rows[::-1]
            for name, _, _ in order:
                url, page = urls[name]
                rate, ms = server_load(url, pids[name], page, args.sessions, args.reruns)
                rates[name].append(rate)
                cpu[name].append(ms)
            print(f"  server round {round_ + 1}/{args.rounds} done")
        clicks = {name: [] for name, _, _ in rows}
        with browser.chromium() as chromium:
            for sample in range(args.samples):
                order = rows[sample % len(rows) :] + rows[: sample % len(rows)]
                for name, _, _ in order:
                    url, page = urls[name]
                    found = bench_filter.sample_page(chromium, f"{url}/{page}", 0)
                    clicks[name] += [t for t in found if t is not None]
                print(f"  browser sample {sample + 1}/{args.samples} done")
    finally:
        for _, process in started.values():
            benchlib.stop(process)
    return counts, rates, cpu, clicks


def report(args, counts, rates, cpu, clicks) -> str:
    rate = {name: statistics.mean(found) for name, found in rates.items()}
    ms = {name: statistics.mean(found) for name, found in cpu.items()}
    click = {name: benchlib.median(found) for name, found in clicks.items()}
    bare = f"bare + {args.counts[0]}"
    rows = [
        [
            name, counts[name], f"{rate[name]:.1f}", f"{rate[name] / rate[bare]:.2f}",
            f"{ms[name]:.2f}", len(clicks[name]), f"{click[name]:.0f}",
            f"{click[name] / click[bare]:.2f}",
        ]
        for name in rates
    ]  # fmt: skip
    headers = [
        "app", "deltas a filter change sends", "reruns/s, back to back", "÷ bare",
        "server CPU ms a rerun", "clicks", "click → redrawn ms (median)", "÷ bare",
    ]  # fmt: skip
    sized = [f"bare + {count}" for count in args.counts]
    extra = [counts[name] - counts[bare] for name in sized]
    _, cpu_each = fit(extra, [ms[name] for name in sized])
    # throughput is 1 / (time a rerun) under load: a line in the elements
    inverse_base, inverse_each = fit(extra, [1 / rate[name] for name in sized])
    click_base, click_each = fit(extra, [click[name] for name in sized])
    by_rate = room(1 / (THROUGHPUT_SHARE * rate[bare]) - inverse_base, inverse_each)
    lines = [
        f"- each element costs the server {cpu_each * 1000:.0f} µs of CPU a rerun, and a "
        f"filter click {click_each:.2f} ms in the browser (least squares over N = "
        f"{', '.join(map(str, args.counts))}).",
        f"- ≥ {THROUGHPUT_SHARE} × the bare app's throughput leaves room for {by_rate} "
        f"beside the bare app's {counts[bare]} deltas.",
        f"- a filter change ≤ {CLICK_RATIO} × the bare app's leaves room for "
        f"{room(CLICK_RATIO * click[bare] - click_base, click_each)}.",
        *(
            f"- the {name} sends {counts[name]} deltas on a filter change: "
            f"{rate[name] / rate[bare]:.2f} × the bare app's throughput, "
            f"{click[name] / click[bare]:.2f} × its click time."
            for name, _ in DASHBOARD_PAGES
        ),
    ]
    return benchlib.table(headers, rows) + "\n\n" + "\n".join(lines)


def main() -> None:
    parser = benchlib.arguments(__doc__)
    parser.add_argument("--counts", type=int, nargs="+", default=[0, 20, 40, 60])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--reruns", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--samples", type=int, default=6, help="cold loads of each page")
    args = parser.parse_args()
    if len(args.counts) < 2 or args.counts != sorted(set(args.counts)) or args.counts[0] != 0:
        parser.error("--counts: at least two, rising, from 0 (the bare app itself)")
    report_text = report(args, *run(args))
    note = (
        f"{NOTE}\n\nRerun: `python bench/bench_elements.py` (`--counts`, `--sessions`, "
        "`--reruns`, `--rounds`, `--samples`)."
    )
    benchlib.publish(args, "elements", "What one element costs", report_text, note)


if __name__ == "__main__":
    main()
