"""Re-extraction without losing work: merging new claims into an edited worksheet.

Matching an extracted claim to a recorded one, in order: the same id (ids come
from the claim text, so the same assertion keeps its id), then the same quote,
then a quote that shares most of its words (the sentence was reworded). Then:

* matched claims keep every human-owned field and every byte around them; only
  machine fields (quote, span, text, checkworthiness) that differ are spliced;
* a matched claim whose numbers changed after it was checked gets
  ``recheck: "..."`` so ``factcheck check`` fails until someone looks again;
* recorded claims whose quote is gone are marked ``stale: true``, never deleted;
* new claims are appended;
* ``article.sha256`` and the extraction metadata change only when the article
  did, so updating twice in a row changes no byte.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlio
from .config import Config, load_config
from .edit import last_scalar, line_end_after, plan_edits, replace_value
from .errors import InternalError, UsageError, WorksheetError
from .ids import claim_id, normalise
from .worksheet import child, claim_nodes, load, render_claim
from .yamlio import SequenceNode

MACHINE_FIELDS = ("text", "quote", "span", "checkworthiness", "verifiable", "unresolved")
#: Machine fields a worksheet may lack (older extractors), and what their absence means.
_ABSENT = {"verifiable": None, "unresolved": []}


@dataclass
class UpdateReport:
    path: Path
    new: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    recheck: list[str] = field(default_factory=list)
    written: bool = False

    def summary(self) -> str:
        state = "updated" if self.written else "no change"
        return (f"{state}: {len(self.new)} new, {len(self.unchanged)} unchanged, {len(self.updated)} updated, "
                f"{len(self.stale)} stale, {len(self.recheck)} need re-check")

    def details(self) -> list[str]:
        out = [f"new: {i}" for i in self.new]
        out += [f"updated: {i}" for i in self.updated]
        out += [f"stale (quote gone from the article): {i}" for i in self.stale]
        out += [f"needs re-check: {i}" for i in self.recheck]
        return out


def _numbers(s: str | None) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)*", s or "")


def _words(s: str | None) -> set[str]:
    return set(normalise(s or "").split())


def _overlap(wa: set, wb: set) -> float:
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))


def _similar(a: str | None, b: str | None) -> float:
    return _overlap(_words(a), _words(b))


def match_claims(old_claims, new_claims: list[dict]) -> dict[int, int]:
    """Map index of new claim -> index of old claim."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    by_id = {c.id: i for i, c in enumerate(old_claims)}
    for ni, n in enumerate(new_claims):
        oi = by_id.get(n["id"])
        if oi is not None and oi not in used:
            pairs[ni] = oi
            used.add(oi)
    by_quote: dict[str, list[int]] = {}
    for oi, o in enumerate(old_claims):
        if o.quote:
            by_quote.setdefault(o.quote, []).append(oi)
    for ni, n in enumerate(new_claims):
        if ni in pairs:
            continue
        for oi in by_quote.get(n["quote"], ()):
            if oi not in used and _similar(old_claims[oi].text, n["text"]) >= 0.5:
                pairs[ni] = oi
                used.add(oi)
                break
    old_words = [(_words(o.quote), _words(o.text)) for o in old_claims]
    for ni, n in enumerate(new_claims):
        if ni in pairs:
            continue
        best, best_score = None, 0.6
        nq, nt = _words(n["quote"]), _words(n["text"])
        for oi, o in enumerate(old_claims):
            if oi in used or not o.quote:
                continue
            oq, ot = old_words[oi]
            sc = min(_overlap(oq, nq), _overlap(ot, nt) + 0.2)
            if sc >= best_score:
                best, best_score = oi, sc
        if best is not None:
            pairs[ni] = best
            used.add(best)
    return pairs


