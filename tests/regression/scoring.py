"""Scoring extracted claims against the regression set's gold claims.

The definitions are those of the project's gold format (format 2, described in
``tests/regression/README.md``), so figures here and on the external
development set mean the same thing. A predicted claim *matches* a gold item
when every ``must`` term of the item occurs in the claim's normalised text.

Per article, and summed over the set:

- recall: required items matched by at least one claim
- precision: claims that match some item (required or optional)
- atomic: matching claims that match at most one required item
- clean: required items matched by a claim that matches no other required item
- dupes: extra claims matching an already matched required item
- pronoun: claims whose text starts with an unresolved pronoun
- speaker / date / contained: of the found items that carry that check, those
  whose judged claim passes it (the judged claim is the one that matches only
  that item, else the first that matches it)
- usable: required items found by a clean claim that passes every check the
  item has, as a share of all required items

This module also holds the integrity checks every claim must pass whatever the
scores: the quote is the article text at the span, and quotations in the claim
text are the article's words (insertions only in square brackets).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

PRONOUN = re.compile(r"^\W*(he|she|it|they|we|i|this|that|these|those|his|her|its|their|our)\b", re.I)

_TYPOGRAPHY = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'),
    ("\u2014", " - "), ("\u2013", "-"), ("\u00a0", " "),
)
_PERCENT_WORD = re.compile(r"\s*\b(per cent|percent)\b")
_SPACE_PERCENT = re.compile(r"\s+%")
_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """Lower case, straight quotes, "per cent"/"percent" -> "%", whitespace collapsed."""
    s = text.lower()
    for a, b in _TYPOGRAPHY:
        s = s.replace(a, b)
    s = _PERCENT_WORD.sub("%", s)
    s = _SPACE_PERCENT.sub("%", s)
    return _SPACES.sub(" ", s)


def matches(text: str, item: dict) -> bool:
    t = norm(text)
    return all(norm(str(m)) in t for m in item["must"])


def speaker_ok(claim: dict, want: str) -> bool:
    """``-`` wants no speaker (the article's own voice); anything else must occur in the speaker."""
    got = str(claim.get("speaker") or "").strip()
    if want.strip() == "-":
        return not got
    return norm(want) in norm(got)


def date_ok(claim: dict, want) -> bool:
    return str(claim.get("date") or "").startswith(str(want))


def contained(claim: dict, exprs: list) -> bool:
    """None of the referring expressions occurs (as whole words) in the claim text."""
    t = norm(str(claim.get("text", "")))
    return not any(re.search(r"(?<!\w)" + re.escape(norm(str(e))) + r"(?!\w)", t) for e in exprs)


CHECKS = ("speaker", "date", "contained")


def judge(claim: dict, item: dict) -> dict:
    """Which usability checks of the item the claim passes (None: the item has no such check)."""
    return {
        "speaker": speaker_ok(claim, str(item["speaker"])) if item.get("speaker") is not None else None,
        "date": date_ok(claim, item["date"]) if item.get("date") is not None else None,
        "contained": contained(claim, item["not"]) if item.get("not") else None,
    }


@dataclass
class Score:
    """Counts for one article, or summed over several (``+``)."""

    required: int = 0
    found: int = 0
    claims: int = 0
    tp: int = 0
    atomic: int = 0
    clean: int = 0
    dupes: int = 0
    pronoun: int = 0
    usable: int = 0
    speaker_ok: int = 0
    speaker_n: int = 0
    date_ok: int = 0
    date_n: int = 0
    contained_ok: int = 0
    contained_n: int = 0
    missed: list = field(default_factory=list)
    failed: list = field(default_factory=list)  # (gold id, failed checks, claim)
    unmatched: list = field(default_factory=list)  # claim texts matching no item

    COUNTS = ("required", "found", "claims", "tp", "atomic", "clean", "dupes", "pronoun", "usable",
              "speaker_ok", "speaker_n", "date_ok", "date_n", "contained_ok", "contained_n")

    def __add__(self, other: Score) -> Score:
        out = Score(**{k: getattr(self, k) + getattr(other, k) for k in self.COUNTS})
        out.missed = self.missed + other.missed
        out.failed = self.failed + other.failed
        out.unmatched = self.unmatched + other.unmatched
        return out

    @staticmethod
    def _ratio(num: int, den: int) -> float | None:
        return num / den if den else None

    def figures(self) -> dict[str, float | int | None]:
        """The headline figures (shares in 0..1, None when there is nothing to measure; pronoun a count)."""
        return {
            "recall": self._ratio(self.found, self.required),
            "precision": self._ratio(self.tp, self.claims),
            "atomic": self._ratio(self.atomic, self.tp),
            "clean": self._ratio(self.clean, self.required),
            "usable": self._ratio(self.usable, self.required),
            "speaker": self._ratio(self.speaker_ok, self.speaker_n),
            "date": self._ratio(self.date_ok, self.date_n),
            "contained": self._ratio(self.contained_ok, self.contained_n),
            "pronoun": self.pronoun,
        }

    def line(self, name: str) -> str:
        """One line per article, in the layout of the development-set scorer."""
        return (f"{name:34} recall {self.found:>2}/{self.required:<2} claims {self.claims:>3} "
                f"precise {self.tp:>3} atomic {self.atomic:>3} clean {self.clean:>2} usable {self.usable:>2} "
                f"speaker {self.speaker_ok:>2}/{self.speaker_n:<2} date {self.date_ok:>2}/{self.date_n:<2} "
                f"contained {self.contained_ok:>2}/{self.contained_n:<2} dupes {self.dupes:>2} pronoun {self.pronoun:>2}")

    def overall(self) -> str:
        f = self.figures()

        def show(k):
            return "n/a" if f[k] is None else f"{f[k]:.3f}"

        return ("overall " + " ".join(f"{k} {show(k)}" for k in
                                      ("recall", "precision", "atomic", "clean", "usable", "speaker", "date", "contained"))
                + f" dupes {self.dupes} pronoun {self.pronoun} claims {self.claims}")


def score_article(claims: list[dict], gold: dict) -> Score:
    """Score one article's worksheet claims against its gold file."""
    required = gold.get("required") or []
    optional = gold.get("optional") or []
    hits = {g["id"]: 0 for g in required}
    best: dict[str, tuple[dict, bool]] = {}
    clean: set[str] = set()
    s = Score(required=len(required), claims=len(claims))
    for claim in claims:
        text = str(claim.get("text", ""))
        req = [g["id"] for g in required if matches(text, g)]
        for gid in req:
            if gid not in best or (len(req) == 1 and not best[gid][1]):
                best[gid] = (claim, len(req) == 1)
        if req or any(matches(text, g) for g in optional):
            s.tp += 1
            if len(req) <= 1:
                s.atomic += 1
            if len(req) == 1:
                clean.add(req[0])
        else:
            s.unmatched.append(text)
        for gid in req:
            if hits[gid]:
                s.dupes += 1
            hits[gid] += 1
        if PRONOUN.match(text):
            s.pronoun += 1
    s.found = sum(1 for v in hits.values() if v)
    s.clean = len(clean)
    s.missed = [gid for gid, v in hits.items() if not v]
    for g in required:
        if g["id"] not in best:
            continue
        claim, alone = best[g["id"]]
        verdicts = judge(claim, g)
        for k, ok in verdicts.items():
            if ok is not None:
                setattr(s, f"{k}_n", getattr(s, f"{k}_n") + 1)
                setattr(s, f"{k}_ok", getattr(s, f"{k}_ok") + ok)
        bad = [k for k, ok in verdicts.items() if ok is False] + ([] if alone else ["atomic"])
        if bad:
            s.failed.append((g["id"], bad, claim))
        else:
            s.usable += 1
    return s


# --------------------------------------------------------------------------- gold files

_GOLD_KEYS = {"article", "published", "url", "required", "optional"}
_ITEM_KEYS = {"id", "must", "speaker", "date", "not"}


def lint_gold(gold: dict, article_text: str, name: str) -> list[str]:
    """Problems with a gold file: shape, ids, and terms that do not occur in its article."""
    problems = []
    unknown = set(gold) - _GOLD_KEYS
    if unknown:
        problems.append(f"{name}: unknown keys {sorted(unknown)}")
    published = gold.get("published")
    if published is not None and not isinstance(published, _dt.date):
        problems.append(f"{name}: published {published!r} is not a date")
    text = norm(article_text)
    required = gold.get("required") or []
    if not 6 <= len(required) <= 14:
        problems.append(f"{name}: {len(required)} required items; the format asks for 6 to 14")
    ids = [g.get("id") for g in required]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"{name}: duplicate id {dup}")
    musts = [tuple(sorted(norm(str(m)) for m in g.get("must") or [])) for g in required]
    for i, m in enumerate(musts):
        if any(set(m) <= set(o) for j, o in enumerate(musts) if j != i):
            problems.append(f"{name}: {ids[i]}: its must list is covered by another item's; one claim would match both")
    for kind, items in (("required", required), ("optional", gold.get("optional") or [])):
        for g in items:
            where = f"{name}: {g.get('id', kind)}"
            if set(g) - _ITEM_KEYS:
                problems.append(f"{where}: unknown keys {sorted(set(g) - _ITEM_KEYS)}")
            if kind == "required" and not g.get("id"):
                problems.append(f"{where}: required item without an id")
            if not g.get("must") or not 1 <= len(g["must"]) <= 3:
                problems.append(f"{where}: must needs 1 to 3 terms")
            for term in g.get("must") or []:
                if str(term) != str(term).lower():
                    problems.append(f"{where}: must term {term!r} is not lower case")
                if norm(str(term)) not in text:
                    problems.append(f"{where}: must term {term!r} does not occur in the article")
            for expr in g.get("not") or []:
                if not re.search(r"(?<!\w)" + re.escape(norm(str(expr))) + r"(?!\w)", text):
                    problems.append(f"{where}: not expression {expr!r} does not occur in the article")
            if g.get("date") is not None:
                if published is None:
                    problems.append(f"{where}: a date needs the article's published date")
                if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(g["date"])):
                    problems.append(f"{where}: date {g['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return problems


# --------------------------------------------------------------------------- integrity

# Double quotation marks, straight or curly; single quotes are left alone (apostrophes).
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]")
_BRACKETS = re.compile(r"\[[^\[\]]*\]")


