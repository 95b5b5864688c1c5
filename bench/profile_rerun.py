"""Where a rerun's time goes: the script (pyinstrument), a live server (py-spy), the browser.

Run: python bench/profile_rerun.py script [--reruns 24]
     python bench/profile_rerun.py server [--sessions 20] [--reruns 15] [--server-flag ...]
     python bench/profile_rerun.py browser [--page PATH] [--reruns 5] [--click THEME]

``script``: the overview in Streamlit's AppTest; after one warm-up pass over the filters,
pyinstrument records the script thread of every rerun while the theme filter changes, and
the combined profile is printed (pages and casebook frames, Streamlit's folded away).

``server``: a real `streamlit run dashboard.py` on loopback under websocket load
(bench/stclient.py), sampled by py-spy with ``--gil`` (only the thread holding the GIL, so
CPU, not waiting): the share of samples in each casebook frame and in Streamlit's message
path. Needs py-spy (requirements-dev.txt) and permission to trace the server.

``browser``: cold loads of a page in headless Chromium under the DevTools JavaScript
profiler, until the page is drawn (bench/browser.py): the browser main thread's time by
script (Streamlit's bundle is split by component: PlotlyChart, StreamlitMarkdown, ...),
beside the same for bench/apps/bare_chart.py. With ``--click``, the time from choosing a
theme in the sidebar to the page redrawn instead, beside bench/apps/bare_filter.py.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib, stclient  # noqa: E402

FILTERS = [[], ["security"], ["political"], ["security", "political"], ["humanitarian"]]


def profile_script(reruns: int) -> None:
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    sessions: list[Session] = []
    recording = [False]
    run_script = script_runner.ScriptRunner._run_script

    def recorded(self, *args, **kwargs):  # the script runs on its own thread
        if not recording[0]:
            return run_script(self, *args, **kwargs)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        try:
            return run_script(self, *args, **kwargs)
        finally:
            profiler.stop()
            sessions.append(profiler.last_session)

    script_runner.ScriptRunner._run_script = recorded
    app = AppTest.from_file(str(benchlib.dashboard()), default_timeout=60)
    app.run()
    for themes in FILTERS:
        app.multiselect(key="theme").set_value(themes).run()
    recording[0] = True
    took = []
    for step in range(reruns):
        started = time.perf_counter()
        app.multiselect(key="theme").set_value(FILTERS[step % len(FILTERS)]).run()
        took.append(time.perf_counter() - started)
    combined = sessions[0]
    for session in sessions[1:]:
        combined = Session.combine(combined, session)
    print(f"{reruns} reruns in AppTest, median {benchlib.median(took) * 1000:.0f} ms each")
    print(ConsoleRenderer(unicode=True, color=False, show_all=False).render(combined))


def gc_line() -> str:
    """Where Streamlit's ScriptRunner calls gc.collect after a run (runner.postScriptGC)."""
    from streamlit.runtime.scriptrunner import script_runner

    source = Path(script_runner.__file__).read_text().splitlines()
    number = next(i for i, line in enumerate(source, 1) if "gc.collect(" in line)
    return f"script_runner.py:{number})"


def summarize(raw: str, pattern: str, top: int = 40) -> str:
    """Inclusive share of samples per frame (py-spy's raw, collapsed-stack output)."""
    total, inclusive, collecting = 0, collections.Counter(), gc_line()
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        total += int(count)
        frames = {re.sub(r":\d+\)", ")", frame) for frame in stack.split(";")}
        if stack.endswith(collecting):
            frames.add("gc.collect after the run (runner.postScriptGC)")
        for frame in frames:
            inclusive[frame] += int(count)
    lines = [f"{total} samples (thread holding the GIL)"]
    for frame, count in inclusive.most_common():
        if re.search(pattern, frame) and len(lines) <= top:
            lines.append(f"{count / max(1, total):6.1%}  {frame}")
    return "\n".join(lines)


async def load(url: str, sessions: int, reruns: int) -> float:
    opened, _ = await stclient.open_sessions(url, sessions)

    async def reader(index: int, session: stclient.Session) -> None:
        for step in range(1, reruns + 1):
            await session.rerun(stclient.filter_for(index, step))

    started = time.perf_counter()
    await asyncio.gather(*(reader(i, s) for i, s in enumerate(opened)))
    took = time.perf_counter() - started
    await stclient.close_all(opened)
    return sessions * reruns / took


