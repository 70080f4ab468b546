"""Where the fact-check stands: counts per worksheet or per claim field.

A claim is *done* when its status is ``checked`` or ``skipped`` (someone
decided it). Counts are plain data; ``report`` renders them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .config import STATUSES

PIVOTS = ("type", "speaker", "assignee", "verdict", "status")


@dataclass
class SheetSummary:
    """What status needs of one worksheet: small enough to pass between processes."""

    path: str
    valid: bool
    problems: int
    claims: list  # (status, verdict, type, speaker, assignee, status as written, checkworthiness) per claim
    unreadable: bool = False  # not a worksheet at all (missing, binary, not UTF-8, a pipe): exit 2


def summarise(result, statuses: dict | None = None) -> SheetSummary:
    """``statuses`` maps a desk's own statuses to the built-in one they count as."""
    ws = result.worksheet
    base = statuses or {}
    rows = [(base.get(c.status, c.status), c.verdict, c.type, c.speaker, c.assignee, c.status, c.checkworthiness)
            for c in ws.claims] if ws is not None else []
    return SheetSummary(str(result.path), ws is not None and not result.problems, len(result.problems), rows,
                        unreadable=result.unreadable)


_FIELD_INDEX = {"status": 5, "verdict": 1, "type": 2, "speaker": 3, "assignee": 4}


@dataclass
class Tally:
    label: str
    path: str | None = None
    claims: int = 0
    status: Counter = field(default_factory=Counter)  # by built-in status
    named: Counter = field(default_factory=Counter)  # by the status as written, a desk's own included
    verdicts: Counter = field(default_factory=Counter)
    valid: bool = True
    problems: int = 0
    worth: float = 0.0  # the highest check-worthiness among claims still to check (for --sort worth)

    def add(self, status: str, verdict: str | None, named: str | None = None, worth=None) -> None:
        self.claims += 1
        if status in ("unchecked", "in-progress") and isinstance(worth, (int, float)):
            self.worth = max(self.worth, float(worth))
        self.status[status] += 1
        self.named[named or status] += 1
        if verdict:
            self.verdicts[verdict] += 1

    def merge(self, other: Tally) -> None:
        self.claims += other.claims
        self.status.update(other.status)
        self.named.update(other.named)
        self.verdicts.update(other.verdicts)
        self.worth = max(self.worth, other.worth)

    @property
    def done(self) -> int:
        return self.status["checked"] + self.status["skipped"]

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.claims if self.claims else 0.0

    def as_dict(self, verdict_order=()) -> dict:
        order = list(verdict_order) + sorted(v for v in self.verdicts if v not in verdict_order)
        d = {
            "claims": self.claims,
            "status": {s: self.status.get(s, 0) for s in STATUSES},
            **({"custom_status": {k: v for k, v in sorted(self.named.items()) if k not in STATUSES}}
               if any(k not in STATUSES for k in self.named) else {}),
            "verdicts": {v: self.verdicts[v] for v in order if self.verdicts.get(v)},
            "done": self.done,
            "percent_done": round(self.percent, 1),
        }
        return d


def by_worksheet(summaries: list[SheetSummary]) -> tuple[list[Tally], Tally]:
    rows = []
    total = Tally("total")
    for sm in summaries:
        t = Tally(sm.path, path=sm.path, valid=sm.valid, problems=sm.problems)
        for row in sm.claims:
            t.add(row[0], row[1], row[5], row[6])
        rows.append(t)
        total.merge(t)
    return rows, total


def by_field(summaries: list[SheetSummary], name: str) -> tuple[list[Tally], Tally]:
    i = _FIELD_INDEX[name]
    groups: dict[str, Tally] = {}
    total = Tally("total")
    for sm in summaries:
        for row in sm.claims:
            value = row[i] or "(none)"
            groups.setdefault(value, Tally(value)).add(row[0], row[1], row[5], row[6])
            total.add(row[0], row[1], row[5], row[6])
    return list(groups.values()), total


def sort_rows(rows: list[Tally], key: str) -> list[Tally]:
    if key == "progress":
        return sorted(rows, key=lambda t: (t.percent, t.label))
    if key == "claims":
        return sorted(rows, key=lambda t: (-t.claims, t.label))
    if key == "worth":
        return sorted(rows, key=lambda t: (-t.worth, t.label))
    return sorted(rows, key=lambda t: t.label)


def pending(results, assignee: str | None = None, statuses: dict | None = None):
    """Unchecked claims, most check-worthy first: (worksheet, claim) pairs.

    ``assignee`` matches names without regard to case ("ana" finds "Ana").
    """
    base = statuses or {}
    who = assignee.casefold() if assignee is not None else None
    out = []
    for r in results:
        ws = r.worksheet
        if ws is None or r.problems:
            continue
        for order, c in enumerate(ws.claims):
            if base.get(c.status, c.status) != "unchecked" or c.stale:
                continue
            if who is not None and (c.assignee or "").casefold() != who:
                continue
            out.append((-(c.checkworthiness or 0.0), str(ws.path), order, ws, c))
    out.sort(key=lambda x: x[:3])
    return [(x[3], x[4]) for x in out]


def in_progress(results, assignee: str | None = None, statuses: dict | None = None) -> int:
    """How many claims (of ``assignee``, case-insensitive) are in progress in valid worksheets."""
    base = statuses or {}
    who = assignee.casefold() if assignee is not None else None
    return sum(1 for r in results if r.worksheet is not None and not r.problems for c in r.worksheet.claims
               if base.get(c.status, c.status) == "in-progress"
               and (who is None or (c.assignee or "").casefold() == who))
