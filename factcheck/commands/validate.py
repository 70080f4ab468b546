"""``factcheck validate``: check worksheets against format 1 and report every problem."""

from __future__ import annotations

from .. import api, report
from ..errors import InputError


def run(paths, *, fmt: str = "text", config=None, console) -> int:
    results, path_problems = api.validate(paths, config)
    if path_problems and not results:
        raise InputError(f"{path_problems[0].path}: {path_problems[0].message}")
    report.print_validation(console, results, path_problems, fmt)
    unreadable = any(p.col == 0 and not r.worksheet for r in results for p in r.problems)
    if path_problems or unreadable:
        return 2
    return 1 if any(r.problems for r in results) else 0
