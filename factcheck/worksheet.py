"""The worksheet model: loading, validating and describing format 1.

A worksheet is loaded in one walk of its YAML nodes (see ``schema``), then
checked for what a schema cannot say: unique claim ids, verdicts on the desk's
scale, and quotes that still occur in the article. Loading never raises for a
bad worksheet; it returns every problem it found so callers can report them
all together.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import schema, yamlio
from .config import Config, verdict_name
from .errors import InputError
from .yamlio import MappingNode, Problem, SequenceNode

FORMAT_VERSION = 1
SCHEMA_FILE = "worksheet-v1.schema.json"
WORKSHEET_SUFFIXES = (".yaml", ".yml")


@dataclass
class Source:
    url: str | None = None
    title: str | None = None
    accessed: _dt.date | str | None = None
    archived: str | None = None
    note: str | None = None


@dataclass
class Correction:
    date: _dt.date | str
    note: str


@dataclass
class Claim:
    id: str
    text: str
    status: str = "unchecked"
    quote: str | None = None
    span: list[int] | None = None
    also_quoted: list = field(default_factory=list)
    speaker: str | None = None
    type: str | None = None
    date: str | None = None
    checkworthiness: float | None = None
    reasons: list[str] = field(default_factory=list)
    verdict: str | None = None
    sources: list[Source] = field(default_factory=list)
    notes: str | None = None
    assignee: str | None = None
    correction: str | None = None
    summary: str | None = None  # public one-line wording (ClaimReview claimReviewed)
    explanation: str | None = None  # public rating explanation (notes stay internal)
    corrections: list[Correction] = field(default_factory=list)
    stale: bool = False
    recheck: str | None = None
    origin: str | None = None  # "human" for a claim added with `factcheck add`
    same_as: list[str] = field(default_factory=list)  # "OTHER.yaml#ID", confirmed by a person (factcheck.memory)
    not_same_as: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # referring expressions the extractor left as written
    line: int = 0  # where the claim starts in the YAML (1-based)

    @property
    def urls(self) -> list[str]:
        return [s.url for s in self.sources if s.url]


@dataclass
class Worksheet:
    path: Path
    text: str
    data: dict
    claims: list[Claim]
    node: MappingNode | None = None
    article_text: str | None = None
    bom: str = ""  # a byte-order mark the file starts with; ``text`` (which node marks index) is without it

    @property
    def article(self) -> dict:
        return self.data.get("article") or {}

    def article_path(self) -> Path:
        # abspath, not resolve(): a symlink loop or a NUL in the path is reported when reading, not raised here
        return Path(os.path.abspath(self.path.parent / str(self.article.get("path", ""))))

    def claim(self, claim_id: str) -> Claim | None:
        for c in self.claims:
            if c.id == claim_id:
                return c
        return None

    def require_claim(self, claim_id: str) -> Claim:
        """The claim with this id, or a UsageError with the closest id as a hint."""
        c = self.claim(claim_id)
        if c is not None:
            return c
        import difflib

        from .errors import UsageError

        hint = difflib.get_close_matches(claim_id, [x.id for x in self.claims], n=1)
        more = f"; did you mean {hint[0]!r}?" if hint else " (factcheck show FILE lists the ids)"
        raise UsageError(f"{self.path}: no claim with id {claim_id!r}{more}")


@dataclass
class LoadResult:
    path: Path
    worksheet: Worksheet | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def unreadable(self) -> bool:
        """The file could not be read as text at all (missing, a folder, binary, not UTF-8)."""
        return self.worksheet is None and any(p.col == 0 for p in self.problems)

    def raise_if_invalid(self, doing: str) -> None:
        """InputError (exit 2) if unreadable, WorksheetError (exit 1) with every problem if invalid."""
        from .errors import InputError, WorksheetError

        if self.unreadable:
            p = self.problems[0]
            where = f"{p.path}:{p.line}" if p.line else p.path
            raise InputError(f"{where}: {p.message}", line=p.line, reason=p.message)
        if self.worksheet is None or self.problems:
            raise WorksheetError(f"{self.path}: is not valid, so it was not {doing}; fix these problems first", self.problems)


def child(node: MappingNode, key: str):
    """The (key node, value node) of ``key`` in a mapping node, or (None, None); last one wins."""
    found = (None, None)
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                found = (k, v)
    return found


def claim_nodes(root) -> list:
    _, claims = child(root, "claims")
    return list(claims.value) if isinstance(claims, SequenceNode) else []


def find_worksheets(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into worksheet files; missing paths become problems."""
    files: list[Path] = []
    problems: list[Problem] = []
    for p in paths:
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.suffix in WORKSHEET_SUFFIXES and q.is_file()
                           and not any(part.startswith(".") for part in q.relative_to(p).parts))
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            problems.append(Problem(str(p), 0, 0, "", "no such file or folder; check the path"))
    return files, problems


