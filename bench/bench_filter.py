"""Filter change in headless Chromium: click a theme in the sidebar until the page is redrawn.

Run: python bench/bench_filter.py [--samples 10] [--against DIR ...]

Servers on loopback: the dashboard; bench/apps/bare_filter.py (a title and one
multiselect bound to the URL, in the sidebar, with the same options); and that bare app
holding one of the overview's figures, following the filter (bench/apps/filter_one_chart.py,
once per figure: the theme bars and the codeline, both HTML), which says what
redrawing each costs. Each sample opens
the page in a cold context, waits until it is drawn and settled, then for each of two
themes opens the sidebar's multiselect and clicks the theme: the time runs from the press
on the option to the page drawn again after the rerun (script finished, nothing stale,
every chart drawn; see bench/browser.py). Pages alternate within each sample. A click whose
redraw is not seen within a minute is counted apart, and that load's second click skipped.
Each --against checkout (another commit's work tree, e.g. `git worktree add /tmp/filed
78036da`, the commit at which issue 14 was filed) serves its own dashboard from its own
folder, and its overview and section page join the rotation.

Targets: filter change on the overview ≤ 1.5 × the bare app's (issue 7); no slower than
4.16 × on the overview, as when issue 14 was filed, and on both pages no slower than the
--against checkouts (issue 14); ≤ 3 × on the overview and ≤ 1.5 × on a section page
(issue 15).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from bench import benchlib, browser  # noqa: E402

NOTE = benchlib.conditions()  # read as the script starts, before it loads the machine

THEMES = ("security", "political")
# (name, server, path)
PAGES = [
    ("bare filter app", "bare", "/"),
    ("overview", "app", "/"),
    ("section", "app", "/security-improvements"),
    # the bare app plus one of the overview's figures, following the filter
    ("bare + theme bars", "coverage", "/"),
    ("bare + codeline", "codeline", "/"),
]
ONE_CHART = benchlib.APPS / "filter_one_chart.py"
# server -> (script, environment, the checkout it runs from)
SERVERS = {
    "app": (benchlib.dashboard(), {}, benchlib.ROOT),
    "bare": (benchlib.APPS / "bare_filter.py", {}, benchlib.ROOT),
    **{
        kind: (ONE_CHART, {"CASEBOOK_BENCH_CHART": kind}, benchlib.ROOT)
        for kind in ("coverage", "codeline")
    },
}
DASHBOARD_PAGES = [(name, path) for name, server, path in PAGES if server == "app"]
OTHERS: list[str] = []  # the --against checkouts


def against(checkout: Path) -> None:
    """Add another checkout's dashboard, and its overview and section page, to the run."""
    OTHERS.append(str(checkout))
    SERVERS[str(checkout)] = ("dashboard.py", {}, checkout)
    PAGES.extend((f"{name} at {checkout}", str(checkout), path) for name, path in DASHBOARD_PAGES)


def click_theme(page, theme: str) -> float:
    """Choose ``theme`` in the theme filter; milliseconds until redrawn. The dashboard's
    picker shows labels ("Security"), the bare app's ids: the option is matched either way."""
    field = page.locator("[data-testid='stMultiSelect']:visible").first.locator("input")
    option = page.get_by_role("option", name=re.compile(f"^{re.escape(theme)}$", re.I))
    for attempt in range(5):  # the list can shut or shift under the pointer: try again
        field.click()
        try:
            option.wait_for(timeout=2000)
            browser.arm(page)
            option.click(timeout=2000)
            page.wait_for_url(lambda url: f"theme={theme}" in url, timeout=10_000)
            break
        except PlaywrightTimeout:
            if attempt == 4:
                raise
            page.keyboard.press("Escape")
    took = browser.redrawn(page)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    return took


def sample_page(chromium, url: str, charts: int) -> list[float | None]:
    """The clicks' times on one cold load; None for a click that never saw its redraw."""
    found: list[float | None] = []
    with browser.cold_page(chromium, charts) as page:
        browser.load(page, url)
        page.wait_for_timeout(500)
        for theme in THEMES:
            try:
                found.append(click_theme(page, theme))
            except PlaywrightTimeout:
                state = page.evaluate("() => ({...window.__bench})")
                print(f"  no redraw seen after choosing {theme} at {url}: {state}")
                found.append(None)
                break
    return found


