"""Websocket load: N concurrent sessions, each doing 10 reruns with varying theme filters.

Run: python bench/bench_load.py [--sessions 10 50 100] [--reruns 10] [--interval 2]
                                [--page PATH] [--compare-gc] [--reference]
                                [--server-flag=--runner.X=Y ...]

For each level and mode a fresh `streamlit run dashboard.py` serves loopback. One warm-up
session loads the page (imports, caches), then the server's RSS is read ("before"). All N
sessions connect and load the page, as a class opening a shared link at once ("first
load"); then each does ``--reruns`` reruns, changing the theme filter each time as a
reader does (in the dashboard a pick in its picker, with every widget's value, as Chromium
sends it; see bench/stclient.py).

Two modes per level:
- closed loop: every session reruns again as soon as its last rerun finished. This is the
  server's capacity (reruns/s = reruns ÷ wall time of the phase); latency is then
  N ÷ capacity by Little's law, so it measures queueing, not responsiveness.
- paced: every session reruns once every ``--interval`` seconds (a reader clicking), the
  sessions spread evenly over the interval: N ÷ interval reruns/s offered. p50/p95/max
  here say how a reader fares at that load.
Server CPU per rerun comes from /proc (user + system time over the phase), so it holds
even when other work shares the machine. ``--compare-gc`` runs each level with
runner.postScriptGC true and false, alternating; ``--reference`` adds the same load on
bench/apps/bare_filter.py (a title and one bound multiselect), Streamlit's own floor.

Targets (issue 7), at 50 sessions × 10 reruns: 0 errors; ≥ 25 reruns/s (closed loop);
p95 ≤ 1 s (paced at 25 reruns/s offered: 50 sessions, one rerun each every 2 s).
Issue 15's, with ``--reference --interval 5``: closed-loop throughput ≥ 0.35 × the bare
filter app's; p95 ≤ 1 s at 10 reruns/s offered, the sessions' first loads counted.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib, stclient  # noqa: E402

NOTE = benchlib.conditions()  # read as the script starts, before it loads the machine

LEVEL_TIMEOUT = 600.0  # seconds for one level's reruns, whatever happens


async def drive(url: str, pid: int, sessions: int, reruns: int, page: str, interval) -> dict:
    """Open the sessions, then run the reruns; ``interval`` None means back to back."""
    opened, loads = await stclient.open_sessions(url, sessions, page)
    cpu = benchlib.cpu_seconds(pid), time.process_time()
    started = time.perf_counter()
    deadline = started + LEVEL_TIMEOUT

    async def reader(index: int, session: stclient.Session) -> list[stclient.Rerun]:
        done = []
        for step in range(1, reruns + 1):
            if interval:  # the reader's next click, whether or not the last rerun was slow
                due = started + interval * (index / len(opened) + step - 1)
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
            if time.perf_counter() > deadline:
                done.append(stclient.Rerun(0.0, False, "the level's time limit passed"))
                continue
            done.append(await session.rerun(stclient.filter_for(index, step)))
        return done

    try:
        runs = await asyncio.gather(*(reader(i, s) for i, s in enumerate(opened)))
    finally:
        wall = time.perf_counter() - started
        server_cpu = benchlib.cpu_seconds(pid) - cpu[0]
        client_cpu = time.process_time() - cpu[1]
        await stclient.close_all(opened)
    return {
        "loads": loads,
        "reruns": [r for rs in runs for r in rs],
        "missing": (sessions - len(opened)) * reruns,
        "wall": wall,
        "server_cpu": server_cpu,
        "client_cpu": client_cpu,
    }


def level(script: Path, flags: list[str], sessions: int, args, interval) -> dict:
    url, process = benchlib.start_streamlit(script, *flags)
    page = args.page if script == benchlib.dashboard() else ""
    try:
        warm, _ = asyncio.run(stclient.open_sessions(url, 1, page))
        asyncio.run(stclient.close_all(warm))
        before = benchlib.rss_mb(process.pid)
        found = asyncio.run(drive(url, process.pid, sessions, args.reruns, page, interval))
        found["rss"] = (before, benchlib.rss_mb(process.pid))
    finally:
        benchlib.stop(process)
    return found


def errors(found: dict) -> int:
    return sum(not r.ok for r in found["reruns"]) + found["missing"]


def row(label: str, mode: str, sessions: int, found: dict) -> list:
    times = [r.seconds for r in found["reruns"]]
    loads = [r.seconds for r in found["loads"] if r.ok]
    count = max(1, len(times))
    before, after = found["rss"]
    return [
        label,
        mode,
        sessions,
        len(times),
        f"{len(times) / found['wall']:.1f}",
        f"{benchlib.median(times) * 1000:.0f}",
        f"{benchlib.percentile(times, 0.95) * 1000:.0f}",
        f"{max(times, default=0) * 1000:.0f}",
        errors(found),
        f"{benchlib.median(loads) * 1000:.0f} / {benchlib.percentile(loads, 0.95) * 1000:.0f}",
        sum(not r.ok for r in found["loads"]),
        f"{before:.0f} → {after:.0f}",
        f"{found['server_cpu'] / count * 1000:.0f}",
        f"{found['client_cpu'] / count * 1000:.1f}",
    ]


HEADERS = [
    "app", "mode", "sessions", "reruns", "reruns/s", "p50 ms", "p95 ms", "max ms", "errors",
    "first load p50 / p95 ms", "load errors", "RSS MB before → after", "server CPU ms/rerun",
    "client CPU ms/rerun",
]  # fmt: skip


REFERENCE = "bare filter app"


def variants(args) -> list[tuple[str, Path, list[str]]]:
    app = benchlib.dashboard()
    found = [("dashboard", app, args.server_flag)]
    if args.compare_gc:
        found = [
            (f"dashboard, postScriptGC={v}", app, [*args.server_flag, f"--runner.postScriptGC={v}"])
            for v in ("true", "false")
        ]
    if args.reference:
        found.append((REFERENCE, benchlib.APPS / "bare_filter.py", args.server_flag))
    return found


def verdicts(checks: dict, interval: float) -> str:
    """The 50-session targets, for each dashboard variant that ran both modes: issue 7's,
    and issue 15's against the bare app where it ran too (``--reference``)."""
    lines = []
    offered = 50 / interval
    bare = checks.get(REFERENCE, {}).get("closed loop")
    for label, modes in checks.items():
        closed, paced = modes.get("closed loop"), modes.get("paced")
        if label == REFERENCE or not (closed and paced):
            continue
        capacity = len(closed["reruns"]) / closed["wall"]
        p95 = benchlib.percentile([r.seconds for r in paced["reruns"]], 0.95)
        wrong = errors(closed) + errors(paced)
        lines.append(
            f"- {label}: 0 errors — {benchlib.verdict(wrong == 0)} ({wrong}); "
            f"≥ 25 reruns/s — {benchlib.verdict(capacity >= 25)} ({capacity:.1f}); "
            f"p95 ≤ 1 s at {offered:g} reruns/s offered — {benchlib.verdict(p95 <= 1.0)} "
            f"({p95:.2f} s)"
        )
        with_loads = [r.seconds for r in paced["reruns"] + paced["loads"] if r.ok]
        p95_all = benchlib.percentile(with_loads, 0.95)
        lines.append(
            f"- {label}, issue 15: p95 ≤ 1 s at {offered:g} reruns/s offered, each session's "
            f"first load counted (the 50 opened together) — "
            f"{benchlib.verdict(p95_all <= 1.0)} ({p95_all:.2f} s)"
        )
        if bare:
            ratio = capacity / (len(bare["reruns"]) / bare["wall"])
            lines.append(
                f"- {label}, issue 15: closed-loop throughput ≥ 0.35 × the bare filter app's — "
                f"{benchlib.verdict(ratio >= 0.35)} ({ratio:.3f})"
            )
    return "\n".join(lines)


