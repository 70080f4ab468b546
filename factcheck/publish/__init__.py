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
