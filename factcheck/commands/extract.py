"""``factcheck extract``: articles in, worksheets out, with progress, summaries and --explain."""

from __future__ import annotations

import bisect
import sys

from rich.text import Text

from ..render import clean


def run(items, *, output=None, date=None, explain: bool = False, force: bool = False, update: bool = False,
        model=None, console, err, repoint: bool = False) -> int:
    """``err(message)`` reports one article of a batch that could not be read (the others go ahead)."""
    from .. import extraction

    jobs, errors = extraction.plan(items, output=output, date=date, force=force, update=update, repoint=repoint)
    for exc in errors:
        err(str(exc))
    progress = task = None
    if len(jobs) > 1 and console.is_terminal:
        from rich.progress import Progress

        progress = Progress(console=console, transient=True)
        task = progress.add_task("extracting", total=len(jobs))
        progress.start()

    to_stdout = output is not None and str(output) == "-"
    if to_stdout:  # standard output carries the worksheet; what people read goes to standard error
        from ..render import make_console

        console = make_console(stderr=True)

    paths = []

    def done(written) -> None:
        paths.append(written.path)
        for warning in written.result.article.warnings:  # e.g. a relative URL left out of the worksheet
            sys.stderr.write(f"factcheck: warning: {clean(str(written.result.article.path))}: {clean(warning)}\n")
        if progress is not None:
            progress.advance(task)
        if written.text is not None:
            sys.stdout.write(written.text)
            sys.stdout.flush()
        if explain:
            print_explain(console, written.result)
        summary(console, written)

    try:
        extraction.run(jobs, update=update, model=model, on_done=done, repoint=repoint)
    finally:
        if progress is not None:
            progress.stop()
    from .similar import extraction_hints

    for line in extraction_hints([p for p in paths if str(p) != "-"]):
        console.print(Text(clean(line)), soft_wrap=True)
    return 1 if errors else 0


def summary(console, written) -> None:
    out, result, report = written.path, written.result, written.update
    n_sent = len(result.decisions)
    skipped = sum(1 for d in result.decisions if d.skipped)
    if report is None:
        console.print(Text(f"{clean(str(out))}: {len(result.claims)} claims from {n_sent} sentences and lines "
                           f"({skipped} skipped)"), soft_wrap=True)
    else:
        console.print(Text(f"{clean(str(out))}: " + report.summary()), soft_wrap=True)
        for line in report.details():
            console.print(Text("  " + clean(line)), soft_wrap=True)


def print_explain(console, result) -> None:
    art = result.article
    console.print(Text(f"{clean(str(art.path))}:", style="bold"))
    newlines = [i for i, ch in enumerate(art.text) if ch == "\n"]
    for d in sorted(result.decisions, key=lambda d: d.start):
        line = bisect.bisect_left(newlines, d.start) + 1
        snippet = clean(art.text[d.start:d.end].strip())
        if len(snippet) > 100:
            snippet = snippet[:97] + "..."
        if d.skipped:
            console.print(Text(f"  line {line}: skipped ({d.skipped}): {snippet}", style="dim"), soft_wrap=True)
        else:
            n = len(d.claims)
            console.print(Text(f"  line {line}: {n} claim{'s' if n != 1 else ''}: {snippet}"), soft_wrap=True)
            for c in d.claims:
                why = ", ".join(c.reasons) or "no strong features"
                console.print(Text(f"      -> [{c.type}, {c.score:.2f}; {why}] {clean(c.text)}"), soft_wrap=True)
                for step in getattr(c, "steps", ()):
                    console.print(Text(f"         {clean(step)}", style="dim"), soft_wrap=True)
                if getattr(c, "unresolved", None):
                    console.print(Text(f"         unresolved: {clean(', '.join(c.unresolved))}", style="yellow"),
                                  soft_wrap=True)
