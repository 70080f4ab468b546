"""Step: dedupe. The same fact stated twice in an article yields one claim.

The fuller statement is kept and records the other's span in ``also``.
Candidates are found through an index (claims with the same numbers, or
sharing content words), so a long article is not compared pair by pair.
"""

from __future__ import annotations

import re

from .syntax import attrs_of, token_attrs
from .vocab import SIGNATURE_STOP

_CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM", "VERB", "ADJ"})
_NOT_DIGIT_OR_POINT = re.compile(r"[^\d.]")


def signature(toks) -> frozenset:
    """The content lemmas of a claim's tokens."""
    if not toks:
        return frozenset()
    cache = token_attrs(toks[0].doc)
    return frozenset(
        lemma for _text, _lower, lemma, _tag, _dep, pos, _ent, like_num, _alpha, stop in (attrs_of(t, cache) for t in toks)
        if (pos in _CONTENT_POS or like_num) and not stop and lemma not in SIGNATURE_STOP
    )


def numbers(toks) -> frozenset:
    """The numbers a claim's tokens state, digits only."""
    texts = [t.text for t in toks]
    return frozenset(_NOT_DIGIT_OR_POINT.sub("", x) for x in texts if any(c.isdigit() for c in x))


def same_fact(a, b) -> bool:
    if not a.sig or not b.sig:
        return False
    inter = len(a.sig & b.sig)
    overlap = inter / min(len(a.sig), len(b.sig))
    if a.nums and a.nums == b.nums:
        return overlap >= 0.5
    if a.nums or b.nums:
        return False
    return overlap >= 0.8 and min(len(a.sig), len(b.sig)) >= 4


def dedupe(claims: list) -> list:
    """The claims with each fact kept once (decisions of dropped claims updated)."""
    kept: list = []
    by_nums: dict = {}
    by_word: dict = {}
    for c in claims:
        candidates: dict[int, int] = {}
        if c.nums:
            for k in by_nums.get(c.nums, ()):
                candidates[k] = 1
        else:
            for w in c.sig:
                posting = by_word.get(w, ())
                if len(posting) > 200:  # too common to tell facts apart
                    continue
                for k in posting:
                    candidates[k] = candidates.get(k, 0) + 1
        dup = None
        for k in sorted(candidates):
            if kept[k] is not None and same_fact(c, kept[k]):
                dup = k
                break
        if dup is None:
            idx = len(kept)
            kept.append(c)
            if c.nums:
                by_nums.setdefault(c.nums, []).append(idx)
            else:
                for w in c.sig:
                    by_word.setdefault(w, []).append(idx)
            continue
        old = kept[dup]
        fuller, other = (c, old) if len(c.sig) > len(old.sig) else (old, c)
        fuller.also.append([other.start, other.end])
        fuller.also.extend(other.also)
        kept[dup] = fuller
        dec = other.decision
        dec.claims = [x for x in dec.claims if x is not other]
        if not dec.claims and not dec.skipped:
            dec.skipped = "duplicate of a fuller statement of the same fact"
    return kept
