"""One row per claim, for spreadsheets.

The columns are stable (scripts may rely on their names and order; new ones
are only ever added at the end):

``worksheet`` path of the worksheet, ``article_url``, ``article_published``,
``id``, ``status``, ``verdict``, ``rating`` (the verdict's rating value, empty
when unrated), ``speaker``, ``type``, ``date``, ``text``, ``summary``,
``explanation``, ``quote``, ``span_start``, ``span_end``,
``source_urls`` / ``source_titles`` / ``archived_urls`` (one line per source,
in the same order; an empty line where a source has no title or archive),
``corrections`` (one ``YYYY-MM-DD: note`` line each), ``correction``,
``notes``, ``assignee``, ``checkworthiness``, ``stale``, ``recheck``.

Lists are joined with newlines inside one cell (the ``csv`` module quotes
them). A cell of worksheet text that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return gets a leading ``'`` so that spreadsheets show it
as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io

from ..config import Config
from .sheets import Sheet, iso_date

COLUMNS = (
    "worksheet", "article_url", "article_published", "id", "status", "verdict", "rating", "speaker", "type", "date",
    "text", "summary", "explanation", "quote", "span_start", "span_end", "source_urls", "source_titles",
    "archived_urls", "corrections", "correction", "notes", "assignee", "checkworthiness", "stale", "recheck",
)

#: Columns computed by factcheck (numbers, ids, enums), never guarded against formulas.
_COMPUTED = frozenset({"id", "rating", "span_start", "span_end", "checkworthiness", "stale", "article_published"})


def guard(value: str) -> str:
    """Text a spreadsheet will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return iso_date(value) if not isinstance(value, (str, int, float)) else str(value)


def row(sheet: Sheet, claim, config: Config) -> dict[str, str]:
    article = sheet.worksheet.article
    span = claim.span if claim.span and len(claim.span) == 2 else (None, None)
    values = {
        "worksheet": str(sheet.path),
        "article_url": article.get("url"),
        "article_published": iso_date(article.get("published")),
        "id": claim.id,
        "status": claim.status,
        "verdict": claim.verdict,
        "rating": config.ratings.get(claim.verdict) if claim.verdict else None,
        "speaker": claim.speaker,
        "type": claim.type,
        "date": claim.date,
        "text": claim.text,
        "summary": claim.summary,
        "explanation": claim.explanation,
        "quote": claim.quote,
        "span_start": span[0],
        "span_end": span[1],
        "source_urls": "\n".join(s.url or "" for s in claim.sources),
        "source_titles": "\n".join(s.title or "" for s in claim.sources),
        "archived_urls": "\n".join(s.archived or "" for s in claim.sources),
        "corrections": "\n".join(f"{iso_date(c.date)}: {c.note}" for c in claim.corrections),
        "correction": claim.correction,
        "notes": claim.notes,
        "assignee": claim.assignee,
        "checkworthiness": claim.checkworthiness,
        "stale": claim.stale,
        "recheck": claim.recheck,
    }
    out = {}
    for k in COLUMNS:
        cell = _cell(values[k])
        out[k] = cell if k in _COMPUTED else guard(cell)
    return out


def render(sheets: list[Sheet], config: Config) -> str:
    """The CSV text: a header row, then one row per claim of every worksheet (CRLF line ends, as RFC 4180)."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for sheet in sheets:
        for c in sheet.claims:
            writer.writerow(row(sheet, c, config))
    return buf.getvalue()
