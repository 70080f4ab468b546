"""Publishing worked worksheets: ClaimReview, an editor's report, a table.

Each format is one module with a ``render`` function over loaded worksheets
(``sheets.Sheet``) that returns text; nothing here prints, exits or writes
files (``factcheck.commands.export`` does that).

* ``claimreview`` -- schema.org ClaimReview JSON-LD for every checked claim
  with a verdict, plus the claims left out and why;
* ``markdown`` -- a report per worksheet for a pull request or a CMS;
* ``html`` -- the same as one self-contained page (inline CSS, no scripts);
* ``csv`` -- one row per claim with stable columns, for spreadsheets.
"""

from __future__ import annotations

FORMATS = ("claimreview", "markdown", "html", "csv")

from dataclasses import dataclass, field  # noqa: E402


@dataclass
class Exported:
    """A rendered document and what to tell the user about it."""

    text: str
    fmt: str
    claims: int  # claims in the worksheets
    exported: int  # claims in the document (ClaimReview: only the exportable ones)
    worksheets: int
    skipped: list = field(default_factory=list)  # claimreview.Skipped: claims left out and why
    warnings: list[str] = field(default_factory=list)
    inputs: list = field(default_factory=list)  # the worksheets and articles read (never to be overwritten)


def export(paths, fmt: str, config, *, published=None) -> Exported:
    """Render the worksheets under ``paths`` in ``fmt`` (one of ``FORMATS``).

    ``published`` is the fact-checks' publication date (ClaimReview's
    ``datePublished``, the HTML page's date); default today. Raises
    ``UsageError`` for an unknown format or, for ClaimReview, a factcheck.yaml
    without ``organisation`` or ``publish_url``; ``InputError`` and
    ``WorksheetError`` from loading (every problem of every worksheet).
    """
    import datetime as _dt

    from ..errors import UsageError
    from .sheets import load_sheets

    if fmt not in FORMATS:
        raise UsageError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    published = published or _dt.date.today()
    if fmt == "claimreview":
        from . import claimreview

        claimreview.require_config(config)  # before reading anything: the one-line error comes first
    sheets = load_sheets(list(paths), config, with_article=(fmt == "html"))
    n = sum(len(s.claims) for s in sheets)
    inputs = [p for s in sheets for p in (s.path.resolve(), s.worksheet.article_path())]
    if fmt == "claimreview":
        result = claimreview.build(sheets, config, published)
        return Exported(claimreview.render(result.reviews), fmt, n, len(result.reviews), len(sheets),
                        result.skipped, result.warnings, inputs)
    if fmt == "markdown":
        from . import markdown

        text = markdown.render(sheets, config)
    elif fmt == "html":
        from . import html

        text = html.render(sheets, config, published)
    else:
        from . import csv

        text = csv.render(sheets, config)
    return Exported(text, fmt, n, n, len(sheets), inputs=inputs)
