"""A participle clause set off by a comma, restated with the main clause's subject.

Before: "The mill cut 300 jobs in March, ending 90 years of production in the valley."
After:  "The mill cut 300 jobs in March." / "The mill ended 90 years of production in the valley."

A participle clause opening the sentence is taken the same way ("Citing a 9% rise in costs, the
board declined ..." -> "The board cited a 9% rise in costs.").
"""

from __future__ import annotations

from ..records import Draft
from ..render import capitalise
from ..syntax import comma_before, past, subtree_ids, trim
from .cut import Cut

NAME = "participle-clause"


def find(state):
    verb = noun_root_verb(state)
    return [Cut(NAME, t) for t in state.candidates_with("advcl")
            if t.tag_ == "VBG" and t.head.pos_ in ("VERB", "AUX")
            and (comma_before(t) or opener(t, state) is not None)
            and (of_main_clause(t, state.core) or t.head == verb) and not gerund_list(t)]


def noun_root_verb(state):
    """The main verb the parse hung on the subject as a modifier ("A fire | swept through ...",
    parsed as the noun "fire" modified by "swept"), or None: the sentence's root is a noun with no
    verb of its own, and a past verb follows it directly, unset by a comma."""
    core = state.core
    if core.pos_ not in ("NOUN", "PROPN") or core.dep_ != "ROOT":
        return None
    verb = next((c for c in core.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i > core.i), None)
    if verb is None or any(core.doc[k].is_punct for k in range(core.i + 1, verb.i)):
        return None
    return verb


def subject(t, state) -> str:
    """The subject restated for the participle ``t``: the main clause's (or, where the parse made the
    subject the root, that noun phrase), an indefinite article made definite ("A fire ..." ->
    "The fire killed ...") since the fire is now known."""
    verb = noun_root_verb(state)
    if verb is not None and t.head == verb:
        core = state.core
        np = [x for x in core.subtree if x.i <= core.i and x.i not in state.removed]
        text = state.ctx.render(np, resolve=True, notes=state.notes).rstrip(".,")
    else:
        text = state.subject_np
    first, _, rest = text.partition(" ")
    if first in ("A", "An", "a", "an") and rest and t.i > t.head.i:
        text = "the " + rest
    return text


def opener(t, state):
    """The comma closing a participle clause that opens the sentence, or None."""
    if t.i > t.head.i or t.head != state.core:
        return None
    sub = subtree_ids(t)
    first = next((x for x in state.toks if x.i not in state.removed and x.i not in state.attr.ids), None)
    after = max(sub) + 1
    if first is None or min(sub) != first.i or after >= len(t.doc) or t.doc[after].text != ",":
        return None
    return t.doc[after]


def of_main_clause(t, core) -> bool:
    """``t`` is not inside a relative clause: a participle there is about the clause's noun,
    not the main clause's subject, which is the one restated."""
    head = t.head
    while head != core and head.head != head:
        if head.dep_ in ("relcl", "acl"):
            return False
        head = head.head
    return True


def gerund_list(t) -> bool:
    """``t`` continues a list of gerunds that is the head verb's object ("has included closing
    the branch, adding staff and ..."), not a participle clause of its own."""
    objects = ("xcomp", "ccomp", "dobj", "attr", "pcomp")
    if t.head.tag_ == "VBG" and t.head.dep_ in objects:
        return True
    return any(c.tag_ == "VBG" and c.dep_ in objects and c.i < t.i for c in t.head.children)


def render(cut, state):
    from . import clause_cut

    t = cut.head
    comma = opener(t, state)
    if comma is not None:
        return render_opener(cut, comma, state)
    taken = clause_cut(t, state, to_end=True)
    subj = subject(t, state)
    if taken is None or not subj:
        return None
    cut.ids, part = taken
    doc = state.doc
    tail = cut.ids - subtree_ids(t) - {min(cut.ids)}
    # participles coordinated with this one ("opening a gap and setting a record"): each its own claim
    # where each part states a fact, else restated in the past with the first
    conjs = [c for c in t.children if c.tag_ == "VBG" and c.i in cut.ids and c.i > t.i and (
        c.dep_ == "conj" or c.dep_ == "advcl" and doc[min(subtree_ids(c)) - 1].lower_ == "and")]
    own = set(cut.ids)
    for c in conjs:
        own -= subtree_ids(c) | tail
        k = min(subtree_ids(c)) - 1
        while k > t.i and (doc[k].lower_ == "and" or doc[k].text == ","):
            own.discard(k)
            k -= 1
    split_off = bool(conjs) and state.checkable([doc[i] for i in own]) and all(
        state.checkable(list(c.subtree)) for c in conjs)
    heads = [t] + (conjs if split_off else [])
    drafts = []
    for h in heads:
        ids = own if h is t and split_off else (subtree_ids(h) & cut.ids if h is not t else cut.ids)
        if h is heads[-1]:
            ids = ids | tail
        body = [doc[i] for i in sorted(ids) if i > h.i]
        quoted = [doc[i] for i in sorted(ids)]
        d = Draft(trim(body), prefix=state.prefix + f"{subj} {past(h)} ", kind="clause",
                  quote_tokens=trim(quoted), subject_given=True, verb_given=True)
        if not split_off:
            for c in conjs:
                d.with_replacement(c.i, past(c))
        d.steps.extend(state.notes)
        drafts.append(d)
    return drafts


def render_opener(cut, comma, state):
    """"Citing a 9% rise in costs, the board ..." -> "The board cited a 9% rise in costs."."""
    t = cut.head
    part = [x for x in t.subtree if x.i not in state.removed]
    ids = {x.i for x in part} | {comma.i}
    if not state.subject_np or not state.anchored(part) or not state.remainder_checkable(ids):
        return None
    cut.ids = ids
    d = Draft(trim([x for x in part if x.i > t.i]), prefix=state.prefix + f"{capitalise(state.subject_np)} {past(t)} ",
              kind="clause", quote_tokens=trim(part), subject_given=True, verb_given=True)
    d.steps.extend(state.notes)
    return [d]
