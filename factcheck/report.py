"""Reporters: turn results into text, tables, JSON, Markdown, annotations.

Every function takes the ``Console`` (or returns a string) so tests can render
at a fixed width and compare exact text. Untrusted text is cleaned and shown as
``Text``, never parsed as markup.
"""

from __future__ import annotations

import json

from rich.table import Table
from rich.text import Text

from .render import clean


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --------------------------------------------------------------------------- validate


def print_validation(console, results, path_problems, fmt: str = "text") -> None:
    if fmt == "json":
        files = [
            {
                "path": str(r.path),
                "valid": not r.problems,
                "problems": [
                    {"line": p.line, "column": p.col, "field": p.field, "message": p.message} for p in r.problems
                ],
            }
            for r in results
        ]
        for p in path_problems:
            files.append({"path": p.path, "valid": False, "problems": [{"line": 0, "column": 0, "field": "", "message": p.message}]})
        out = {
            "files": files,
            "summary": {
                "files": len(files),
                "invalid": sum(1 for f in files if not f["valid"]),
                "problems": sum(len(f["problems"]) for f in files),
            },
        }
        console.file.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
        return
    problems = [p for r in results for p in r.problems] + list(path_problems)
    for p in problems:
        console.print(Text(clean(str(p))), soft_wrap=True)
    bad = sum(1 for r in results if r.problems) + len(path_problems)
    total = len(results) + len(path_problems)
    if not total:
        console.print("no worksheets found")
    elif problems:
        console.print(f"{_plural(len(problems), 'problem')} in {_plural(bad, 'file')} ({total} checked)")
    else:
        console.print(f"{_plural(total, 'worksheet')} valid")


# --------------------------------------------------------------------------- claims


def claims_table(ws, *, title: str | None = None) -> Table:
    """A compact table of a worksheet's claims."""
    t = Table(title=title, show_lines=False, expand=False)
    t.add_column("id", no_wrap=True)
    t.add_column("claim", ratio=1)
    t.add_column("speaker")
    t.add_column("type")
    t.add_column("worth", justify="right")
    t.add_column("status")
    t.add_column("verdict")
    for c in ws.claims:
        t.add_row(
            Text(clean(c.id)),
            Text(clean(c.text)),
            Text(clean(c.speaker or "")),
            Text(clean(c.type or "")),
            f"{c.checkworthiness:.2f}" if isinstance(c.checkworthiness, (int, float)) else "",
            Text(clean(c.status), style=STATUS_STYLE.get(c.status, "")),
            Text(clean(c.verdict or ""), style=VERDICT_STYLE.get(c.verdict or "", "")),
        )
    return t


STATUS_STYLE = {"unchecked": "yellow", "in-progress": "cyan", "checked": "green", "skipped": "dim"}
VERDICT_STYLE = {
    "true": "green", "mostly-true": "green", "mixed": "yellow", "mostly-false": "red", "false": "bold red",
    "unverifiable": "magenta",
}
