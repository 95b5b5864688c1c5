"""Crash-safe, exclusive ingest: the case in place is always whole, one ingest per case at
a time, leftovers of an interrupted one cleared by the next, and a replaced case's claims
checked against the new text (those that no longer match set aside, never left to break
``check``). Real processes are killed and raced here."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import filelock
import pytest

from casebook import yamltext
from casebook.ingest import commit, pipeline
from casebook.ingest.setaside import SET_ASIDE
from casebook.loader import load_content, read_content
from tests.conftest import CONTENT, FIXTURES, ROOT

ARTICLE = FIXTURES / "ingest" / "messy_post.md"
CLAIMS = """\
claims:
  # --- the introduction -----------------------------------------------------
  - id: most-dangerous
    section: introduction
    quote: closed the most dangerous UN peacekeeping mission
    kind: unsourced
    note: Dangerous by which measure?
    themes: [security]

  # --- why the mission left --------------------------------------------------
  - id: asked-to-end
    section: why-the-mission-left
    quote: asked the Security Council to end the mandate
    kind: unsourced
    note: When, and in which letter?
    themes: [political]
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    root.mkdir()
    for name in ("themes.yaml", "examples.yaml"):  # the codebook and its coded examples
        if (CONTENT / name).is_file():
            shutil.copy(CONTENT / name, root)
    return root


def cli(content: Path, article: Path = ARTICLE, *extra: str) -> list[str]:
    return [sys.executable, "-m", "casebook", "ingest", str(article), "--case", "case",
            "--content", str(content), *extra]  # fmt: skip


def run(content: Path, article: Path = ARTICLE, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        cli(content, article, *extra), cwd=ROOT, capture_output=True, text=True, check=False
    )


def hidden(content: Path) -> list[str]:
    return sorted(p.name for p in content.iterdir() if p.name.startswith(".case."))


# --- nothing half-written ------------------------------------------------------------------


