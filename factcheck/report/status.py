"""Reporting ``factcheck status``: rich table, JSON, Markdown."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ..render import clean, json_text
from .common import STATUS_STYLE, cell_width, shorten_left
from .common import md as _md

BAR_WIDTH = 5


def bar(percent: float, width: int = BAR_WIDTH) -> str:
    filled = int(round(percent / 100.0 * width))
    return "█" * filled + "░" * (width - filled)


def _verdict_summary(t, order) -> str:
    items = [(v, n) for v, n in t.verdicts.items() if n]
    items.sort(key=lambda vn: (list(order).index(vn[0]) if vn[0] in order else len(order), vn[0]))
    return ", ".join(f"{v} {n}" for v, n in items)


STATUS_COLUMNS = (("unchecked", "unchecked"), ("in-progress", "in-progress"), ("checked", "checked"), ("skipped", "skipped"))


def status_table(rows, total, *, first: str = "worksheet", verdict_order=(), shown_of: int | None = None,
                 width: int | None = None) -> Table:
    """Counts per worksheet (or per value of ``first``) with a totals footer.

    Nothing but the verdict list wraps: a worksheet path longer than the room
    ``width`` leaves is shortened from the left with "…" (the file name stays);
    ``width`` None (piped) lays every row out in full.
    """
    from rich import box

    def label_of(r):
        suffix = "" if r.valid else f" (invalid: {r.problems} problem{'s' if r.problems != 1 else ''})"
        return clean(r.label), suffix

    counts = [[str(r.claims), *[str(r.status.get(k, 0)) for k, _ in STATUS_COLUMNS]] for r in rows]
    counts.append([str(total.claims), *[str(total.status.get(k, 0)) for k, _ in STATUS_COLUMNS]])
    heads = ["claims", *[name for _, name in STATUS_COLUMNS]]
    count_w = [max(len(h), cell_width(col)) for h, col in zip(heads, zip(*counts, strict=True), strict=True)]
    done_w = BAR_WIDTH + 5
    verdict_texts = [clean(_verdict_summary(r, verdict_order)) for r in rows]
    all_verdicts = verdict_texts + [clean(_verdict_summary(total, verdict_order))]
    verdict_w = max(8, cell_width(all_verdicts))
    piece_w = max(8, cell_width(piece for v in all_verdicts for piece in v.split(", ")))  # wrap between verdicts only
    footer = "total" if shown_of is None else f"total ({shown_of})"
    labels = [label_of(r) for r in rows]
    first_w = max(10, len(first), len(footer), cell_width(a + b for a, b in labels))
    if width is not None:
        room = width - sum(count_w) - done_w - len(count_w) - 2  # one space between columns
        verdict_w = min(verdict_w, max(piece_w + 1, room - first_w))
        first_w = min(first_w, max(10, room - verdict_w))
    t = Table(title=None, show_footer=True, expand=False, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
              padding=0, collapse_padding=True)
    t.add_column(first, footer=footer, no_wrap=True, width=first_w if width is not None else None)
    t.add_column("claims", justify="right", footer=str(total.claims), no_wrap=True)
    for key, name in STATUS_COLUMNS:
        t.add_column(name, justify="right", footer=str(total.status.get(key, 0)), style=STATUS_STYLE[key],
                     min_width=len(name), no_wrap=True)
    t.add_column("verdicts", footer=Text(clean(_verdict_summary(total, verdict_order))), overflow="fold",
                 width=verdict_w if width is not None else None)
    t.add_column("done", footer=f"{bar(total.percent)} {total.percent:3.0f}%", no_wrap=True, min_width=done_w)
    for r, (name, suffix), verdicts in zip(rows, labels, verdict_texts, strict=True):
        if width is not None:
            name = shorten_left(name, max(first_w - len(suffix), 2))
        label = Text(name)
        if suffix:
            label.append(suffix, style="bold red")
        t.add_row(label, str(r.claims), *[str(r.status.get(k, 0)) for k, _ in STATUS_COLUMNS], Text(verdicts),
                  f"{bar(r.percent)} {r.percent:3.0f}%")
    return t


def status_json(rows, total, *, by: str | None, verdict_order=()) -> str:
    key = "groups" if by else "worksheets"
    items = []
    for r in rows:
        d = {"value": r.label} if by else {"path": r.path, "valid": r.valid, "problems": r.problems}
        d.update(r.as_dict(verdict_order))
        items.append(d)
    out = {"by": by or "worksheet", key: items, "totals": total.as_dict(verdict_order)}
    return json_text(out, indent=2) + "\n"


def status_markdown(rows, total, *, first: str = "worksheet", verdict_order=()) -> str:
    head = [first, "claims", "unchecked", "in progress", "checked", "skipped", "verdicts", "done"]
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




def status_csv(rows, *, first: str = "worksheet", verdict_order=()) -> str:
    """One row per worksheet (or per value of --by), for spreadsheets: counts per status and
    per verdict, done and percent done; no totals row (a spreadsheet sums the columns)."""
    import csv
    import io

    verdicts = list(verdict_order) + sorted({v for r in rows for v in r.verdicts if v not in verdict_order})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([first, "claims", *[k for k, _ in STATUS_COLUMNS], *verdicts, "done", "percent_done", "valid"])
    for r in rows:
        w.writerow([clean(r.label), r.claims, *[r.status.get(k, 0) for k, _ in STATUS_COLUMNS],
                    *[r.verdicts.get(v, 0) for v in verdicts], r.done, f"{r.percent:.1f}",
                    "true" if r.valid else "false"])
    return buf.getvalue()
