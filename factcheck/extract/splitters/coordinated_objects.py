"""Objects of one verb coordinated, each with a figure of its own, one claim per object.

Before: "The budget adds 24 police officers and 12 firefighters."
After:  "The budget adds 24 police officers." / "The budget adds 12 firefighters."

Found from the parse: the direct object of a verb of the main clause with nouns
coordinated with it, where every one of them is counted by a number of its own
("24 police officers", "12 firefighters"); anything the objects share (the
subject, the verb, a time after them) stays in every claim. A list where some
item has no figure ("24 officers and a new station") is left alone, as is a range
("between 20 and 30 officers"), and so are items whose claims would state the same digits
("four schools ... by 2027" / "two libraries ... by 2027": deduplication would keep one).
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import sent_text, trim
from ..vocab import AMOUNT_LABELS
from .cut import Cut

NAME = "coordinated-objects"


def find(state):
    text = sent_text(state.sent)
    if " and " not in text and " or " not in text:
        return []  # the cheap cue: a conjunction, then two figures
    if sum(1 for t in state.toks if t.like_num or t.ent_type_ in AMOUNT_LABELS) < 2:
        return []
    return [Cut(NAME, t) for t in state.toks
            if t.dep_ == "dobj" and t.i not in state.removed and t.i not in state.attr.ids
            and t.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "conj" for c in t.children)
            and in_main_clause(t.head, state.core)]


def in_main_clause(verb, core) -> bool:
    """``verb`` is the core or a verb coordinated with it, not one inside a clause modifying a noun."""
    return verb == core or (verb.dep_ == "conj" and verb.head == core) or (
        verb.dep_ in ("xcomp",) and verb.head == core)


def counted(ids: set, doc) -> bool:
    """The item is counted by a figure of its own (a number modifying it, or an amount)."""
    return any(doc[i].dep_ == "nummod" or doc[i].ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
               and doc[i].like_num for i in ids)


def render(cut, state):
    from .respectively import chain, spans

    doc = state.doc
    items = chain(cut.head)
    if len(items) < 2 or any(x.pos_ not in ("NOUN", "PROPN", "NUM") for x in items):
        return None
    own, joiners = spans(items)
    if any(i in state.removed for o in own for i in o):
        return None
    if not all(counted(o, doc) for o in own):
        return None
    if any(doc[i].lower_ in ("between", "from") for i in range(max(0, min(own[0]) - 2), min(own[0]))):
        return None  # a range, one fact
    avail = state.available()
    every = set().union(*own)
    drafts = []
    for k in range(1, len(items)):
        toks = [t for t in avail if t.i not in joiners and (t.i not in every or t.i in own[k])]
        drafts.append(Draft(trim(toks), prefix=state.prefix, kind="conjunct", quote_tokens=trim(
            [doc[i] for i in sorted(own[k])])))
    cut.ids = joiners | set().union(*own[1:])
    from . import figures_collide

    if figures_collide([d.tokens for d in drafts] + [[t for t in avail if t.i not in cut.ids]]):
        return None
    return drafts
