"""Claims of a worksheet: the compact table (``show FILE``), one claim in detail
(``show FILE ID``, ``next``) and its JSON form."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ..render import clean
from .common import STATUS_STYLE, VERDICT_STYLE


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




def claim_dict(c) -> dict:
    return {
        "id": c.id, "line": c.line, "text": c.text, "quote": c.quote, "span": c.span, "speaker": c.speaker,
        "type": c.type, "date": c.date, "checkworthiness": c.checkworthiness,
        "verifiable": c.verifiable, "reasons": c.reasons,
        "status": c.status, "verdict": c.verdict,
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