def update_worksheet(path: Path, article, new_claims: list[dict], extractor: str, *, config: Config | None = None,
                     now: _dt.datetime | None = None, lock_timeout: float = 10.0, repoint: bool = False) -> UpdateReport:
    """Merge ``new_claims`` (from ``claim_dicts``) into the worksheet at ``path``.

    ``article`` must be the worksheet's own article (a new version of it);
    another file is refused unless ``repoint``, which makes it the worksheet's
    article. An article read from standard input (``article.path`` "-") is
    saved beside the worksheet (``<stem>.txt``) once the worksheet is known to
    be valid, and only if that file is the worksheet's article or ``repoint``.
    """
    config = config or load_config()
    report = UpdateReport(path)
    with yamlio.locked(path, timeout=lock_timeout):
        result = load(path, config, check_article=False)
        result.raise_if_invalid("updated")
        ws = result.worksheet
        new_path = _article_path_change(path, ws, article, repoint)
        text = ws.text
        article_text = article.text
        cnodes = claim_nodes(ws.node)
        # a checker's own claims (origin: human) are never rewritten by the extractor, and an
        # extracted claim with the same quote is not added twice
        machine = [i for i, c in enumerate(ws.claims) if c.origin != "human"]
        human_quotes = {c.quote for c in ws.claims if c.origin == "human"}
        new_claims = [n for n in new_claims if n["quote"] not in human_quotes]
        pairs = {ni: machine[oi] for ni, oi in match_claims([ws.claims[i] for i in machine], new_claims).items()}
        matched_old = set(pairs.values())
        edits: list = []
        for ni, n in enumerate(new_claims):
            oi = pairs.get(ni)
            if oi is None:
                continue
            old = ws.claims[oi]
            values = {}
            for key in MACHINE_FIELDS:
                old_value = getattr(old, key)
                new_value = n.get(key, _ABSENT.get(key))
                if key in _ABSENT and new_value is None:
                    continue  # an extractor that does not give the field leaves it as it is
                if key == "span" and old.quote is not None and old.quote == n["quote"] and old.span == n["span"]:
                    continue
                if old_value != new_value and not (key in ("checkworthiness", "verifiable") and old_value is not None
                                                   and abs(old_value - new_value) < 0.005):
                    values[key] = new_value
            if old.stale:
                values["stale"] = False
            substance = _numbers(old.quote) != _numbers(n["quote"]) and old.quote is not None
            if substance and old.status in ("checked", "in-progress") and not old.recheck:
                was, now_ = _numbers(old.quote), _numbers(n["quote"])
                gone = [x for x in was if x not in now_] or was
                came = [x for x in now_ if x not in was] or now_
                values["recheck"] = f"numbers in the quote changed: {', '.join(gone)} -> {', '.join(came)}"
                report.recheck.append(old.id)
            content_changed = "text" in values or "quote" in values
            if content_changed:
                report.updated.append(old.id)
            else:
                report.unchanged.append(old.id)
            if values:
                edits.extend(plan_edits(text, cnodes[oi], values, []))
        for oi, old in enumerate(ws.claims):
            if oi in matched_old:
                continue
            if old.quote is not None and old.quote not in article_text:
                if not old.stale:
                    edits.extend(plan_edits(text, cnodes[oi], {"stale": True}, []))
                report.stale.append(old.id)
            elif old.quote is not None and old.span is not None and article_text[old.span[0]:old.span[1]] != old.quote:
                at = article_text.find(old.quote)
                edits.extend(plan_edits(text, cnodes[oi], {"span": [at, at + len(old.quote)]}, []))
                report.unchanged.append(old.id)
            else:
                report.unchanged.append(old.id)
        taken = {c.id for c in ws.claims}
        appended = []
        for ni, n in enumerate(new_claims):
            if ni in pairs:
                continue
            n = dict(n)
            n["id"] = claim_id(n["text"], taken, n.get("speaker")) if n["id"] in taken else n["id"]
            taken.add(n["id"])
            appended.append(n)
            report.new.append(n["id"])
        if appended:
            edits.append(_append_claims(text, ws.node, appended))
        old_sha = ws.article.get("sha256")
        if edits or old_sha != article.sha256 or new_path is not None:
            _, art_node = child(ws.node, "article")
            now = now or _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
            meta = {"sha256": article.sha256, "extracted": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "extractor": extractor}
            if new_path is not None:
                meta["path"] = new_path
            meta = {k: v for k, v in meta.items() if ws.article.get(k) != v}
            if meta:
                edits.extend(plan_edits(text, art_node, meta, []))
        if not edits:
            _save_stdin_text(path, article)
            return report
        new_text = yamlio.splice(text, edits)
        check = load(path, config, text=new_text, article_text=article_text)
        if check.problems or check.worksheet is None:  # pragma: no cover - a bug in the splicer
            raise InternalError(f"{path}: internal error: the update would make the worksheet invalid "
                                f"({check.problems[0] if check.problems else 'unreadable'}); nothing was written")
        _save_stdin_text(path, article)
        yamlio.atomic_write(path, ws.bom + new_text)
        report.written = True
    return report


def _append_claims(text: str, root, claims: list[dict]) -> tuple[int, int, str]:
    nl = yamlio.newline_of(text)
    _, seq = child(root, "claims")
    if not isinstance(seq, SequenceNode) or not seq.value or seq.flow_style:
        if isinstance(seq, SequenceNode) and seq.value:
            raise WorksheetError("claims is written as a [flow, list]; write it as a block list to add claims")
        body = nl + nl.join(render_claim(c, "  ", nl).rstrip("\r\n") for c in claims)
        start, end, new = replace_value(text, seq, body)
        return start, end, new
    first = seq.value[0]
    col = max(first.start_mark.column - 2, 0)
    pos = line_end_after(text, last_scalar(seq))
    body = "".join(nl + nl + render_claim(c, " " * col, nl).rstrip("\r\n") for c in claims)
    return pos, pos, body


def _article_path_change(path: Path, ws, article, repoint: bool) -> str | None:
    """The new ``article.path`` when ``repoint`` moves the worksheet to another article, else None."""
    import os

    folder = Path(path).parent if str(Path(path).parent) else Path(".")
    given = Path(path).with_suffix(".txt") if str(article.path) == "-" else Path(article.path)
    current = ws.article_path()
    same = os.path.abspath(given) == str(current)
    if not same:
        try:
            same = os.path.samefile(given, current)
        except (OSError, ValueError):
            same = False
    if same:
        return None
    if not repoint:
        what = "the text from standard input" if str(article.path) == "-" else str(article.path)
        raise UsageError(f"{path}: was extracted from {ws.article.get('path')}, not {what}; "
                         f"give --article to make it the worksheet's article, or choose the right -o")
    if str(article.path) == "-" and given.exists():
        raise UsageError(f"{given}: exists and the article text from standard input would replace it; choose another -o")
    return os.path.relpath(os.path.abspath(given), os.path.abspath(folder))


def _save_stdin_text(path: Path, article) -> None:
    if str(article.path) == "-":
        article.path = Path(path).with_suffix(".txt")
        yamlio.atomic_write(article.path, article.text)
