"""Reporters: turn results into text, tables, JSON, Markdown, annotations.

Every function takes the ``Console`` (or returns a string) so tests can render
at a fixed width and compare exact text. Untrusted text is cleaned and shown as
``Text``, never parsed as markup.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr as _quoteattr

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


def claims_table(ws, *, title: str | None = None, width: int = 80) -> Table:
    """A compact table of a worksheet's claims; speaker and type only when there is room."""
    from rich import box

    wide = width >= 110
    t = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True, padding=0)
    t.add_column("id", overflow="fold", max_width=24 if wide else 16, style="dim")
    t.add_column("claim", ratio=1, min_width=30, overflow="fold")
    if wide:
        t.add_column("speaker", max_width=18, overflow="fold")
        t.add_column("type", no_wrap=True)
    t.add_column("worth", justify="right", no_wrap=True)
    t.add_column("status", no_wrap=True)
    t.add_column("verdict", no_wrap=True)
    for c in ws.claims:
        worth = f"{c.checkworthiness:.2f}" if isinstance(c.checkworthiness, (int, float)) else ""
        cells = [Text(clean(c.id)), Text(clean(c.text))]
        if wide:
            cells += [Text(clean(c.speaker or "")), Text(clean(c.type or ""))]
        cells += [worth, Text(clean(c.status), style=STATUS_STYLE.get(c.status, "")),
                  Text(clean(c.verdict or ""), style=VERDICT_STYLE.get(c.verdict or "", ""))]
        t.add_row(*cells)
    return t


STATUS_STYLE = {"unchecked": "yellow", "in-progress": "cyan", "checked": "green", "skipped": "dim"}
VERDICT_STYLE = {
    "true": "green", "mostly-true": "green", "mixed": "yellow", "mostly-false": "red", "false": "bold red",
    "unverifiable": "magenta",
}


# --------------------------------------------------------------------------- status

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


def _md(s: str) -> str:
    return clean(s).replace("|", "\\|")


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


# --------------------------------------------------------------------------- show / next


def claim_dict(c) -> dict:
    return {
        "id": c.id, "line": c.line, "text": c.text, "quote": c.quote, "span": c.span, "speaker": c.speaker,
        "type": c.type, "date": c.date, "checkworthiness": c.checkworthiness,
        "verifiable": c.verifiable, "reasons": c.reasons, "status": c.status, "verdict": c.verdict,
        "sources": [{k: (str(v) if v is not None else None) for k, v in vars(s).items()} for s in c.sources],
        "notes": c.notes, "assignee": c.assignee, "correction": c.correction, "stale": c.stale, "recheck": c.recheck,
    }


def context_text(article_text: str | None, claim, *, width: int = 600) -> Text | None:
    """The article paragraph around the claim's quote, the quote highlighted."""
    if not article_text or not claim.quote:
        return None
    start = -1
    if claim.span and article_text[claim.span[0]:claim.span[1]] == claim.quote:
        start = claim.span[0]
    else:
        start = article_text.find(claim.quote)
    if start < 0:
        return Text("(the quote no longer occurs in the article)", style="red")
    end = start + len(claim.quote)
    p0 = article_text.rfind("\n\n", 0, start)
    p0 = 0 if p0 < 0 else p0 + 2
    p1 = article_text.find("\n\n", end)
    p1 = len(article_text) if p1 < 0 else p1
    if start - p0 > width:
        p0 = start - width
    if p1 - end > width:
        p1 = end + width
    before = clean(article_text[p0:start]).lstrip()
    quote = clean(article_text[start:end])
    after = clean(article_text[end:p1]).rstrip()
    t = Text(("…" if p0 > 0 and article_text[p0 - 1] not in "\n" else "") + before)
    t.append(quote, style="bold yellow")
    t.append(after + ("…" if p1 < len(article_text) and article_text[p1] not in "\n" else ""))
    return t


