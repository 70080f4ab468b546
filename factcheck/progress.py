"""Where the fact-check stands: counts per worksheet or per claim field.

A claim is *done* when its status is ``checked`` or ``skipped`` (someone
decided it). Counts are plain data; ``report`` renders them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .config import STATUSES

PIVOTS = ("type", "speaker", "assignee", "verdict")


@dataclass
class Tally:
    label: str
    path: str | None = None
    claims: int = 0
    status: Counter = field(default_factory=Counter)
    verdicts: Counter = field(default_factory=Counter)
    valid: bool = True
    problems: int = 0

    def add(self, claim) -> None:
        self.claims += 1
        self.status[claim.status] += 1
        if claim.verdict:
            self.verdicts[claim.verdict] += 1

    def merge(self, other: Tally) -> None:
        self.claims += other.claims
        self.status.update(other.status)
        self.verdicts.update(other.verdicts)

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
            "verdicts": {v: self.verdicts[v] for v in order if self.verdicts.get(v)},
            "done": self.done,
            "percent_done": round(self.percent, 1),
        }
        return d


def by_worksheet(results) -> tuple[list[Tally], Tally]:
    rows = []
    total = Tally("total")
    for r in results:
        ws = r.worksheet
        label = str(r.path)
        t = Tally(label, path=str(r.path))
        if ws is None or r.problems:
            t.valid = False
            t.problems = len(r.problems)
        if ws is not None:
            for c in ws.claims:
                t.add(c)
        rows.append(t)
        total.merge(t)
    return rows, total


def by_field(results, name: str) -> tuple[list[Tally], Tally]:
    groups: dict[str, Tally] = {}
    total = Tally("total")
    for r in results:
        if r.worksheet is None:
            continue
        for c in r.worksheet.claims:
            value = getattr(c, name) or "(none)"
            t = groups.setdefault(value, Tally(value))
            t.add(c)
            total.add(c)
    return list(groups.values()), total


def sort_rows(rows: list[Tally], key: str) -> list[Tally]:
    if key == "progress":
        return sorted(rows, key=lambda t: (t.percent, t.label))
    if key == "claims":
        return sorted(rows, key=lambda t: (-t.claims, t.label))
    return sorted(rows, key=lambda t: t.label)


def pending(results, assignee: str | None = None):
    """Unchecked claims, most check-worthy first: (worksheet, claim) pairs."""
    out = []
    for r in results:
        ws = r.worksheet
        if ws is None or r.problems:
            continue
        for order, c in enumerate(ws.claims):
            if c.status != "unchecked" or c.stale:
                continue
            if assignee is not None and (c.assignee or "") != assignee:
                continue
            out.append((-(c.checkworthiness or 0.0), str(ws.path), order, ws, c))
    out.sort(key=lambda x: x[:3])
    return [(x[3], x[4]) for x in out]