def load(path: Path, config: Config | None = None, *, check_article: bool = True, text: str | None = None,
         exact: bool = False, article_text: str | None = None) -> LoadResult:
    """Load and validate one worksheet, collecting every problem.

    Node marks are character offsets into ``worksheet.text`` (the file's text
    after any byte-order mark, kept in ``worksheet.bom``). ``exact`` is accepted
    for older callers; every load is exact. ``article_text`` checks the quotes
    against that text instead of reading the article file.
    """
    config = config or Config()
    spath = str(path)
    if text is None:
        try:
            text = yamlio.read_text(path, what="worksheet")
        except InputError as exc:
            return LoadResult(path, None, [Problem(spath, exc.line, 0, "", exc.reason)])
    bom, text = yamlio.strip_bom(text)
    node, problem = yamlio.compose(text, spath)
    if problem:
        return LoadResult(path, None, [problem])
    if node is None:
        return LoadResult(path, None, [Problem(spath, 1, 1, "", "file is empty; expected a worksheet (run factcheck extract)")])
    data, problems = schema.validate_node(node, spath, text, extra_statuses=tuple(config.statuses))
    problems = _deleted_dash(problems)
    if not isinstance(data, dict):
        return LoadResult(path, None, problems)
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    raw_claims = data.get("claims") if isinstance(data.get("claims"), list) else []
    cnodes = claim_nodes(node)
    for i, raw in enumerate(raw_claims):
        if not isinstance(raw, dict):
            continue
        cnode = cnodes[i] if i < len(cnodes) else None
        line = yamlio.line_of(cnode) if cnode is not None else 0
        c = _claim_from(raw, line)
        if c is None:
            continue
        if c.id in seen:
            knode, _ = child(cnode, "id")
            problems.append(Problem(spath, yamlio.line_of(knode) if knode else line, 1 if not knode else yamlio.col_of(knode),
                                    f"claims[{i}].id", f"duplicate claim id {c.id!r} (first at line {seen[c.id]}); ids must be unique"))
        else:
            seen[c.id] = line
        if c.verdict is not None and c.verdict not in config.verdicts:
            _, vnode = child(cnode, "verdict")
            problems.append(_at(spath, vnode, line, f"claims[{i}].verdict",
                                f"{c.verdict!r} is not on the verdict scale: {', '.join(config.verdicts)}"))
        claims.append(c)
    if not problems:  # a state no edit of factcheck makes, but a hand edit can
        for i, c in enumerate(claims):
            if c.verdict is not None and config.base_status(c.status) == "unchecked":
                _, vnode = child(cnodes[i] if i < len(cnodes) else None, "verdict")
                problems.append(_at(spath, vnode, c.line, f"claims[{i}].verdict",
                                    f"{c.verdict!r} on an unchecked claim; set the status (checked or in-progress) "
                                    f"or clear the verdict: factcheck set FILE {c.id} --clear verdict"))
    ws = Worksheet(path=path, text=text, data=data, claims=claims, node=node, article_text=article_text, bom=bom)
    if check_article and not problems:
        problems.extend(_check_quotes(ws, cnodes, raw_claims))
    problems.sort(key=lambda p: (p.line, p.col))
    return LoadResult(path, ws, problems)


_CLAIM_FIELD = re.compile(r"^claims\[(\d+)\]\.")


def _deleted_dash(problems: list[Problem]) -> list[Problem]:
    """Two claims run together (someone deleted the "- " that starts one) give a duplicate key
    for every field; following "delete one" would lose a claim. Say what happened instead."""
    merged = {}
    for p in problems:
        m = _CLAIM_FIELD.match(p.field)
        if m and p.field.endswith(".id") and p.message.startswith("duplicate key"):
            n = int(m.group(1))
            merged[n] = Problem(p.path, p.line, p.col, f"claims[{n}]",
                                f'a second "id:" inside one claim: did you delete the "- " that starts claim {n + 2}? '
                                f'Put "- " back before this "id:" (delete nothing)')
    if not merged:
        return problems
    out = []
    for p in problems:
        m = _CLAIM_FIELD.match(p.field)
        if m and int(m.group(1)) in merged and p.message.startswith("duplicate key"):
            if p.field.endswith(".id"):
                out.append(merged[int(m.group(1))])
            continue
        out.append(p)
    return out


