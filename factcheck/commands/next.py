"""``factcheck next``: the most check-worthy unchecked claim, and the command to record it."""

from __future__ import annotations

import shlex
import sys

from rich.text import Text

from .. import api, report
from ..errors import FactcheckError
from ..render import clean, json_text
from ..worksheet import read_article_text


def run(paths, *, assignee=None, fmt: str = "text", config=None, console, out=None, err=None) -> int:
    cfg = api.load_config(config)
    todo, invalid = api.pending(paths, cfg, assignee=assignee)
    if invalid:
        (err or sys.stderr).write(f"factcheck: warning: {len(invalid)} invalid worksheet{'s' if len(invalid) != 1 else ''} "
                                  f"left out ({clean(str(invalid[0].path))}...); run factcheck validate\n")
    code = 2 if any(r.unreadable for r in invalid) else 0  # unreadable input is exit 2 for every command
    if fmt == "json":
        data = {"remaining": len(todo), "next": None}
        if todo:
            ws, c = todo[0]
            data["next"] = {"path": str(ws.path), **report.claim_dict(c)}
        (out or sys.stdout).write(json_text(data, indent=2, default=str) + "\n")
        return code
    if not todo:
        who = f" assigned to {assignee}" if assignee else ""
        busy = api.in_progress(paths, cfg, assignee=assignee)
        rest = f"; {busy} claim{'s are' if busy != 1 else ' is'} in progress (factcheck status)" if busy else ""
        console.print(Text(f"nothing left to check{who}: no unchecked claims{rest}"), soft_wrap=True)
        return code
    ws, c = todo[0]
    try:
        article_text = read_article_text(ws)
    except FactcheckError:
        article_text = None
    console.print(report.claim_detail(ws, c, article_text, width=console.width))
    cmd = f"factcheck set {shlex.quote(str(ws.path))} {shlex.quote(c.id)} --verdict VERDICT --source URL --title TITLE"
    console.print(Text(f"{len(todo)} unchecked claim{'s' if len(todo) != 1 else ''} left. Record the result with:"))
    console.print(Text("  " + clean(cmd)), soft_wrap=True)
    console.print(Text(f"  VERDICT is one of: {', '.join(cfg.verdicts)}"), soft_wrap=True)
    return code
