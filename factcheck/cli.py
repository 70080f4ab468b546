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

import enum
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


def _many(param) -> str:
    # "[FILE] ID" already says how many; "PATH" needs the "..."
    return "..." if param.nargs != 1 and " " not in param.display_name_raw else ""


def _help_name(param) -> str:
    return param.display_name_raw + _many(param)


def _usage_name(param) -> str:
    name = param.display_name_raw
    if not param.required and " " not in name:
        name = f"[{name}]"
    return name + _many(param)


class Clearable(str, enum.Enum):
    """Fields ``set --clear`` empties (a list option cannot take a Literal)."""

    verdict = "verdict"
    assignee = "assignee"
    notes = "notes"
    sources = "sources"


PATHS_HELP = "Worksheet files or folders (default: claims/)."
CONFIG_HELP = "Desk configuration (default: nearest factcheck.yaml)."
JOBS_HELP = "Worker processes for many worksheets (default: CPU count)."


@app.command(cls=Command)
@funnel
def extract(
    articles: list[str] = typer.Argument(..., metavar="ARTICLE", help="Article files (.txt, .md, .html), folders of them, or - for standard input."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="OUT", help="Worksheet path (one article), folder (default: claims/), or - for standard output."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD", help="Publication date (overrides the article's)."),
    explain: bool = typer.Option(False, "--explain", help="Say for every sentence whether it became claims, and why."),
    force: bool = typer.Option(False, "--force", help="Replace an existing worksheet (its recorded work is lost)."),
    update: bool = typer.Option(False, "--update", help="Merge into the existing worksheet, keeping all recorded work."),
    repoint: bool = typer.Option(False, "--article", help="With --update: the given article replaces the worksheet's own (its article.path changes)."),
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
                   min_worth=min_worth, console=_console(), err=_err, repoint=repoint)


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
    fmt: Literal["text", "json", "markdown", "csv"] = typer.Option("text", "--format", "-f", metavar="FORMAT", help="text, json, markdown or csv."),
    sort: Literal["name", "progress", "claims", "worth"] = typer.Option("name", "--sort", metavar="ORDER", help="Order rows by name, progress (least done first), claims, or worth (most check-worthy claim still to check first)."),
    limit: Optional[int] = typer.Option(None, "--limit", metavar="N", min=1, help="Show at most N rows (totals count all)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", min=1, help=JOBS_HELP),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Show where the fact-check stands: claims per status, verdicts, progress.

    One row per worksheet (or per type/speaker/assignee/verdict with --by) and a
    totals row. A claim is done when it is checked or skipped. --format json is
    stable for scripts; --format markdown pastes into a pull request; --format
    csv opens in a spreadsheet.

    Example: factcheck status claims/ --by assignee

    Exit codes: 0 shown; 1 some worksheet is invalid (listed in the table);
    2 usage error or unreadable input.
    """
    from .commands import status as cmd

    return cmd.run(paths, by=by, fmt=fmt, sort=sort, limit=limit, jobs=jobs, config=config, console=_console())


@app.command(cls=Command)
@funnel
def show(
    targets: list[str] = typer.Argument(..., metavar="[FILE] [ID]", help="A worksheet and a claim id; FILE alone lists its claims, ID alone finds the claim under claims/."),
    fmt: Literal["text", "json"] = typer.Option("text", "--format", "-f", metavar="FORMAT", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Show one claim with its fields and its place in the article, or list all claims.

    Example: factcheck show claims/story.yaml cargo-traffic-3fa2   (or: factcheck show cargo-traffic-3fa2)

    Exit codes: 0 shown; 1 worksheet invalid; 2 no such file or claim.
    """
    from .commands import show as cmd

    return cmd.run(targets, fmt=fmt, config=config, console=_console())


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
    targets: list[str] = typer.Argument(..., metavar="[FILE] ID", help="The worksheet (default: the one under claims/ with this id) and the claim's id."),
    status_: Optional[str] = typer.Option(None, "--status", metavar="STATUS", help="unchecked, in-progress, checked, skipped (or a status of the desk's factcheck.yaml)."),
    verdict: Optional[str] = typer.Option(None, "--verdict", metavar="VERDICT", help="A verdict on the desk's scale (moves an unchecked claim to checked)."),
    source: Optional[list[str]] = typer.Option(None, "--source", metavar="URL", help="A source URL (repeatable); today is recorded as accessed."),
    title: Optional[list[str]] = typer.Option(None, "--title", metavar="TITLE", help="Title of the preceding --source."),
    note: Optional[str] = typer.Option(None, "--note", metavar="TEXT", help="Add a line to the claim's notes."),
    assignee: Optional[str] = typer.Option(None, "--assignee", metavar="NAME", help="Who is checking it (empty string to clear)."),
    clear: Optional[list[Clearable]] = typer.Option(None, "--clear", metavar="FIELD", help="Empty a field: verdict, assignee, notes or sources (repeatable)."),
    remove_source: Optional[list[str]] = typer.Option(None, "--remove-source", metavar="URL", help="Remove the source with this URL (repeatable)."),
    archived: Optional[list[str]] = typer.Option(None, "--archived", metavar="ARCHIVE_URL", help="Archive copy of a --source (the n-th --archived goes with the n-th --source)."),
    summary: Optional[str] = typer.Option(None, "--summary", metavar="TEXT", help="Public one-line wording of the claim (75 characters or fewer; exported as claimReviewed)."),
    explanation: Optional[str] = typer.Option(None, "--explanation", metavar="TEXT", help="Public explanation of the rating (notes stay internal)."),
    correction: Optional[str] = typer.Option(None, "--correction", metavar="TEXT", help="Append a public correction, dated today, to the claim's corrections."),
    same_as: Optional[list[str]] = typer.Option(None, "--same-as", metavar="OTHER.yaml#ID", help="A claim of another worksheet that says the same thing (repeatable)."),
    not_same_as: Optional[list[str]] = typer.Option(None, "--not-same-as", metavar="OTHER.yaml#ID", help="Not the same claim: similar stops suggesting it (repeatable)."),
    verdict_from: Optional[str] = typer.Option(None, "--verdict-from", metavar="OTHER.yaml#ID", help="Copy that claim's verdict and sources, with a note saying where from."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Record work on a claim, changing only the bytes of the fields it touches.

    Comments, key order, quoting and every other claim stay exactly as they
    were. The write is atomic and takes a lock, so concurrent edits are safe.
    A verdict or status recorded on a claim marked recheck clears the mark.
    To undo: --clear verdict (with --status unchecked to reopen a claim),
    --remove-source URL, --clear notes. A verdict without a source is
    recorded with a warning (factcheck check fails until a source is added).

    Example: factcheck set claims/story.yaml gas-exports-1a2b --verdict true --source https://example.org/report --title "Annual report"

    Links to claims already checked elsewhere (see factcheck similar):
    --same-as claims/older.yaml#ID records that both say the same thing;
    --verdict-from claims/older.yaml#ID also copies its verdict and sources.

    Exit codes: 0 recorded; 1 the worksheet is invalid (nothing written);
    2 bad value (not a URL, a verdict off the scale...), unknown claim id or unreadable file.
    """
    from .commands import set as cmd

    return cmd.run(targets, status=status_, verdict=verdict, sources=source or [], titles=title or [],
                   note=note, assignee=assignee, clear=[c.value for c in clear or []], remove_sources=remove_source or [],
                   archived=archived or [], summary=summary, explanation=explanation, correction=correction,
                   same_as=same_as or [], not_same_as=not_same_as or [], verdict_from=verdict_from, config=config,
                   console=_console())


@app.command(cls=Command)
@funnel
def add(
    file: Path = typer.Argument(..., metavar="FILE", help="A worksheet."),
    quote: str = typer.Option(..., "--quote", metavar="TEXT", help="The article's exact words the claim comes from."),
    text: Optional[str] = typer.Option(None, "--text", metavar="TEXT", help="The claim as a self-contained sentence (default: the quote)."),
    speaker: Optional[str] = typer.Option(None, "--speaker", metavar="NAME", help="Who asserts it (default: the article itself)."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Add a claim the extractor missed: the quote must occur in the article.

    The claim gets an id and the quote's span like an extracted one, is
    unchecked, and is marked origin: human so extract --update keeps it as
    written.

    Example: factcheck add claims/story.yaml --quote "the bridge cost $40 million" --text "The bridge cost $40 million."

    Exit codes: 0 added; 1 the worksheet is invalid; 2 the quote is not in the article, or unreadable file.
    """
    from .commands import add as cmd

    return cmd.run(file, quote=quote, text=text, speaker=speaker, config=config, console=_console())


@app.command(cls=Command)
@funnel
def check(
    paths: Optional[list[Path]] = typer.Argument(None, metavar="PATH", help=PATHS_HELP),
    fmt: Literal["auto", "text", "github", "json", "junit", "markdown"] = typer.Option("auto", "--format", "-f", metavar="FORMAT", help="auto, text, github, json, junit or markdown (auto: github in GitHub Actions, else text)."),
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
    without a correction), quote-missing, recheck, same-as-blocking (marked
    same_as a claim rated false, without a verdict of its own); stale and
    same-as-missing are warnings. Invalid worksheets always fail. Each failure
    is reported as FILE:LINE: ID: REASON, LINE being where the claim starts.

    Example: factcheck check claims/ --min-sources 2

    Exit codes: 0 pass; 1 policy failures; 2 invalid worksheet, usage error or unreadable input.
    """
    from .commands import check as cmd
    from .render import auto_format

    return cmd.run(paths, fmt=auto_format(fmt, github_ok=True), allow=allow or (), warn=warn or (),
                   min_sources=min_sources, strict=strict, jobs=jobs, config=config, console=_console())


@app.command(cls=Command)
@funnel
def index(
    paths: Optional[list[Path]] = typer.Argument(None, metavar="PATH", help="Worksheet files or folders to add (claims/ is always indexed)."),
    fmt: Literal["text", "json"] = typer.Option("text", "--format", "-f", metavar="FORMAT", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
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
    from .commands import index as cmd

    return cmd.run(paths, fmt=fmt, config=config, console=_console(), err=_notice)


@app.command(cls=Command)
@funnel
def similar(
    file: Path = typer.Argument(..., metavar="FILE", help="A worksheet."),
    claim_id: Optional[str] = typer.Argument(None, metavar="ID", help="One claim (default: every claim with a suggestion)."),
    show_all: bool = typer.Option(False, "--all", help="Every claim with its closest claims, even below the threshold."),
    fmt: Literal["text", "json"] = typer.Option("text", "--format", "-f", metavar="FORMAT", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
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
    from .commands import similar as cmd

    return cmd.run(file, claim_id, show_all=show_all, fmt=fmt, config=config, console=_console(), err=_notice)


def _notice(message: str) -> None:
    from .render import clean

    sys.stderr.write(f"factcheck: notice: {clean(message)}\n")
    sys.stderr.flush()


@app.command(cls=Command)
@funnel
def export(
    paths: Optional[list[Path]] = typer.Argument(None, metavar="PATH", help=PATHS_HELP),
    fmt: Literal["claimreview", "markdown", "html", "csv"] = typer.Option(..., "--format", "-f", metavar="FORMAT", help="claimreview (JSON-LD), markdown, html or csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to this file (atomically) instead of standard output."),
    published: Optional[str] = typer.Option(None, "--published", metavar="YYYY-MM-DD", help="Publication date of the fact-checks (default: today): ClaimReview's datePublished."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=CONFIG_HELP),
) -> int:
    """Publish worksheets: ClaimReview JSON-LD, an editor's report (Markdown or HTML), or CSV.

    claimreview: a JSON-LD list with a schema.org ClaimReview for every checked
    claim with a verdict and a speaker; the others are listed on standard error
    with the reason. Needs organisation and publish_url in factcheck.yaml.
    markdown: progress, then each claim with status, verdict, sources (and
    archive copies), explanation and corrections. html: the same as one
    self-contained page, the article's quotes highlighted. csv: one row per
    claim with stable columns.

    Example: factcheck export claims/ --format html -o report.html

    Exit codes: 0 exported; 1 some worksheet is invalid (nothing written);
    2 usage error, missing configuration or unreadable input.
    """
    from .commands import export as cmd

    return cmd.run(paths, fmt=fmt, output=output, published=published, config=config)


def main() -> None:
    """Console-script entry point."""
    app()
