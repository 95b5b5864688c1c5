"""Shared pieces of the benchmarks: the machine, servers on loopback, statistics, RESULTS.md.

Not a test module: pytest collects only tests/ (pyproject's testpaths).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.e2e import conftest as browser_tests

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "RESULTS.md"
APPS = BENCH / "apps"
HOST = "127.0.0.1"  # every bench targets loopback only
CHROMIUM = browser_tests.CHROMIUM  # Debian's, never `playwright install`, with the flags
CHROMIUM_ARGS = browser_tests.CHROMIUM_ARGS  # the browser tests use


def conditions() -> str:
    """What else the machine was doing: the load average as the run starts (read from
    /proc), with why the ratios still hold."""
    one, five, _ = os.getloadavg()
    return (
        f"Load average as the run began: {one:.2f} (1 min), {five:.2f} (5 min) on "
        f"{os.cpu_count()} cores; candidate and reference alternate within one run, so the "
        "ratios compare like with like."
    )


# --- the machine -----------------------------------------------------------------------


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def memory_total_mb() -> int:
    match = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    return int(match.group(1)) // 1024 if match else 0


def commit() -> str:
    """The commit measured, marked when the working tree has uncommitted changes (besides
    bench/RESULTS.md and eval/results.json, which the benchmarks themselves write)."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    written = (":!bench/RESULTS.md", ":!eval/results.json")
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", ".", *written)
    return f"{head} + uncommitted changes" if dirty else head


def machine_line() -> str:
    import streamlit

    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · commit {commit()} · {os.cpu_count()} cores "
        f"({cpu_model()}), {memory_total_mb() / 1024:.1f} GB · Python "
        f"{platform.python_version()}, Streamlit {streamlit.__version__}"
    )


# --- statistics and tables ---------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0–1) of ``values``; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def table(headers: list[str], rows: list[list]) -> str:
    """A Markdown table (it also reads well printed on a terminal)."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]

    def line(values: list[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(headers), rule, *(line(r) for r in cells)])


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def timed(function, *args, repeat: int = 1):
    """(what ``function(*args)`` returns, the median seconds of ``repeat`` calls)."""
    seconds, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(*args)
        seconds.append(time.perf_counter() - start)
    return result, median(seconds)


# --- the command line --------------------------------------------------------------------


def arguments(doc: str, server: bool = True) -> argparse.ArgumentParser:
    """The parser every bench script starts from: its docstring's first line, --no-write,
    and for a script that starts a server, --server-flag (passed on to `streamlit run`)."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    if server:
        parser.add_argument("--server-flag", action="append", default=[], help="e.g. --x.y=z")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    return parser


def add_against(parser: argparse.ArgumentParser) -> None:
    """--against DIR (repeatable): another checkout's folder whose dashboard runs too."""
    parser.add_argument("--against", type=Path, action="append", default=[],
                        help="another checkout's folder")  # fmt: skip


def against(parser: argparse.ArgumentParser, args) -> list[Path]:
    """The --against checkouts, resolved; a folder without a dashboard.py is refused."""
    for checkout in args.against:
        if not (checkout / "dashboard.py").is_file():
            parser.error(f"{checkout}: no dashboard.py (give a checkout's folder)")
    return [checkout.resolve() for checkout in args.against]


# --- RESULTS.md --------------------------------------------------------------------------

_INTRO = """# Benchmarks

Each section below is written by one script in `bench/` (see the README, "Benchmarks").
A rerun replaces that script's section and leaves the others alone.
"""


def write_section(name: str, title: str, body: str) -> None:
    """Replace (or add) the section ``name`` of bench/RESULTS.md, headed with the machine."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n## {title}\n\n{machine_line()}\n\n{body.strip()}\n{end}"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else _INTRO
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    print(f"\nwrote section '{name}' of {RESULTS.relative_to(ROOT)}")


def publish(args: argparse.Namespace, name: str, title: str, report: str, note: str) -> None:
    """Print a script's report; unless --no-write, also write it, then ``note`` (how it was
    measured, how to rerun it), as the section ``name`` of RESULTS.md."""
    print(report)
    if not args.no_write:
        write_section(name, title, f"{report}\n\n{note}")


# --- servers on loopback -----------------------------------------------------------------


def start_streamlit(
    script: Path | str, *flags: str, env: dict | None = None, cwd: Path = ROOT
):  # fmt: skip
    """`streamlit run script` on a free loopback port, started as the browser tests start it
    (tests/e2e/conftest.py's start_app_on), from ``cwd`` (another checkout's folder runs
    that checkout). Returns (base URL, process) once healthy."""
    port = browser_tests.free_port()
    process = browser_tests.start_app_on(port, *flags, env=env, script=str(script), cwd=cwd)
    return f"http://{HOST}:{port}", process


stop = browser_tests.stop_app  # the same way the browser tests stop theirs


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (psutil when installed, else /proc)."""
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / 2**20
    except ImportError:
        status = Path(f"/proc/{pid}/status").read_text()
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        return int(match.group(1)) / 1024 if match else 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def copy_codebook(content: Path) -> None:
    """The real codebook and its coded examples, into a fresh content folder."""
    for name in ("themes.yaml", "examples.yaml"):
        if (ROOT / "content" / name).is_file():
            shutil.copy(ROOT / "content" / name, content / name)


def dashboard() -> Path:
    return ROOT / "dashboard.py"
