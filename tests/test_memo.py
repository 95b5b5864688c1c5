"""The bounded map the dashboard shares its content, frames and charts through."""

from __future__ import annotations

import threading
import time

import pytest

from casebook.memo import Memo


def test_a_value_is_built_once_and_then_read():
    memo, builds = Memo(4), []
    build = lambda: builds.append(1) or ["value"]  # noqa: E731
    first = memo.get(("view", 1), build)
    assert memo.get(("view", 1), build) is first
    assert builds == [1]
    assert ("view", 1) in memo and len(memo) == 1


def test_the_least_recently_used_value_is_dropped_past_the_size():
    memo = Memo(2)
    memo.get("a", lambda: "A")
    memo.get("b", lambda: "B")
    memo.get("a", lambda: "not built: a is there")  # a is now the most recently used
    memo.get("c", lambda: "C")
    assert "b" not in memo
    assert [memo.get(key, lambda: "rebuilt") for key in "ac"] == ["A", "C"]
    assert memo.get("b", lambda: "rebuilt") == "rebuilt"
    assert len(memo) == 2


def test_a_failed_build_stores_nothing_and_the_next_call_tries_again():
    memo = Memo(2)

    def broken():
        raise OSError("unreadable")

    with pytest.raises(OSError, match="unreadable"):
        memo.get("k", broken)
    assert "k" not in memo
    assert memo.get("k", lambda: 3) == 3


def test_sessions_asking_together_for_a_new_value_build_it_once():
    memo, builds, results = Memo(8), [], []
    start = threading.Barrier(6)

    def slow():
        builds.append(threading.get_ident())
        time.sleep(0.05)  # the others ask while this one builds
        return object()

    def session():
        start.wait()
        results.append(memo.get("view", slow))

    threads = [threading.Thread(target=session) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert len(results) == 6 and all(result is results[0] for result in results)


def test_a_value_there_is_read_while_another_is_being_built():
    memo = Memo(8)
    memo.get("ready", lambda: "R")
    building, release = threading.Event(), threading.Event()

    def slow():
        building.set()
        release.wait(5)
        return "S"

    builder = threading.Thread(target=lambda: memo.get("slow", slow))
    builder.start()
    assert building.wait(5)
    try:
        assert memo.get("ready", lambda: "not built") == "R"  # does not wait for the build
    finally:
        release.set()
        builder.join()
    assert memo.get("slow", lambda: "not built") == "S"


def test_a_build_may_ask_for_another_value():
    memo = Memo(4)
    outer = memo.get("outer", lambda: memo.get("inner", lambda: 2) + 1)
    assert (outer, memo.get("inner", lambda: 0)) == (3, 2)


def test_clear_drops_everything_and_a_size_below_one_is_refused():
    memo = Memo(3)
    memo.get("a", lambda: 1)
    memo.clear()
    assert len(memo) == 0 and memo.get("a", lambda: 2) == 2
    with pytest.raises(ValueError, match="at least one"):
        Memo(0)
