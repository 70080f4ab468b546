"""Step: select. Which sentences and claims are checkable enough for the worksheet.

Short fragments and questions are skipped; every other sentence (or split part)
becomes a claim when its ``verifiable`` score (``scorer.py``) reaches the threshold
chosen on validation data. Numbers, dates and names are features of that score,
not gates: "The council voted to close the library" is a claim, "We must do
better" is not. (The anchors below still decide where the splitters may cut.)
"""

from __future__ import annotations

import re

from . import dates as datesmod
from .vocab import NUMBER_LABELS, WEAK_NUMERALS


def is_anchor_date(ent) -> bool:
    """A date entity specific enough to check ("March 3", "2019", "last week"; not "recent years")."""
    t = ent.text.lower()
    if any(ch.isdigit() for ch in t):
        return True
    if any(w in t for w in datesmod.WEEKDAYS) or re.search(r"\b(" + "|".join(datesmod.MONTHS) + r")\b", t):
        return True
    return bool(re.search(r"\b(ago|last|next|this|yesterday|today|tomorrow)\b", t)) and "recent" not in t


def strong_anchors(tokens, ents) -> set:
    """Numbers and specific dates among ``tokens`` (as token indices)."""
    ids = {t.i for t in tokens}
    found = set()
    for ent in ents:
        if ent.start not in ids and ent.end - 1 not in ids:
            continue
        if ent.label_ in NUMBER_LABELS:
            if ent.label_ == "CARDINAL" and ent.text.lower() in WEAK_NUMERALS:
                continue
            found.add(ent.start)
        elif ent.label_ in ("DATE", "TIME") and is_anchor_date(ent):
            found.add(ent.start)
    for t in tokens:
        if t.like_num and t.ent_type_ == "" and t.text not in ("one",) and any(c.isdigit() for c in t.text):
            found.add(t.i)
    return found


def sentence_skip(sent) -> str | None:
    """Why a parsed sentence cannot hold a claim (before attribution), or None."""
    toks = [t for t in sent if not t.is_space]
    words = [t for t in toks if t.is_alpha]
    if len(words) < 4:
        return "too short to be a claim"
    if sent.text.strip().rstrip("\"'”’)").endswith("?"):
        return "question"
    return None


def worth_keeping(scores, sentence=None) -> bool:
    """A claim stays when it asserts something checkable: ``verifiable`` at or above the threshold.

    A part split from a sentence also stays when the whole ``sentence`` (a callable giving its
    scores, asked only when needed) is verifiable: the
    splitters cut only where each part keeps its own number or date, and a fragment's words
    alone ("which will open in 2027") say less than its sentence does.
    """
    from .scorer import VERIFIABLE_THRESHOLD

    if scores.verifiable >= VERIFIABLE_THRESHOLD:
        return True
    return sentence is not None and sentence().verifiable >= VERIFIABLE_THRESHOLD


def not_worthy_reason(best) -> str:
    """Why no part of a sentence was kept, from the scores of its most verifiable part."""
    from .scorer import VERIFIABLE_THRESHOLD

    return f"not verifiable, {best.verifiable:.2f} < {VERIFIABLE_THRESHOLD:.2f}: {best.explain('verifiable')}"
