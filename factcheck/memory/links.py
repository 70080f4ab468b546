"""Links people record between claims: ``same_as`` and ``not_same_as``.

A link is ``OTHER.yaml#ID`` with the path relative to the folder of the
worksheet that holds it (like ``article.path``), so a folder of worksheets can
be moved or cloned without breaking its links. ``set --same-as`` takes the path
as typed on the command line (relative to the current folder) and stores it in
that form.

Nothing here imports SQLite or rapidfuzz: ``check`` reads links on every run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import UsageError


@dataclass
class Target:
    """A claim in another worksheet that a link points at."""

    stored: str  # the link as written in the worksheet: OTHER.yaml#ID relative to its folder
    path: Path
    claim: object  # worksheet.Claim


def split_ref(ref: str, option: str = "") -> tuple[str, str]:
    """``('claims/a.yaml', 'some-id')`` from ``claims/a.yaml#some-id``; a UsageError when malformed."""
    path, sep, cid = ref.rpartition("#")
    if not sep or not path or not cid:
        where = f"{option} " if option else ""
        raise UsageError(f"{where}{ref!r}: write the other claim as WORKSHEET.yaml#ID, e.g. claims/story.yaml#gas-exports-14-1a2b")
    return path, cid


def target(file: Path, ref: str, config: Config, option: str) -> Target:
    """The claim ``ref`` (typed relative to the current folder) points at, checked to exist, for ``file``."""
    from ..worksheet import load

    path_s, cid = split_ref(ref, option)
    other = Path(path_s)
    if not other.is_file():
        raise UsageError(f"{option} {ref}: no worksheet {path_s}; give its path from the current folder")
    if other.resolve() == file.resolve():
        raise UsageError(f"{option} {ref}: points at a claim of the same worksheet; links are between worksheets")
    result = load(other, config, check_article=False)
    if result.worksheet is None:
        result.raise_if_invalid("read")
    claim = result.worksheet.require_claim(cid)
    stored_path = Path(os.path.relpath(other.resolve(), file.resolve().parent)).as_posix()
    return Target(f"{stored_path}#{cid}", other, claim)


def follow(sheet_path: Path, stored: str, config: Config | None = None, cache: dict | None = None):
    """The claim a stored link of the worksheet at ``sheet_path`` points at, or None when it is gone.

    ``cache`` (resolved path -> Worksheet or None) saves loading one worksheet
    once per linking claim.
    """
    from ..worksheet import load

    path_s, _, cid = stored.rpartition("#")
    other = (sheet_path.parent / path_s).resolve()
    cache = {} if cache is None else cache
    if other not in cache:
        ws = None
        if other.is_file():
            ws = load(other, config, check_article=False).worksheet
        cache[other] = ws
    ws = cache[other]
    return ws.claim(cid) if ws is not None else None


def link_change(file: Path, claim_id: str, change, config: Config, *, same_as: list[str], not_same_as: list[str],
                verdict_from: str | None) -> None:
    """Add the links (and, for ``verdict_from``, the copied verdict, sources and note) to an ``edit.Change``."""
    same = [target(file, r, config, "--same-as") for r in same_as]
    other = [target(file, r, config, "--not-same-as") for r in not_same_as]
    both = {t.stored for t in same} & {t.stored for t in other}
    if both:
        raise UsageError(f"{sorted(both)[0]}: given to both --same-as and --not-same-as; choose one")
    if verdict_from is not None:
        if change.verdict is not None or change.sources:
            raise UsageError("--verdict-from copies the verdict and sources; do not also give --verdict or --source")
        src = target(file, verdict_from, config, "--verdict-from")
        if src.claim.verdict is None:
            raise UsageError(f"--verdict-from {verdict_from}: that claim has no verdict yet; nothing to copy")
        change.verdict = src.claim.verdict
        change.sources = [{"url": s.url, "title": s.title, "accessed": s.accessed, "archived": s.archived,
                           "note": s.note} for s in src.claim.sources if s.url]
        copied = f"Verdict ({src.claim.verdict}) and sources copied from {src.stored}"
        change.note = copied + (f"; {change.note}" if change.note else "")
        if src.stored not in {t.stored for t in same}:
            same.append(src)
    if same:
        change.appends["same_as"] = [t.stored for t in same]
    if other:
        change.appends["not_same_as"] = [t.stored for t in other]
    _refuse_contradiction(file, claim_id, change, config)


def _refuse_contradiction(file: Path, claim_id: str, change, config: Config) -> None:
    """A link already recorded the other way round is a decision to undo by hand, not to overwrite."""
    from ..worksheet import load

    result = load(file, config, check_article=False)
    claim = result.worksheet.claim(claim_id) if result.worksheet is not None else None
    if claim is None:
        return  # apply_change reports the unreadable worksheet or the unknown id
    for key, opposite, option in (("same_as", claim.not_same_as, "--not-same-as"),
                                  ("not_same_as", claim.same_as, "--same-as")):
        for ref in change.appends.get(key, []):
            if ref in opposite:
                raise UsageError(f"{file}: {claim_id}: {ref} is already recorded as {option.lstrip('-')}; "
                                 f"remove it from the worksheet by hand first if you changed your mind")


def from_here(sheet_path: Path, stored: str) -> str:
    """A stored link as a path from the current folder, as ``set --same-as`` takes it."""
    path_s, _, cid = stored.rpartition("#")
    other = os.path.normpath(os.path.join(os.path.dirname(str(sheet_path)) or ".", path_s))
    return f"{Path(other).as_posix()}#{cid}"
