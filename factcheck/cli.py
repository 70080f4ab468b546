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
        raise typer.BadParameter(f"{fmt!r} is not one of text, json", param_hint="--format")
    cfg = load_config(config)
    results, path_problems = load_all(paths or DEFAULT_PATHS, cfg)
    if path_problems and not results:
        raise_input = path_problems[0]
        from .errors import InputError

        raise InputError(f"{raise_input.path}: {raise_input.message}")
    report.print_validation(_console(), results, path_problems, fmt)
    unreadable = any(p.line == 0 and not r.worksheet for r in results for p in r.problems)
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
        raise typer.BadParameter(f"{which!r} is not one of worksheet, config", param_hint="WHICH")
    sys.stdout.write(schema_mod.schema_text(which))
    return 0


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


def main() -> None:
    """Console-script entry point."""
    app()
