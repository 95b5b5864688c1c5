"""Set aside the reviewed claims that a new text of the case no longer matches.

A claim names its paragraph by a quote. When an ingest replaces a case, the kept
``claims.yaml`` is checked against the new text; each claim with a problem of its own
(its quote or section gone) is cut out of ``claims.yaml``, as written, and added to
``claims.set-aside.yaml`` beside it with the reason, for an editor to fix and move back.
The loader never reads the set-aside file, so ``check`` stays clean.
"""

from __future__ import annotations

from pathlib import Path

from casebook import claimsfile, yamltext
from casebook.model import Case, Codebook

SET_ASIDE = "claims.set-aside.yaml"
_HEADER = (
    "# Claims set aside by `python -m casebook ingest`: the new text of the case no longer\n"
    "# matches them (see the reason above each). Fix a claim, then move it back into\n"
    "# claims.yaml. The dashboard does not read this file.\n"
    "claims:\n"
)


def set_aside_claims(folder: Path, codebook: Codebook, case: Case, facts) -> list[str]:
    """Move the claims with problems out of ``folder/claims.yaml``; a note for each."""
    path = folder / "claims.yaml"
    problems: list = []
    if path.is_file():
        claimsfile.read_claims(path, folder.parent, problems, codebook, case, facts)
    if not problems:
        return []
    lines = path.read_text(encoding="utf-8").split("\n")
    spans = _spans(yamltext.load("\n".join(lines)), len(lines))
    reasons: dict[int, list[str]] = {}
    for problem in problems:
        owner = [i for i, (_, start, end) in enumerate(spans) if start <= problem.line <= end]
        if not owner:  # a problem of the whole file: the ingest refuses it instead
            return []
        reasons.setdefault(owner[0], []).append(f"line {problem.line}: {problem.message}")
    removed = [(spans[i], reasons[i]) for i in sorted(reasons)]
    _write(folder, lines, removed)
    return [
        f"claim '{claim_id}' set aside in {SET_ASIDE}: {why[0].split(': ', 1)[1]}"
        for (claim_id, _, _), why in removed
    ]


def _spans(data, line_count: int) -> list[tuple[str, int, int]]:
    """(id, first line, last line) of each claim as written, trailing comments and blank
    lines left to the claim that follows."""
    entries = [e for e in data.get("claims") or [] if isinstance(e, yamltext.LineDict)]
    starts = [entry.line for entry in entries]
    after = [line for line in data.key_lines.values() if line > max(starts, default=0)]
    ends = [*(start - 1 for start in starts[1:]), min(after, default=line_count + 1) - 1]
    return [(str(e.get("id")), s, end) for e, s, end in zip(entries, starts, ends, strict=True)]


def _write(folder: Path, lines: list[str], removed) -> None:
    cut: set[int] = set()
    blocks = []
    for (claim_id, start, end), why in removed:
        while end > start and (not lines[end - 1].strip() or lines[end - 1].lstrip()[:1] == "#"):
            end -= 1
        cut.update(range(start, end + 1))
        reason = "".join(f"\n# {claim_id}: {line}" for line in why)
        blocks.append(reason.lstrip("\n") + "\n" + "\n".join(lines[start - 1 : end]) + "\n")
    kept = [line for number, line in enumerate(lines, start=1) if number not in cut]
    (folder / "claims.yaml").write_text("\n".join(kept), encoding="utf-8")
    aside = folder / SET_ASIDE
    before = aside.read_text(encoding="utf-8") if aside.is_file() else _HEADER
    aside.write_text(before + "".join(blocks), encoding="utf-8")
