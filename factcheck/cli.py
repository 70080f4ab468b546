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
from typing import Literal, Optional

import typer
import typer.core

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


# --------------------------------------------------------------------------- declarations
#
# One block per command, in the order `factcheck --help` lists them. Each block
# declares arguments and options (plain metavars, ``Literal`` choices for
# enumerated values) and calls ``factcheck.commands.<name>.run``, which returns the exit
# code. To add a command, write ``factcheck/commands/<name>.py`` and add a block
# here; the ``@funnel`` decorator gives it the shared error handling.

class Command(typer.core.TyperCommand):
    """A command whose help shows plain metavars (FILE, [ID], [PATH]...) without
    typer's type labels (``<list[Path]>``) or braces (``{FILE}``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, typer.core.TyperArgument):
                param.display_type_rich = _no_type
                param._usage_display_name = functools.partial(_usage_name, param)
                param._rich_display_name = functools.partial(_help_name, param)


def _no_type(ctx=None) -> None:
    return None


def _help_name(param) -> str:
    return param.display_name_raw + ("..." if param.nargs != 1 else "")


def _usage_name(param) -> str:
    name = param.display_name_raw if param.required else f"[{param.display_name_raw}]"
    return name + ("..." if param.nargs != 1 else "")


PATHS_HELP = "Worksheet files or folders (default: claims/)."
CONFIG_HELP = "Desk configuration (default: nearest factcheck.yaml)."
JOBS_HELP = "Worker processes for many worksheets (default: CPU count)."


@app.command(cls=Command)
@funnel
def extract(
    articles: list[str] = typer.Argument(..., metavar="ARTICLE", help="Article files (.txt, .md, .html), folders of them, or - for standard input."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="OUT", help="Worksheet path (one article) or folder (default: claims/)."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD", help="Publication date (overrides the article's)."),
    explain: bool = typer.Option(False, "--explain", help="Say for every sentence whether it became claims, and why."),
    force: bool = typer.Option(False, "--force", help="Replace an existing worksheet (its recorded work is lost)."),
    update: bool = typer.Option(False, "--update", help="Merge into the existing worksheet, keeping all recorded work."),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm; env FACTCHECK_SPACY_MODEL)."),
    min_worth: Optional[float] = typer.Option(None, "--min-worth", min=0.0, max=1.0, metavar="SCORE", help="Leave out claims whose check-worthiness is below SCORE, 0..1 (default: min_worth in factcheck.yaml, else none)."),
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
    from .commands import extract as cmd

    return cmd.run(articles, output=output, date=date, explain=explain, force=force, update=update, model=model,
                   min_worth=min_worth, console=_console(), err=_err)


@app.command(cls=Command)
@funnel
def validate(
    paths: Optional[list[Path]] = typer.Argument(None, metavar="PATH", help=PATHS_HELP),
    fmt: Literal["text", "json"] = typer.Option("text", "--format", "-f", metavar="FORMAT", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Check worksheets against format 1 and report every problem.

    Reports YAML syntax errors, unknown or duplicate keys, wrong types, bad
    values, duplicate claim ids, verdicts off the desk's scale and quotes that
    no longer occur in the article, each as FILE:LINE:COL: FIELD: MESSAGE.

    Example: factcheck validate claims/

    Exit codes: 0 valid; 1 problems found; 2 usage error or unreadable input.
    """
    from .commands import validate as cmd

    return cmd.run(paths, fmt=fmt, config=config, console=_console())


@app.command(cls=Command)
@funnel
def schema(
    which: Literal["worksheet", "config"] = typer.Argument("worksheet", metavar="WHICH", help="worksheet or config."),
) -> int:
    """Print the JSON Schema (draft-07) of the worksheet format or of factcheck.yaml.

    Example: factcheck schema > claims/worksheet-v1.schema.json
    """
    from .commands import schema as cmd

    return cmd.run(which)


