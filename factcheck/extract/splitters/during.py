"""A "during ..." adjunct naming an event, made a claim of its own about that event.

Before: "Mayor Joan Park unveiled 200 new bus stops during her visit to 12 depots."
After:  "Mayor Joan Park unveiled 200 new bus stops." / "Mayor Joan Park's visit to 12 depots took place."
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import trim
from .cut import Cut

NAME = "during"


def find(state):
    return [Cut(NAME, t) for t in state.candidates_with("prep") if t.lower_ == "during" and t.head.pos_ == "VERB"]


def _with_prep(ent):
    toks = list(ent)
    head = ent.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        toks = [head] + toks
    return toks


def render(cut, state):
    from . import clause_cut

    t = cut.head
    taken = clause_cut(t, state, comma_before=False)
    if taken is None:
        return None
    ids, part = taken
    ctx = state.ctx
    notes: list = []
    subject_np = ctx.subject_text(t.head, notes=notes)
    obj = [c for c in t.children if c.dep_ == "pobj"]
    if not obj or not subject_np:
        return None
    cut.ids = ids
    body = [p for p in part if p.i != t.i]
    owner = subject_np
    repl = {}
    for p in body:
        if p.dep_ == "poss" and p.head == obj[0] and p.lower_ in ("his", "her", "its", "their"):
            repl[p.i] = ""
            root_subj = ctx.subject_text(t.sent.root)
            if p.lower_ in ("his", "her"):
                owner = ctx.mem.last_person or root_subj or owner
            elif root_subj:
                owner = root_subj
    d = Draft(trim(body), prefix=f"{owner}'s " if repl else f"{owner}: ", kind="adjunct", quote_tokens=trim(part))
    d.steps.extend(notes)
    for i, r in repl.items():
        d.with_replacement(i, r)
    root = t.sent.root
    dated = [e for e in ctx.ents if e.label_ == "DATE" and root.i in (e.root.head.i, e.root.head.head.i)]
    if dated and repl:
        d.suffix = " took place " + ctx.render(_with_prep(dated[0]))
        d.extra_ids = [x.i for x in dated[0]]
    elif repl:
        d.suffix = " took place"
    d.subject_given = d.verb_given = bool(repl)
    return [d]

