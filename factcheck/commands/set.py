"""``factcheck set``: record work on a claim, changing only the bytes of the fields it touches."""

from __future__ import annotations

from rich.text import Text

from .. import api
from ..render import clean


def run(file, claim_id, *, status=None, verdict=None, sources=(), titles=(), note=None, assignee=None,
        config=None, console) -> int:
    said = api.set_fields(file, claim_id, status=status, verdict=verdict, sources=sources, titles=titles, note=note,
                          assignee=assignee, config=api.load_config(config))
    for line in said:
        console.print(Text(f"{clean(str(file))}: {clean(claim_id)}: {clean(line)}"), soft_wrap=True)
    return 0
