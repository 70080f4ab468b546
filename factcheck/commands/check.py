"""``factcheck check``: the publication gate; fails while the fact-check is not done."""

from __future__ import annotations

import os
import sys

from rich.text import Text

from .. import api, report
from ..render import print_table, table_width


def run(paths, *, fmt: str = "text", allow=(), warn=(), min_sources=None, strict=None, jobs=None, config=None,
        console, out=None) -> int:
    """``fmt`` is already resolved (``auto`` -> text or github by the caller)."""
    sheets, code = api.check(paths, config, allow=allow, warn=warn, min_sources=min_sources, strict=strict,
                             jobs=jobs)
    out = out or sys.stdout
    if fmt == "json":
        out.write(report.check_json(sheets, code))
    elif fmt == "markdown":
        out.write(report.check_markdown(sheets, details=True))
    elif fmt == "junit":
        out.write(report.check_junit(sheets))
    elif fmt == "github":
        out.write(report.check_github(sheets))
        out.write(report.check_verdict_line(sheets) + "\n")
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_path:
            with open(summary_path, "a", encoding="utf-8") as fh:
                fh.write(report.check_markdown(sheets))
    else:
        for line in report.check_lines(sheets):
            console.print(Text(line), soft_wrap=True)
        if sheets:
            print_table(console, report.check_summary_table(sheets, width=table_width(console)))
        console.print(Text(report.check_verdict_line(sheets)))
    return code
