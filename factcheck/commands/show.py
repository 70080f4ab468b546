"""``factcheck show``: one claim with its fields and its place in the article, or all claims."""

from __future__ import annotations

import json
import sys

from .. import api, report
from ..errors import FactcheckError
from ..worksheet import read_article_text


def run(file, claim_id=None, *, fmt: str = "text", config=None, console, out=None) -> int:
    result = api.load(file, config, check_article=False)
    if result.worksheet is None:
        result.raise_if_invalid("shown")
    ws = result.worksheet
    claims = [ws.require_claim(claim_id)] if claim_id is not None else ws.claims
    if fmt == "json":
        (out or sys.stdout).write(json.dumps({"path": str(file), "claims": [report.claim_dict(c) for c in claims]},
                                             indent=2, ensure_ascii=False, default=str) + "\n")
        return 0
    if claim_id is None:
        console.print(report.claims_table(ws, title=str(file), width=console.width))
        return 1 if result.problems else 0
    try:
        article_text = read_article_text(ws)
    except FactcheckError:
        article_text = None
    console.print(report.claim_detail(ws, claims[0], article_text))
    return 0