def claim_detail(ws, c, article_text: str | None):
    """A renderable with every field of one claim and its context."""
    from rich.console import Group
    from rich.panel import Panel

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()

    def row(name, value, style=""):
        grid.add_row(name, Text(clean(value) if value not in (None, "") else "-", style=style))

    row("claim", c.text)
    row("speaker", c.speaker)
    row("type", c.type)
    row("date", c.date)
    row("worth", f"{c.checkworthiness:.2f}" if isinstance(c.checkworthiness, (int, float)) else None)
    if isinstance(c.verifiable, (int, float)):  # worksheets written before the score have none
        row("verifiable", f"{c.verifiable:.2f}")
    row("reasons", ", ".join(c.reasons))
    row("status", c.status, STATUS_STYLE.get(c.status, ""))
    row("verdict", c.verdict, VERDICT_STYLE.get(c.verdict or "", ""))
    if c.sources:
        for i, s in enumerate(c.sources):
            bits = [x for x in (s.url, s.title and f"“{s.title}”", s.accessed and f"accessed {s.accessed}", s.note) if x]
            row("sources" if i == 0 else "", "  ".join(str(b) for b in bits))
    else:
        row("sources", None)
    row("notes", c.notes)
    row("assignee", c.assignee)
    if c.correction:
        row("correction", c.correction)
    if c.stale:
        row("stale", "the quote is gone from the article", "red")
    if c.recheck:
        row("recheck", c.recheck, "red")
    parts = [grid]
    ctx = context_text(article_text, c)
    if ctx is not None:
        parts.append(Panel(ctx, title="in the article", title_align="left", border_style="dim"))
    title = Text(f"{clean(str(ws.path))}:{c.line}  {clean(c.id)}")
    return Panel(Group(*parts), title=title, title_align="left")


# --------------------------------------------------------------------------- check

