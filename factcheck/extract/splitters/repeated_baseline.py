"""One figure measured against two baselines ("from X in Y and from Z in W"), one claim per baseline.

Before: "Unemployment had fallen from 7.4% in 2019 and from 11.2% in 2012."
After:  "Unemployment had fallen from 7.4% in 2019." / "Unemployment had fallen from 11.2% in 2012."

Found from the tokens: a preposition ("from", "to", "by", "since", ...) opening a phrase
with a figure, then ", and" or "and" and the same preposition again opening a
phrase with a figure of its own. Everything before the first preposition is the
shared frame, restored in the second claim; the second phrase runs to the next
comma or the end of the sentence.
"""

from __future__ import annotations

import re

from ..records import Draft
from ..syntax import sent_text, trim
from ..vocab import AMOUNT_LABELS
from .cut import Cut

NAME = "repeated-baseline"

_PREPS = {"from", "to", "by", "since", "than"}
_CUE = re.compile(r"\band (?:from|to|by|since|than) ", re.I)
_STOP = {",", ";", ":", ".", "—", "–", "?", "!"}


def _has_figure(toks) -> bool:
    """A figure that is not a date (a year is the baseline's time, not its value)."""
    return any(t.ent_type_ in AMOUNT_LABELS or t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in toks)


def find(state):
    if not _CUE.search(sent_text(state.sent)):
        return []  # the cheap cue: "and" followed by one of the prepositions
    toks = state.available()
    for k, w in enumerate(toks):
        if w.lower_ not in _PREPS or k == 0:
            continue
        # the first phrase runs to "and <same preposition>"
        j = k + 1
        while j < len(toks) and toks[j].text not in _STOP and toks[j].lower_ != "and":
            j += 1
        if j + 1 >= len(toks):
            continue
        a = j
        if toks[a].text == "," and a + 1 < len(toks) and toks[a + 1].lower_ == "and":
            a += 1
        if toks[a].lower_ != "and" or a + 1 >= len(toks) or toks[a + 1].lower_ != w.lower_:
            continue
        first = toks[k + 1:j]
        end = a + 2
        while end < len(toks) and toks[end].text not in _STOP and toks[end].lower_ != "and":
            end += 1
        second = toks[a + 1:end]
        if not first or len(second) < 2 or not _has_figure(first) or not _has_figure(second[1:]):
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in first + second):
            continue  # a clause, not a phrase: left to the clause constructs
        # the frame before the preposition must hold a verb: the figure is what it says changed
        frame = [t for t in toks[:k]]
        if not any(t.pos_ in ("VERB", "AUX") for t in frame):
            continue
        cut = Cut(NAME, w)
        cut.items = [frame, second]
        cut.ids = {t.i for t in toks[j:end]}
        return [cut]
    return []


def render(cut, state):
    from . import keep_time, time_frame

    frame, second = cut.items
    if not state.anchored(second) or not state.remainder_checkable(cut.ids):
        return None
    d = Draft(trim(frame + second), prefix=state.prefix, kind="clause", quote_tokens=trim(second))
    keep_time(d, time_frame(state.core, cut.ids), state)
    return [d]
