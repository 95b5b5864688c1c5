"""A second process for the ingest command, on a machine with two cores or more.

The command forks it as it starts (``python -m casebook``: before importing its own
modules, see :func:`start_early`). The helper then takes, in order, work the command would
otherwise do itself, while the command does the rest:

- for a web page named on the command line, reading the file and trafilatura's reading of
  its main text (:func:`read_page`), while the command imports its pipeline and parses
  the page's own structure; for anything else, importing what its work will need
  (trafilatura for a link, whose reading it does once the command has fetched it; numpy
  and the tagging);
- loading the embedding model, while the command reads the page's answer and drafts the
  sections;
- tagging its share of the paragraphs, read from the drafted section files, while the
  command writes and checks the case, then comparing the undecided paragraphs of the
  command's own share with the coded examples as it matches their words
  (:mod:`casebook.ingest.themecount`).

Each answer is what the command would have computed from the same input. Where no helper
could be started, or it fails, the command computes the answer itself (:func:`answer`): a
helper costs time at most. It runs on Linux only (macOS offers fork, but forking there is
unsafe once system libraries are loaded) and dies with the command, even one killed
outright, so it never holds the command's output open.
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TypeVar

from casebook.ingest.source import EXTENSIONS

T = TypeVar("T")

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

_early: Helper | None = None  # started by start_early, taken by for_ingest


class Helper:
    """The helper process; its answers come back as futures."""

    def __init__(self, pool: ProcessPoolExecutor):
        self.pool = pool
        self.page: Future | None = None  # read_page's answer, if asked by start_early

    def page_read(self, text: str) -> Checked | None:
        """The early reading of the web page, good only for this very ``text``."""
        return Checked(self.page, text) if self.page is not None else None

    @classmethod
    def start(cls) -> Helper | None:
        """A helper (forked when first asked); None where none can be had."""
        if not sys.platform.startswith("linux"):
            return None
        try:
            return cls(ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("fork"),
                initializer=_die_with, initargs=(os.getpid(),),
            ))  # fmt: skip
        except (OSError, RuntimeError, NotImplementedError, ImportError):
            return None  # e.g. no working sem_open (a container without /dev/shm)

    def ask(self, work: Callable[..., T], *args) -> Future | None:
        """``work(*args)`` (a module-level function: the helper gets it by name), to be
        done in the helper after what was asked before; None if it cannot be asked."""
        try:
            return self.pool.submit(work, *args)
        except (OSError, RuntimeError):  # RuntimeError: the pool broke or was shut down
            return None

    def close(self) -> None:
        """Stop the helper once its current work is done (what was asked and not begun is
        dropped). Waiting matters: a pool shut down without waiting can close its wake-up
        pipe while Python's exit hook writes to it, which prints "Exception ignored ...
        Bad file descriptor" on the command's stderr (Python 3.11's concurrent.futures)."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def start_early(argv: list[str]) -> None:
    """For ``ingest ARTICLE ...`` on two cores or more: fork the helper now, before the
    command imports its pipeline, and give it its first work (see the module's text)."""
    global _early
    if len(argv) >= 2 and argv[0] == "ingest" and _two_cores():
        _early = Helper.start()
        if _early and EXTENSIONS.get(Path(argv[1]).suffix.lower()) == "html":
            _early.page = _early.ask(read_page, argv[1])
        elif _early:
            _early.ask(preload, argv[1])


def for_ingest() -> Helper | None:
    """The helper :func:`start_early` started, else a new one on two cores or more."""
    global _early
    helper, _early = _early, None
    if helper is None and _two_cores():
        helper = Helper.start()
    return helper


def _two_cores() -> bool:
    return (os.cpu_count() or 1) >= 2


def load_model() -> None:
    """In the helper: load the embedding model (:func:`casebook.semantic.load`), imported
    here so that the command itself need not import numpy."""
    from casebook import semantic

    semantic.load()


def preload(article: str) -> None:
    """In the helper: import trafilatura for a link (which may be a web page, read once
    fetched), then the tagging (numpy, the stemmer), which its work needs."""
    from casebook.ingest.fetch import is_url

    if is_url(article):
        import trafilatura  # noqa: F401
    import casebook.tagging  # noqa: F401


def read_page(path: str) -> tuple[str, tuple[str, dict[str, str]]] | None:
    """In the helper: a web page file read as the command reads it, and trafilatura's
    reading of it (:func:`casebook.ingest.maintext.extract`, all metadata asked), with the
    digest of the text read; None for anything but a readable web page (the command says
    what is wrong with it)."""
    from casebook.ingest import maintext
    from casebook.ingest.source import IngestError, read_source

    try:
        source = read_source(Path(path))
    except (IngestError, OSError):
        return None
    if source.format != "html":
        return None
    return digest(source.text), maintext.extract(source.text, {})


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Checked:
    """The early reading of a web page, to be used only for the text the command read: a
    different text (the file changed in between), or none, raises LookupError, and
    :func:`answer` then does the work here."""

    def __init__(self, asked: Future, text: str):
        self.asked, self.text = asked, text

    def result(self):
        found = self.asked.result()
        if found is None or found[0] != digest(self.text):
            raise LookupError("the page read early is not the page read")
        return found[1]


def answer(asked: Future | Checked | None, work: Callable[..., T], *args) -> T:
    """The helper's answer to what was ``asked``, or ``work(*args)`` done here where
    nothing was asked, the helper failed or its answer does not apply."""
    if asked is not None:
        try:
            return asked.result()
        except (BrokenProcessPool, OSError, LookupError):
            pass
    return work(*args)


def _die_with(parent: int) -> None:
    """In the helper: ask Linux to kill it when the command that forked it dies
    (``prctl(PR_SET_PDEATHSIG, SIGKILL)``)."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the command died before the request was made
        os._exit(0)
