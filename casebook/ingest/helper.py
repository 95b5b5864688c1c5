"""A second process for the ingest command, on a machine with two cores or more.

The command forks it as it starts (``python -m casebook``: before importing its own
modules, see :func:`start_early`). The helper then takes, in order, work the command would
otherwise do itself, while the command does the rest:

- importing what that work needs (numpy, the tagging, and trafilatura for a web page),
  while the command imports its pipeline;
- for a web page, trafilatura's reading of the main text, while the command parses the
  page's own structure (:func:`casebook.ingest.maintext.extract`);
- loading the embedding model, while the command writes and checks the case and matches
  the words of its paragraphs;
- comparing each part's undecided paragraphs with the coded examples
  (:mod:`casebook.ingest.themecount`).

Each answer is what the command would have computed from the same input. Where no helper
could be started, or it fails, the command computes the answer itself (:func:`answer`): a
helper costs time at most. It runs on Linux only (macOS offers fork, but forking there is
unsafe once system libraries are loaded) and dies with the command, even one killed
outright, so it never holds the command's output open.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

_early: Helper | None = None  # started by start_early, taken by for_ingest


class Helper:
    """The helper process; its answers come back as futures."""

    def __init__(self, pool: ProcessPoolExecutor):
        self.pool = pool

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
        self.pool.shutdown(wait=False, cancel_futures=True)


def start_early(argv: list[str]) -> None:
    """For ``ingest ARTICLE ...`` on two cores or more: fork the helper now, before the
    command imports its pipeline, and have it import meanwhile what its work will need."""
    global _early
    if len(argv) >= 2 and argv[0] == "ingest" and (os.cpu_count() or 1) >= 2:
        _early = Helper.start()
        if _early:
            _early.ask(preload, argv[1])


def for_ingest() -> Helper | None:
    """The helper :func:`start_early` started, else a new one on two cores or more."""
    global _early
    helper, _early = _early, None
    if helper is None and (os.cpu_count() or 1) >= 2:
        helper = Helper.start()
    return helper


def preload(article: str) -> None:
    """In the helper: import the tagging (numpy, the stemmer), and trafilatura for what may
    be a web page (an .html name or a link; for anything else it is never used)."""
    import casebook.tagging  # noqa: F401

    if article.lower().endswith((".html", ".htm")) or article.startswith(("http:", "https:")):
        import trafilatura  # noqa: F401


def answer(asked: Future | None, work: Callable[..., T], *args) -> T:
    """The helper's answer to what was ``asked``, or ``work(*args)`` done here where
    nothing was asked or the helper failed."""
    if asked is not None:
        try:
            return asked.result()
        except (BrokenProcessPool, OSError):
            pass
    return work(*args)


def _die_with(parent: int) -> None:
    """In the helper: ask Linux to kill it when the command that forked it dies
    (``prctl(PR_SET_PDEATHSIG, SIGKILL)``)."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the command died before the request was made
        os._exit(0)
