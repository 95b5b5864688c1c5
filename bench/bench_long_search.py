"""Search inside one 100 KB paragraph, in headless Chromium: drawn, and the browser idle.

Run: python bench/bench_long_search.py [--samples 5] [--size 100000]

A temporary content folder holds the codebook and one case: a short opening paragraph and
one paragraph of about ``--size`` bytes, built from the MINUSMA article's own sentences
(shuffled with a fixed seed), so that a common word hits hundreds of times in it. The
dashboard serves it on loopback. Each sample opens, in a cold browser context, the search
page with a query that hits many times in the long paragraph, and then types a second
such query into the search box and presses Enter. Times run from the navigation (or the
Enter key) to the page drawn (script finished, nothing stale, the chart drawn; see
bench/browser.py) and to the main thread idle: the end of the last long task (over
50 ms, PerformanceObserver) once none has come for two seconds. The same is measured for
queries that hit only the short paragraph, on the same server, as the reference; and
for the section page holding the long paragraph, filtered so that it is highlighted. What
the page shows (hit lines drawn, the "more hits" note, the text in the main block) is
read from the last sample, and the server's search itself is timed in this process.

Audit (issue 13): searching inside one 100 KB paragraph stalled the browser for 34–49 s
while the server answered in 0.25 s. Target: no stall, i.e. idle within about as long as
the reference pages take (the section page counts as one of the long paragraph's). At
commit c97b9b5 (hit lines already bounded, but the hits chart still one tick per hit),
one sample gave 28.7 s from typing `mission` to idle, nearly all of it one 27.5 s long
task in Plotly's tick labels (DevTools profile).
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchlib, browser  # noqa: E402

NOTE = benchlib.conditions()  # read as the script starts, before it loads the machine

SEED = 13
QUERIES = {  # (opened by navigation, then typed); hits in the long paragraph or the short
    "100 KB paragraph": ("security", "mission"),
    "reference": ("opening", "outline"),
}
SECTION = "/long-paragraph?theme=security"  # the section page, the paragraph highlighted
SHORT = "This opening outline says what the long paragraph below is made of."
QUIET_MS = 2000  # no long task for this long: the main thread is idle
IDLE_TIMEOUT_MS = 240_000  # the audit saw stalls of up to 49 s

# Every long task, not only those before "drawn" (browser.TRACKER sums those).
LONG_TASKS = """
(() => {
  const tasks = window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) tasks.push([t.startTime, t.duration]);
  }).observe({type: "longtask", buffered: true});
})();
"""
QUIET = f"""() => {{
  const ends = window.__longTasks.map(([start, length]) => start + length);
  return performance.now() - Math.max(0, ...ends) > {QUIET_MS};
}}"""
SHOWN = """() => {
  const main = document.querySelector("[data-testid='stMainBlockContainer']");
  const more = [...main.querySelectorAll(".cb-muted")].map((e) => e.innerText)
    .filter((t) => t.includes("more hit"));
  const count = (selector) => main.querySelectorAll(selector).length;
  return {lines: count(".cb-kwic"), marks: count("mark"), more: more,
          chars: main.innerText.length, nodes: count("*")};
}"""


def long_paragraph(size: int) -> str:
    """About ``size`` bytes of the seed article's sentences, in one paragraph."""
    text = (benchlib.ROOT / "content" / "minusma" / "source" / "article.txt").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines()[2:] if len(line.split()) > 12]
    sentences = [s for line in lines for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)]
    rng, out, length = random.Random(SEED), [], 0
    while length < size:
        sentence = rng.choice(sentences)
        out.append(sentence)
        length += len(sentence.encode("utf-8")) + 1
    return " ".join(out)