def quoted_segments(text: str) -> list[str]:
    """The passages of ``text`` inside double quotation marks, paired in order.

    An unpaired last mark opens a quotation that runs to the end of the text
    (a claim made from the first sentence of a multi-sentence quotation).
    """
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
    segments = []
    for i in range(0, len(marks), 2):
        start = marks[i] + 1
        end = marks[i + 1] if i + 1 < len(marks) else len(text)
        segments.append(text[start:end])
    return segments


def _segment_pattern(segment: str) -> re.Pattern:
    """A pattern for the article words of a quoted passage.

    Whitespace may differ, and so may the punctuation at either end (a quoted
    "table," may end a claim as "table."); a [bracketed] editorial insertion
    stands for nothing (an insertion) or for up to three words it replaces
    ("[Okafor]" for "him").
    """
    segment = segment.strip().strip(",.;:")
    pieces = []
    pos = 0
    for m in _BRACKETS.finditer(segment):
        pieces.append(segment[pos:m.start()])
        pieces.append(None)
        pos = m.end()
    pieces.append(segment[pos:])
    rx = []
    for piece in pieces:
        if piece is None:
            rx.append(r"(?:\S+\s*){0,3}?")
        elif piece.strip():
            rx.append(r"\s+".join(re.escape(w) for w in piece.split()) + r"\s*")
    return re.compile(r"\s*".join(rx))


