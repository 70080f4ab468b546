"""A participle clause set off by a comma, restated with the main clause's subject.

Before: "The mill cut 300 jobs in March, ending 90 years of production in the valley."
After:  "The mill cut 300 jobs in March." / "The mill ended 90 years of production in the valley."
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import comma_before, past, trim

NAME = "participle-clause"


def find(state):
    from . import Cut

    return [Cut(NAME, t) for t in state.candidates
            if t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.pos_ in ("VERB", "AUX") and comma_before(t)]


def render(cut, state):
    from . import clause_cut

    t = cut.head
    taken = clause_cut(t, state)
    if taken is None or not state.subject_np:
        return None
    cut.ids, part = taken
    body = [p for p in part if p.i > t.i]
    d = Draft(trim(body), prefix=state.prefix + f"{state.subject_np} {past(t)} ", kind="clause",
              quote_tokens=trim(part), subject_given=True, verb_given=True)
    d.steps.extend(state.notes)
    return [d]
