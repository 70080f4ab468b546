"""Loading worksheets for publication, and what every format shares.

Publishing refuses invalid worksheets: every problem in every file is
collected and reported together, and nothing is written. The article text is
read only for the formats that show it (HTML); an unreadable article is noted
on the sheet rather than stopping the report.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import FactcheckError, InputError, WorksheetError
from ..progress import Tally
from ..worksheet import Claim, Worksheet, find_worksheets, load, read_article_text


@dataclass
class Sheet:
    """One valid worksheet ready to publish."""

    worksheet: Worksheet
    article_text: str | None = None
    article_problem: str | None = None  # why the article text could not be read

    @property
    def path(self) -> Path:
        return self.worksheet.path

    @property
    def name(self) -> str:
        """The worksheet's file name without its suffix: ``{worksheet}`` in ``publish_url``."""
        return self.worksheet.path.stem

    @property
    def title(self) -> str:
        return str(self.worksheet.article.get("title") or self.name)

    @property
    def claims(self) -> list[Claim]:
        return self.worksheet.claims


def load_sheets(paths: list[Path], config: Config, *, with_article: bool = False) -> list[Sheet]:
    """Load every worksheet under ``paths``.

    Raises InputError (exit 2) for a missing path or an unreadable file, and
    WorksheetError (exit 1) listing every problem when any worksheet is invalid.
    """
    files, missing = find_worksheets(paths)
    if missing:
        raise InputError(f"{missing[0].path}: {missing[0].message}")
    if not files:
        raise InputError(f"{', '.join(map(str, paths))}: no worksheets (*.yaml) found; run factcheck extract first")
    results = [load(f, config, check_article=False) for f in files]
    for r in results:
        if r.unreadable:
            r.raise_if_invalid("exported")
    problems = [p for r in results for p in r.problems]
    if problems:
        bad = sum(1 for r in results if r.problems)
        raise WorksheetError(f"{bad} invalid worksheet{'s' if bad != 1 else ''}, so nothing was exported; "
                             "fix these problems first (factcheck validate)", problems)
    sheets = [Sheet(r.worksheet) for r in results]
    if with_article:
        for sheet in sheets:
            try:
                sheet.article_text = read_article_text(sheet.worksheet)
            except FactcheckError as exc:
                sheet.article_problem = getattr(exc, "reason", str(exc))
    return sheets


def tally(sheet: Sheet, config: Config) -> Tally:
    """Counts per status and verdict, as ``factcheck status`` shows them."""
    t = Tally(sheet.name, str(sheet.path))
    for c in sheet.claims:
        t.add(config.base_status(c.status), c.verdict, c.status)
    return t


def verdict_label(verdict: str) -> str:
    """How a verdict reads in public: ``mostly-true`` -> ``Mostly true``."""
    words = verdict.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def verdict_tone(verdict: str | None, config: Config) -> str:
    """A colour class for a verdict from its place on the rating scale: good, fair, mixed, poor, bad or none."""
    ratings = config.ratings
    if verdict not in ratings:
        return "none"
    best, worst = max(ratings.values()), min(ratings.values())
    if best == worst:
        return "good"
    share = (ratings[verdict] - worst) / (best - worst)
    return ("bad", "poor", "mixed", "fair", "good")[min(4, int(share * 4 + 0.5))]


def iso_date(value) -> str | None:
    """A date (or YYYY-MM-DD text) as YYYY-MM-DD; None stays None."""
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def safe_url(url) -> str | None:
    """``url`` if it is an http(s) address fit for a link, else None (no javascript:, data: or relative links)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    if u.lower().startswith(("http://", "https://")) and not any(ch.isspace() or ord(ch) < 32 for ch in u):
        return u
    return None


def source_line(source, text, link) -> str:
    """One source as a report line: its linked title, then when it was accessed, its archived copy
    and its note, written with the format's own ``text`` escaping and ``link`` maker."""
    bits = [f"accessed {text(iso_date(source.accessed))}"] if source.accessed else []
    if source.archived:
        bits.append(link("archived copy", source.archived))
    if source.note:
        bits.append(text(source.note))
    main = link(source.title, source.url) if source.url else text(source.title or "untitled")
    return main + (f" ({'; '.join(bits)})" if bits else "")
