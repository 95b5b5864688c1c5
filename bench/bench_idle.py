"""Memory per idle session: 200 sessions that each loaded the overview, then sit open.

Run: python bench/bench_idle.py [--sessions 200]

For the dashboard and for bench/apps/bare_title.py (the reference), a fresh server on
loopback is warmed up by one session, left to settle, and its RSS read; then the sessions
open (20 at a time, each loading the page once, as readers who opened a link and are
reading) and RSS is read at half and at all of them, after a few seconds' settling. Two
figures per app: the average (all sessions' growth ÷ sessions) and the marginal cost
(growth from the first half to all ÷ the second half), which leaves out one-time growth
such as the first reruns' allocations.

Target (issue 7): ≤ 0.5 MB per idle session.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib, stclient  # noqa: E402

NOTE = benchlib.conditions()  # read as the script starts, before it loads the machine

SETTLE_SECONDS = 5.0
TARGET_MB = 0.5


async def measure(url: str, pid: int, count: int) -> dict:
    warm, _ = await stclient.open_sessions(url, 1)
    await stclient.close_all(warm)
    await asyncio.sleep(SETTLE_SECONDS)
    before = benchlib.rss_mb(pid)
    half = count // 2
    first, loads = await stclient.open_sessions(url, half)
    await asyncio.sleep(SETTLE_SECONDS)
    middle = benchlib.rss_mb(pid)
    second, more = await stclient.open_sessions(url, count - half)
    await asyncio.sleep(SETTLE_SECONDS)
    after = benchlib.rss_mb(pid)
    await stclient.close_all(first + second)
    failed = sum(not r.ok for r in loads + more)
    return {"before": before, "middle": middle, "after": after, "failed": failed}


def run(script: Path, count: int, flags: list[str]) -> dict:
    url, process = benchlib.start_streamlit(script, *flags)
    try:
        started = time.perf_counter()
        found = asyncio.run(measure(url, process.pid, count))
        found["seconds"] = time.perf_counter() - started
    finally:
        benchlib.stop(process)
    return found


def main() -> None:
    parser = benchlib.arguments(__doc__)
    parser.add_argument("--sessions", type=int, default=200)
    args = parser.parse_args()
    if not 2 <= args.sessions <= 400:
        parser.error("bounded: 2 to 400 sessions")
    apps = [("dashboard", benchlib.dashboard()), ("bare title", benchlib.APPS / "bare_title.py")]
    rows, verdict = [], ""
    half = args.sessions // 2
    for name, script in apps:
        found = run(script, args.sessions, args.server_flag)
        average = (found["after"] - found["before"]) / args.sessions
        marginal = (found["after"] - found["middle"]) / (args.sessions - half)
        rows.append([
            name, args.sessions,
            f"{found['before']:.0f} → {found['middle']:.0f} → {found['after']:.0f}",
            f"{average:.3f}", f"{marginal:.3f}", found["failed"],
        ])  # fmt: skip
        print(benchlib.table(HEADERS, [rows[-1]]))
        if name == "dashboard":
            ok = average <= TARGET_MB and found["failed"] == 0
            verdict = f"- ≤ {TARGET_MB} MB per idle session: {benchlib.verdict(ok)} ({average:.3f})"
    table = benchlib.table(HEADERS, rows)
    print(f"\n{table}\n{verdict}")
    if not args.no_write:
        body = (
            f"{args.sessions} sessions each loaded the overview once and stay open. "
            f"{NOTE}\n\n{table}\n\nTarget:\n{verdict}\n\n"
            "Rerun: `python bench/bench_idle.py` (`--sessions`)."
        )
        benchlib.write_section("idle", "Memory per idle session", body)


HEADERS = [
    "app", "sessions", "RSS MB: before → half → all", "MB per session (average)",
    "MB per session (marginal)", "failed loads",
]  # fmt: skip


if __name__ == "__main__":
    main()
