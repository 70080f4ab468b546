"""Claims of a worksheet: the compact table (``show FILE``), one claim in detail
(``show FILE ID``, ``next``) and its JSON form."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ..render import clean
from .common import STATUS_STYLE, VERDICT_STYLE, cell_width, shorten_left


def claims_table(ws, *, title: str | None = None, width: int | None = 80) -> Table:
    """A compact table of a worksheet's claims, one line per claim.

    Ids are never wrapped, cut or dimmed (people copy them into ``set``): the
    claim text is shortened with "…" to what is left of ``width``. Speaker and
    type are shown when there is room (110 columns or more). ``width`` None
    (piped) lays every row out in full.
    """
    from rich import box

    rows = []
    for c in ws.claims:
        worth = f"{c.checkworthiness:.2f}" if isinstance(c.checkworthiness, (int, float)) else ""
        rows.append((clean(c.id), clean(c.text), clean(c.speaker or ""), clean(c.type or ""), worth,
                     clean(c.status), clean(c.verdict or "")))
    cols = list(zip(*rows, strict=True)) if rows else [()] * 7
    fixed = {name: max(len(name), cell_width(cols[i])) for i, name in
             ((0, "id"), (3, "type"), (4, "worth"), (5, "status"), (6, "verdict"))}
    speaker_w = min(18, max(len("speaker"), cell_width(cols[2])))
    wide = width is None or width >= 110
    show_worth = True
    claim_w = None
    if width is not None:
        # room is given, in this order, to: id, status, verdict, claim (>= 10), worth, speaker and type
        core = fixed["id"] + fixed["status"] + fixed["verdict"] + 3
        claim_w = width - core - fixed["worth"] - 1 - (fixed["type"] + speaker_w + 2 if wide else 0)
        if wide and claim_w < 30:
            wide = False
            claim_w = width - core - fixed["worth"] - 1
        if claim_w < 10:
            show_worth = False
            claim_w = width - core
        claim_w = max(claim_w, 1)
        if title is not None:
            title = shorten_left(title, width)
    t = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False,
              padding=0)
    t.add_column("id", no_wrap=True, min_width=fixed["id"])
    t.add_column("claim", no_wrap=True, overflow="ellipsis", width=claim_w)
    if wide:
        t.add_column("speaker", no_wrap=True, overflow="ellipsis", max_width=None if width is None else speaker_w)
        t.add_column("type", no_wrap=True)
    if show_worth:
        t.add_column("worth", justify="right", no_wrap=True)
    t.add_column("status", no_wrap=True)
    t.add_column("verdict", no_wrap=True)
    for (cid, text, speaker, ctype, worth, status, verdict) in rows:
        cells = [Text(cid), Text(text)]
        if wide:
            cells += [Text(speaker), Text(ctype)]
        cells += [worth] if show_worth else []
        cells += [Text(status, style=STATUS_STYLE.get(status, "")),
                  Text(verdict, style=VERDICT_STYLE.get(verdict, ""))]
        t.add_row(*cells)
    return t


def claim_dict(c) -> dict:
    return {
        "id": c.id, "line": c.line, "text": c.text, "quote": c.quote, "span": c.span, "speaker": c.speaker,
        "type": c.type, "date": c.date, "checkworthiness": c.checkworthiness, "reasons": c.reasons,
        "unresolved": c.unresolved, "status": c.status, "verdict": c.verdict,
        "sources": [{k: (str(v) if v is not None else None) for k, v in vars(s).items()} for s in c.sources],
        "notes": c.notes, "assignee": c.assignee, "correction": c.correction, "stale": c.stale, "recheck": c.recheck,
        "summary": c.summary, "explanation": c.explanation,
        "corrections": [{"date": str(x.date), "note": x.note} for x in c.corrections],
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


def claim_detail(ws, c, article_text: str | None, *, width: int | None = None):
    """A renderable with every field of one claim and its context."""
    from rich.console import Group
    from rich.panel import Panel

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()

    def row(name, value, style="", *, lines: bool = False):
        shown = clean(value, oneline=not lines).strip("\n") if value not in (None, "") else "-"
        grid.add_row(name, Text(shown, style=style))

    row("claim", c.text)
    if c.unresolved:
        row("unresolved", ", ".join(c.unresolved) + " (read the article around the quote)", "yellow")
    row("speaker", c.speaker)
    row("type", c.type)
    row("date", c.date)
    row("worth", f"{c.checkworthiness:.2f}" if isinstance(c.checkworthiness, (int, float)) else None)
    row("reasons", ", ".join(c.reasons))
    row("status", c.status, STATUS_STYLE.get(c.status, ""))
    row("verdict", c.verdict, VERDICT_STYLE.get(c.verdict or "", ""))
    if c.sources:
        for i, s in enumerate(c.sources):
            bits = [x for x in (s.url, s.title and f"“{s.title}”", s.accessed and f"accessed {s.accessed}",
                                s.archived and f"archived {s.archived}", s.note) if x]
            row("sources" if i == 0 else "", "  ".join(str(b) for b in bits))
    else:
        row("sources", None)
    row("notes", c.notes, lines=True)  # line breaks kept; the grid indents every line under the first
    row("assignee", c.assignee)
    if c.summary:
        row("summary", c.summary)
    if c.explanation:
        row("explanation", c.explanation)
    if c.correction:
        row("correction", c.correction)
    for i, x in enumerate(c.corrections):
        row("corrections" if i == 0 else "", f"{x.date}: {x.note}")
    if c.stale:
        row("stale", "the quote is gone from the article", "red")
    if c.recheck:
        row("recheck", c.recheck, "red")
    parts = [grid]
    ctx = context_text(article_text, c)
    if ctx is not None:
        parts.append(Panel(ctx, title="in the article", title_align="left", border_style="dim"))
    where = f"{clean(str(ws.path))}:{c.line}"
    if width is not None:  # the id stays whole; the path gives way, from the left
        where = shorten_left(where, max(width - len(clean(c.id)) - 8, 12))
    title = Text(f"{where}  {clean(c.id)}")
    return Panel(Group(*parts), title=title, title_align="left")


