"""From articles to worksheets on disk: the library side of ``factcheck extract``.

``plan`` turns command-line style inputs (files, folders, ``-``) into jobs, one
article and its worksheet path each, refusing to overwrite recorded work;
``run`` extracts every job through one spaCy pipeline and writes (or, with
``update``, merges into) each worksheet, saving standard-input text beside it
and the JSON Schema beside the first worksheet of a folder. Nothing here
prints; callers get values back and a callback per finished article.
"""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import outputs, yamlio
from .article import Article, article_files, read_article
from .errors import FactcheckError, InputError, UsageError

DEFAULT_FOLDER = Path("claims")


@dataclass
class Job:
    """One article to extract and the worksheet it goes to."""

    article: Article
    output: Path


@dataclass
class Written:
    """What ``run`` did for one article."""

    path: Path
    result: object  # the extractor's ArticleResult (claims, decisions)
    update: object | None = None  # the UpdateReport of a merge, None for a new worksheet
    text: str | None = None  # the worksheet's YAML when it goes to standard output (-o -), not to a file

    @property
    def claims(self) -> int:
        return len(self.result.claims)


def parse_date(value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date; write YYYY-MM-DD") from None


def collect_inputs(items: list[str | Path]) -> list[str | Path]:
    """Files as given, folders expanded to their articles, ``-`` for standard input."""
    out: list[str | Path] = []
    for item in items:
        if str(item) == "-":
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
    """The worksheet path for one article: claims/<stem>.yaml, -o FILE, or -o FOLDER/<stem>.yaml."""
    return outputs.default_output(src, output, many)


def plan(items: list[str | Path], *, output: Path | None = None, date: str | _dt.date | None = None,
         force: bool = False, update: bool = False, repoint: bool = False,
         read_stdin: Callable[[], str] | None = None) -> tuple[list[Job], list[FactcheckError]]:
    """Read the articles and choose their worksheets.

    With one article, a problem raises; with several, each problem is returned
    (the other articles still go ahead).
    """
    if force and update:
        raise UsageError("--force and --update contradict each other; choose one")
    published = date if isinstance(date, _dt.date) else parse_date(date)
    sources = collect_inputs(items)
    if sources.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    many = len(sources) > 1
    if output is not None and str(output) == "-":
        if many or sources == ["-"]:
            raise UsageError("-o - writes one worksheet to standard output; give one article file (not -), "
                             "so the worksheet's quotes point at text on disk")
        if update or force:
            raise UsageError("-o - writes to standard output; --update and --force need a worksheet file")
    if many and output is not None and output.exists() and not output.is_dir():
        raise UsageError(f"{output}: several articles need -o to be a folder")
    jobs: list[Job] = []
    errors: list[FactcheckError] = []
    planned = []
    for src in sources:  # every output is chosen and checked before any article is read or file written
        try:
            out = output_for(src, output, many)
            if str(out) == "-":  # standard output: nothing on disk to check
                planned.append((src, out))
                continue
            outputs.check_output(src, out, force=force, update=update)
            if update:
                outputs.check_update_article(src, out, repoint=repoint)
        except (InputError, UsageError) as exc:
            if not many:
                raise
            errors.append(exc)
            continue
        planned.append((src, out))
    outputs.check_collisions(planned)
    for src, out in planned:
        try:
            if src == "-":
                data = (read_stdin or sys.stdin.read)()
                art = read_article(Path("-"), data=data)
            else:
                art = read_article(src)
        except (InputError, UsageError) as exc:
            if not many:
                raise
            errors.append(exc)
            continue
        if published is not None:
            art.published = published
        jobs.append(Job(art, out))
    if not jobs:
        raise InputError("no article could be read; nothing written")
    return jobs, errors


def infer_title(result) -> None:
    """An article without a title takes its headline (a skipped first line near the top)."""
    art = result.article
    if art.title is not None:
        return
    first = next((d for d in result.decisions if d.skipped and d.skipped.startswith("headline")), None)
    if first is not None and first.start - art.body_start < 300:
        art.title = art.text[first.start:first.end].strip().rstrip(",")


def write(job: Job, result, *, update: bool, model_label: str, repoint: bool = False) -> Written:
    """Write (or merge) the worksheet of one extracted article; a new worksheet is validated before it is written."""
    from .extract import article_meta, claim_dicts, extractor_label
    from .worksheet import render_new, write_new

    out, art = job.output, result.article
    infer_title(result)
    if update:
        from .update import update_worksheet

        report = update_worksheet(out, art, claim_dicts(result), extractor_label(model_label), repoint=repoint)
        return Written(out, result, report)
    if str(out) == "-":
        return Written(out, result, None, text=render_new(article_meta(art, out, model_label), claim_dicts(result)))
    outputs.make_folder(out)
    if str(art.path) == "-":  # saved beside the worksheet so quotes stay checkable
        art.path = outputs.stdin_text_path(out)
        yamlio.atomic_write(art.path, art.text)
    write_new(out, article_meta(art, out, model_label), claim_dicts(result), art.text)
    return Written(out, result, None)


def keep_worth(result, floor: float) -> None:
    """Drop the claims of ``result`` whose check-worthiness is below ``floor``."""
    for c in [c for c in result.claims if c.score < floor]:
        d = c.decision
        d.claims = [x for x in d.claims if x is not c]
        if not d.claims and not d.skipped:
            d.skipped = f"check-worthiness {c.score:.2f} below the --min-worth floor {floor:.2f}"
    result.claims = [c for c in result.claims if c.score >= floor]


def run(jobs: list[Job], *, update: bool = False, model: str | None = None, nlp=None,
        on_done: Callable[[Written], None] | None = None, repoint: bool = False,
        min_worth: float | None = None, explain: bool = False) -> list[Written]:
    """Extract every job through one pipeline and write its worksheet, in order of completion.

    Claims less check-worthy than ``min_worth`` are left out (their sentences say why under --explain).
    """
    from .extract.model import load_model, model_label
    from .extract.pipeline import extract_articles

    nlp = nlp if nlp is not None else load_model(model)
    label = model_label(nlp)
    by_article = {id(j.article): j for j in jobs}
    written: list[Written] = []

    def done(result):
        if min_worth is not None:
            keep_worth(result, min_worth)
        w = write(by_article[id(result.article)], result, update=update, model_label=label, repoint=repoint)
        written.append(w)
        if on_done is not None:
            on_done(w)

    extract_articles([j.article for j in jobs], nlp, on_article_done=done, explain=explain)
    return written
