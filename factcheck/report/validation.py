"""Reporting ``factcheck validate``: one line per problem (text) or JSON."""

from __future__ import annotations

from rich.text import Text

from ..render import clean, json_text
from .common import plural as _plural


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
        console.file.write(json_text(out, indent=2) + "\n")
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


