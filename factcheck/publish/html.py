"""The editor's report as one self-contained HTML page.

Inline CSS, no JavaScript, no external assets (a Content-Security-Policy in the
page forbids them too), so it opens from disk offline and can be mailed as one
file. Per worksheet: a progress bar, verdict badges, the article with each
claim's quote highlighted and linked to its entry, then every claim with its
status, verdict, sources (and archive copies), explanation and corrections.
Two columns on a laptop, one column on a narrow screen and on paper.

Everything taken from articles and worksheets is escaped (``html.escape``
with quotes), control and bidirectional-override characters are removed, and
only http(s) URLs become links: a ``<script>`` in an article is shown as text.
"""

from __future__ import annotations

import datetime as _dt
import html as _html

from .. import __version__
from ..config import Config
from ..render import clean
from ..worksheet import Claim
from .sheets import Sheet, iso_date, safe_url, source_line, tally, verdict_label, verdict_tone

CSS = """
:root{--ink:#1d2430;--muted:#5b6575;--line:#d9dee7;--paper:#fff;--wash:#f5f7fa;--accent:#24509a;
--good:#1f7a3d;--fair:#5f8f1f;--mixed:#9a6a00;--poor:#b5541c;--bad:#b3261e;--none:#5b6575}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--wash);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
header.page,main,footer{max-width:1180px;margin:0 auto;padding:0 24px}
header.page{padding-top:28px;padding-bottom:8px}
header.page .org{margin:0;color:var(--muted);font-size:.9rem;text-transform:uppercase;letter-spacing:.06em}
h1{margin:.1em 0 .2em;font-size:1.9rem;line-height:1.2}
h2{margin:0 0 .2em;font-size:1.45rem;line-height:1.25}
h3{margin:0 0 .6em;font-size:1rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
a{color:var(--accent)}
.meta{margin:0 0 12px;color:var(--muted);font-size:.92rem}
.toc{margin:0 0 16px;padding-left:1.2em}
section.sheet{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:24px;margin:18px 0}
.progress{display:flex;height:12px;border-radius:6px;overflow:hidden;background:#e6e9ef;margin:14px 0 6px}
.progress span{display:block;height:100%}
.progress .checked{background:var(--good)}.progress .skipped{background:#8a94a6}.progress .in-progress{background:var(--mixed)}
.legend{margin:0 0 10px;font-size:.92rem;color:var(--muted)}
.legend b{color:var(--ink)}
.key{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin:0 .25em 0 .6em;vertical-align:-.05em}
.key.checked{background:var(--good)}.key.skipped{background:#8a94a6}.key.in-progress{background:var(--mixed)}
.key.unchecked{background:#e6e9ef;border:1px solid #c5ccd8}
.verdicts{margin:0 0 18px}
.badge{display:inline-block;padding:.08em .55em;border-radius:999px;font-size:.82rem;font-weight:650;color:#fff;
background:var(--none);white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.badge.good{background:var(--good)}.badge.fair{background:var(--fair)}.badge.mixed{background:var(--mixed)}
.badge.poor{background:var(--poor)}.badge.bad{background:var(--bad)}
.badge.pending{background:#fff;color:var(--muted);border:1px solid var(--line);font-weight:500}
.count{color:var(--muted);font-size:.9rem;margin:0 .9em 0 .25em}
.columns{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,6fr);gap:28px;align-items:start}
.article{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;padding-right:6px}
.article .text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:1.02rem;line-height:1.6}
.article .missing{color:var(--bad)}
a.hl{color:inherit;text-decoration:none;background:#fff1b8;border-bottom:2px solid var(--mixed);
-webkit-print-color-adjust:exact;print-color-adjust:exact}
a.hl.good{background:#dff3e4;border-color:var(--good)}a.hl.fair{background:#ecf5d9;border-color:var(--fair)}
a.hl.poor{background:#fbe5d6;border-color:var(--poor)}a.hl.bad{background:#fbdcd9;border-color:var(--bad)}
a.hl.none{background:#eef0f4;border-color:#8a94a6}
a.hl.pending{background:#f1f3f7;border-bottom:2px dotted #8a94a6}a.hl:hover{filter:brightness(.95)}
sup.n{font:600 .7rem system-ui,sans-serif;margin:0 1px}
sup.n a{text-decoration:none;color:var(--muted)}
ol.claims{list-style:none;margin:0;padding:0}
li.claim{border-top:1px solid var(--line);padding:14px 0 12px}
li.claim:first-child{border-top:0;padding-top:0}
li.claim:target{background:#fffbe6;outline:6px solid #fffbe6}
.head{display:flex;flex-wrap:wrap;gap:.45em;align-items:center;margin-bottom:.3em}
.num{font-weight:700;color:var(--muted);min-width:1.6em}
.status{font-size:.82rem;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 .4em}
.id{font:.78rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);margin-left:auto}
.claim .text{margin:.1em 0 .35em;font-weight:560;font-size:1.02rem}
.claim .wording{margin:0 0 .35em;color:var(--muted);font-size:.92rem}
.claim dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em .8em;margin:.3em 0 0;font-size:.93rem}
.claim dt{color:var(--muted)}.claim dd{margin:0}
.claim ul{margin:0;padding-left:1.1em}
.quote-link{font-size:.85rem}
dd.corrections li{color:var(--bad)}
footer{color:var(--muted);font-size:.85rem;padding-bottom:28px}
@media (max-width:860px){.columns{display:block}.article{position:static;max-height:none;margin-bottom:20px}}
@media print{
@page{margin:16mm 14mm}
body{background:#fff;font-size:10.5pt}
header.page,main,footer{max-width:none;padding:0}
section.sheet{border:0;padding:0;margin:0 0 12mm;break-before:page}
section.sheet:first-of-type{break-before:auto}
.columns{display:block}
.article{position:static;max-height:none;overflow:visible;margin-bottom:8mm}
li.claim{break-inside:avoid}
li.claim:target{background:none;outline:0}
a{color:inherit}
.claim dd a[href^="http"]::after{content:" <" attr(href) ">";font-size:8pt;color:var(--muted);word-break:break-all}
.id{margin-left:.5em}
.quote-link{display:none}
}
""".strip()


