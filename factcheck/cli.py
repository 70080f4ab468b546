"""The command line: parse arguments, call the core, print, exit.

Exit codes (for every command):

  0  success: valid, passed, written
  1  problems found: invalid worksheet, policy failures, edit refused
  2  usage error or unreadable input (missing file, not UTF-8, empty article...)
  3  internal error in factcheck (please report it)

Heavy modules (spaCy above all) are imported inside the commands that need them,
so ``--help``, ``validate``, ``status`` and ``check`` start fast.
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .errors import EXIT_INTERNAL, FactcheckError

EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 problems found (invalid worksheet, policy failures); "
    "2 usage error or unreadable input; 3 internal error."
)

app = typer.Typer(
    name="factcheck",
    help="Extract checkable claims from news articles into YAML worksheets, work them from the "
    "terminal, and gate publication on them in CI.\n\n" + EXIT_CODES_HELP,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DEFAULT_PATHS = [Path("claims")]


def _err(message: str) -> None:
    from .render import clean

    sys.stderr.write(f"factcheck: error: {clean(message)}\n")
    sys.stderr.flush()


def funnel(fn):
    """The one error funnel: expected errors -> message + exit code; bugs -> exit 3."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            code = fn(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except FactcheckError as exc:
            for problem in getattr(exc, "problems", None) or []:
                from .render import clean

                sys.stderr.write(clean(str(problem)) + "\n")
            _err(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _err("interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None
        except Exception:  # noqa: BLE001 - the funnel for bugs: say so, keep the trace in a log
            fd, log = tempfile.mkstemp(prefix="factcheck-crash-", suffix=".log")
            with os.fdopen(fd, "w") as fh:
                fh.write(f"factcheck {__version__}\nargv: {sys.argv}\n\n{traceback.format_exc()}")
            _err(f"internal error ({sys.exc_info()[0].__name__}); this is a bug in factcheck. "
                 f"Details are in {log}; please report it with that file")
            raise typer.Exit(EXIT_INTERNAL) from None
        raise typer.Exit(code or 0)

    return wrapper


def _bad(param: str, message: str):
    """A usage error about one option (exit 2), raised by the commands."""
    from .errors import UsageError

    return UsageError(f"{param}: {message}" if param else message)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """factcheck command line."""


def _console(width: int | None = None):
    from .render import make_console

    return make_console(width=width)


# --------------------------------------------------------------------------- validate / schema


@app.command()
@funnel
def validate(
    paths: Optional[list[Path]] = typer.Argument(None, help="Worksheet files or folders (default: claims/)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", help="Desk configuration (default: nearest factcheck.yaml)."),
) -> int:
    """Check worksheets against format 1 and report every problem.

    Reports YAML syntax errors, unknown or duplicate keys, wrong types, bad
    values, duplicate claim ids, verdicts off the desk's scale and quotes that
    no longer occur in the article, each as FILE:LINE:COL: FIELD: MESSAGE.

    Example: factcheck validate claims/

    Exit codes: 0 valid; 1 problems found; 2 usage error or unreadable input.
    """
    from . import report
    from .config import load_config
    from .worksheet import load_all

    if fmt not in ("text", "json"):
        raise _bad("--format", f"{fmt!r} is not one of text, json")
    cfg = load_config(config)
    results, path_problems = load_all(paths or DEFAULT_PATHS, cfg)
    if path_problems and not results:
        from .errors import InputError

        raise InputError(f"{path_problems[0].path}: {path_problems[0].message}")
    report.print_validation(_console(), results, path_problems, fmt)
    unreadable = any(p.col == 0 and not r.worksheet for r in results for p in r.problems)
    if path_problems or unreadable:
        return 2
    return 1 if any(r.problems for r in results) else 0


@app.command()
@funnel
def schema(
    which: str = typer.Argument("worksheet", help="worksheet or config."),
) -> int:
    """Print the JSON Schema (draft-07) of the worksheet format or of factcheck.yaml.

    Example: factcheck schema > claims/worksheet-v1.schema.json
    """
    from . import schema as schema_mod

    if which not in ("worksheet", "config"):
        raise _bad("WHICH", f"{which!r} is not one of worksheet, config")
    sys.stdout.write(schema_mod.schema_text(which))
    return 0


# --------------------------------------------------------------------------- working a worksheet


def _worksheet_files(paths) -> list[Path]:
    """Worksheet files under ``paths`` (default claims/); a missing path is a usage error."""
    from .errors import InputError
    from .worksheet import find_worksheets

    files, path_problems = find_worksheets(paths or DEFAULT_PATHS)
    if path_problems:
        raise InputError(f"{path_problems[0].path}: {path_problems[0].message}")
    return files


def _load_results(paths, cfg, *, check_article: bool = False):
    from .worksheet import iter_load

    return list(iter_load(_worksheet_files(paths), cfg, check_article=check_article))


@app.command()
@funnel
def status(
    paths: Optional[list[Path]] = typer.Argument(None, help="Worksheet files or folders (default: claims/)."),
    by: Optional[str] = typer.Option(None, "--by", help="Pivot counts by type, speaker, assignee, verdict or status."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or markdown."),
    sort: str = typer.Option("name", "--sort", help="Order rows by name, progress (least done first) or claims."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Show at most this many rows (totals count all)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for many worksheets (default: CPU count)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Desk configuration (default: nearest factcheck.yaml)."),
) -> int:
    """Show where the fact-check stands: claims per status, verdicts, progress.

    One row per worksheet (or per type/speaker/assignee/verdict with --by) and a
    totals row. A claim is done when it is checked or skipped. --format json is
    stable for scripts; --format markdown pastes into a pull request.

    Example: factcheck status claims/ --by assignee

    Exit codes: 0 shown; 1 some worksheet is invalid (listed in the table);
    2 usage error or unreadable input.
    """
    from . import progress, report
    from .config import load_config

    if fmt not in ("text", "json", "markdown"):
        raise _bad("--format", f"{fmt!r} is not one of text, json, markdown")
    if by is not None and by not in progress.PIVOTS:
        raise _bad("--by", f"{by!r} is not one of {', '.join(progress.PIVOTS)}")
    if sort not in ("name", "progress", "claims"):
        raise _bad("--sort", f"{sort!r} is not one of name, progress, claims")
    cfg = load_config(config)
    from .worksheet import map_worksheets

    summaries = map_worksheets(_worksheet_files(paths), functools.partial(progress.summarise, statuses=cfg.statuses),
                               cfg, jobs=jobs)
    rows, total = progress.by_field(summaries, by) if by else progress.by_worksheet(summaries)
    rows = progress.sort_rows(rows, sort)
    shown_of = None
    if limit is not None and len(rows) > limit:
        shown_of = len(rows)
        rows = rows[:limit]
    first = by or "worksheet"
    console = _console()
    if fmt == "json":
        sys.stdout.write(report.status_json(rows, total, by=by, verdict_order=cfg.verdicts))
    elif fmt == "markdown":
        sys.stdout.write(report.status_markdown(rows, total, first=first, verdict_order=cfg.verdicts))
    else:
        if not summaries:
            console.print("no worksheets found")
        else:
            console.print(report.status_table(rows, total, first=first, verdict_order=cfg.verdicts, shown_of=shown_of))
    return 1 if any(not sm.valid for sm in summaries) else 0


@app.command()
@funnel
def show(
    file: Path = typer.Argument(..., help="A worksheet."),
    claim_id: Optional[str] = typer.Argument(None, metavar="ID", help="A claim id (default: all claims, compactly)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", help="Desk configuration (default: nearest factcheck.yaml)."),
) -> int:
    """Show one claim with its fields and its place in the article, or list all claims.

    Example: factcheck show claims/story.yaml cargo-traffic-corridor-3fa2

    Exit codes: 0 shown; 1 worksheet invalid; 2 no such file or claim.
    """
    import json

    from . import report
    from .config import load_config
    from .errors import FactcheckError
    from .worksheet import load, read_article_text

    if fmt not in ("text", "json"):
        raise _bad("--format", f"{fmt!r} is not one of text, json")
    cfg = load_config(config)
    result = load(file, cfg, check_article=False)
    if result.worksheet is None:
        result.raise_if_invalid("shown")
    ws = result.worksheet
    claims = ws.claims
    if claim_id is not None:
        claims = [ws.require_claim(claim_id)]
    if fmt == "json":
        sys.stdout.write(json.dumps({"path": str(file), "claims": [report.claim_dict(c) for c in claims]},
                                    indent=2, ensure_ascii=False, default=str) + "\n")
        return 0
    console = _console()
    if claim_id is None:
        console.print(report.claims_table(ws, title=str(file), width=console.width))
        return 1 if result.problems else 0
    try:
        article_text = read_article_text(ws)
    except FactcheckError:
        article_text = None
    console.print(report.claim_detail(ws, claims[0], article_text))
    return 0


@app.command(name="next")
@funnel
def next_(
    paths: Optional[list[Path]] = typer.Argument(None, help="Worksheet files or folders (default: claims/)."),
    assignee: Optional[str] = typer.Option(None, "--assignee", "-a", help="Only claims assigned to NAME."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", help="Desk configuration (default: nearest factcheck.yaml)."),
) -> int:
    """Show the most check-worthy claim still unchecked, and the command to record it.

    Example: factcheck next --assignee ana

    Exit codes: 0 shown, or nothing left to check; 2 usage error or unreadable input.
    """
    import json
    import shlex

    from . import progress, report
    from .config import load_config
    from .errors import FactcheckError
    from .worksheet import read_article_text

    if fmt not in ("text", "json"):
        raise _bad("--format", f"{fmt!r} is not one of text, json")
    cfg = load_config(config)
    results = _load_results(paths, cfg)
    invalid = [r for r in results if r.problems or r.worksheet is None]
    if invalid:
        from .render import clean

        sys.stderr.write(f"factcheck: warning: {len(invalid)} invalid worksheet{'s' if len(invalid) != 1 else ''} "
                         f"left out ({clean(str(invalid[0].path))}...); run factcheck validate\n")
    todo = progress.pending(results, assignee, cfg.statuses)
    if fmt == "json":
        out = {"remaining": len(todo), "next": None}
        if todo:
            ws, c = todo[0]
            out["next"] = {"path": str(ws.path), **report.claim_dict(c)}
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False, default=str) + "\n")
        return 0
    console = _console()
    if not todo:
        who = f" assigned to {assignee}" if assignee else ""
        console.print(f"nothing left to check{who}: no unchecked claims")
        return 0
    ws, c = todo[0]
    try:
        article_text = read_article_text(ws)
    except FactcheckError:
        article_text = None
    console.print(report.claim_detail(ws, c, article_text))
    cmd = f"factcheck set {shlex.quote(str(ws.path))} {shlex.quote(c.id)} --verdict VERDICT --source URL --title TITLE"
    from rich.text import Text

    console.print(Text(f"{len(todo)} unchecked claim{'s' if len(todo) != 1 else ''} left. Record the result with:"))
    console.print(Text("  " + cmd), soft_wrap=True)
    console.print(Text(f"  VERDICT is one of: {', '.join(cfg.verdicts)}"), soft_wrap=True)
    return 0


@app.command(name="set")
@funnel
def set_(
    file: Path = typer.Argument(..., help="A worksheet."),
    claim_id: str = typer.Argument(..., metavar="ID", help="The claim's id."),
    status_: Optional[str] = typer.Option(None, "--status", help="unchecked, in-progress, checked, skipped (or a status of the desk's factcheck.yaml)."),
    verdict: Optional[str] = typer.Option(None, "--verdict", help="A verdict on the desk's scale (moves an unchecked claim to checked)."),
    source: Optional[list[str]] = typer.Option(None, "--source", help="A source URL (repeatable); today is recorded as accessed."),
    title: Optional[list[str]] = typer.Option(None, "--title", help="Title of the preceding --source."),
    note: Optional[str] = typer.Option(None, "--note", help="Add a line to the claim's notes."),
    assignee: Optional[str] = typer.Option(None, "--assignee", help="Who is checking it (empty string to clear)."),
    same_as: Optional[list[str]] = typer.Option(None, "--same-as", help="OTHER.yaml#ID: a claim of another worksheet that says the same (repeatable)."),
    not_same_as: Optional[list[str]] = typer.Option(None, "--not-same-as", help="OTHER.yaml#ID: not the same claim; similar stops suggesting it (repeatable)."),
    verdict_from: Optional[str] = typer.Option(None, "--verdict-from", help="OTHER.yaml#ID: copy that claim's verdict and sources, with a note saying so."),
    config: Optional[Path] = typer.Option(None, "--config", help="Desk configuration (default: nearest factcheck.yaml)."),
) -> int:
    """Record work on a claim, changing only the bytes of the fields it touches.

    Comments, key order, quoting and every other claim stay exactly as they
    were. The write is atomic and takes a lock, so concurrent edits are safe.

    Example: factcheck set claims/story.yaml gas-exports-14-1a2b --verdict true --source https://example.org/report --title "Annual report"

    Links to claims already checked elsewhere (see factcheck similar):
    --same-as claims/older.yaml#ID records that both say the same thing;
    --verdict-from claims/older.yaml#ID also copies its verdict and sources.

    Exit codes: 0 recorded; 1 the worksheet is invalid (nothing written);
    2 bad value, unknown claim id or unreadable file.
    """
    from .config import load_config, verdict_name
    from .edit import Change, apply_change

    titles = list(title or [])
    urls = list(source or [])
    if len(titles) > len(urls):
        raise _bad("--title", "each --title must follow a --source")
    cfg = load_config(config)
    change = Change(
        status=status_, verdict=verdict_name(verdict) if verdict is not None else None,
        sources=[{"url": u, "title": titles[i] if i < len(titles) else None} for i, u in enumerate(urls)],
        note=note, assignee=assignee,
    )
    if same_as or not_same_as or verdict_from:
        from .memory.links import link_change

        link_change(file, claim_id, change, cfg, same_as=same_as or [], not_same_as=not_same_as or [], verdict_from=verdict_from)
    if not any((status_, verdict, urls, note, assignee is not None, same_as, not_same_as, verdict_from)):
        raise _bad("", "nothing to record; give --status, --verdict, --source, --note, --assignee, --same-as, "
                       "--not-same-as or --verdict-from")
    said = apply_change(file, claim_id, change, cfg)
    from rich.text import Text

    from .render import clean

    console = _console()
    for line in said:
        console.print(Text(f"{clean(str(file))}: {clean(claim_id)}: {clean(line)}"), soft_wrap=True)
    return 0


def _report_problems(problems) -> None:
    from rich.text import Text

    from .render import clean, make_console

    err = make_console(stderr=True)
    for p in problems:
        err.print(Text(clean(str(p))), soft_wrap=True)


# --------------------------------------------------------------------------- check


@app.command()
@funnel
def check(
    paths: Optional[list[Path]] = typer.Argument(None, help="Worksheet files or folders (default: claims/)."),
    fmt: str = typer.Option("auto", "--format", "-f", help="auto, text, github, json or junit (auto: github in GitHub Actions, else text)."),
    allow: Optional[list[str]] = typer.Option(None, "--allow", help="Do not enforce this rule (repeatable), e.g. --allow unchecked for drafts."),
    warn: Optional[list[str]] = typer.Option(None, "--warn", help="Report this rule as a warning, not a failure (repeatable)."),
    min_sources: Optional[int] = typer.Option(None, "--min-sources", min=0, help="Sources with a URL each checked claim needs (default 1)."),
    strict: Optional[bool] = typer.Option(None, "--strict/--no-strict", help="Treat warnings as failures."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for many worksheets (default: CPU count)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Desk configuration (default: nearest factcheck.yaml)."),
) -> int:
    """Gate publication on claim status: fail when the fact-check is not done.

    Rules (names for --allow / --warn and factcheck.yaml): unchecked,
    in-progress, no-verdict, no-source, blocking-verdict (false or mostly-false
    without a correction), quote-missing, recheck, same-as-blocking (marked
    same_as a claim rated false, without a verdict of its own); stale and
    same-as-missing are warnings. Invalid worksheets always fail. Each failure is reported as FILE:LINE: ID: REASON,
    LINE being where the claim starts.

    Example: factcheck check claims/ --min-sources 2

    Exit codes: 0 pass; 1 policy failures; 2 invalid worksheet, usage error or unreadable input.
    """
    from . import policy as policy_mod
    from . import report
    from .config import load_config
    from .render import auto_format
    from .worksheet import find_worksheets, map_worksheets

    fmt = auto_format(fmt, github_ok=True)
    if fmt not in ("text", "github", "json", "junit"):
        raise _bad("--format", f"{fmt!r} is not one of auto, text, github, json, junit")
    cfg = load_config(config)
    pol = policy_mod.Policy.from_config(cfg, allow=allow or (), warn=warn or (), min_sources=min_sources, strict=strict)
    files, path_problems = find_worksheets(paths or DEFAULT_PATHS)
    sheets = map_worksheets(files, functools.partial(policy_mod.evaluate, policy=pol), cfg, jobs=jobs)
    for p in path_problems:
        sheets.append(policy_mod.SheetResult(p.path, problems=[p]))
    code = policy_mod.exit_code(sheets)
    out = sys.stdout
    if fmt == "json":
        out.write(report.check_json(sheets, code))
    elif fmt == "junit":
        out.write(report.check_junit(sheets))
    elif fmt == "github":
        out.write(report.check_github(sheets))
        out.write(report.check_verdict_line(sheets) + "\n")
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_path:
            with open(summary_path, "a", encoding="utf-8") as fh:
                fh.write(report.check_markdown(sheets))
    else:
        console = _console()
        from rich.text import Text

        for line in report.check_lines(sheets):
            console.print(Text(line), soft_wrap=True)
        if sheets:
            console.print(report.check_summary_table(sheets))
        console.print(Text(report.check_verdict_line(sheets)))
    return code


# --------------------------------------------------------------------------- extract


@app.command()
@funnel
def extract(
    articles: list[str] = typer.Argument(..., help="Article files (.txt, .md, .html), folders of them, or - for standard input."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Worksheet path (one article) or folder (default: claims/)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD (overrides the article's)."),
    explain: bool = typer.Option(False, "--explain", help="Say for every sentence whether it became claims, and why."),
    force: bool = typer.Option(False, "--force", help="Replace an existing worksheet (its recorded work is lost)."),
    update: bool = typer.Option(False, "--update", help="Merge into the existing worksheet, keeping all recorded work."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to use (default: en_core_web_sm; env FACTCHECK_SPACY_MODEL)."),
) -> int:
    """Extract checkable claims from articles into YAML worksheets.

    Each article becomes claims/<article-stem>.yaml (or -o). A leading line
    "date YYYY-MM-DD" in the article sets its publication date, against which
    relative dates ("on Tuesday", "two months ago") are resolved. An existing
    worksheet is never overwritten silently: use --update to merge new claims
    into it, keeping every status, verdict, source and note, or --force to
    replace it.

    Example: factcheck extract story.txt --explain

    Exit codes: 0 written; 1 some article failed; 2 usage error or unreadable input.
    """
    from .commands import extract as extract_cmd

    return extract_cmd.run(articles, output=output, date=date, explain=explain, force=force, update=update,
                           model=model, console=_console(), err=_err)


# --------------------------------------------------------------------------- claim memory


@app.command()
@funnel
def index(
    paths: Optional[list[Path]] = typer.Argument(None, help="Worksheet files or folders to add (claims/ is always indexed)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", help="Desk configuration (default: nearest factcheck.yaml)."),
) -> int:
    """Build or refresh the claim index (.factcheck/index.sqlite) and print its counts.

    Every claim of every worksheet under claims/ and the folders given (which
    are remembered) is indexed, so similar can find claims already checked.
    Only worksheets whose bytes changed are read again. The index is a cache:
    deleting .factcheck/ loses nothing. Commands that need it refresh it
    themselves; run this to index an archive folder or to see the counts.

    Example: factcheck index claims/ archive/2025/

    Exit codes: 0 indexed; 1 some worksheet has problems (its readable claims
    are indexed); 2 usage error or unreadable input.
    """
    from .commands import index as index_cmd

    if fmt not in ("text", "json"):
        raise _bad("--format", f"{fmt!r} is not one of text, json")
    return index_cmd.run(paths, fmt=fmt, config=config, console=_console(), err=_notice)


@app.command()
@funnel
def similar(
    file: Path = typer.Argument(..., help="A worksheet."),
    claim_id: Optional[str] = typer.Argument(None, metavar="ID", help="One claim (default: every claim with a suggestion)."),
    show_all: bool = typer.Option(False, "--all", help="Every claim with its closest claims, even below the threshold."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", help="Desk configuration (default: nearest factcheck.yaml)."),
) -> int:
    """List the claims of other worksheets that resemble this worksheet's claims.

    For each claim, the closest claims elsewhere with their worksheet, id,
    status, verdict, first source and a score from 0 to 100 (suggested from
    78). Two claims with the same words but a different figure or year are
    reported as "same claim, different numbers (40% vs 45%)". Record what you
    decide with factcheck set FILE ID --same-as OTHER.yaml#ID (or
    --not-same-as, or --verdict-from to copy the verdict and sources).

    Example: factcheck similar claims/story.yaml

    Exit codes: 0 shown (with or without matches); 1 worksheet invalid; 2 no
    such file or claim, usage error.
    """
    from .commands import similar as similar_cmd

    if fmt not in ("text", "json"):
        raise _bad("--format", f"{fmt!r} is not one of text, json")
    return similar_cmd.run(file, claim_id, show_all=show_all, fmt=fmt, config=config, console=_console(),
                           err=_notice)


def _notice(message: str) -> None:
    from .render import clean

    sys.stderr.write(f"factcheck: notice: {clean(message)}\n")
    sys.stderr.flush()


def main() -> None:
    """Console-script entry point."""
    app()