def test_a_failure_while_writing_leaves_no_trace(content, monkeypatch):
    def broken(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(commit, "_load_back", broken)
    with pytest.raises(OSError):
        pipeline.ingest(ARTICLE, "case", content)
    assert hidden(content) == [".case.lock"]
    assert not (content / "case").exists()


def test_a_failed_replacement_keeps_the_old_case(content, monkeypatch):
    pipeline.ingest(ARTICLE, "case", content)
    before = {p.name: p.read_bytes() for p in (content / "case").glob("*.md")}
    real_rename = commit.os.rename

    def rename(source, target):
        if str(source).endswith(".tmp"):
            raise OSError(5, "Input/output error")
        real_rename(source, target)

    monkeypatch.setattr(commit, "_exchange", lambda *_: False)  # the two-rename way
    monkeypatch.setattr(commit.os, "rename", rename)
    with pytest.raises(OSError):
        pipeline.ingest(FIXTURES / "ingest" / "messy_post.txt", "case", content, force=True)
    assert {p.name: p.read_bytes() for p in (content / "case").glob("*.md")} == before
    assert hidden(content) == [".case.lock"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_on_linux_the_replacement_is_one_atomic_exchange(content, monkeypatch):
    pipeline.ingest(ARTICLE, "case", content)
    real_rename = commit.os.rename

    def rename(source, target):
        if Path(target).name == "case" or Path(source).name == "case":
            raise AssertionError("the case folder was renamed away")
        real_rename(source, target)

    monkeypatch.setattr(commit.os, "rename", rename)
    pipeline.ingest(FIXTURES / "ingest" / "messy_post.txt", "case", content, force=True)
    assert (content / "case" / "source" / "article.txt").is_file()  # the new case is in
    assert hidden(content) == [".case.lock"]


# --- interrupted ingests --------------------------------------------------------------------


def test_leftovers_of_an_interrupted_replacement_are_restored_then_cleared(content):
    """Killed between the two renames: the old case sits in .case.*.old, the new in .tmp."""
    assert run(content).returncode == 0
    shutil.copytree(content / "case", content / ".case.4242-0000abcd.tmp")
    (content / "case").rename(content / ".case.4242-0000abcd.old")
    result = run(content)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"warning: {ARTICLE}: restored {content}/case from an interrupted replacement "
        "(.case.4242-0000abcd.old)",
        f"warning: {ARTICLE}: removed .case.4242-0000abcd.tmp, left by an interrupted ingest",
        f"error: {content}/case: case folder exists (add --force to replace it)",
    ]
    assert hidden(content) == [".case.lock"]
    assert [case.slug for case in load_content(content).cases] == ["case"]


def test_a_stale_old_copy_beside_a_whole_case_is_removed(content):
    assert run(content).returncode == 0
    shutil.copytree(content / "case", content / ".case.4242-0000abcd.old")
    result = run(content, ARTICLE, "--force")
    assert result.returncode == 0
    assert result.stderr == (
        f"warning: {ARTICLE}: removed .case.4242-0000abcd.old, a replaced case an interrupted "
        "ingest left\n"
    )
    assert hidden(content) == [".case.lock"]


# A real ingest process that kills itself (SIGKILL) at a named moment of putting the case in
# place, or waits there until a file appears: deterministic, where a kill or a second
# ingest after a delay can land before the first has even started writing.
AT_MOMENT = """
import os, signal, sys, time
from pathlib import Path
from casebook import cli
from casebook.ingest import commit

moment = sys.argv.pop(1)


def die(*_args):
    os.kill(os.getpid(), signal.SIGKILL)


def after(name):
    real = getattr(commit, name)

    def wrapped(*args, **kwargs):
        done = real(*args, **kwargs)
        die()
        return done

    setattr(commit, name, wrapped)


if moment == "writing":  # half of the new folder written
    real_write = commit._write_folder
    commit._write_folder = lambda folder, files, sources: (
        real_write(folder, dict(list(files.items())[:1]), sources), die())
elif moment == "validated":  # the new folder whole and checked, not yet swapped in
    after("_check_editorial")
elif moment == "exchanged":  # swapped in; the old case, now hidden, not yet removed
    after("_exchange")
elif moment.startswith("wait:"):  # the new folder written; wait for the file named
    release, real_write = Path(moment[5:]), commit._write_folder

    def write_then_wait(*args):
        real_write(*args)
        for _ in range(1200):
            if release.exists():
                return
            time.sleep(0.05)

    commit._write_folder = write_then_wait
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
@pytest.mark.parametrize("moment", ["writing", "validated", "exchanged"])
def test_an_ingest_killed_at_any_moment_leaves_a_whole_case_in_place(content, moment):
    """SIGKILL while the new folder is written, once it is validated, and just after the
    exchange: the case in place loads whole (the old one or the new one), the leftovers
    are never read as a case, and the next ingest clears them."""
    assert run(content).returncode == 0
    old = {p.name: p.read_bytes() for p in (content / "case").glob("*.md")}
    article = FIXTURES / "ingest" / "messy_post.txt"
    killed = subprocess.run(
        [sys.executable, "-c", AT_MOMENT, moment, *cli(content, article, "--force")[3:]],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(hidden(content)) == 2  # the lock and what the killed ingest left
    loaded = read_content(content)
    assert (loaded.slugs, loaded.broken) == (["case"], {})
    now = {p.name: p.read_bytes() for p in (content / "case").glob("*.md")}
    assert (now == old) == (moment != "exchanged")  # the new case only once swapped in
    result = run(content, article, "--force")
    assert result.returncode == 0, result.stderr
    assert "warning: " in result.stderr and "interrupted ingest" in result.stderr
    assert hidden(content) == [".case.lock"]


# --- one ingest per case --------------------------------------------------------------------


def test_a_second_ingest_of_a_locked_case_exits_2_with_one_line(content):
    with filelock.FileLock(content / ".case.lock", timeout=0):
        result = run(content)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: {content}/case: another ingest of this case is running; "
        "try again once it has finished\n"
    )
    assert not (content / "case").exists()


def test_a_second_ingest_while_the_first_writes_exits_2_and_loses_nothing(content, tmp_path):
    """The first ingest of a new case is held just after writing its folder, past the
    check that the case does not exist; a second ingest of that case is refused."""
    release = tmp_path / "release"
    first = subprocess.Popen(
        [sys.executable, "-c", AT_MOMENT, f"wait:{release}", *cli(content)[3:]],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(1200):  # until the first is writing
            if any(name.endswith(".tmp") for name in hidden(content)) or first.poll():
                break
            time.sleep(0.05)
        second = run(content, FIXTURES / "ingest" / "messy_post.txt")
    finally:
        release.touch()
        out, err = first.communicate(timeout=120)
    assert (first.returncode, second.returncode) == (0, 2), (err, second.stderr)
    assert second.stderr == (
        f"error: {content}/case: another ingest of this case is running; "
        "try again once it has finished\n"
    )
    assert [case.slug for case in load_content(content).cases] == ["case"]
    assert not (content / "case" / "source" / "article.txt").exists()  # the first's, .md
    assert hidden(content) == [".case.lock"]


# --- --force checks what it keeps ------------------------------------------------------------


def test_force_sets_aside_claims_the_new_text_no_longer_matches(content, tmp_path):
    assert run(content).returncode == 0
    (content / "case" / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    assert len(load_content(content).claims["case"]) == 2
    edited = tmp_path / "edited.md"
    text = ARTICLE.read_text(encoding="utf-8")
    edited.write_text(text.replace("asked the Security Council", "asked the Council"), "utf-8")
    result = run(content, edited, "--force")
    assert result.returncode == 0, result.stderr
    assert (
        "warning: "
        f"{edited}: claim 'asked-to-end' set aside in {SET_ASIDE}: annotation 'asked-to-end' "
        "no longer matches: its quote is in no paragraph of 'why-the-mission-left'"
    ) in result.stderr.splitlines()
    loaded = load_content(content)  # what check does: no problem left
    assert [claim.id for claim in loaded.claims["case"]] == ["most-dangerous"]
    kept = (content / "case" / "claims.yaml").read_text(encoding="utf-8")
    assert "# --- why the mission left" in kept and "asked-to-end" not in kept
    aside = yamltext.load((content / "case" / SET_ASIDE).read_text(encoding="utf-8"))
    assert [claim["id"] for claim in aside["claims"]] == ["asked-to-end"]


def test_force_refuses_a_kept_facts_file_with_problems(content):
    assert run(content).returncode == 0
    shutil.copy(FIXTURES / "broken" / "facts_no_source.yaml", content / "case" / "facts.yaml")
    before = sorted(p.name for p in (content / "case").iterdir())
    result = run(content, ARTICLE, "--force")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {content}/case: the kept facts.yaml does not validate")
    assert sorted(p.name for p in (content / "case").iterdir()) == before
    assert hidden(content) == [".case.lock"]
