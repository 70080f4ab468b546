"""Verbs coordinated with the main verb, each restated with the shared subject.

Before: "The airline carried 5 million passengers in 2023 and added 12 routes in 2024."
After:  "The airline carried 5 million passengers in 2023." / "The airline added 12 routes in 2024."
"""

from __future__ import annotations

from ..records import Draft
from ..select import strong_anchors
from ..syntax import subtree_ids, trim

NAME = "coordinated-verbs"


def find(state):
    from . import Cut

    return [Cut(NAME, state.core)]


def render(cut, state):
    avail = {i for i in state.all_ids if i not in state.removed and i not in state.attr.ids}
    drafts, taken = split_conjuncts(cut.head, avail, state.prefix, state.subject_np, state)
    cut.ids = taken
    return drafts


def split_conjuncts(head, avail: set, prefix: str, subject_np: str, state):
    """Verbs coordinated with ``head`` as separate drafts, where each part keeps an anchor.

    Returns (drafts, token ids they took from the clause).
    """
    doc = head.doc
    ents = state.ctx.ents
    drafts: list[Draft] = []
    taken: set = set()
    for c in [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i in avail]:
        cut = subtree_ids(c) & avail
        # the coordinating word and the comma before the conjunct go with it
        cut |= {x.i for x in head.children if x.dep_ in ("cc", "punct") and head.i < x.i < c.i and x.i not in taken}
        part = [doc[i] for i in sorted(cut) if not (doc[i].head == head and doc[i].dep_ in ("cc", "punct"))]
        rest = [doc[i] for i in sorted(avail - taken - cut)]
        if not strong_anchors(part, ents) or not strong_anchors(rest, ents):
            continue
        has_subj = any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
        pre = prefix + ("" if has_subj or not subject_np else subject_np + " ")
        d = Draft(trim(part), prefix=pre, kind="conjunct")
        if pre != prefix:
            d.steps.extend(state.notes)
        drafts.append(d)
        taken |= cut
    return drafts, taken