def main() -> None:
    parser = benchlib.arguments(__doc__)
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--reruns", type=int, default=10, help="reruns per session")
    parser.add_argument("--interval", type=float, default=2.0, help="paced: seconds per rerun")
    parser.add_argument("--modes", nargs="+", default=["closed", "paced"])
    parser.add_argument("--page", default="", help="URL path of the page (default: overview)")
    parser.add_argument("--compare-gc", action="store_true", help="postScriptGC true vs false")
    parser.add_argument("--reference", action="store_true", help="also the bare filter app")
    args = parser.parse_args()
    if max(args.sessions) > 200 or args.reruns > 100 or args.interval < 0.1:
        parser.error("bounded: at most 200 sessions, 100 reruns each, one rerun per 0.1 s")

    modes = {"closed": ("closed loop", None), "paced": ("paced", args.interval)}
    rows, checks = [], {}
    for sessions in args.sessions:
        for mode, interval in (modes[m] for m in args.modes):
            for label, script, flags in variants(args):
                found = level(script, flags, sessions, args, interval)
                shown = mode if interval is None else f"one per {interval:g} s"
                rows.append(row(label, shown, sessions, found))
                print(benchlib.table(HEADERS, [rows[-1]]))
                for error in sorted({r.error for r in found["reruns"] if not r.ok})[:5]:
                    print(f"  error: {error}")
                if sessions == 50:
                    checks.setdefault(label, {})[mode] = found
    report = benchlib.table(HEADERS, rows)
    print("\n" + report + "\n" + verdicts(checks, args.interval))
    if not args.no_write:
        page = f"`/{args.page}`" if args.page else "the overview (`/`)"
        body = (
            f"Page: {page}; {args.reruns} reruns per session, each changing the theme filter. "
            f"Closed loop: back to back (capacity). Paced: one rerun per session every "
            f"{args.interval:g} s. {NOTE}\n\n{report}\n\n"
            f"Targets at 50 sessions:\n{verdicts(checks, args.interval) or '- not run'}\n\n"
            "Rerun: `python bench/bench_load.py` (`--compare-gc`, `--reference`)."
        )
        benchlib.write_section("load", "Websocket load", body)


if __name__ == "__main__":
    main()
