"""A non-restrictive relative clause (", which ...", ", who ...") restated with its noun; a
", where ..." clause after a place is placed there ("In the Southeast, ...").

Before: "The council approved the $8 million library, which will open in 2027."
After:  "The council approved the $8 million library." / "The $8 million library will open in 2027."
"""

from __future__ import annotations

from ..records import Draft
from ..render import capitalise
from ..syntax import subtree_ids, trim
from ..vocab import NUMBER_LABELS, PLACE_LABELS, RELATIVE_PRONOUNS
from .coordination import NAME as COORDINATION
from .coordination import split_conjuncts
from .cut import Cut

NAME = "nonrestrictive-relative"


def find(state):
    clauses = state.noun_modifiers_with("relcl")
    if not clauses:
        return []  # most sentences
    from . import is_break

    def set_off(t):  # by a comma or a dash ("the talks, in May - which came ... -")
        first = min(subtree_ids(t))
        return first > 0 and is_break(t.doc[first - 1])

    return [Cut(NAME, t) for t in clauses
            if t.head.pos_ in ("NOUN", "PROPN") and t.head.ent_type_ not in NUMBER_LABELS
            and set_off(t) and (any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS
                                    for c in t.children) or where_clause(t))]


def where_clause(t) -> bool:
    """", where waiting lists rose 7%," after a place: a clause with its own subject."""
    return (t.head.ent_type_ in PLACE_LABELS and any(c.lower_ == "where" and c.dep_ == "advmod" for c in t.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))


def render(cut, state):
    from . import noun_clause_cut

    t = cut.head
    taken = noun_clause_cut(cut, state, before_clause_only=True, event="dated")
    if taken is None:
        return None
    part, _noun, np_text, notes = taken
    if where_clause(t):  # "the Southeast, where lists rose 7%" -> "In the Southeast, lists rose 7%."
        body = [p for p in part if not (p.head == t and p.lower_ == "where")]
        d = Draft(trim(body), prefix=f"In {np_text}, ", kind="relative")
        d.steps.extend(notes)
        return [d]
    body = [p for p in part
            if not (p.head == t and p.dep_ in ("nsubj", "nsubjpass") and p.lower_ in RELATIVE_PRONOUNS)]
    avail = {p.i for p in body}
    conj, took = split_conjuncts(t, avail, "", np_text, state)  # "which began in 2003 and ended in 2009"
    for c in conj:
        c.kind = "relative"
        c.prefix = capitalise(c.prefix)
        c.steps.append(f"split: {COORDINATION}")
    own = [p for p in body if p.i not in took]
    d = Draft(trim(own), prefix=f"{capitalise(np_text)} ", kind="relative", subject_given=True)
    d.steps.extend(notes)
    return [d] + conj
