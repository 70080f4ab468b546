"""Reporting ``factcheck status``: rich table, JSON, Markdown."""

from __future__ import annotations

import json

from rich.table import Table
from rich.text import Text

from ..render import clean
from .common import STATUS_STYLE
from .common import md as _md

BAR_WIDTH = 5


def bar(percent: float, width: int = BAR_WIDTH) -> str:
    filled = int(round(percent / 100.0 * width))
    return "█" * filled + "░" * (width - filled)


def _verdict_summary(t, order) -> str:
    items = [(v, n) for v, n in t.verdicts.items() if n]
    items.sort(key=lambda vn: (list(order).index(vn[0]) if vn[0] in order else len(order), vn[0]))
    return ", ".join(f"{v} {n}" for v, n in items)


STATUS_COLUMNS = (("unchecked", "unchecked"), ("in-progress", "in\nprogress"), ("checked", "checked"), ("skipped", "skipped"))


def status_table(rows, total, *, first: str = "worksheet", verdict_order=(), shown_of: int | None = None) -> Table:
    from rich import box

    t = Table(title=None, show_footer=True, expand=False, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
              padding=0, collapse_padding=True)
    t.add_column(first, footer="total" if shown_of is None else f"total ({shown_of})", overflow="fold", min_width=10)
    t.add_column("claims", justify="right", footer=str(total.claims), no_wrap=True)
    for key, name in STATUS_COLUMNS:
        t.add_column(name, justify="right", footer=str(total.status.get(key, 0)), style=STATUS_STYLE[key],
                     min_width=len(name.split()[-1]), no_wrap=True)
    t.add_column("verdicts", footer=Text(clean(_verdict_summary(total, verdict_order))), overflow="fold", min_width=8)
    t.add_column("done", footer=f"{bar(total.percent)} {total.percent:3.0f}%", no_wrap=True, min_width=BAR_WIDTH + 5)
    for r in rows:
        label = Text(clean(r.label))
        if not r.valid:
            label.append(f" (invalid: {r.problems} problem{'s' if r.problems != 1 else ''})", style="bold red")
        t.add_row(
            label, str(r.claims), *[str(r.status.get(k, 0)) for k, _ in STATUS_COLUMNS],
            Text(clean(_verdict_summary(r, verdict_order))), f"{bar(r.percent)} {r.percent:3.0f}%",
        )
    return t


def status_json(rows, total, *, by: str | None, verdict_order=()) -> str:
    key = "groups" if by else "worksheets"
    items = []
    for r in rows:
        d = {"value": r.label} if by else {"path": r.path, "valid": r.valid, "problems": r.problems}
        d.update(r.as_dict(verdict_order))
        items.append(d)
    out = {"by": by or "worksheet", key: items, "totals": total.as_dict(verdict_order)}
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


def status_markdown(rows, total, *, first: str = "worksheet", verdict_order=()) -> str:
    head = [first, "claims", "unchecked", "in progress", "checked", "skipped", "verdicts", "done"]  # noqa: E501
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * 5 + ["---", "---:"]) + "|"]

    def row(label, r):
        return "| " + " | ".join([
            label, str(r.claims), *[str(r.status.get(k, 0)) for k, _ in STATUS_COLUMNS],
            _md(_verdict_summary(r, verdict_order)), f"{r.percent:.0f}%",
        ]) + " |"

    for r in rows:
        label = f"`{_md(r.label)}`" if first == "worksheet" else _md(r.label)
        if not r.valid:
            label += " (invalid)"
        lines.append(row(label, r))
    lines.append(row("**total**", total))
    return "\n".join(lines) + "\n"


