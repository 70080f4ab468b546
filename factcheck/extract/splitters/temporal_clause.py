"""An "after"/"before" clause with its own subject and its own date, stating an event of its own.

Before: "Nurses extended their strike into a third week in May after talks with the hospital broke down in April."
After:  "Nurses extended their strike into a third week in May." / "Talks with the hospital broke down in April."

Only a clause that dates its event itself (a day, a month, a year) is taken;
the main clause's time is not given to it, as the two events are at different
times.
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import trim
from ..vocab import TEMPORAL_MARKS
from .cut import Cut

NAME = "temporal-clause"


def find(state):
    return [Cut(NAME, t) for t in state.candidates_with("advcl")
            if t.pos_ in ("VERB", "AUX") and t.i > t.head.i
            and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS and c.i < t.i for c in t.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)]


def render(cut, state):
    from . import clause_cut

    t = cut.head
    taken = clause_cut(t, state)  # its own figure or date: the anchor rule
    if taken is None:
        return None
    part = taken[1]
    if not any(p.ent_type_ in ("DATE", "TIME") for p in part):
        return None
    cut.ids = taken[0]
    body = [p for p in part if not (p.head == t and p.dep_ == "mark")]
    return [Draft(trim(body), prefix=state.prefix, kind="clause")]
