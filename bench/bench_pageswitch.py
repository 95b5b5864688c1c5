"""Page switch in headless Chromium: from the overview, a section chosen in the menu.

Run: python bench/bench_pageswitch.py [--samples 8] [--against DIR ...]

The dashboard of this checkout, and of each --against checkout (another commit's work
tree, e.g. `git worktree add /tmp/filed 78036da`, the commit at which issue 14 was filed),
each served from its own folder on loopback. After a warm-up visit that counts the
section's charts, each sample opens the overview in a cold browser context, lets it
settle, clicks "Security improvements" in the sidebar menu and times the press to the
section drawn (script finished, nothing stale, every chart drawn: see bench/browser.py).
Checkouts alternate from sample to sample. The section counts as drawn only once its
own heading shows: a run of the overview can finish after the press, and the tracker,
built for reruns of one page, took that for the section drawn (switches of 56-99 ms,
4 of 12 on one side and 7 of 12 on the other in one run).

Target (issue 14): a page switch no slower than when the issue was filed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib, browser  # noqa: E402

NOTE = benchlib.conditions()  # read as the script starts, before it loads the machine
SECTION = "security-improvements"
MENU_LABEL = "Security improvements"
HEADING = "Security Improvements and Threat Reduction"  # the section's title, its h1
SETTLE_MS = 2500  # the overview drawn and idle before the click


def switch(chromium, url: str, charts: int) -> float:
    """One cold load of the overview, then the menu click: ms until the section is drawn."""
    with browser.cold_page(chromium, charts) as page:
        page.goto(f"{url}/", timeout=browser.TIMEOUT_MS)
        page.get_by_role("heading", level=1).first.wait_for(timeout=browser.TIMEOUT_MS)
        page.wait_for_timeout(SETTLE_MS)
        link = page.get_by_test_id("stSidebarNav").get_by_role("link", name=MENU_LABEL)
        browser.arm(page, heading=HEADING)
        link.click()
        page.wait_for_url(lambda address: SECTION in address, timeout=10_000)
        return browser.redrawn(page)


def run(checkouts: list[Path], samples: int) -> dict[str, list[float]]:
    started = {str(c): benchlib.start_streamlit("dashboard.py", cwd=c) for c in checkouts}
    times: dict[str, list[float]] = {name: [] for name in started}
    try:
        with browser.chromium() as chromium:
            charts = {
                name: browser.charts_on(chromium, f"{url}/{SECTION}")
                for name, (url, _) in started.items()
            }
            print("charts on the section:", charts)
            names = list(started)
            for sample in range(samples):
                for name in names if sample % 2 == 0 else names[::-1]:
                    times[name].append(switch(chromium, started[name][0], charts[name]))
                print(f"  sample {sample + 1}/{samples} done")
    finally:
        for _, process in started.values():
            benchlib.stop(process)
    return times


def report(times: dict[str, list[float]], here: str) -> tuple[str, str]:
    rows = [
        [
            "this checkout" if name == here else name,
            len(found),
            f"{benchlib.median(found):.0f}",
            f"{benchlib.percentile(found, 0.9):.0f}",
            ", ".join(f"{t:.0f}" for t in found),
        ]
        for name, found in times.items()
    ]
    headers = ["dashboard", "switches", "click → drawn ms (median)", "p90 ms", "samples"]
    ours = benchlib.median(times[here])
    verdicts = [
        f"- no slower than {name}: {benchlib.verdict(ours <= benchlib.median(found))} "
        f"({ours:.0f} ms against {benchlib.median(found):.0f})"
        for name, found in times.items()
        if name != here
    ]
    return benchlib.table(headers, rows), "\n".join(verdicts)


def main() -> None:
    parser = benchlib.arguments(__doc__, server=False)
    parser.add_argument("--samples", type=int, default=8, help="switches per checkout")
    benchlib.add_against(parser)
    args = parser.parse_args()
    if not 1 <= args.samples <= 100:
        parser.error("bounded: 1 to 100 samples")
    checkouts = benchlib.against(parser, args)
    here = str(benchlib.ROOT)
    table, verdict = report(run([benchlib.ROOT, *checkouts], args.samples), here)
    print(f"\n{table}\n{verdict}")
    if not args.no_write:
        body = (
            f"One switch per cold load, checkouts alternating. {NOTE}\n\n{table}\n\n"
            f"Target (issue 14):\n{verdict}\n\n"
            "Rerun: `python bench/bench_pageswitch.py --against DIR` (`--samples`)."
        )
        benchlib.write_section("pageswitch", "Page switch in the browser", body)


if __name__ == "__main__":
    main()
