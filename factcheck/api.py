"""factcheck as a library: everything the commands do, callable from Python.

    import factcheck.api as fc

    written = fc.extract_to_worksheet("story.txt", output="claims/story.yaml")
    ws = fc.load_worksheet("claims/story.yaml")
    fc.set_fields(ws.path, ws.claims[0].id, verdict="true", sources=["https://example.org/report"])
    sheets, code = fc.check(["claims/"])

The commands in ``factcheck.commands`` are thin clients of these functions.
Nothing here prints or exits: functions return values and raise
``factcheck.errors.FactcheckError`` subclasses (each with ``exit_code``).
Importing this module does not import spaCy; extraction does, when called.
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass
from pathlib import Path

from .config import Config, load_config
from .errors import InputError
from .worksheet import Claim, LoadResult, Worksheet, find_worksheets
from .worksheet import load as _load

__all__ = [
    "Claim", "Config", "LoadResult", "StatusReport", "Worksheet", "check", "extract", "extract_to_worksheet",
    "load", "load_config", "load_worksheet", "pending", "set_fields", "status", "validate", "worksheet_files",
]

DEFAULT_PATHS = (Path("claims"),)


def _paths(paths) -> list[Path]:
    if paths is None or isinstance(paths, (str, Path)):
        paths = [paths] if paths is not None else list(DEFAULT_PATHS)
    return [Path(p) for p in paths] or list(DEFAULT_PATHS)


def _config(config: Config | Path | str | None) -> Config:
    if isinstance(config, Config):
        return config
    return load_config(Path(config) if config is not None else None)


# --------------------------------------------------------------------------- reading


def worksheet_files(paths=None) -> list[Path]:
    """Worksheet files under ``paths`` (default ``claims/``); a missing path raises InputError."""
    files, problems = find_worksheets(_paths(paths))
    if problems:
        raise InputError(f"{problems[0].path}: {problems[0].message}")
    return files


def load(path, config: Config | Path | None = None, *, check_article: bool = True) -> LoadResult:
    """Load and validate one worksheet; never raises for a bad worksheet (see ``LoadResult.problems``)."""
    return _load(Path(path), _config(config), check_article=check_article)


def load_worksheet(path, config: Config | Path | None = None, *, check_article: bool = False) -> Worksheet:
    """The worksheet at ``path``; raises InputError (unreadable) or WorksheetError (invalid)."""
    result = load(path, config, check_article=check_article)
    result.raise_if_invalid("loaded")
    return result.worksheet


def validate(paths=None, config: Config | Path | None = None):
    """``(results, path_problems)``: every worksheet under ``paths`` loaded and checked."""
    from .worksheet import load_all

    return load_all(_paths(paths), _config(config))


# --------------------------------------------------------------------------- progress and the gate


@dataclass
class StatusReport:
    rows: list  # progress.Tally per worksheet (or per value of ``by``)
    total: object  # progress.Tally over everything
    summaries: list  # progress.SheetSummary per worksheet file

    @property
    def any_invalid(self) -> bool:
        return any(not s.valid for s in self.summaries)


def status(paths=None, config: Config | Path | None = None, *, by: str | None = None, sort: str = "name",
           jobs: int | None = None) -> StatusReport:
    """Counts per status and verdict, per worksheet or per claim field (``by``)."""
    from . import progress
    from .worksheet import map_worksheets

    cfg = _config(config)
    summaries = map_worksheets(worksheet_files(paths), functools.partial(progress.summarise, statuses=cfg.statuses),
                               cfg, jobs=jobs)
    rows, total = progress.by_field(summaries, by) if by else progress.by_worksheet(summaries)
    return StatusReport(progress.sort_rows(rows, sort), total, summaries)


def check(paths=None, config: Config | Path | None = None, *, allow=(), warn=(), min_sources: int | None = None,
          strict: bool | None = None, jobs: int | None = None):
    """``(sheets, exit_code)``: the publication gate over every worksheet under ``paths``."""
    from . import policy as policy_mod
    from .worksheet import map_worksheets

    cfg = _config(config)
    pol = policy_mod.Policy.from_config(cfg, allow=allow or (), warn=warn or (), min_sources=min_sources,
                                        strict=strict)
    files, path_problems = find_worksheets(_paths(paths))
    sheets = map_worksheets(files, functools.partial(policy_mod.evaluate, policy=pol), cfg, jobs=jobs)
    for p in path_problems:
        sheets.append(policy_mod.SheetResult(p.path, problems=[p]))
    return sheets, policy_mod.exit_code(sheets)


def pending(paths=None, config: Config | Path | None = None, *, assignee: str | None = None):
    """``(todo, invalid)``: unchecked claims as (worksheet, claim), most check-worthy first,
    and the load results of worksheets left out because they are invalid."""
    from . import progress
    from .worksheet import iter_load

    cfg = _config(config)
    results = list(iter_load(worksheet_files(paths), cfg, check_article=False))
    invalid = [r for r in results if r.problems or r.worksheet is None]
    return progress.pending(results, assignee, cfg.statuses), invalid


# --------------------------------------------------------------------------- recording work


def set_fields(path, claim_id: str, *, status: str | None = None, verdict: str | None = None, sources=(),
               titles=(), note: str | None = None, assignee: str | None = None,
               config: Config | Path | None = None, today: _dt.date | None = None) -> list[str]:
    """Record work on one claim by splicing only the touched bytes; returns what changed.

    ``sources`` are URLs (or dicts with ``url``, ``title``, ``note``); ``titles``
    pair with the URLs in order.
    """
    from .config import verdict_name
    from .edit import Change, apply_change
    from .errors import UsageError

    titles = list(titles or [])
    srcs = [dict(s) if isinstance(s, dict) else {"url": s} for s in sources or []]
    if len(titles) > len(srcs):
        raise UsageError("--title: each --title must follow a --source")
    for i, t in enumerate(titles):
        srcs[i]["title"] = t
    if not any((status, verdict, srcs, note, assignee is not None)):
        raise UsageError("nothing to record; give --status, --verdict, --source, --note or --assignee")
    change = Change(status=status, verdict=verdict_name(verdict) if verdict is not None else None, sources=srcs,
                    note=note, assignee=assignee)
    return apply_change(Path(path), claim_id, change, _config(config), today=today)


# --------------------------------------------------------------------------- extraction


def extract(articles, *, output=None, date=None, force: bool = False, update: bool = False,
            model: str | None = None, nlp=None, read_stdin=None, on_done=None):
    """Extract several articles (files, folders, ``-``) through one pipeline.

    Returns ``(written, errors)``: a ``extraction.Written`` per worksheet and the
    per-article problems of a batch (a single article raises instead).
    """
    from . import extraction

    jobs, errors = extraction.plan(list(articles), output=Path(output) if output is not None else None, date=date,
                                   force=force, update=update, read_stdin=read_stdin)
    written = extraction.run(jobs, update=update, model=model, nlp=nlp, on_done=on_done)
    return written, errors


def extract_to_worksheet(article, output=None, *, date=None, force: bool = False, update: bool = False,
                         model: str | None = None, nlp=None):
    """Extract one article file into a worksheet (default ``claims/<stem>.yaml``); returns ``Written``
    (``.path``, ``.claims``, ``.update`` for a merge)."""
    written, _ = extract([article], output=output, date=date, force=force, update=update, model=model, nlp=nlp)
    return written[0]