def build_content(root: Path, size: int) -> str:
    """The codebook and the case ``long``; returns the long paragraph."""
    root.mkdir()
    benchlib.copy_codebook(root)
    case = root / "long"
    case.mkdir()
    (case / "case.yaml").write_text(
        "title: One Long Paragraph\nsource_url: https://example.org/long\n", encoding="utf-8"
    )
    paragraph = long_paragraph(size)
    (case / "01-long.md").write_text(
        f"---\ntitle: The Long Paragraph\nslug: long-paragraph\norder: 1\n---\n\n"
        f"{SHORT}\n\n{paragraph}\n",
        encoding="utf-8",
    )
    return paragraph


def server_search(root: Path) -> tuple[int, float]:
    """(hits of the first query in the case, seconds the server's search and its hit lines
    take), in this process."""
    from casebook import coverage, markup, search
    from casebook.loader import load_content

    content = load_content(root)
    table = coverage.paragraph_table(content.cases, content.codebook)
    query = QUERIES["100 KB paragraph"][0]

    def answer():
        results = search.search(table, query)
        return results, [markup.kwic(hits) for hits in results["hits"]]

    (results, _), seconds = benchlib.timed(answer, repeat=5)
    return sum(map(len, results["hits"])), seconds


def idle_after(page, since: float) -> float:
    """Milliseconds from ``since`` (page time) to the end of the last long task after it,
    once the main thread has been quiet for QUIET_MS; 0 when no long task came."""
    page.wait_for_function(QUIET, timeout=IDLE_TIMEOUT_MS, polling=250)
    tasks = page.evaluate("() => window.__longTasks")
    ends = [start + length for start, length in tasks if start + length > since]
    return max(ends, default=since) - since


def busy_after(page, since: float) -> tuple[float, float]:
    """(total, longest) milliseconds of long tasks that ended after ``since``."""
    tasks = page.evaluate("() => window.__longTasks")
    after = [length for start, length in tasks if start + length > since]
    return sum(after), max(after, default=0.0)


def type_query(page, query: str) -> float:
    """Type ``query`` in the search box and press Enter; the page time of the key press."""
    box = page.get_by_test_id("stTextInputField")
    box.fill(query)
    start = page.evaluate(
        "() => { const now = performance.now(); Object.assign(window.__bench, {click: now,"
        " redrawn: null, ranAfterClick: false, armed: false}); return now; }"
    )
    box.press("Enter")
    page.wait_for_url(lambda url: f"q={query}" in url, timeout=browser.TIMEOUT_MS)
    return start


def opened(page, url: str) -> dict:
    """Open ``url`` in a page with the trackers; its drawn and idle times, long tasks."""
    page.add_init_script(LONG_TASKS)
    record = browser.load(page, url)
    times = {"drawn": record["drawn"], "idle": max(record["drawn"], idle_after(page, 0))}
    times["busy"], times["longest"] = busy_after(page, 0)
    return times


def sample(chromium, url: str, queries: tuple[str, str], charts: int) -> dict:
    """One cold load with the first query, then the second typed in."""
    first, second = queries
    with browser.cold_page(chromium, charts) as page:
        first_load = opened(page, f"{url}/search?q={first}")
        shown = page.evaluate(SHOWN)  # what the first query's page shows
        pressed = type_query(page, second)
        typed = {"drawn": browser.redrawn(page)}
        typed["idle"] = max(typed["drawn"], idle_after(page, pressed))
        typed["busy"], typed["longest"] = busy_after(page, pressed)
    return {"opened": first_load, "typed": typed, "shown": shown}


def run(samples: int, size: int, flags: list[str]) -> tuple[dict, dict, tuple[int, float]]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "content"
        paragraph = build_content(root, size)
        print(f"long paragraph: {len(paragraph.encode('utf-8')):,} bytes")
        served = server_search(root)
        url, process = benchlib.start_streamlit(
            benchlib.dashboard(), *flags, env={"CASEBOOK_CONTENT": str(root)}
        )
        records: dict[str, list[dict]] = {name: [] for name in [*QUERIES, "section"]}
        try:
            with browser.chromium() as chromium:
                charts = browser.charts_on(chromium, f"{url}/search?q={QUERIES['reference'][0]}")
                for number in range(samples):
                    for name in sorted(QUERIES, key=lambda n: (n == "reference") == number % 2):
                        records[name].append(sample(chromium, url, QUERIES[name], charts))
                    with browser.cold_page(chromium) as page:
                        records["section"].append({"opened": opened(page, url + SECTION)})
                    print(f"  sample {number + 1}/{samples} done")
        finally:
            benchlib.stop(process)
    return records, {name: records[name][-1]["shown"] for name in QUERIES}, served


