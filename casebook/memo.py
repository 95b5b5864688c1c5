"""A bounded map of values shared by every session of the server, each built once.

The dashboard's content, frames, charts and page fragments are built once per content
version and view and then read by every rerun of every session. Streamlit's
``st.cache_resource`` did this before, but it hashes every argument with its own hasher
and inspects the function's signature on every call: about a quarter of a millisecond a
call, several times a rerun, and 7% of the server's time under load (bench/RESULTS.md).
Here a key is a tuple of plain values, looked up as a dict key.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class Memo:
    """Up to ``size`` values, the least recently used dropped first.

    A missing value is built under a lock, so two sessions asking for the same new view
    build it once (the second waits and reads it); values already there are read without
    waiting for a build. Values are shared: nothing may change one it gets from here."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"a memo holds at least one value, not {size}")
        self.size = size
        self._values: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()  # guards _values; held only for a lookup or a store
        self._building = threading.RLock()  # one build at a time; a build may ask for more

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value for ``key``, from ``build()`` the first time (and after it is dropped).
        A build that raises stores nothing: the next call tries again."""
        found, value = self._lookup(key)
        if found:
            return value  # type: ignore[return-value]
        with self._building:
            found, value = self._lookup(key)  # built while this call waited
            if found:
                return value  # type: ignore[return-value]
            value = build()
            with self._lock:
                self._values[key] = value
                while len(self._values) > self.size:
                    self._values.popitem(last=False)
            return value

    def _lookup(self, key: Hashable) -> tuple[bool, object]:
        with self._lock:
            if key not in self._values:
                return False, None
            self._values.move_to_end(key)
            return True, self._values[key]

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._values