def _at(spath: str, node, fallback_line: int, fieldname: str, message: str) -> Problem:
    if node is not None:
        return Problem(spath, yamlio.line_of(node), yamlio.col_of(node), fieldname, message)
    return Problem(spath, fallback_line, 1, fieldname, message)


def _claim_from(raw: dict, line: int) -> Claim | None:
    if not isinstance(raw.get("id"), str) or not isinstance(raw.get("text"), str):
        return None
    sources = []
    for s in raw.get("sources") or []:
        if isinstance(s, dict):
            sources.append(Source(**{k: s.get(k) for k in ("url", "title", "accessed", "archived", "note")}))
    corrections = [Correction(x.get("date"), x.get("note")) for x in raw.get("corrections") or [] if isinstance(x, dict)]
    date = raw.get("date")
    return Claim(
        id=raw["id"], text=raw["text"], status=raw.get("status") or "unchecked", quote=raw.get("quote"),
        span=raw.get("span"), also_quoted=raw.get("also_quoted") or [], speaker=raw.get("speaker"),
        type=raw.get("type"), date=str(date) if date is not None else None,
        checkworthiness=raw.get("checkworthiness"), reasons=raw.get("reasons") or [],
        verdict=verdict_name(raw.get("verdict")), sources=sources, notes=raw.get("notes"),
        assignee=raw.get("assignee"), correction=raw.get("correction"), summary=raw.get("summary"),
        explanation=raw.get("explanation"), corrections=corrections, stale=bool(raw.get("stale", False)),
        recheck=raw.get("recheck"), origin=raw.get("origin"), same_as=list(raw.get("same_as") or []),
        not_same_as=list(raw.get("not_same_as") or []), unresolved=[str(x) for x in raw.get("unresolved") or []],
        line=line,
    )


def quote_present(article_text: str, claim: Claim) -> bool:
    """Whether the claim's quote occurs in the article (its span first: O(1) for the usual case)."""
    q = claim.quote
    if q is None:
        return True
    sp = claim.span
    if sp is not None and len(sp) == 2 and article_text[sp[0]:sp[1]] == q:
        return True
    return q in article_text


def read_article_text(ws: Worksheet) -> str:
    """The article text the worksheet's quotes refer to (raises InputError)."""
    from .article import read_article

    if ws.article_text is None:
        ws.article_text = read_article(ws.article_path()).text
    return ws.article_text


def _check_quotes(ws: Worksheet, cnodes: list, raw_claims: list) -> list[Problem]:
    spath = str(ws.path)
    _, art_node = child(ws.node, "article")
    _, path_node = child(art_node, "path")
    try:
        text = read_article_text(ws)
    except InputError as exc:
        reason = exc.reason
        return [_at(spath, path_node, 1, "article.path",
                    f"cannot read the article {ws.article.get('path')!r} (relative to the worksheet): {reason}")]
    problems = []
    for i, c in enumerate(ws.claims):
        if c.quote is None or c.stale:  # stale: extract --update found the quote gone, on purpose
            continue
        cnode = cnodes[i] if i < len(cnodes) else None
        if c.span is not None and text[c.span[0]:c.span[1]] == c.quote:
            continue  # the usual case, without searching the whole article
        _, qnode = child(cnode, "quote")
        if c.quote not in text:
            if " ".join(c.quote.split()) in " ".join(text.split()):
                msg = "differs from the article only in whitespace; copy the article's words exactly"
            else:
                msg = f"does not occur in the article {ws.article.get('path')!r}; the story changed or the quote was edited"
            problems.append(_at(spath, qnode, c.line, f"claims[{i}].quote", msg))
        elif c.span is not None and text[c.span[0]:c.span[1]] != c.quote:
            _, snode = child(cnode, "span")
            at = text.find(c.quote)
            problems.append(_at(spath, snode, c.line, f"claims[{i}].span",
                                f"[{c.span[0]}, {c.span[1]}] does not point at the quote; it is at [{at}, {at + len(c.quote)}]"))
    return problems