def gh_escape_data(s: str) -> str:
    """Escape a workflow-command message as @actions/core does."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_escape_property(s: str) -> str:
    """Escape a workflow-command property value (file, title) as @actions/core does."""
    return gh_escape_data(s).replace(":", "%3A").replace(",", "%2C")


def check_lines(sheets) -> list[str]:
    out = []
    for s in sheets:
        for p in s.problems:
            out.append(clean(str(p)))
        for f in s.failures:
            tag = "" if f.severity == "error" else "warning: "
            out.append(clean(f"{f.path}:{f.line}: {f.claim_id}: {tag}{f.message} [{f.rule}]"))
    return out


def check_summary_table(sheets) -> Table:
    from rich import box

    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_footer=False)
    t.add_column("worksheet", overflow="fold")
    t.add_column("result", no_wrap=True)
    t.add_column("claims", justify="right")
    t.add_column("failing", justify="right")
    t.add_column("reasons", overflow="fold")
    for s in sheets:
        if s.problems:
            result = Text("invalid", style="bold red")
        elif s.errors:
            result = Text("fail", style="bold red")
        else:
            result = Text("pass", style="green")
        t.add_row(Text(clean(s.path)), result, str(s.claims), str(s.failing_claims), Text(clean(_reasons(s))))
    return t


def _reasons(s) -> str:
    if s.problems:
        return f"{len(s.problems)} validation problem{'s' if len(s.problems) != 1 else ''}"
    counts: dict[str, int] = {}
    for f in s.failures:
        key = f.rule if f.severity == "error" else f"{f.rule} (warning)"
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def check_verdict_line(sheets) -> str:
    n_fail = sum(1 for s in sheets if not s.passed)
    errors = sum(len(s.errors) for s in sheets)
    warnings = sum(len(s.warnings) for s in sheets)
    invalid = sum(1 for s in sheets if s.problems)
    if not sheets:
        return "no worksheets found"
    if n_fail == 0:
        extra = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
        return f"passed: {len(sheets)} worksheet{'s' if len(sheets) != 1 else ''}{extra}"
    bits = [f"{errors} failing claim check{'s' if errors != 1 else ''}"]
    if invalid:
        bits.append(f"{invalid} invalid worksheet{'s' if invalid != 1 else ''}")
    if warnings:
        bits.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"failed: {', '.join(bits)} in {n_fail} of {len(sheets)} worksheets"


def check_markdown(sheets) -> str:
    lines = ["### factcheck", "", check_verdict_line(sheets), "",
             "| worksheet | result | claims | failing | reasons |", "|---|---|---:|---:|---|"]
    for s in sheets:
        result = "invalid" if s.problems else ("fail" if s.errors else "pass")
        lines.append(f"| `{_md(s.path)}` | {result} | {s.claims} | {s.failing_claims} | {_md(_reasons(s))} |")
    return "\n".join(lines) + "\n"


def check_github(sheets) -> str:
    out = []
    for s in sheets:
        for p in s.problems:
            props = f"file={gh_escape_property(p.path)}"
            if p.line:
                props += f",line={p.line},col={p.col}"
            props += f",title={gh_escape_property('factcheck: invalid worksheet')}"
            msg = f"{p.field}: {p.message}" if p.field else p.message
            out.append(f"::error {props}::{gh_escape_data(msg)}")
        for f in s.failures:
            kind = "error" if f.severity == "error" else "warning"
            title = gh_escape_property(f"factcheck {f.rule}: {f.claim_id}")
            out.append(f"::{kind} file={gh_escape_property(f.path)},line={f.line},title={title}::{gh_escape_data(f.message)}")
    return "\n".join(out) + ("\n" if out else "")


def check_json(sheets, code: int) -> str:
    out = {
        "passed": code == 0,
        "exit_code": code,
        "worksheets": [
            {
                "path": s.path,
                "passed": s.passed,
                "claims": s.claims,
                "failing_claims": s.failing_claims,
                "problems": [{"line": p.line, "column": p.col, "field": p.field, "message": p.message} for p in s.problems],
                "failures": [
                    {"line": f.line, "id": f.claim_id, "rule": f.rule, "severity": f.severity, "message": f.message}
                    for f in s.failures
                ],
            }
            for s in sheets
        ],
        "totals": {
            "worksheets": len(sheets),
            "failed": sum(1 for s in sheets if not s.passed),
            "errors": sum(len(s.errors) for s in sheets),
            "warnings": sum(len(s.warnings) for s in sheets),
        },
    }
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


def check_junit(sheets) -> str:
    """JUnit XML: one test suite per worksheet, one test case per claim."""
    total_tests = sum(len(s.claim_list) + (1 if s.problems else 0) for s in sheets)
    total_fail = sum(s.failing_claims + (1 if s.problems else 0) for s in sheets)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuites name="factcheck" tests="{total_tests}" failures="{total_fail}">']
    for s in sheets:
        by_claim: dict[str, list] = {}
        for f in s.failures:
            by_claim.setdefault(f.claim_id, []).append(f)
        cases = []
        cls = _quoteattr(s.path)
        if s.problems:
            body = _xml_escape("\n".join(clean(str(p)) for p in s.problems))
            cases.append(f'    <testcase classname={cls} name="valid worksheet">'
                         f'<failure message="invalid worksheet" type="invalid">{body}</failure></testcase>')
        for cid, line in s.claim_list:
            fs = by_claim.get(cid, [])
            errors = [f for f in fs if f.severity == "error"]
            head = f'    <testcase classname={cls} name={_quoteattr(cid)} file={cls} line="{line}"'
            if errors:
                msg = "; ".join(f.message for f in errors)
                body = _xml_escape("\n".join(f"{f.path}:{f.line}: {f.message} [{f.rule}]" for f in errors))
                cases.append(f'{head}><failure message={_quoteattr(msg)} type={_quoteattr(errors[0].rule)}>{body}</failure></testcase>')
            elif fs:
                warn = _xml_escape("; ".join(f"warning: {f.message} [{f.rule}]" for f in fs))
                cases.append(f"{head}><system-out>{warn}</system-out></testcase>")
            else:
                cases.append(f"{head}/>")
        fails = sum(1 for c in cases if "<failure" in c)
        lines.append(f'  <testsuite name={cls} tests="{len(cases)}" failures="{fails}">')
        lines.extend(cases)
        lines.append("  </testsuite>")
    lines.append("</testsuites>")
    return "\n".join(lines) + "\n"
