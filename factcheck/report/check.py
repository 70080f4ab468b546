"""Reporting ``factcheck check``: text lines and summary table, GitHub annotations,
Markdown step summary, JSON and JUnit XML."""

from __future__ import annotations

from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quote

from rich.table import Table
from rich.text import Text

from ..render import clean, json_text, xml_safe
from .common import cell_width, shorten_left
from .common import md as _md


def _xml_escape(s: str) -> str:
    return _escape(xml_safe(s))


def _quoteattr(s: str) -> str:
    return _quote(xml_safe(s))


def gh_escape_data(s: str) -> str:
    """Escape a workflow-command message as @actions/core does (terminal controls removed first)."""
    s = "\r".join(clean(part, oneline=False) for part in s.split("\r"))
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


def check_summary_table(sheets, *, width: int | None = None) -> Table:
    """One row per worksheet; a path longer than the room ``width`` leaves is shortened from
    the left with "…"; only the reasons wrap. ``width`` None (piped) lays rows out in full."""
    from rich import box

    results = []
    for s in sheets:
        if s.problems:
            results.append(Text("invalid", style="bold red"))
        elif s.errors:
            results.append(Text("fail", style="bold red"))
        else:
            results.append(Text("pass", style="green"))
    paths = [clean(s.path) for s in sheets]
    reasons = [clean(_reasons(s)) for s in sheets]
    path_w = max(len("worksheet"), cell_width(paths))
    if width is not None:
        fixed = max(len("result"), cell_width(str(r) for r in results)) + \
            max(len("claims"), cell_width(s.claims for s in sheets)) + \
            max(len("failing"), cell_width(s.failing_claims for s in sheets)) + 4  # one space between columns
        piece_w = max(len("reasons"), cell_width(p for r in reasons for p in r.split(", ")))
        reasons_w = min(max(len("reasons"), cell_width(reasons)), max(40, piece_w + 1))
        path_w = min(path_w, max(12, width - fixed - reasons_w))
        reasons_w = max(piece_w + 1, min(reasons_w, width - fixed - path_w))
    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_footer=False, padding=0)
    t.add_column("worksheet", no_wrap=True, width=path_w if width is not None else None)
    t.add_column("result", no_wrap=True)
    t.add_column("claims", justify="right", no_wrap=True)
    t.add_column("failing", justify="right", no_wrap=True)
    t.add_column("reasons", overflow="fold", width=reasons_w if width is not None else None)
    for s, path, result, why in zip(sheets, paths, results, reasons, strict=True):
        t.add_row(Text(shorten_left(path, path_w) if width is not None else path), result, str(s.claims),
                  str(s.failing_claims), Text(why))
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


def check_markdown(sheets, *, details: bool = False) -> str:
    """The step summary (a table per worksheet); ``details`` lists every failure below it."""
    lines = ["### factcheck", "", check_verdict_line(sheets), "",
             "| worksheet | result | claims | failing | reasons |", "|---|---|---:|---:|---|"]
    for s in sheets:
        result = "invalid" if s.problems else ("fail" if s.errors else "pass")
        lines.append(f"| `{_md(s.path)}` | {result} | {s.claims} | {s.failing_claims} | {_md(_reasons(s))} |")
    if details:
        items = [f"- {_md(str(p))}" for s in sheets for p in s.problems]
        items += [f"- `{_md(f.path)}:{f.line}` `{_md(f.claim_id)}`: {'warning: ' if f.severity != 'error' else ''}"
                  f"{_md(f.message)} [{f.rule}]" for s in sheets for f in s.failures]
        if items:
            lines += ["", *items]
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
    return json_text(out, indent=2) + "\n"


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