STEPS = ("opened", "typed")


def row(name: str, what: str, times: list[dict]) -> list:
    values = {key: [t[key] for t in times] for key in times[0]}
    return [
        "100 KB paragraph" if name == "section" else name, what, len(times),
        f"{benchlib.median(values['drawn']):.0f}", f"{benchlib.median(values['idle']):.0f}",
        f"{max(values['idle']):.0f}", f"{benchlib.median(values['busy']):.0f}",
        f"{max(values['longest']):.0f}",
    ]  # fmt: skip


def report(records: dict, shown: dict, served: tuple[int, float]) -> tuple[str, str]:
    steps = [
        (name, step, f"`{query}` ({how})")
        for name, queries in QUERIES.items()
        for step, query, how in zip(STEPS, queries, ("navigation", "typed + Enter"), strict=True)
    ]
    steps.append(("section", "opened", f"section page `{SECTION}` (navigation)"))
    rows = [row(name, what, [r[step] for r in records[name]]) for name, step, what in steps]
    headers = [
        "paragraph hit", "query", "samples", "drawn ms (median)", "idle ms (median)",
        "idle ms (max)", "long tasks ms (median)", "longest task ms (max)",
    ]  # fmt: skip
    long, ref = (records[n] for n in ("100 KB paragraph", "reference"))
    worst = max(r[s]["idle"] for r in long for s in STEPS)
    worst = max(worst, *(r["opened"]["idle"] for r in records["section"]))
    ref_worst = max(r[s]["idle"] for r in ref for s in STEPS)
    page = shown["100 KB paragraph"]
    hits, seconds = served
    summary = (
        f"The page with the long paragraph's hits draws {page['lines']} hit lines "
        f"({page['marks']} marks), then {'; '.join(page['more']) or 'no note'}; its main "
        f"block holds {page['chars']:,} characters in {page['nodes']:,} elements. The server's "
        f"search and hit lines for `{QUERIES['100 KB paragraph'][0]}` ({hits:,} hits): "
        f"{seconds * 1000:.0f} ms (median of 5, in this process).\n\n"
        f"- no stall: browser idle within 2 × the reference's worst: "
        f"{benchlib.verdict(worst <= 2 * ref_worst)} ({worst:.0f} ms against {ref_worst:.0f} ms; "
        "the audit's stall was 34,000–49,000 ms)"
    )
    return benchlib.table(headers, rows), summary


def main() -> None:
    parser = benchlib.arguments(__doc__)
    parser.add_argument("--samples", type=int, default=5, help="cold loads of each query pair")
    parser.add_argument("--size", type=int, default=100_000, help="bytes of the long paragraph")
    args = parser.parse_args()
    if not 1 <= args.samples <= 50 or not 1_000 <= args.size <= 1_000_000:
        parser.error("bounded: 1 to 50 samples, 1,000 to 1,000,000 bytes")
    table, summary = report(*run(args.samples, args.size, args.server_flag))
    note = (
        f"Headless Chromium ({benchlib.CHROMIUM}), a cold context per sample, the two query "
        f"pairs alternating in order. {NOTE}\n\nRerun: `python bench/bench_long_search.py` "
        "(`--samples`, `--size`)."
    )
    benchlib.publish(
        args, "long-search", "Search in one 100 KB paragraph", f"{table}\n\n{summary}", note
    )


if __name__ == "__main__":
    main()
