"""Finding the claims of other worksheets that say what a claim says.

For each claim: FTS5 (BM25) picks candidates among all indexed claims by its
normalised words and figures; each candidate is then scored 0..100 with
rapidfuzz over the normalised words (figures masked as ``#``), plus a small
bonus for each figure the two claims share, and its figures are compared with
the claim's. A candidate whose words score at or above the
threshold is a suggestion: a plain match when the figures agree (or only one
side has them), "same claim, different numbers (40% vs 45%)" when they
disagree. Claims a person marked ``not_same_as`` are never suggested; claims
marked ``same_as`` are shown as linked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from . import text as mtext
from .index import ClaimIndex, Row, rel

#: Word score (0..100) from which a candidate is suggested. Chosen on the
#: labelled pairs in benchmarks/data/ (see benchmarks/bench_similar_quality.py).
THRESHOLD = 78

#: Candidates fetched from FTS5 per claim before re-ranking.
CANDIDATES = 40

#: Matches shown per claim (``--all`` shows this many even below the threshold).
SHOWN = 3


#: Points added per figure the two claims share (at most two count): the same
#: figure in two claims is strong evidence they report the same fact.
FIGURE_BONUS = 5


def word_score(a: str, b: str) -> float:
    """How alike two normalised word strings are, 0..100.

    The mean of token-sort (the same words in any order) and token-set (one
    claim's words contained in the other's, as when one names the speaker and
    the other does not), never below token-sort alone. Chosen on the labelled
    pairs: token-set alone over-rates a different fact about the same subject,
    token-sort alone under-rates a paraphrase that adds words.
    """
    if not a or not b:
        return 0.0
    sort = fuzz.token_sort_ratio(a, b)
    return max(sort, (sort + fuzz.token_set_ratio(a, b)) / 2)


def score(a: str, b: str, shared_figures: int = 0) -> int:
    """The match score 0..100: word likeness plus a bonus per figure the two claims share."""
    return min(100, round(word_score(a, b) + FIGURE_BONUS * min(2, shared_figures)))


@dataclass
class Match:
    """One claim of another worksheet, scored against the claim being looked up."""

    row: Row
    score: int
    conflict: tuple[list[str], list[str]] | None = None  # (this claim's figures, the other's) that disagree
    linked: bool = False  # a person recorded same_as between the two
    shared: int = 0  # figures both claims state

    def order(self) -> tuple:
        """Best first: score, then fewer disagreeing figures, then more shared ones (scores cap at 100)."""
        return (-self.score, len(self.conflict[0]) if self.conflict else 0, -self.shared, self.row.path,
                self.row.claim_id)

    @property
    def relation(self) -> str:
        return "different-numbers" if self.conflict else "same"

    def describe(self) -> str:
        if self.conflict:
            mine, theirs = self.conflict
            return f"same claim, different numbers ({', '.join(mine)} vs {', '.join(theirs)})"
        return "same claim" + (" (linked)" if self.linked else "")


@dataclass
class ClaimMatches:
    """A claim and its closest claims in other worksheets, best first."""

    claim: object  # worksheet.Claim
    matches: list[Match] = field(default_factory=list)
    threshold: int = THRESHOLD

    @property
    def suggested(self) -> list[Match]:
        return [m for m in self.matches if m.score >= self.threshold]


def resolve_ref(ref: str, sheet_dir: Path, root: Path) -> str:
    """A stored ``OTHER.yaml#ID`` (relative to the worksheet's folder) as an index key ``path#id``."""
    path, _, cid = ref.rpartition("#")
    return f"{rel(sheet_dir / path, root)}#{cid}"


def rank(index: ClaimIndex, text: str, *, own_path: str | None = None, own_ref: str | None = None,
         not_same: frozenset = frozenset(), same: frozenset = frozenset(), limit: int = SHOWN) -> list[Match]:
    """The ``limit`` claims outside ``own_path`` closest to ``text``, best first."""
    figs, words, terms = mtext.analyse(text)
    mine = " ".join(words)
    rows = index.search(terms, CANDIDATES, exclude_path=own_path)
    out = []
    for row in rows:
        if row.ref in not_same:
            continue
        if own_ref is not None and row.not_same_as:
            back = {resolve_ref(r, index.root / Path(row.path).parent, index.root) for r in row.not_same_as}
            if own_ref in back:
                continue
        theirs = [mtext.Figure(k, s, bool(d)) for k, s, d in row.figures]
        linked = row.ref in same
        if own_ref is not None and row.same_as:
            linked = linked or own_ref in {resolve_ref(r, index.root / Path(row.path).parent, index.root)
                                           for r in row.same_as}
        shared, conflict = mtext.compare_figures(figs, theirs)
        out.append(Match(row, score(mine, row.words, shared), conflict, linked, shared))
    out.sort(key=Match.order)
    return out[:limit]


def similar(index: ClaimIndex, worksheet, claim_ids: list[str] | None = None, *, limit: int = SHOWN,
            threshold: int = THRESHOLD) -> list[ClaimMatches]:
    """For each claim of ``worksheet`` (or those in ``claim_ids``), its closest claims elsewhere."""
    own_path = rel(worksheet.path, index.root)
    sheet_dir = worksheet.path.parent
    claims = worksheet.claims if claim_ids is None else [worksheet.require_claim(i) for i in claim_ids]
    out = []
    for c in claims:
        same = frozenset(resolve_ref(r, sheet_dir, index.root) for r in c.same_as)
        not_same = frozenset(resolve_ref(r, sheet_dir, index.root) for r in c.not_same_as)
        matches = rank(index, c.text, own_path=own_path, own_ref=f"{own_path}#{c.id}", not_same=not_same,
                       same=same, limit=limit)
        out.append(ClaimMatches(c, matches, threshold))
    return out


def resembling_checked(results: list[ClaimMatches]) -> list[ClaimMatches]:
    """Claims with a suggestion that was already checked and that nobody has linked yet."""
    return [r for r in results
            if any((m.row.verdict is not None or m.row.status == "checked") and not m.linked for m in r.suggested)]
