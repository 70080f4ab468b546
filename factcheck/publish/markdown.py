"""The editor's report in Markdown, one section per worksheet.

For a pull request or a CMS: progress first, then every claim with its
status, verdict, speaker, public summary and explanation, sources (with their
archive copies) and corrections. Internal ``notes`` are left out. Everything
taken from a worksheet is escaped, so a claim cannot inject links, HTML or
formatting into the report.
"""

from __future__ import annotations

import re

from ..config import STATUSES, Config
from ..render import clean
from .sheets import Sheet, iso_date, safe_url, source_line, tally, verdict_label

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#$])")  # $: GitHub reads $...$ as maths


DONE_FIRST = ("checked", "skipped", "in-progress", "unchecked")


def text(value) -> str:
    """Worksheet text as inert Markdown on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(clean(value).split()))


def link(label, url) -> str:
    """A Markdown link for an http(s) URL; anything else is shown as text."""
    safe = safe_url(url)
    if safe is None:
        return text(label or url)
    target = safe.replace("<", "%3C").replace(">", "%3E")
    return f"[{text(label or url)}](<{target}>)"


def progress_line(sheet: Sheet, config: Config) -> str:
    t = tally(sheet, config)
    parts = [f"{n} {s}" for s in DONE_FIRST if (n := t.status.get(s, 0))]
    custom = [f"{n} {text(s)}" for s, n in sorted(t.named.items()) if s not in STATUSES]
    line = f"**Progress:** {t.done} of {t.claims} claims done ({t.percent:.0f}%)"
    if parts:
        line += ": " + ", ".join(parts)
    if custom:
        line += f" (of which {', '.join(custom)})"
    verdicts = [f"{verdict_label(v)} {t.verdicts[v]}" for v in config.verdicts if t.verdicts.get(v)]
    if verdicts:
        line += ". **Verdicts:** " + ", ".join(verdicts)
    return line + "."


def claim_block(n: int, claim, config: Config) -> list[str]:
    out = [f"### {n}. {text(claim.summary or claim.text)}", ""]
    if claim.summary:
        out += [f"> {text(claim.text)}", ""]
    verdict = f"**{text(verdict_label(claim.verdict))}**" if claim.verdict else "none yet"
    out.append(f"- **Status:** {text(claim.status)} · **Verdict:** {verdict} · **Id:** `{claim.id}`")
    out.append(f"- **Speaker:** {text(claim.speaker) if claim.speaker else 'the article itself'}")
    if claim.stale:
        out.append("- **Stale:** the quote was removed from the article")
    if claim.explanation:
        out.append(f"- **Explanation:** {text(claim.explanation)}")
    if claim.sources:
        out.append("- **Sources:**")
        for s in claim.sources:
            out.append(f"  - {source_line(s, text, link)}")
    if claim.correction:
        out.append(f"- **Correction:** {text(claim.correction)}")
    if claim.corrections:
        out.append("- **Corrections:**")
        out.extend(f"  - {iso_date(c.date)}: {text(c.note)}" for c in claim.corrections)
    return out


def render_sheet(sheet: Sheet, config: Config) -> str:
    article = sheet.worksheet.article
    lines = [f"# {text(sheet.title)}", ""]
    meta = [f"Worksheet `{clean(sheet.path).replace('`', '')}`"]
    if article.get("url"):
        meta.append("article " + link(article.get("url"), article.get("url")))
    if article.get("published"):
        meta.append(f"published {iso_date(article['published'])}")
    lines += [" · ".join(meta), "", progress_line(sheet, config), ""]
    if not sheet.claims:
        lines += ["No claims.", ""]
    for i, c in enumerate(sheet.claims, 1):
        lines += claim_block(i, c, config) + [""]
    return "\n".join(lines)


def render(sheets: list[Sheet], config: Config) -> str:
    """The report for every worksheet, one top-level section each."""
    return "\n".join(render_sheet(s, config) for s in sheets).rstrip("\n") + "\n"