def run(samples: int, flags: list[str]) -> dict[str, list[float | None]]:
    started = {
        key: benchlib.start_streamlit(script, *flags, env=env, cwd=cwd)
        for key, (script, env, cwd) in SERVERS.items()
    }
    urls = {name: started[server][0] + path for name, server, path in PAGES}
    times: dict[str, list[float | None]] = {name: [] for name in urls}
    try:
        with browser.chromium() as chromium:
            charts = {name: browser.charts_on(chromium, url) for name, url in urls.items()}
            for sample in range(samples):
                order = PAGES[sample % len(PAGES) :] + PAGES[: sample % len(PAGES)]
                for name, _, _ in order:
                    times[name] += sample_page(chromium, urls[name], charts[name])
                print(f"  sample {sample + 1}/{samples} done")
    finally:
        for _, process in started.values():
            benchlib.stop(process)
    return times


def report(times: dict[str, list[float | None]]) -> tuple[str, str]:
    done = {name: [t for t in found if t is not None] for name, found in times.items()}
    bare = benchlib.median(done["bare filter app"])
    rows = [
        [
            name,
            len(found),
            f"{benchlib.median(found):.0f}",
            f"{benchlib.percentile(found, 0.9):.0f}",
            f"{benchlib.median(found) / bare:.2f}",
            len(times[name]) - len(found),
        ]
        for name, found in done.items()
    ]
    headers = [
        "page", "clicks", "click → redrawn ms (median)", "p90 ms", "÷ bare app",
        "clicks with no redraw seen",
    ]  # fmt: skip
    ratio = benchlib.median(done["overview"]) / bare
    section = benchlib.median(done["section"]) / bare
    verdict = "\n".join([
        f"- overview ≤ 1.5 × bare app (issue 7): {benchlib.verdict(ratio <= 1.5)} ({ratio:.2f})",
        f"- overview ≤ 4.16 × bare app, as when issue 14 was filed: "
        f"{benchlib.verdict(ratio <= 4.16)} ({ratio:.2f})",
        f"- overview ≤ 3 × bare app (issue 15): {benchlib.verdict(ratio <= 3)} ({ratio:.2f})",
        f"- section ≤ 1.5 × bare app (issue 15): {benchlib.verdict(section <= 1.5)} "
        f"({section:.2f})",
    ])  # fmt: skip
    for checkout in OTHERS:
        for name, _ in DASHBOARD_PAGES:
            ours = benchlib.median(done[name])
            theirs = benchlib.median(done[f"{name} at {checkout}"])
            verdict += (
                f"\n- {name} no slower than at {checkout} (issue 14): "
                f"{benchlib.verdict(ours <= theirs)} ({ours:.0f} ms against {theirs:.0f})"
            )
    singles = [name for name in done if name.startswith("bare + ")]
    if singles:
        extra = sum(benchlib.median(done[name]) - bare for name in singles)
        verdict += (
            f"\n- redrawing the overview's {len(singles)} figures alone adds {extra:.0f} ms to "
            f"the bare app's {bare:.0f} ms (sum over the single-figure rows): a floor near "
            f"{bare + extra:.0f} ms, {(bare + extra) / bare:.2f} × bare, for any page whose "
            "figures follow the filter"
        )
    return benchlib.table(headers, rows), verdict


def main() -> None:
    parser = benchlib.arguments(__doc__)
    parser.add_argument("--samples", type=int, default=10, help="cold loads of each page")
    benchlib.add_against(parser)
    args = parser.parse_args()
    if not 1 <= args.samples <= 100:
        parser.error("bounded: 1 to 100 samples")
    for checkout in benchlib.against(parser, args):
        against(checkout)
    table, verdict = report(run(args.samples, args.server_flag))
    print(f"\n{table}\n{verdict}")
    if not args.no_write:
        body = (
            f"Two clicks per cold load ({', '.join(THEMES)}), pages alternating. "
            f"{NOTE}\n\n{table}\n\nTarget:\n{verdict}\n\n"
            "Rerun: `python bench/bench_filter.py` (`--samples`, `--against DIR`)."
        )
        benchlib.write_section("filter", "Filter change in the browser", body)


if __name__ == "__main__":
    main()
