"""The publication gate: which claims fail ``factcheck check``, and why.

Each rule is one small function over a claim with a name users can ``allow``
or ``warn`` on (in ``factcheck.yaml`` or with flags). Defaults fail a story
whose claims are unchecked or in progress, checked without a verdict or a
source URL, rated with a blocking verdict and no correction, changed since they
were checked, or whose quote no longer occurs in the article; stale claims
(their quote is gone) are warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .config import Config
from .errors import FactcheckError
from .worksheet import quote_present, read_article_text

#: rule name -> (default severity, one-line description for docs and --help)
RULES = {
    "unchecked": ("error", "claim not checked yet"),
    "in-progress": ("error", "check still in progress"),
    "no-verdict": ("error", "checked without a verdict"),
    "no-source": ("error", "checked without enough sources with a URL"),
    "blocking-verdict": ("error", "rated with a blocking verdict (default: false, mostly-false) and no correction recorded (set --correction)"),
    "quote-missing": ("error", "quote no longer occurs in the article (the story changed after extraction)"),
    "recheck": ("error", "the quote changed in substance after the claim was checked"),
    "stale": ("warning", "the claim's quote was removed from the article"),
    "same-as-blocking": ("error", "marked same_as a claim rated with a blocking verdict, without a verdict of its own"),
    "same-as-missing": ("warning", "a same_as link points at a claim that no longer exists"),
}


@dataclass
class Failure:
    path: str
    line: int
    claim_id: str
    rule: str
    message: str
    severity: str = "error"


@dataclass
class SheetResult:
    path: str
    claims: int = 0
    claim_list: list = field(default_factory=list)  # (id, line) of every claim, in order
    failures: list[Failure] = field(default_factory=list)
    problems: list = field(default_factory=list)  # validation problems: the worksheet is invalid

    @property
    def errors(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == "error"]

    @property
    def warnings(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == "warning"]

    @property
    def failing_claims(self) -> int:
        return len({f.claim_id for f in self.errors})

    @property
    def passed(self) -> bool:
        return not self.errors and not self.problems


@dataclass
class Policy:
    allow: frozenset = frozenset()
    warn: frozenset = frozenset()
    min_sources: int = 1
    strict: bool = False
    blocking: tuple = ("false", "mostly-false")
    statuses: dict = field(default_factory=dict)  # custom status -> built-in status

    @classmethod
    def from_config(cls, cfg: Config, *, allow=(), warn=(), min_sources=None, strict=None) -> Policy:
        unknown = [r for r in list(allow) + list(warn) if r not in RULES]
        if unknown:
            from .errors import UsageError

            raise UsageError(f"unknown policy rule {unknown[0]!r}; rules are: {', '.join(RULES)}")
        return cls(
            allow=frozenset(cfg.allow) | frozenset(allow),
            warn=frozenset(cfg.warn) | frozenset(warn),
            min_sources=cfg.min_sources if min_sources is None else min_sources,
            strict=cfg.strict if strict is None else strict,
            blocking=tuple(cfg.blocking),
            statuses=dict(cfg.statuses),
        )

    def severity(self, rule: str) -> str | None:
        if rule in self.allow:
            return None
        sev = "warning" if rule in self.warn else RULES[rule][0]
        if sev == "warning" and self.strict:
            return "error"
        return sev


def _claim_rules(c, policy: Policy, article_text: str | None):
    """Yield (rule, message) for every rule the claim breaks."""
    if c.stale:
        yield "stale", "quote was removed from the article; delete the claim or set status: skipped"
        return
    status = policy.statuses.get(c.status, c.status)
    named = f" ({c.status})" if status != c.status else ""
    if status == "skipped":
        return
    if status == "unchecked":
        yield "unchecked", f"not checked yet{named}"
    elif status == "in-progress":
        yield "in-progress", _in_progress(c, named)
    elif status == "checked":
        if c.verdict is None:
            yield "no-verdict", "checked without a verdict"
        n = len(c.urls)
        if n < policy.min_sources:
            need = "a source with a URL" if policy.min_sources == 1 else f"{policy.min_sources} sources with a URL"
            yield "no-source", f"checked with {n} source{'s' if n != 1 else ''} with a URL; the desk requires {need}"
    if c.verdict in policy.blocking and not (c.correction or "").strip() and not c.corrections:
        yield "blocking-verdict", f"rated {c.verdict} and no correction is recorded (factcheck set FILE ID --correction TEXT)"
    if c.recheck:
        yield "recheck", f"changed after it was checked: {c.recheck}; check it again (set --verdict clears this)"
    if article_text is not None and not quote_present(article_text, c):
        yield "quote-missing", "quote no longer occurs in the article; re-run factcheck extract --update"


def _same_as_rules(c, sheet_path, policy: Policy, cache: dict) -> list[tuple[str, str]]:
    """A claim a person marked the same as one rated false inherits the block until it has its own verdict."""
    from .memory.links import follow, from_here

    out = []
    for ref in c.same_as:
        other = follow(sheet_path, ref, None, cache)
        if other is None:
            out.append(("same-as-missing", f"same_as {ref}: no such claim; fix or remove the link"))
        elif c.verdict is None and other.verdict in policy.blocking:
            out.append(("same-as-blocking", f"same as {ref}, rated {other.verdict} there; record this claim's own "
                                            f"verdict (--verdict-from {from_here(sheet_path, ref)} copies it)"))
    return out


def _in_progress(c, named: str) -> str:
    bits = [c.status] if named else []
    if c.assignee:
        bits.append(f"assigned to {c.assignee}")
    return "check still in progress" + (f" ({', '.join(bits)})" if bits else "")


def evaluate(load_result, policy: Policy) -> SheetResult:
    """Check one loaded worksheet against the policy."""
    sheet = SheetResult(str(load_result.path))
    ws = load_result.worksheet
    if ws is None or load_result.problems:
        sheet.problems = list(load_result.problems)
        if ws is not None:
            sheet.claims = len(ws.claims)
        return sheet
    sheet.claims = len(ws.claims)
    sheet.claim_list = [(c.id, c.line) for c in ws.claims]
    article_text = None
    if policy.severity("quote-missing") is not None and any(c.quote for c in ws.claims):
        try:
            article_text = read_article_text(ws)
        except FactcheckError as exc:
            from .yamlio import Problem

            reason = getattr(exc, "reason", str(exc))
            sheet.problems.append(Problem(sheet.path, 0, 0, "article.path", f"cannot read the article: {reason}"))
            return sheet
    linked: dict = {}  # worksheets that same_as links point at, loaded once
    for c in ws.claims:
        rules = list(_claim_rules(c, policy, article_text))
        if c.same_as and not c.stale and policy.statuses.get(c.status, c.status) != "skipped":
            rules += _same_as_rules(c, ws.path, policy, linked)
        for rule, message in rules:
            sev = policy.severity(rule)
            if sev is not None:
                sheet.failures.append(Failure(sheet.path, c.line, c.id, rule, message, sev))
    return sheet


def exit_code(sheets: list[SheetResult], path_problems=()) -> int:
    if path_problems or any(s.problems for s in sheets):
        return 2
    return 1 if any(s.errors for s in sheets) else 0