def quotation_problems(claim: dict, article_text: str) -> list[str]:
    """How the claim breaks the rules on quotes: its quote is not the article at its
    span, or a quotation in its text is not the article's words."""
    problems = []
    cid = claim.get("id", "?")
    span = claim.get("span")
    quote = claim.get("quote")
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        problems.append(f"{cid}: span {span!r} is not [start, end]")
    elif article_text[span[0]:span[1]] != quote:
        problems.append(f"{cid}: quote {quote!r} != article[{span[0]}:{span[1]}] "
                        f"{article_text[span[0]:span[1]]!r}")
    text = str(claim.get("text", ""))
    for seg in altered_quotations(text, article_text):
        problems.append(f"{cid}: quotation in the claim text is not the article's words: {seg!r} (in {text!r})")
    return problems


def unbalanced_quotation_marks(text: str) -> bool:
    """An odd number of double quotation marks: a quotation cut in two, or a speech tag
    folded into one (issue 9's guard asks for balanced quotes)."""
    return len(_QUOTE_MARK.findall(text)) % 2 == 1


def altered_quotations(text: str, article_text: str) -> list[str]:
    """The quoted passages of a claim text that are not the article's words."""
    return [seg.strip() for seg in quoted_segments(text)
            if seg.strip() and not _segment_pattern(seg).search(article_text)]
