"""``factcheck extract``: the CLI side (inputs, outputs, progress, summary)."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

from rich.text import Text

from .. import schema as schema_mod
from .. import yamlio
from ..article import Article, article_files, read_article
from ..errors import InputError, UsageError
from ..render import clean
from ..worksheet import SCHEMA_FILE, render_new


def collect_inputs(items: list[str]) -> list[str | Path]:
    out: list[str | Path] = []
    for item in items:
        if item == "-":
            out.append("-")
            continue
        p = Path(item)
        if p.is_dir():
            found = article_files(p)
            if not found:
                raise InputError(f"{p}: folder has no articles (.txt, .md, .html); give article files")
            out.extend(found)
        else:
            out.append(p)
    return out


def output_for(src: str | Path, output: Path | None, many: bool) -> Path:
    if src == "-":
        if output is None or output.is_dir():
            raise UsageError("reading from standard input needs -o WORKSHEET.yaml (the article text is saved beside it)")
        return output
    stem = Path(src).stem
    if output is None:
        return Path("claims") / f"{stem}.yaml"
    if many or output.is_dir() or str(output).endswith("/"):
        return output / f"{stem}.yaml"
    return output


def run(items, *, output, date, explain, force, update, model, console, err) -> int:
    if force and update:
        raise UsageError("--force and --update contradict each other; choose one")
    published = None
    if date is not None:
        try:
            published = _dt.date.fromisoformat(date)
        except ValueError:
            raise UsageError(f"--date {date!r} is not a date; write YYYY-MM-DD") from None
    sources = collect_inputs(items)
    if sources.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    many = len(sources) > 1
    if many and output is not None and output.exists() and not output.is_dir():
        raise UsageError(f"{output}: several articles need -o to be a folder")
    articles: list[Article] = []
    outs: list[Path] = []
    failures = 0
    for src in sources:
        try:
            if src == "-":
                data = sys.stdin.read()
                art = read_article(Path("-"), data=data)
            else:
                art = read_article(src)
            out = output_for(src, output, many)
            if out.exists() and out.is_dir():
                raise UsageError(f"{out}: is a folder; give a worksheet file path with -o")
            if out.exists() and not (force or update):
                raise UsageError(f"{out}: worksheet exists; use --update to merge new claims keeping recorded work, "
                                 f"or --force to replace it")
            if update and not out.exists():
                raise UsageError(f"{out}: no worksheet to update; run without --update to create it")
        except (InputError, UsageError) as exc:
            if not many:
                raise
            err(str(exc))
            failures += 1
            continue
        if published is not None:
            art.published = published
        articles.append(art)
        outs.append(out)
    if not articles:
        raise InputError("no article could be read; nothing written")

    from ..extract import article_meta, claim_dicts, extractor_label
    from ..extract.model import load_model, model_label
    from ..extract.pipeline import extract_articles

    nlp = load_model(model)
    label = model_label(nlp)
    progress = None
    task = None
    if many and console.is_terminal:
        from rich.progress import Progress

        progress = Progress(console=console, transient=True)
        task = progress.add_task("extracting", total=len(articles))
        progress.start()
    written = {}
    index = {id(a): i for i, a in enumerate(articles)}

    def done(result):
        idx = index[id(result.article)]
        out = outs[idx]
        art = result.article
        shown = art.path  # as given ("-" for standard input), before a saved copy's path replaces it
        if art.title is None:
            first = next((d for d in result.decisions if d.skipped and d.skipped.startswith("headline")), None)
            if first is not None and first.start - art.body_start < 300:
                art.title = art.text[first.start:first.end].strip().rstrip(",")
        if update:
            from ..update import update_worksheet

            report = update_worksheet(out, art, claim_dicts(result), extractor_label(label))
            written[idx] = (out, report)
        else:
            if str(art.path) == "-":
                text_path = out.with_suffix(".txt")
                yamlio.atomic_write(text_path, art.text)
                art.path = text_path
            meta = article_meta(art, out, label)
            out.parent.mkdir(parents=True, exist_ok=True)
            yamlio.atomic_write(out, render_new(meta, claim_dicts(result)))
            schema_file = out.parent / SCHEMA_FILE
            if not schema_file.exists():
                yamlio.atomic_write(schema_file, schema_mod.schema_text("worksheet"))
            written[idx] = (out, None)
        if progress is not None:
            progress.advance(task)
        if art.published is None and getattr(result, "unresolved_dates", 0):
            warn_undated(shown, result.unresolved_dates)
        if explain:
            print_explain(console, result)
        summary(console, result, written[idx])

    try:
        extract_articles(articles, nlp, on_article_done=done)
    finally:
        if progress is not None:
            progress.stop()
    return 1 if failures else 0


def warn_undated(path, count: int) -> None:
    """Once per article: relative dates stayed unresolved for want of a publication date."""
    sys.stderr.write(f"factcheck: warning: {clean(str(path))}: no publication date: {count} relative "
                     f"date{'s' if count != 1 else ''} left unresolved; pass --date YYYY-MM-DD\n")
    sys.stderr.flush()


def summary(console, result, written) -> None:
    out, report = written
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
    import bisect

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
            console.print(Text(f"  line {line}: {len(d.claims)} claim{'s' if len(d.claims) != 1 else ''}: {snippet}"), soft_wrap=True)
            for c in d.claims:
                why = ", ".join(c.reasons) or "no strong features"
                console.print(Text(f"      -> [{c.type}, {c.score:.2f}; {why}] {clean(c.text)}"), soft_wrap=True)
