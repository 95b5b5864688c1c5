"""Put a case folder in place: exclusively, whole, and never losing the one it replaces.

An ingest holds the case's lock (``content/.CASE.lock``) from start to end, so a second
ingest of the same case is refused with one line. The new files are written to a hidden
folder beside the target (``.CASE.PID-xxxx.tmp``: the loader never reads hidden folders),
loaded back and validated there, together with what is kept from the case being replaced
(facts, claims, notes). Claims whose quote or section no longer matches the new text are
set aside in ``claims.set-aside.yaml`` and reported. Only then is the folder swapped in:
on Linux by one atomic exchange of the two folders; elsewhere by two renames, the old case
first moved to ``.CASE.PID-xxxx.old``. A later ingest of the case clears what an
interrupted one left, restoring the old case if it was caught between the two renames.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import filelock

from casebook import claimsfile, factsfile, loader
from casebook.ingest import setaside
from casebook.ingest.source import IngestError
from casebook.model import Case, Codebook

EDITORIAL = ("facts.yaml", "claims.yaml")  # validated against the new text


@contextlib.contextmanager
def exclusive(target: Path) -> Iterator[list[str]]:
    """Hold the case's lock, after clearing an interrupted ingest's leftovers (the notes
    say what was done). Refuses at once if another ingest holds the lock."""
    if not target.parent.is_dir():  # the ingest itself says so, in its own words
        yield []
        return
    lock = filelock.FileLock(target.with_name(f".{target.name}.lock"), timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout:
        message = "another ingest of this case is running; try again once it has finished"
        raise IngestError(target, message) from None
    try:
        yield recover(target)
    finally:
        lock.release()


def recover(target: Path) -> list[str]:
    """Clear what an interrupted ingest of ``target`` left; call with the lock held."""
    notes = []
    for old in sorted(target.parent.glob(f".{target.name}.*.old")):
        if not target.exists() and (old / "case.yaml").is_file():
            os.rename(old, target)
            notes.append(f"restored {target} from an interrupted replacement ({old.name})")
        else:
            shutil.rmtree(old)
            notes.append(f"removed {old.name}, a replaced case an interrupted ingest left")
    for unfinished in sorted(target.parent.glob(f".{target.name}.*.tmp")):
        shutil.rmtree(unfinished)
        # before the swap it is the new case, unfinished; after it, the case just replaced
        notes.append(f"removed {unfinished.name}, left by an interrupted ingest")
    return notes


def write_case(
    target: Path, files: dict, sources: dict, codebook: Codebook, replace: bool = False
) -> tuple[Case, list[str]]:
    """Write, validate, then swap into place; on any failure leave nothing behind.

    Returns the case as loaded back and notes for the reader: files kept from the folder
    it replaces, claims set aside.
    """
    if target.exists() and not replace:  # checked again under the lock
        raise IngestError(target, "case folder exists (add --force to replace it)")
    folder = _sibling(target, "tmp")
    folder.mkdir()  # unlike mkdtemp's, with the usual permissions
    try:
        _write_folder(folder, files, sources)
        kept = _keep_editorial(target, folder)
        case = _load_back(folder, target, codebook)
        notes = _check_editorial(folder, target, codebook, case)
        _swap(folder, target)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if kept:
        notes.insert(0, f"kept from the replaced case folder: {', '.join(kept)}")
    return case, notes


def _sibling(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.{kind}")


def _write_folder(folder: Path, files: dict[str, str], sources: dict[str, str | bytes]) -> None:
    (folder / "source").mkdir()
    for name, text in sources.items():
        if isinstance(text, bytes):  # a PDF, kept as it came
            (folder / "source" / name).write_bytes(text)
        else:
            (folder / "source" / name).write_text(text, encoding="utf-8")
    for name, text in sorted(files.items(), key=lambda item: item[0] == "case.yaml"):
        (folder / name).write_text(text, encoding="utf-8")  # case.yaml last


def _keep_editorial(target: Path, folder: Path) -> list[str]:
    """Copy what an ingest does not make (facts, claims, notes) from the folder it replaces."""
    kept = []
    for path in sorted(target.iterdir()) if target.is_dir() else []:
        if path.suffix != ".md" and path.name not in ("case.yaml", "source"):
            copy = shutil.copytree if path.is_dir() else shutil.copy2
            copy(path, folder / path.name)
            kept.append(path.name)
    return kept


def _load_back(folder: Path, target: Path, codebook: Codebook) -> Case:
    problems: list = []
    case = loader.read_case(folder, folder.parent, problems, codebook)
    if case is None or problems:
        first = problems[0] if problems else "the case does not load"
        raise IngestError(target, f"the written case does not validate: {first}")
    return dataclasses.replace(case, slug=target.name)


def _check_editorial(folder: Path, target: Path, codebook: Codebook, case: Case) -> list[str]:
    """Validate the kept facts and claims against the new case: claims that no longer
    match are set aside (with a note each); any other problem refuses the ingest."""
    problems: list = []
    facts = factsfile.read_record(folder / "facts.yaml", folder.parent, problems, codebook)
    if problems:
        raise IngestError(target, f"the kept facts.yaml does not validate: {problems[0]}")
    notes = setaside.set_aside_claims(folder, codebook, case, facts.facts)
    claims = folder / "claims.yaml"
    claimsfile.read_claims(claims, folder.parent, problems, codebook, case, facts.facts)
    if problems:
        raise IngestError(target, f"the kept claims.yaml does not validate: {problems[0]}")
    return notes


def _swap(folder: Path, target: Path) -> None:
    """Put ``folder`` at ``target``; whatever was there goes, once the new case is in."""
    if not target.exists():
        os.rename(folder, target)
    elif _exchange(folder, target):
        shutil.rmtree(folder)  # now the old case
    else:
        old = _sibling(target, "old")
        os.rename(target, old)
        try:
            os.rename(folder, target)
        except OSError:
            os.rename(old, target)
            raise
        shutil.rmtree(old)


_RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux's renameat2); False where unsupported."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd = -100  # AT_FDCWD
    done = renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE)
    return done == 0


def _libc():
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover - no C library to ask
        return None