CORRECTIONS_CLASS = ' class="corrections"'


def esc(value) -> str:
    """Worksheet or article text, cleaned of control characters and escaped for HTML (quotes included)."""
    return _html.escape(clean(value, oneline=False), quote=True)


def link(label, url, cls: str = "") -> str:
    safe = safe_url(url)
    if safe is None:
        return esc(label or url)
    c = f' class="{cls}"' if cls else ""
    return f'<a{c} href="{_html.escape(safe, quote=True)}" rel="noopener noreferrer">{esc(label or url)}</a>'


def badge(claim: Claim, config: Config) -> str:
    if claim.verdict is None:
        return '<span class="badge pending">no verdict</span>'
    return f'<span class="badge {verdict_tone(claim.verdict, config)}">{esc(verdict_label(claim.verdict))}</span>'


def quote_span(claim: Claim, article_text: str) -> tuple[int, int] | None:
    """Where the claim's quote is in the article: its span when it points at the quote, else the first occurrence."""
    if not claim.quote:
        return None
    sp = claim.span
    if sp and len(sp) == 2 and article_text[sp[0]:sp[1]] == claim.quote:
        return sp[0], sp[1]
    at = article_text.find(claim.quote)
    return (at, at + len(claim.quote)) if at >= 0 else None


def highlighted_article(sheet: Sheet, anchors: dict[str, str], numbers: dict[str, int], config: Config) -> str:
    """The article text with every claim's quote highlighted and linked to its entry.

    Quotes may nest (a clause inside a longer sentence): the text is cut at
    every quote boundary and each piece links to the innermost quote covering it.
    """
    text = sheet.article_text or ""
    spans = []
    for c in sheet.claims:
        where = quote_span(c, text)
        if where and where[1] > where[0]:
            spans.append((where[0], where[1], c))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starts: dict[int, list[Claim]] = {}
    for s, _, c in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        starts.setdefault(s, []).append(c)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for c in starts.get(a, []):
            anchor = esc(anchors[c.id])
            out.append(f'<sup class="n" id="q-{anchor}"><a href="#{anchor}">{numbers[c.id]}</a></sup>')
        covering = [(e - s, c) for s, e, c in spans if s <= a and e >= b]
        piece = esc(text[a:b])
        if covering:
            c = min(covering, key=lambda x: x[0])[1]
            tone = verdict_tone(c.verdict, config) if c.verdict else "pending"
            title = esc(f"{numbers[c.id]}. {c.id}" + (f": {verdict_label(c.verdict)}" if c.verdict else f" ({c.status})"))
            out.append(f'<a class="hl {tone}" href="#{esc(anchors[c.id])}" title="{title}">{piece}</a>')
        else:
            out.append(piece)
    return "".join(out)


def progress_block(sheet: Sheet, config: Config) -> str:
    t = tally(sheet, config)
    total = t.claims or 1
    bars = "".join(f'<span class="{s}" style="width:{100.0 * t.status.get(s, 0) / total:.2f}%"></span>'
                   for s in ("checked", "skipped", "in-progress") if t.status.get(s, 0))
    label = f"{t.done} of {t.claims} claims done ({t.percent:.0f}%)"
    keys = "".join(f'<span class="key {s}"></span>{t.status.get(s, 0)} {s}'
                   for s in ("checked", "skipped", "in-progress", "unchecked") if t.status.get(s, 0))
    custom = [f"{n} {esc(s)}" for s, n in sorted(t.named.items()) if s not in t.status]
    more = f" (of which {', '.join(custom)})" if custom else ""
    verdicts = "".join(
        f'<span class="badge {verdict_tone(v, config)}">{esc(verdict_label(v))}</span><span class="count">× {t.verdicts[v]}</span>'
        for v in config.verdicts if t.verdicts.get(v))
    return (f'<div class="progress" role="img" aria-label="{label}">{bars}</div>\n'
            f'<p class="legend"><b>{label}</b> {keys}{more}</p>\n'
            + (f'<p class="verdicts">{verdicts}</p>\n' if verdicts else ""))


