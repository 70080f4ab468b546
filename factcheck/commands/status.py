"""``factcheck status``: claims per status, verdicts and progress, per worksheet or field."""

from __future__ import annotations

import sys

from .. import api, report


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
    elif fmt == "markdown":
        out.write(report.status_markdown(rows, st.total, first=first, verdict_order=cfg.verdicts))
    elif not st.summaries:
        console.print("no worksheets found")
    else:
        console.print(report.status_table(rows, st.total, first=first, verdict_order=cfg.verdicts,
                                          shown_of=shown_of))
    return 1 if st.any_invalid else 0
