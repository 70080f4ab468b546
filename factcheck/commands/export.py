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

from ..errors import UsageError

DEFAULT_PATHS = [Path("claims")]


def parse_date(value: str | None, option: str = "--published") -> _dt.date:
    if value is None:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date; write YYYY-MM-DD") from None


def run(paths, *, fmt: str, output: Path | None = None, published: str | None = None, config: Path | None = None,
        out=None, err=None) -> int:
    """Export the worksheets under ``paths`` (default claims/) in ``fmt``; returns the exit code."""
    from .. import yamlio
    from ..config import load_config
    from ..publish import FORMATS
    from ..publish.sheets import load_sheets
    from ..render import clean

    out = out or sys.stdout
    err = err or sys.stderr
    if fmt not in FORMATS:
        raise UsageError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    day = parse_date(published)
    cfg = load_config(config)
    if fmt == "claimreview":
        from ..publish import claimreview

        claimreview.require_config(cfg)  # before reading anything: the one-line error comes first
    paths = list(paths or DEFAULT_PATHS)
    sheets = load_sheets(paths, cfg, with_article=(fmt == "html"))
    if output is not None:
        _refuse_own_inputs(output, sheets)
    messages: list[str] = []
    dest = f" to {output}" if output is not None else ""
    if fmt == "claimreview":
        result = claimreview.build(sheets, cfg, day)
        text = claimreview.render(result.reviews)
        messages += [f"{s.path}: {s.claim_id}: skipped: {s.reason}" for s in result.skipped]
        messages += [f"warning: {w}" for w in result.warnings]
        n = len(result.reviews)
        summary = (f"exported {n} ClaimReview{'s' if n != 1 else ''}{dest} from {result.claims} "
                   f"claim{'s' if result.claims != 1 else ''} in {_sheets(sheets)}; {len(result.skipped)} skipped")
    else:
        if fmt == "markdown":
            from ..publish import markdown as renderer
        elif fmt == "html":
            from ..publish import html as renderer
        else:
            from ..publish import csv as renderer
        text = renderer.render(sheets, cfg, day) if fmt == "html" else renderer.render(sheets, cfg)
        n = sum(len(s.claims) for s in sheets)
        summary = f"exported {n} claim{'s' if n != 1 else ''} from {_sheets(sheets)} as {fmt}{dest}"
    if output is not None:
        yamlio.atomic_write(output, text)
    else:
        out.write(text)
        out.flush()
    for line in messages + [summary]:
        err.write(clean(line) + "\n")
    err.flush()
    return 0


def _sheets(sheets) -> str:
    return f"{len(sheets)} worksheet{'s' if len(sheets) != 1 else ''}"


def _refuse_own_inputs(output: Path, sheets) -> None:
    """Never write the export over a worksheet or its article."""
    target = output.resolve()
    for s in sheets:
        if target in (s.path.resolve(), s.worksheet.article_path()):
            raise UsageError(f"-o {output}: is one of the files being exported; choose another output file")