@app.command(cls=Command)
@funnel
def status(
    paths: Optional[list[Path]] = typer.Argument(None, metavar="PATH", help=PATHS_HELP),
    by: Optional[Literal["type", "speaker", "assignee", "verdict", "status"]] = typer.Option(None, "--by", metavar="FIELD", help="Pivot counts by type, speaker, assignee, verdict or status."),
    fmt: Literal["text", "json", "markdown"] = typer.Option("text", "--format", "-f", metavar="FORMAT", help="text, json or markdown."),
    sort: Literal["name", "progress", "claims", "worth"] = typer.Option("name", "--sort", metavar="ORDER", help="Order rows by name, progress (least done first), claims, or worth (most check-worthy claim still to check first)."),
    limit: Optional[int] = typer.Option(None, "--limit", metavar="N", min=1, help="Show at most N rows (totals count all)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", min=1, help=JOBS_HELP),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Show where the fact-check stands: claims per status, verdicts, progress.

    One row per worksheet (or per type/speaker/assignee/verdict with --by) and a
    totals row. A claim is done when it is checked or skipped. --format json is
    stable for scripts; --format markdown pastes into a pull request.

    Example: factcheck status claims/ --by assignee

    Exit codes: 0 shown; 1 some worksheet is invalid (listed in the table);
    2 usage error or unreadable input.
    """
    from .commands import status as cmd

    return cmd.run(paths, by=by, fmt=fmt, sort=sort, limit=limit, jobs=jobs, config=config, console=_console())


@app.command(cls=Command)
@funnel
def show(
    file: Path = typer.Argument(..., metavar="FILE", help="A worksheet."),
    claim_id: Optional[str] = typer.Argument(None, metavar="ID", help="A claim id (default: all claims, compactly)."),
    fmt: Literal["text", "json"] = typer.Option("text", "--format", "-f", metavar="FORMAT", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Show one claim with its fields and its place in the article, or list all claims.

    Example: factcheck show claims/story.yaml cargo-traffic-corridor-3fa2

    Exit codes: 0 shown; 1 worksheet invalid; 2 no such file or claim.
    """
    from .commands import show as cmd

    return cmd.run(file, claim_id, fmt=fmt, config=config, console=_console())


@app.command(name="next", cls=Command)
@funnel
def next_(
    paths: Optional[list[Path]] = typer.Argument(None, metavar="PATH", help=PATHS_HELP),
    assignee: Optional[str] = typer.Option(None, "--assignee", "-a", metavar="NAME", help="Only claims assigned to NAME."),
    fmt: Literal["text", "json"] = typer.Option("text", "--format", "-f", metavar="FORMAT", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Show the most check-worthy claim still unchecked, and the command to record it.

    Example: factcheck next --assignee ana

    Exit codes: 0 shown, or nothing left to check; 2 usage error or unreadable input.
    """
    from .commands import next as cmd

    return cmd.run(paths, assignee=assignee, fmt=fmt, config=config, console=_console())


@app.command(name="set", cls=Command)
@funnel
def set_(
    file: Path = typer.Argument(..., metavar="FILE", help="A worksheet."),
    claim_id: str = typer.Argument(..., metavar="ID", help="The claim's id."),
    status_: Optional[str] = typer.Option(None, "--status", metavar="STATUS", help="unchecked, in-progress, checked, skipped (or a status of the desk's factcheck.yaml)."),
    verdict: Optional[str] = typer.Option(None, "--verdict", metavar="VERDICT", help="A verdict on the desk's scale (moves an unchecked claim to checked)."),
    source: Optional[list[str]] = typer.Option(None, "--source", metavar="URL", help="A source URL (repeatable); today is recorded as accessed."),
    title: Optional[list[str]] = typer.Option(None, "--title", metavar="TITLE", help="Title of the preceding --source."),
    note: Optional[str] = typer.Option(None, "--note", metavar="TEXT", help="Add a line to the claim's notes."),
    assignee: Optional[str] = typer.Option(None, "--assignee", metavar="NAME", help="Who is checking it (empty string to clear)."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Record work on a claim, changing only the bytes of the fields it touches.

    Comments, key order, quoting and every other claim stay exactly as they
    were. The write is atomic and takes a lock, so concurrent edits are safe.

    Example: factcheck set claims/story.yaml gas-exports-14-1a2b --verdict true --source https://example.org/report --title "Annual report"

    Exit codes: 0 recorded; 1 the worksheet is invalid (nothing written);
    2 bad value, unknown claim id or unreadable file.
    """
    from .commands import set as cmd

    return cmd.run(file, claim_id, status=status_, verdict=verdict, sources=source or [], titles=title or [],
                   note=note, assignee=assignee, config=config, console=_console())


@app.command(cls=Command)
@funnel
def check(
    paths: Optional[list[Path]] = typer.Argument(None, metavar="PATH", help=PATHS_HELP),
    fmt: Literal["auto", "text", "github", "json", "junit"] = typer.Option("auto", "--format", "-f", metavar="FORMAT", help="auto, text, github, json or junit (auto: github in GitHub Actions, else text)."),
    allow: Optional[list[str]] = typer.Option(None, "--allow", metavar="RULE", help="Do not enforce this rule (repeatable), e.g. --allow unchecked for drafts."),
    warn: Optional[list[str]] = typer.Option(None, "--warn", metavar="RULE", help="Report this rule as a warning, not a failure (repeatable)."),
    min_sources: Optional[int] = typer.Option(None, "--min-sources", metavar="N", min=0, help="Sources with a URL each checked claim needs (default 1)."),
    strict: Optional[bool] = typer.Option(None, "--strict/--no-strict", help="Treat warnings as failures."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", min=1, help=JOBS_HELP),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Gate publication on claim status: fail when the fact-check is not done.

    Rules (names for --allow / --warn and factcheck.yaml): unchecked,
    in-progress, no-verdict, no-source, blocking-verdict (false or mostly-false
    without a correction), quote-missing, recheck; stale is a warning. Invalid
    worksheets always fail. Each failure is reported as FILE:LINE: ID: REASON,
    LINE being where the claim starts.

    Example: factcheck check claims/ --min-sources 2

    Exit codes: 0 pass; 1 policy failures; 2 invalid worksheet, usage error or unreadable input.
    """
    from .commands import check as cmd
    from .render import auto_format

    return cmd.run(paths, fmt=auto_format(fmt, github_ok=True), allow=allow or (), warn=warn or (),
                   min_sources=min_sources, strict=strict, jobs=jobs, config=config, console=_console())


def main() -> None:
    """Console-script entry point."""
    app()
