"""``factcheck status``: claims per status, verdicts and progress, per worksheet or field."""

from __future__ import annotations

import sys

from .. import api, report
from ..render import print_table, table_width


def run(paths, *, by=None, fmt: str = "text", sort: str = "name", limit=None, jobs=None, config=None,
        console, out=None) -> int:
    cfg = api.load_config(config)
    st = api.status(paths, cfg, by=by, sort=sort, jobs=jobs)
    rows = st.rows
    shown_of = None
    if limit is not None and len(rows) > limit:
        shown_of = len(rows)
        rows = rows[:limit]
    first = by or "worksheet"
    out = out or sys.stdout
    if fmt == "json":
        out.write(report.status_json(rows, st.total, by=by, verdict_order=cfg.verdicts))
    elif fmt == "csv":
        out.write(report.status_csv(rows, first=first, verdict_order=cfg.verdicts))
    elif fmt == "markdown":
        out.write(report.status_markdown(rows, st.total, first=first, verdict_order=cfg.verdicts))
    elif not st.summaries:
        console.print("no worksheets found")
    else:
        print_table(console, report.status_table(rows, st.total, first=first, verdict_order=cfg.verdicts,
                                                 shown_of=shown_of, width=table_width(console)))
    if any(getattr(sm, "unreadable", False) for sm in st.summaries):
        return 2  # as for every command: unreadable input
    return 1 if st.any_invalid else 0
