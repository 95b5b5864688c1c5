"""The examples' vectors kept between runs, one file per model and set of example texts.

Files live in ``$XDG_CACHE_HOME/casebook`` (``~/.cache/casebook`` when unset). A file is
written whole or not at all for a reader at the same moment (a temporary file, then a
rename); one that cannot be read, or holds the wrong shape, is computed again; a
read-only or full cache costs time only. Each write prunes the folder to the
:data:`KEEP_CACHED` files used last, and removes what writes killed halfway left.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

KEEP_CACHED = 3  # example caches kept beside the one just written: the most recently used
ABANDONED = 3600  # s: a temporary cache file this old was left by a write killed halfway


def cache_folder() -> Path:
    """Where the examples' vectors are kept between runs: ``$XDG_CACHE_HOME/casebook``
    (``~/.cache/casebook`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "casebook"


def file_for(parts: Sequence[str]) -> Path:
    """The cache file named by everything its vectors depend on (the model and the texts)."""
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8"))
    return cache_folder() / f"examples-{digest.hexdigest()[:24]}.npy"


def cached(path: Path, shape: tuple[int, int], compute: Callable[[], np.ndarray]) -> np.ndarray:
    """The float32 vectors kept at ``path``, when an earlier run kept them with this
    ``shape``; otherwise ``compute()``, kept if the folder can be written."""
    kept = _read_cached(path, shape)
    if kept is not None:
        return kept
    vectors = compute()
    if _write_cached(path, vectors):
        _prune(path)
    return vectors


def _read_cached(path: Path, shape: tuple[int, int]) -> np.ndarray | None:
    """The vectors kept at ``path``, marked as just used (its time is what pruning keeps
    by); None if missing, unreadable or of the wrong shape."""
    try:
        kept = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError):
        return None
    if kept.shape != shape or kept.dtype != np.float32:
        return None
    with contextlib.suppress(OSError):  # a read-only cache: it is only kept a shorter time
        os.utime(path)
    return kept


def _write_cached(path: Path, vectors: np.ndarray) -> bool:
    """Keep ``vectors`` at ``path``, whole or not at all for a reader at the same moment;
    False if the folder cannot be written (a read-only home: compute again next time)."""
    written = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
            written = Path(out.name)
            np.save(out, vectors, allow_pickle=False)
        os.replace(written, path)
    except OSError:
        if written is not None:  # a full disk: leave no half-written file behind
            with contextlib.suppress(OSError):
                written.unlink()
        return False
    return True


def _prune(current: Path) -> None:
    """Remove the example caches beside ``current`` but the KEEP_CACHED most recently used
    (each edit of the examples leaves one), and the temporary files of writes killed
    halfway. Never fails: a process reading a removed file keeps its open copy (POSIX),
    one about to read it computes the vectors again, and a file that cannot be removed
    stays."""
    others = ((_last_used(p), p) for p in _files(current.parent, "examples-*.npy"))
    ranked = sorted(((u, p) for u, p in others if u is not None and p != current), reverse=True)
    cutoff = time.time() - ABANDONED
    left = [p for p in _files(current.parent, "*.tmp") if (_last_used(p) or cutoff) < cutoff]
    for stale in [p for _, p in ranked[KEEP_CACHED:]] + left:
        with contextlib.suppress(OSError):
            stale.unlink()


def _files(folder: Path, pattern: str) -> list[Path]:
    try:
        return list(folder.glob(pattern))
    except OSError:
        return []


def _last_used(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another process's pruning
        return None
