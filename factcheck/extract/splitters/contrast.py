"""A "while"/"whereas" clause, or a concessive "though"/"although"/"even though" one, stating a
second fact, split from the main clause. A clause stating a checkable event is a fact of its own
without a figure ("Though Paul Brandt will appeal the verdict, ...").

Before: "Rents in the city rose 6% in 2023, while wages grew 2%."
After:  "Rents in the city rose 6% in 2023." / "In 2023, wages grew 2%."

The main clause's time frame goes with the contrasted part: the period applies to both facts.
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import subtree_ids, trim
from ..vocab import CONTRAST_MARKS
from .coordination import NAME as COORDINATION
from .coordination import split_conjuncts
from .cut import Cut

NAME = "contrast"


def find(state):
    return [Cut(NAME, t) for t in state.candidates_with("advcl")
            if t.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in t.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)]


def render(cut, state):
    from . import clause_cut, keep_time, time_frame

    t = cut.head
    # the contrasted clause follows the main one: the main clause's time, wherever it stands, is shared
    frame = time_frame(t.head, subtree_ids(t), trailing=t.i > t.head.i)
    taken = clause_cut(t, state, frame=frame, event=True)
    if taken is None:
        return None
    cut.ids, part = taken
    marks = {c.i for c in t.children if c.dep_ == "mark"}
    # "even though": the "even" goes with the mark
    body = [p for p in part if p.i not in marks and not (p.head == t and p.dep_ == "advmod" and p.i < min(marks)
                                                         and p.lower_ == "even")]
    avail = {p.i for p in body}
    conj, took = split_conjuncts(t, avail, state.prefix, state.ctx.subject_text(t), state)
    for d in conj:
        d.steps.append(f"split: {COORDINATION}")
    own = [p for p in body if p.i not in took]
    drafts = [Draft(trim(own), prefix=state.prefix, kind="clause")] + conj
    for d in drafts:
        keep_time(d, frame, state)
    return drafts