def profile_server(sessions: int, reruns: int, flags: list[str]) -> None:
    url, process = benchlib.start_streamlit(benchlib.dashboard(), *flags)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "profile.txt"
        try:
            warm, _ = asyncio.run(stclient.open_sessions(url, 1))
            asyncio.run(stclient.close_all(warm))
            spy = subprocess.Popen(
                ["py-spy", "record", "-p", str(process.pid), "--gil", "-r", "200",
                 "--format", "raw", "-o", str(out), "--nonblocking", "-d", "300"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            time.sleep(1.0)
            rate = asyncio.run(load(url, sessions, reruns))
            spy.send_signal(2)  # py-spy writes its profile on SIGINT
            spy.wait(timeout=60)
        finally:
            benchlib.stop(process)
        print(f"{sessions} sessions × {reruns} reruns: {rate:.1f} reruns/s while sampled")
        frames = r"casebook/|pages/|dashboard\.py|postScriptGC|_enqueue_forward_msg|_sender"
        print(summarize(out.read_text(), frames))


def js_time_by_script(profile: dict) -> collections.Counter:
    """Milliseconds of samples per script file (or V8's own bucket, such as "(program)")."""
    nodes = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    spent: collections.Counter = collections.Counter()
    for node, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = nodes[node]
        name = frame["url"].rsplit("/", 1)[-1].split(".")[0] or frame["functionName"]
        spent[name or "(anonymous)"] += delta / 1000
    return spent


def profile_browser(page_path: str, loads: int, click: str = "") -> None:
    from bench import bench_filter, browser

    reference = "bare_filter.py" if click else "bare_chart.py"
    targets = {
        "dashboard": (benchlib.dashboard(), page_path),
        reference: (benchlib.APPS / reference, ""),
    }
    for name, (script, path) in targets.items():
        url, process = benchlib.start_streamlit(script)
        spent: collections.Counter = collections.Counter()
        try:
            with browser.chromium() as chromium:
                # warm the server up, and count the charts once the page has settled
                charts = browser.charts_on(chromium, f"{url}/{path}")
                for _ in range(loads):
                    with browser.cold_page(chromium, charts) as page:
                        devtools = page.context.new_cdp_session(page)
                        devtools.send("Profiler.enable")
                        devtools.send("Profiler.setSamplingInterval", {"interval": 200})
                        if click:  # profile the click only, from a drawn page
                            record = browser.load(page, f"{url}/{path}")
                            page.wait_for_timeout(500)
                            devtools.send("Profiler.start")
                            record = {"drawn": bench_filter.click_theme(page, click)}
                        else:
                            devtools.send("Profiler.start")
                            record = browser.load(page, f"{url}/{path}")
                        spent += js_time_by_script(devtools.send("Profiler.stop")["profile"])
        finally:
            benchlib.stop(process)
        idle = spent.pop("(idle)", 0.0)
        print(
            f"\n{name} /{path}: {'redrawn' if click else 'drawn'} at {record['drawn']:.0f} ms "
            f"(last sample); per sample, ms on the main thread by script "
            f"({idle / loads:.0f} ms idle):"
        )
        for script_name, ms in spent.most_common(12):
            print(f"  {ms / loads:7.0f}  {script_name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("script", "server", "browser"))
    parser.add_argument("--page", default="", help="browser: a page's URL path, e.g. facts")
    parser.add_argument("--click", default="", help="browser: profile choosing this theme")
    parser.add_argument("--sessions", type=int, default=20, help="server: sessions")
    parser.add_argument("--reruns", type=int, default=None, help="reruns (per session)")
    parser.add_argument("--server-flag", action="append", default=[], help="e.g. --x.y=z")
    args = parser.parse_args()
    if args.mode == "script":
        profile_script(args.reruns or 24)
    elif args.mode == "browser":
        profile_browser(args.page, min(args.reruns or 5, 20), args.click)
    else:
        if args.sessions > 100 or (args.reruns or 15) > 100:
            parser.error("bounded: at most 100 sessions and 100 reruns each")
        profile_server(args.sessions, args.reruns or 15, args.server_flag)


if __name__ == "__main__":
    main()