def load_all(paths: list[Path], config: Config | None = None, *, check_article: bool = True) -> tuple[list[LoadResult], list[Problem]]:
    """Load every worksheet under ``paths``; returns results and path problems."""
    files, problems = find_worksheets(paths)
    return list(iter_load(files, config, check_article=check_article)), problems


#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 200


def map_worksheets(files: list[Path], fn, config: Config | None = None, *, check_article: bool = False,
                   jobs: int | None = None) -> list:
    """``[fn(load_result) for each file]``, in order, across CPU cores for large sets.

    ``fn`` must be a module-level function returning something small and
    picklable (a tally, a check result): parsing YAML is the cost, and each
    worker parses its share of the files.
    """
    import os

    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs < 2 or len(files) < PARALLEL_MIN_FILES:
        return _map_chunk(files, fn, config, check_article)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    chunks = [files[i:i + 64] for i in range(0, len(files), 64)]
    work = partial(_map_chunk, fn=fn, config=config, check_article=check_article)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        out = []
        for part in pool.map(work, chunks):
            out.extend(part)
    return out


def _map_chunk(files, fn, config, check_article):
    import gc

    # Node trees are freed by reference counting; pausing the cycle collector
    # stops it from rescanning every result kept so far (10,000 worksheets).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [fn(r) for r in iter_load(files, config, check_article=check_article)]
    finally:
        if enabled:
            gc.enable()


def iter_load(files: list[Path], config: Config | None = None, *, check_article: bool = True):
    """Load worksheets one at a time, keeping only the model (not the YAML text and nodes).

    For commands that read many worksheets (status, check): memory stays flat and
    the garbage collector is not slowed down by thousands of node trees.
    """
    for f in files:
        r = load(f, config, check_article=check_article)
        if r.worksheet is not None:
            r.worksheet.node = None
            r.worksheet.text = ""
        yield r


# --------------------------------------------------------------------------- writing a new worksheet

HEADER = (
    "---\n"
    "# yaml-language-server: $schema={schema}\n"
    "# yamllint disable rule:line-length\n"
    "# factcheck worksheet (format 1). Work each claim: status (unchecked, in-progress, checked,\n"
    "# skipped), verdict, sources and notes -- by hand or with `factcheck set`. Comments and\n"
    "# formatting you add are kept by factcheck's own edits.\n"
)

CLAIM_FIELDS = (
    "id", "text", "quote", "span", "also_quoted", "speaker", "type", "date", "checkworthiness", "reasons",
    "status", "verdict", "sources", "notes", "assignee", "origin",
)


def render_claim(claim: dict, indent: str = "  ", nl: str = "\n") -> str:
    """One claim as a block-style list item (used for new worksheets and appends)."""
    shown = {k: v for k, v in claim.items() if not (k == "also_quoted" and not v)}
    return yamlio.block_item(shown, len(indent), nl, CLAIM_FIELDS) + nl


def render_article(article: dict, nl: str = "\n") -> str:
    keys = ("path", "url", "title", "published", "sha256", "extracted", "extractor")
    return "article:" + nl + "".join(f"  {k}: {yamlio.scalar(article.get(k))}{nl}" for k in keys)


def render_new(article: dict, claims: list[dict], schema_ref: str = SCHEMA_FILE) -> str:
    """The full text of a new worksheet."""
    parts = [HEADER.format(schema=schema_ref), f"factcheck: {FORMAT_VERSION}\n", render_article(article)]
    if not claims:
        parts.append("claims: []\n")
    else:
        parts.append("claims:\n")
        parts.append("\n".join(render_claim(c) for c in claims))
    return "".join(parts)


def write_new(out: Path, article: dict, claims: list[dict], article_text: str, *, config: Config | None = None) -> None:
    """Write a new worksheet (and the schema file beside it), after checking it with the validator.

    The text is validated, quotes included, before the atomic write: factcheck
    never writes a worksheet its own ``validate`` would reject.
    """
    from .errors import InternalError

    text = render_new(article, claims)
    check = load(Path(out), config, text=text, article_text=article_text)
    if check.problems or check.worksheet is None:  # a bug in extraction or rendering, not in the input
        raise InternalError(f"{out}: internal error: the new worksheet would be invalid "
                             f"({check.problems[0] if check.problems else 'unreadable'}); nothing was written")
    yamlio.atomic_write(Path(out), text)
    schema_file = Path(out).parent / SCHEMA_FILE
    if not schema_file.exists():
        yamlio.atomic_write(schema_file, schema.schema_text("worksheet"))
