"""A "with X doing Y" phrase stating a second fact, restated with a finite verb.

Before: "The county runs 14 clinics, with three new ones opening in 2027."
After:  "The county runs 14 clinics." / "Three new ones will open in 2027."
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import comma_before, future_year, past, trim

NAME = "with-clause"


def find(state):
    from . import Cut

    return [Cut(NAME, t) for t in state.candidates
            if t.dep_ == "prep" and t.lower_ == "with" and comma_before(t)
            and any(c.tag_ == "VBG" for c in t.subtree if c.dep_ in ("acl", "pcomp"))]


def render(cut, state):
    from . import clause_cut

    t = cut.head
    taken = clause_cut(t, state)
    if taken is None:
        return None
    ids, part = taken
    vbg = next((c for c in t.subtree if c.tag_ == "VBG" and c.dep_ in ("acl", "pcomp")), None)
    if vbg is None:
        return None
    cut.ids = ids
    body = [p for p in part if p.i != t.i and p.text != ","]
    body_ids = {b.i for b in body}
    future = any(e.label_ == "DATE" and future_year(e.text, state.ctx.published) for e in state.ctx.ents
                 if e.start in body_ids)
    verb_form = f"will {vbg.lemma_}" if future else past(vbg)
    d = Draft(trim(body), prefix=state.prefix, kind="clause", quote_tokens=trim(part), suffix="",
              subject_given=True, verb_given=True)
    return [d.with_replacement(vbg.i, verb_form)]
