"""``factcheck similar``: claims of other worksheets that say what this worksheet's claims say."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

from rich.text import Text

from ..config import load_config
from ..memory.index import rel, using_index
from ..memory.match import THRESHOLD, similar
from ..render import clean
from ..worksheet import load


def run(file: Path, claim_id: str | None, *, show_all: bool = False, fmt: str = "text", config: Path | None = None,
        console, err) -> int:
    """Print, for each claim of ``file`` (or ``claim_id``), the closest claims elsewhere; returns 0."""
    cfg = load_config(config)
    result = load(file, cfg, check_article=False)
    if result.worksheet is None:
        result.raise_if_invalid("searched")
    ws = result.worksheet
    ids = [claim_id] if claim_id is not None else None
    if ids:
        ws.require_claim(claim_id)  # a usage error before touching the index
    results, notices = using_index(lambda idx, _stats: similar(idx, ws, ids), config=cfg)
    for n in notices:
        err(n)
    everything = show_all or claim_id is not None
    shown = [r for r in results if everything or r.suggested]
    path = rel(file, Path("."))
    if fmt == "json":
        sys.stdout.write(json.dumps(to_json(path, shown, everything), indent=2, ensure_ascii=False) + "\n")
        return 0
    write_text(console, path, results, shown, everything)
    return 0


def match_dict(m, threshold: int) -> dict:
    row = m.row
    return {
        "path": row.path, "id": row.claim_id, "text": row.text, "status": row.status, "verdict": row.verdict,
        "source": row.source, "score": m.score, "suggested": m.score >= threshold, "relation": m.relation,
        "numbers": {"this": m.conflict[0], "other": m.conflict[1]} if m.conflict else None, "linked": m.linked,
    }


def to_json(path: str, shown, everything: bool) -> dict:
    claims = []
    for r in shown:
        matches = r.matches if everything else r.suggested
        claims.append({"id": r.claim.id, "text": r.claim.text,
                       "matches": [match_dict(m, r.threshold) for m in matches]})
    return {"path": path, "threshold": THRESHOLD, "claims": claims}


def _state(row) -> str:
    return f"{row.status or 'unchecked'}, {row.verdict}" if row.verdict else (row.status or "unchecked")


def write_text(console, path: str, results, shown, everything: bool) -> None:
    def say(line: str, style: str | None = None) -> None:
        console.print(Text(line, style=style), soft_wrap=True)

    n = sum(1 for r in results if r.suggested)
    of = f"{n} of {len(results)} claim{'s' if len(results) != 1 else ''}"
    verb = "resembles" if n == 1 else "resemble"
    say(f"{clean(path)}: {of} {verb} claims in other worksheets (score >= {THRESHOLD} of 100)")
    first_pair = None
    for r in shown:
        say("")
        say(f"{clean(r.claim.id)}: {clean(r.claim.text)}", "bold")
        matches = r.matches if everything else r.suggested
        if not matches:
            say("  nothing similar in other worksheets")
        for m in matches:
            row = m.row
            say(f"  {m.score:3d}  {clean(row.ref)}  {clean(_state(row))}  {clean(row.source or 'no source')}")
            say(f"       {clean(row.text)}")
            say(f"       {m.describe() if m.score >= r.threshold else 'below the threshold: not suggested'}",
                "dim" if m.score < r.threshold else None)
            if first_pair is None and m.score >= r.threshold and not m.linked and not m.conflict:
                first_pair = (r.claim.id, row.ref)
    if first_pair is not None:
        cid, ref = first_pair
        say("")
        say("Record what you decide (the suggestion is never applied by itself):")
        say(f"  factcheck set {shlex.quote(path)} {shlex.quote(cid)} --same-as {shlex.quote(ref)}")
        say("  (or --not-same-as to stop the suggestion; --verdict-from to copy the verdict and sources)")


def extraction_hints(worksheets: list[Path], config=None) -> list[str]:
    """For ``extract``: one line per worksheet with claims that resemble claims already checked elsewhere.

    Best effort: a hint that cannot be computed (unwritable folder, damaged
    worksheet) is left out rather than failing the extraction it follows.
    """
    import sqlite3

    from ..errors import FactcheckError
    from ..memory.match import resembling_checked

    lines = []
    try:
        if not _anything_to_compare(worksheets):
            return []  # and no index is created: extract into an empty project leaves no .factcheck/
        sheets = []
        for p in worksheets:
            r = load(p, config, check_article=False)
            if r.worksheet is not None:
                sheets.append(r.worksheet)
        if not sheets:
            return []
        found, _ = using_index(lambda idx, _s: [(ws.path, len(resembling_checked(similar(idx, ws)))) for ws in sheets],
                               config=config)
    except (FactcheckError, OSError, sqlite3.Error):
        return []
    for path, n in found:
        if n:
            shown = rel(path, Path("."))
            claims = "claim resembles a claim" if n == 1 else "claims resemble claims"
            lines.append(f"{shown}: {n} {claims} already checked: run factcheck similar {shlex.quote(shown)}")
    return lines


def _anything_to_compare(written: list[Path]) -> bool:
    """Whether an index exists, or ``claims/`` holds worksheets other than those just written."""
    from ..memory.index import DEFAULT_ROOTS, INDEX_DIR, INDEX_NAME
    from ..worksheet import find_worksheets

    if (Path(INDEX_DIR) / INDEX_NAME).exists():
        return True
    mine = {p.resolve() for p in written}
    files, _ = find_worksheets([Path(r) for r in DEFAULT_ROOTS if Path(r).is_dir()])
    return any(f.resolve() not in mine for f in files)
