"""A restrictive relative clause on the subject that reports a past event with a figure of its own.

Before: "A council clerk who took $40,000 from a road fund was jailed for 18 months in 2023."
After:  "A council clerk was jailed for 18 months in 2023." / "A council clerk took $40,000 from a road fund."

Both facts are checkable on their own and the noun names who or what they are about. Only
past events are split: in a rule or a generic statement the clause sets the scope ("A driver
who exceeds 50 mph faces a $200 fine"), and without it the sentence would say something else.
"""

from __future__ import annotations

from ..syntax import subtree_ids
from ..vocab import RELATIVE_PRONOUNS
from . import nonrestrictive_relative
from .cut import Cut

NAME = "anchored-relative"


def _past(verb) -> bool:
    """The verb reports something that happened: a simple past, or a past auxiliary ("was jailed")."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def find(state):
    clauses = state.noun_modifiers_with("relcl")
    if not clauses:
        return []  # most sentences
    from . import is_break

    found = []
    core = state.core
    for t in clauses:
        noun = t.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head != core or noun.pos_ != "NOUN" or noun.tag_ != "NN":
            continue  # the main clause's own subject, one thing or person (not a class: "Companies that ...")
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children):
            continue
        clause = subtree_ids(t)
        first = min(clause)
        if first > 0 and is_break(state.tok[first - 1]):
            continue  # set off by a comma: nonrestrictive-relative
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS for c in t.children):
            continue  # "the money that the clerk took": the noun is no subject of the clause
        if not (_past(t) and _past(core)) or clause & state.quoted:
            continue
        part = [x for x in state.toks if x.i in clause]
        if state.anchored(part) and state.remainder_has_anchor(clause):
            found.append(Cut(NAME, t))
    return found


def render(cut, state):
    # restated the way a clause set off by commas is: the noun phrase before it as its subject
    return nonrestrictive_relative.render(cut, state)
