"""A past-participle phrase after a noun, set off by commas, restated as "<noun> was ...".

Before: "The stadium, opened in 1998, holds 42,000 spectators."
After:  "The stadium holds 42,000 spectators." / "The stadium was opened in 1998."
"""

from __future__ import annotations

from ..records import Draft
from ..render import capitalise
from ..syntax import comma_before, trim
from .cut import Cut

NAME = "reduced-relative"


def find(state):
    # not on a noun coordinated with a verb: that is a clause of its own (``coordination.lost_clause_verb``)
    return [Cut(NAME, t) for t in state.noun_modifiers_with("acl") if t.tag_ == "VBN" and comma_before(t)
            and not (t.head.dep_ == "conj" and t.head.head.pos_ in ("VERB", "AUX"))]


def render(cut, state):
    from . import figure_items, noun_clause_cut

    taken = noun_clause_cut(cut, state)
    if taken is None:
        return None
    part, noun, np_text, notes = taken
    aux = "were" if noun.tag_ in ("NNS", "NNPS") else "was"
    drafts = []
    # "followed by A (71%) and B (61%)": one claim per name and figure
    for item in figure_items(part, state) or [part]:
        d = Draft(trim(item), prefix=f"{capitalise(np_text)} {aux} ", kind="relative", subject_given=True,
                  verb_given=True)
        d.steps.extend(notes)
        drafts.append(d)
    return drafts
