"""``factcheck set``: record work on a claim, changing only the bytes of the fields it touches."""

from __future__ import annotations

import sys

from rich.text import Text

from .. import api
from ..errors import UsageError
from ..render import clean


def split_target(targets: list[str]) -> tuple[str | None, str]:
    """``FILE ID`` or ``ID`` alone (the worksheet is then found under claims/)."""
    if len(targets) == 1:
        return None, targets[0]
    if len(targets) == 2:
        return targets[0], targets[1]
    raise UsageError(f"give FILE ID or ID, not {len(targets)} arguments")


def run(targets, *, status=None, verdict=None, sources=(), titles=(), note=None, assignee=None, clear=(),
        remove_sources=(), archived=(), summary=None, explanation=None, correction=None, same_as=(), not_same_as=(),
        verdict_from=None, config=None, console, err=None) -> int:
    file, claim_id = split_target(list(targets))
    done = api.set_fields(file, claim_id, status=status, verdict=verdict, sources=sources, titles=titles, note=note,
                          assignee=assignee, clear=clear, remove_sources=remove_sources, archived=archived,
                          summary=summary, explanation=explanation, correction=correction, same_as=same_as,
                          not_same_as=not_same_as, verdict_from=verdict_from, config=api.load_config(config))
    for line in done.said:
        console.print(Text(f"{clean(str(done.path))}: {clean(claim_id)}: {clean(line)}"), soft_wrap=True)
    for w in done.warnings:
        (err or sys.stderr).write(f"factcheck: warning: {clean(str(done.path))}: {clean(w)}\n")
    return 0
