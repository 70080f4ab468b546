"""A past-participle phrase after a noun, set off by commas, restated as "<noun> was ...".

Before: "The stadium, opened in 1998, holds 42,000 spectators."
After:  "The stadium holds 42,000 spectators." / "The stadium was opened in 1998."
"""

from __future__ import annotations

from ..records import Draft
from ..render import capitalise
from ..syntax import comma_before, subtree_ids, trim

NAME = "reduced-relative"


def find(state):
    from . import Cut

    return [Cut(NAME, t) for t in state.noun_modifiers if t.dep_ == "acl" and t.tag_ == "VBN" and comma_before(t)]


def render(cut, state):
    from . import clause_cut

    t = cut.head
    taken = clause_cut(t, state, comma_after=True, keep_attribution=True)
    if taken is None:
        return None
    cut.ids, part = taken
    noun = t.head
    np = [x for x in noun.subtree if x.i not in subtree_ids(t)]
    notes: list = []
    np_text = state.ctx.render(trim(np), resolve=True, notes=notes).rstrip(".,")
    aux = "were" if noun.tag_ in ("NNS", "NNPS") else "was"
    d = Draft(trim(part), prefix=f"{capitalise(np_text)} {aux} ", kind="relative", subject_given=True,
              verb_given=True)
    d.steps.extend(notes)
    return [d]
