"""``factcheck export``: publish worksheets as ClaimReview JSON-LD, Markdown, HTML or CSV.

The document goes to standard output, or with ``-o`` to a file written
atomically (a temporary file renamed over the target), so a failed export
never leaves a truncated file. Messages (claims left out of ClaimReview and
why, warnings, the count exported) go to standard error.
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

from .. import api
from ..errors import InputError, UsageError
from ..render import clean


def parse_date(value: str | None, option: str = "--published") -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date; write YYYY-MM-DD") from None


def run(paths, *, fmt: str, output: Path | None = None, published: str | None = None, config: Path | None = None,
        out=None, err=None) -> int:
    """Export the worksheets under ``paths`` (default claims/) in ``fmt``; returns the exit code."""
    from .. import yamlio

    out = out or sys.stdout
    err = err or sys.stderr
    day = parse_date(published)
    cfg = api.load_config(config)
    files = api.worksheet_files(paths)
    if not files:
        where = ", ".join(str(p) for p in paths) if paths else "claims"
        raise InputError(f"{where}: no worksheets (*.yaml) found; run factcheck extract first")
    doc = api.export(files, fmt, config=cfg, published=day)
    if output is not None and output.resolve() in doc.inputs:
        raise UsageError(f"-o {output}: is one of the files being exported; choose another output file")
    dest = f" to {output}" if output is not None else ""
    sheets = f"{doc.worksheets} worksheet{'s' if doc.worksheets != 1 else ''}"
    if fmt == "claimreview":
        lines = [f"{s.path}: {s.claim_id}: skipped: {s.reason}" for s in doc.skipped]
        lines += [f"warning: {w}" for w in doc.warnings]
        lines.append(f"exported {doc.exported} ClaimReview{'s' if doc.exported != 1 else ''}{dest} from {doc.claims} "
                     f"claim{'s' if doc.claims != 1 else ''} in {sheets}; {len(doc.skipped)} skipped")
    else:
        lines = [f"exported {doc.claims} claim{'s' if doc.claims != 1 else ''} from {sheets} as {fmt}{dest}"]
    if output is not None:
        yamlio.atomic_write(output, doc.text)
    else:
        out.write(doc.text)
        out.flush()
    for line in lines:
        err.write(clean(line) + "\n")
    err.flush()
    return 0

