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
import re
from dataclasses import dataclass
from pathlib import Path

from .config import Config, load_config
from .errors import InputError, UsageError
from .worksheet import Claim, LoadResult, Worksheet, find_worksheets
from .worksheet import load as _load

__all__ = [
    "Claim", "Config", "LoadResult", "Recorded", "StatusReport", "Worksheet", "add_claim", "check", "export", "extract",
    "extract_to_worksheet", "find_claim", "in_progress", "load", "load_config", "load_worksheet", "pending",
    "set_fields", "status", "validate", "worksheet_files",
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


def in_progress(paths=None, config: Config | Path | None = None, *, assignee: str | None = None) -> int:
    """How many claims under ``paths`` are in progress (of ``assignee``, any case)."""
    from . import progress
    from .worksheet import iter_load

    cfg = _config(config)
    results = iter_load(worksheet_files(paths), cfg, check_article=False)
    return progress.in_progress(results, assignee, cfg.statuses)


# --------------------------------------------------------------------------- recording work


@dataclass
class Recorded:
    """What ``set_fields`` did: one line per change, and warnings about work left incomplete."""

    path: Path
    said: list[str]
    warnings: list[str]


def _suggest(value: str, allowed, message: str) -> UsageError:
    """``message`` with a did-you-mean for near misses ('True', 'mostly true', 'checkd')."""
    import difflib

    norm = {a.lower().replace(" ", "-").replace("_", "-"): a for a in allowed}
    key = value.lower().strip().replace(" ", "-").replace("_", "-")
    hint = [norm[key]] if key in norm else difflib.get_close_matches(key, list(norm), n=1, cutoff=0.6)
    more = f"; did you mean {norm.get(hint[0], hint[0])!r}?" if hint else ""
    return UsageError(message + more)


def check_url(url: str) -> None:
    """UsageError unless ``url`` is an absolute http(s), ftp or file URL without spaces."""
    from urllib.parse import urlsplit

    parts = urlsplit(url) if isinstance(url, str) else None
    if (parts is None or parts.scheme not in ("http", "https", "ftp", "file") or not (parts.netloc or parts.path)
            or any(ch.isspace() for ch in url) or (parts.scheme != "file" and not parts.netloc)):
        raise UsageError(f"not a URL: {url!r}; write it in full, e.g. https://example.org/page")


def find_claim(claim_id: str, paths=None, config: Config | Path | None = None) -> Path:
    """The one worksheet under ``paths`` (default ``claims/``) that has claim ``claim_id``."""
    cfg = _config(config)
    found = []
    for f in worksheet_files(paths):
        try:
            text = f.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if claim_id not in text:  # most worksheets are ruled out without parsing them
            continue
        r = _load(f, cfg, check_article=False)
        if r.worksheet is not None and r.worksheet.claim(claim_id) is not None:
            found.append(f)
    where = ", ".join(str(p) for p in _paths(paths))
    if not found:
        raise UsageError(f"no claim with id {claim_id!r} in the worksheets under {where}; give FILE ID "
                         f"(factcheck show FILE lists the ids)")
    if len(found) > 1:
        raise UsageError(f"claim id {claim_id!r} is in {len(found)} worksheets ({', '.join(map(str, found))}); "
                         f"give FILE ID")
    return found[0]


def set_fields(path, claim_id: str, *, status: str | None = None, verdict: str | None = None, sources=(),
               titles=(), note: str | None = None, assignee: str | None = None, clear=(), remove_sources=(),
               archived=(), summary: str | None = None, explanation: str | None = None,
               correction: str | None = None, same_as=(), not_same_as=(), verdict_from: str | None = None,
               config: Config | Path | None = None, today: _dt.date | None = None) -> Recorded:
    """Record work on one claim by splicing only the touched bytes.

    ``sources`` are URLs (or dicts with ``url``, ``title``, ``archived``, ``note``);
    ``titles`` and ``archived`` (archive copies) pair with the URLs in order.
    ``clear`` empties fields (verdict, assignee, notes, sources); ``remove_sources``
    removes sources by URL. ``summary`` and ``explanation`` set the public wording
    and rating explanation; a ``correction`` is appended to the claim's
    ``corrections`` with today's date. ``same_as`` / ``not_same_as`` /
    ``verdict_from`` take ``OTHER.yaml#ID`` (path from the current folder): see
    ``factcheck.memory.links``. Every value is checked before the worksheet is
    read: a bad one raises UsageError and nothing is written. ``path`` None finds
    the worksheet under ``claims/``.
    """
    from .config import verdict_name
    from .edit import CLEARABLE, Change, apply_change

    cfg = _config(config)
    today = today or _dt.date.today()
    titles = list(titles or [])
    archived = list(archived or [])
    srcs = [dict(s) if isinstance(s, dict) else {"url": s} for s in sources or []]
    if len(titles) > len(srcs):
        raise UsageError("--title: each --title must follow a --source")
    if len(archived) > len(srcs):
        raise UsageError("--archived: each --archived must follow a --source")
    for i, t in enumerate(titles):
        srcs[i]["title"] = t
    for i, a in enumerate(archived):
        if not re.match(r"^https?://\S+$", a):
            raise UsageError(f"--archived: {a!r} is not a URL; write it in full, "
                             "e.g. https://web.archive.org/web/2024/https://example.org/page")
        srcs[i]["archived"] = a
    for opt, value in (("--summary", summary), ("--explanation", explanation), ("--correction", correction)):
        if value is not None and not value.strip():
            raise UsageError(f"{opt}: must not be empty")
    for s in srcs:
        check_url(s.get("url"))
    clear = tuple(clear or ())
    for name in clear:
        if name not in CLEARABLE:
            raise _suggest(name, tuple(CLEARABLE), f"--clear {name!r}: use one of {', '.join(CLEARABLE)}")
    if not any((status, verdict, srcs, note, assignee is not None, summary, explanation, correction, clear,
                remove_sources, same_as, not_same_as, verdict_from)):
        raise UsageError("nothing to record; give --status, --verdict, --source, --note, --assignee, --summary, "
                         "--explanation, --correction, --clear, --remove-source, --same-as, --not-same-as or "
                         "--verdict-from")
    if status is not None and status not in cfg.all_statuses:
        raise _suggest(status, cfg.all_statuses,
                       f"status {status!r} is not allowed; use one of: {', '.join(cfg.all_statuses)}")
    if verdict is not None:
        v = verdict_name(verdict)
        if v not in cfg.verdicts:
            raise _suggest(str(verdict), cfg.verdicts,
                           f"verdict {verdict!r} is not on the scale; use one of: {', '.join(cfg.verdicts)}")
        verdict = v
    if "verdict" in clear and (verdict is not None or verdict_from):
        raise UsageError("--verdict and --clear verdict contradict each other; choose one")
    path = Path(path) if path is not None else find_claim(claim_id, None, cfg)
    change = Change(status=status, verdict=verdict, sources=srcs, note=note, assignee=assignee, clear=clear,
                    remove_sources=tuple(remove_sources or ()),
                    fields={k: v for k, v in (("summary", summary), ("explanation", explanation)) if v is not None},
                    appends={"corrections": [{"date": today, "note": correction}]} if correction is not None else {})
    if same_as or not_same_as or verdict_from:
        from .memory.links import link_change

        link_change(path, claim_id, change, cfg, same_as=list(same_as), not_same_as=list(not_same_as),
                    verdict_from=verdict_from)
    said = apply_change(path, claim_id, change, cfg, today=today)
    return Recorded(path, said, change.warnings)


def add_claim(path, quote: str, *, text: str | None = None, speaker: str | None = None,
              config: Config | Path | None = None) -> str:
    """Add a claim a checker found to the worksheet at ``path``; returns its new id.

    The quote must occur in the article (its span is computed); the claim is
    marked ``origin: human`` so ``extract --update`` keeps it as written.
    """
    from .edit import add_claim as _add

    return _add(Path(path), quote, _config(config), text=text, speaker=speaker)


# --------------------------------------------------------------------------- publishing


def export(paths=None, fmt: str = "claimreview", *, config: Config | Path | None = None,
           published: _dt.date | None = None):
    """The worksheets under ``paths`` as ClaimReview JSON-LD, Markdown, HTML or CSV: a ``publish.Exported``
    with the text, the claims left out of ClaimReview (and why) and warnings. See ``factcheck.publish``."""
    from . import publish

    files = worksheet_files(paths)
    return publish.export(files, fmt, _config(config), published=published)


# --------------------------------------------------------------------------- extraction


def extract(articles, *, output=None, date=None, force: bool = False, update: bool = False,
            model: str | None = None, nlp=None, read_stdin=None, on_done=None, min_worth: float | None = None):
    """Extract several articles (files, folders, ``-``) through one pipeline.

    Returns ``(written, errors)``: a ``extraction.Written`` per worksheet and the
    per-article problems of a batch (a single article raises instead). ``min_worth``
    leaves out claims whose check-worthiness is below it.
    """
    from . import extraction

    jobs, errors = extraction.plan(list(articles), output=Path(output) if output is not None else None, date=date,
                                   force=force, update=update, read_stdin=read_stdin)
    written = extraction.run(jobs, update=update, model=model, nlp=nlp, on_done=on_done, min_worth=min_worth)
    return written, errors


def extract_to_worksheet(article, output=None, *, date=None, force: bool = False, update: bool = False,
                         model: str | None = None, nlp=None):
    """Extract one article file into a worksheet (default ``claims/<stem>.yaml``); returns ``Written``
    (``.path``, ``.claims``, ``.update`` for a merge)."""
    written, _ = extract([article], output=output, date=date, force=force, update=update, model=model, nlp=nlp)
    return written[0]
