"""The ingest command's helper process: the same answers as the command's own, time
lost at most when it fails, and never left running (casebook/ingest/helper.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casebook import cli
from casebook.ingest import helper as ingest_helper
from casebook.ingest import maintext, pipeline
from casebook.ingest.article import read_article
from casebook.ingest.helper import Helper, answer
from tests.conftest import FIXTURES, ROOT, copy_codebook

PAGE = FIXTURES / "ingest" / "messy_post.html"


def blocks_and_meta(reading):
    return [(b.kind, b.text) for b in reading.blocks], reading.meta


def test_a_web_page_read_with_the_helper_s_extraction_reads_the_same():
    page = PAGE.read_text(encoding="utf-8")
    helper = Helper.start()
    try:
        asked = helper.ask(maintext.extract, page, {})
        helped = read_article(page, "html", asked)
        assert asked.done()  # its answer was used (read_article waited for it)
    finally:
        helper.close()
    assert blocks_and_meta(helped) == blocks_and_meta(read_article(page, "html"))


EXTRACT = maintext.extract


def extracted_by_process(html, known):
    """maintext.extract's answer with the pid of the process that gave it as the page's
    title (module level: a helper gets the function it runs by name)."""
    text, meta = EXTRACT(html, known)
    return text, {**meta, "title": f"pid {os.getpid()}"}


def test_the_command_s_web_page_extraction_runs_in_the_helper(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(maintext, "extract", extracted_by_process)
    real = read_article

    def recording(text, fmt, extracted=None):
        seen.append(extracted.result()[1]["title"] if extracted else None)
        return real(text, fmt, extracted)

    monkeypatch.setattr("casebook.ingest.article.read_article", recording)
    content = copy_codebook(tmp_path / "content")
    assert cli.main(["ingest", str(PAGE), "--case", "page", "--content", str(content)]) == 0
    assert len(seen) == 1 and seen[0].startswith("pid ")
    assert seen[0] != f"pid {os.getpid()}"


def test_answer_computes_here_when_nothing_was_asked():
    assert answer(None, sorted, [3, 1, 2]) == [1, 2, 3]


@pytest.mark.parametrize("article", ["messy_post.html", "messy_post.md"])
def test_an_ingest_with_a_helper_writes_what_one_without_writes(tmp_path, article):
    written = {}
    for name in ("alone", "helped"):
        content = copy_codebook(tmp_path / name)
        helper = Helper.start() if name == "helped" else None
        try:
            done = pipeline.ingest(FIXTURES / "ingest" / article, "case", content, helper=helper)
            lines = pipeline.summary(done, helper=helper)
        finally:
            if helper:
                helper.close()
        files = sorted((content / "case").rglob("*"))
        written[name] = (
            [(f.relative_to(content), f.read_bytes()) for f in files if f.is_file()],
            [line.replace(str(content), "CONTENT") for line in lines],
        )
    assert written["helped"] == written["alone"]


@pytest.mark.parametrize(("cores", "helped"), [(4, True), (2, True), (1, False), (None, False)])
def test_the_command_line_has_a_helper_where_there_are_two_cores(
    tmp_path, monkeypatch, cores, helped
):
    given = []
    real = pipeline.ingest

    def recording(*args, helper=None, **kwargs):
        given.append(helper)
        return real(*args, helper=helper, **kwargs)

    monkeypatch.setattr(pipeline, "ingest", recording)
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    content = copy_codebook(tmp_path / "content")
    article = str(FIXTURES / "ingest" / "messy_post.txt")
    assert cli.main(["ingest", article, "--case", "case", "--content", str(content)]) == 0
    assert [isinstance(h, Helper) for h in given] == [helped]


KILLED = """
import os, signal
from casebook.ingest.helper import Helper
helper = Helper.start()
print(helper.ask(os.getpid).result(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_no_helper_outlives_a_command_killed_outright():
    """A helper that lived on would hold the killed command's output open: reading it to
    the end would wait for ever (here: time out)."""
    done = subprocess.run(
        [sys.executable, "-c", KILLED], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == -signal.SIGKILL
    helper = int(done.stdout.split()[0])
    for _ in range(100):  # the kernel's kill may land a moment after the output closed
        if _state(helper) == "gone":
            break
        time.sleep(0.05)
    else:
        raise AssertionError(f"helper {helper} still runs")


def _state(pid: int) -> str:
    """'gone' for a process that ended (a zombie waiting for its parent's wait counts)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][:1]
    except OSError:
        return "gone"
    return "gone" if state == "Z" else state


def imported(name: str) -> bool:
    """Whether the process running this has imported ``name`` (module level: a helper gets
    the function it runs by name)."""
    return name in sys.modules


@pytest.mark.parametrize(
    ("article", "page", "trafilatura", "tagging"),
    [
        (str(PAGE), True, True, False),  # read and extracted at once
        ("https://example.org/a", False, True, True),  # fetched by the command first
        ("report.pdf", False, False, True),
        ("notes.txt", False, False, True),
    ],
)
def test_a_helper_started_early_does_what_its_input_needs_first(
    monkeypatch, article, page, trafilatura, tagging
):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    for name in [m for m in sys.modules if m.split(".")[0] == "trafilatura"]:
        monkeypatch.delitem(sys.modules, name)  # as a fresh command has them: not yet
    monkeypatch.delitem(sys.modules, "casebook.tagging")
    ingest_helper.start_early(["ingest", article, "--case", "x"])
    helper = ingest_helper.for_ingest()
    try:
        assert helper is not None
        assert ingest_helper.for_ingest() is not helper  # taken once; the next is new
        assert (helper.page is not None) is page
        assert helper.ask(imported, "trafilatura").result() is trafilatura
        assert helper.ask(imported, "casebook.tagging").result() is tagging
    finally:
        helper.close()


def test_the_page_read_early_is_used_for_that_page_only():
    text = PAGE.read_text(encoding="utf-8")
    helper = Helper.start()
    try:
        helper.page = helper.ask(ingest_helper.read_page, str(PAGE))
        assert helper.page_read(text).result() == maintext.extract(text, {})
        with pytest.raises(LookupError):
            helper.page_read(text + " ").result()  # the file changed after the helper read it
        assert answer(helper.page_read(text + " "), len, "four") == 4  # then done here
    finally:
        helper.close()


@pytest.mark.parametrize("argv", [["check"], ["ingest"], ["paragraphs", "minusma"]])
def test_no_helper_starts_early_but_for_an_ingest(monkeypatch, argv):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    ingest_helper.start_early(argv)
    assert ingest_helper._early is None


def test_no_helper_on_one_core(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    ingest_helper.start_early(["ingest", "page.html"])
    assert ingest_helper.for_ingest() is None


@pytest.mark.parametrize("error", [NotImplementedError, ImportError, OSError])
def test_where_no_process_pool_can_be_made_there_is_no_helper(monkeypatch, error):
    """As on a system without a working sem_open (a container without /dev/shm)."""

    def refused(*_args, **_kwargs):
        raise error("This platform lacks a functioning sem_open implementation")

    monkeypatch.setattr(ingest_helper, "ProcessPoolExecutor", refused)
    assert ingest_helper.Helper.start() is None


def test_a_closed_helper_has_ended_its_process():
    """close() returns once the helper's process has ended: nothing of the pool is left
    for Python's exit to wake (which, racing a pool still closing, printed "Exception
    ignored ... Bad file descriptor" on the command's stderr)."""
    import multiprocessing

    helper = Helper.start()
    assert helper.ask(os.getpid).result() != os.getpid()
    helper.close()
    assert multiprocessing.active_children() == []