def claim_entry(sheet: Sheet, claim: Claim, anchor: str, number: int, config: Config, highlighted: bool) -> str:
    rows = [("Speaker", esc(claim.speaker) if claim.speaker else "the article itself")]
    if claim.summary:
        rows.append(("Summary", esc(claim.summary)))
    if claim.explanation:
        rows.append(("Explanation", esc(claim.explanation)))
    if claim.sources:
        items = []
        for s in claim.sources:
            items.append(f"<li>{source_line(s, esc, link)}</li>")
        rows.append(("Sources", "<ul>" + "".join(items) + "</ul>"))
    if claim.correction:
        rows.append(("Correction", esc(claim.correction)))
    if claim.corrections:
        rows.append(("Corrections", "<ul>" + "".join(f"<li>{esc(iso_date(c.date))}: {esc(c.note)}</li>"
                                                   for c in claim.corrections) + "</ul>"))
    if claim.stale:
        rows.append(("Stale", "the quote was removed from the article"))
    dl = "".join(f"<dt>{k}</dt><dd{CORRECTIONS_CLASS if k == 'Corrections' else ''}>{v}</dd>" for k, v in rows)
    status = config.base_status(claim.status)
    back = f' <a class="quote-link" href="#q-{esc(anchor)}">in the article</a>' if highlighted else ""
    return (f'<li class="claim" id="{esc(anchor)}">\n'
            f'<div class="head"><span class="num">{number}.</span>{badge(claim, config)}'
            f'<span class="status {status}">{esc(claim.status)}</span><span class="id">{esc(claim.id)}</span></div>\n'
            f'<p class="text">{esc(claim.text)}{back}</p>\n'
            f"<dl>{dl}</dl>\n</li>")


def render_sheet(sheet: Sheet, index: int, anchors: dict[str, str], config: Config) -> str:
    article = sheet.worksheet.article
    numbers = {c.id: i for i, c in enumerate(sheet.claims, 1)}
    meta = [f"worksheet {esc(sheet.path)}"]
    if article.get("url"):
        meta.append("article: " + link(article["url"], article["url"]))
    if article.get("published"):
        meta.append(f"published {esc(iso_date(article['published']))}")
    if sheet.article_text is not None:
        body = highlighted_article(sheet, anchors, numbers, config)
        highlighted = {c.id for c in sheet.claims if quote_span(c, sheet.article_text)}
        art = f'<div class="text">{body}</div>'
    else:
        highlighted = set()
        why = esc(sheet.article_problem or "not read")
        art = f'<p class="missing">The article text is not available: {why}</p>'
    claims = "\n".join(claim_entry(sheet, c, anchors[c.id], numbers[c.id], config, c.id in highlighted)
                       for c in sheet.claims) or "<li>No claims.</li>"
    return (f'<section class="sheet" id="sheet-{index}">\n<h2>{esc(sheet.title)}</h2>\n'
            f'<p class="meta">{" · ".join(meta)}</p>\n{progress_block(sheet, config)}'
            f'<div class="columns">\n<div class="article"><h3>Article</h3>{art}</div>\n'
            f'<div><h3>Claims</h3><ol class="claims">\n{claims}\n</ol></div>\n</div>\n</section>')


def page_anchors(sheets: list[Sheet]) -> list[dict[str, str]]:
    """Element ids for each claim: its id, or worksheet--id where two worksheets share an id."""
    seen: dict[str, int] = {}
    for s in sheets:
        for c in s.claims:
            seen[c.id] = seen.get(c.id, 0) + 1
    return [{c.id: c.id if seen[c.id] == 1 else f"{s.name}--{c.id}" for c in s.claims} for s in sheets]


def render(sheets: list[Sheet], config: Config, today: _dt.date | None = None) -> str:
    """The whole page."""
    today = today or _dt.date.today()
    org = (config.organisation or {}).get("name")
    title = sheets[0].title if len(sheets) == 1 else f"{len(sheets)} worksheets"
    n_claims = sum(len(s.claims) for s in sheets)
    anchors = page_anchors(sheets)
    toc = ""
    if len(sheets) > 1:
        toc = '<ol class="toc">' + "".join(
            f'<li><a href="#sheet-{i}">{esc(s.title)}</a> — {tally(s, config).done} of {len(s.claims)} done</li>'
            for i, s in enumerate(sheets)) + "</ol>\n"
    sections = "\n".join(render_sheet(s, i, anchors[i], config) for i, s in enumerate(sheets))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="factcheck {esc(__version__)}">
<title>Fact-check report: {esc(title)}</title>
<style>
{CSS}
</style>
</head>
<body>
<header class="page">
{f'<p class="org">{esc(org)}</p>' if org else ''}
<h1>Fact-check report: {esc(title)}</h1>
<p class="meta">{len(sheets)} worksheet{'s' if len(sheets) != 1 else ''}, {n_claims} claim{'s' if n_claims != 1 else ''} · as of {today.isoformat()}</p>
{toc}</header>
<main>
{sections}
</main>
<footer>Made with factcheck {esc(__version__)}. Highlights link each quote to its claim; numbers in the article are claim numbers.</footer>
</body>
</html>
"""
