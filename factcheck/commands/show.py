"""``factcheck show``: one claim with its fields and its place in the article, or all claims."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import api, report
from ..errors import FactcheckError, UsageError
from ..render import clean, json_text, print_table, table_width
from ..worksheet import read_article_text


def split_target(targets: list[str]) -> tuple[Path, str | None]:
    """``FILE``, ``FILE ID`` or ``ID`` alone (a unique id is found under claims/)."""
    if len(targets) == 2:
        return Path(targets[0]), targets[1]
    if len(targets) == 1:
        only = targets[0]
        if Path(only).exists() or only.endswith((".yaml", ".yml")) or "/" in only:
            return Path(only), None
        return api.find_claim(only), only
    raise UsageError(f"give FILE, FILE ID or ID, not {len(targets)} arguments")


def run(targets, *, fmt: str = "text", config=None, console, out=None) -> int:
    file, claim_id = split_target(list(targets))
    result = api.load(file, config, check_article=False)
    if result.worksheet is None:
        result.raise_if_invalid("shown")
    ws = result.worksheet
    claims = [ws.require_claim(claim_id)] if claim_id is not None else ws.claims
    if fmt == "json":
        (out or sys.stdout).write(json_text({"path": str(file), "claims": [report.claim_dict(c) for c in claims]},
                                             indent=2, default=str) + "\n")
        return 1 if result.problems else 0
    if claim_id is None:
        print_table(console, report.claims_table(ws, title=clean(str(file)), width=table_width(console)))
        return 1 if result.problems else 0
    try:
        article_text = read_article_text(ws)
    except FactcheckError:
        article_text = None
    console.print(report.claim_detail(ws, claims[0], article_text, width=console.width))
    return 1 if result.problems else 0  # shown, but the worksheet is invalid
