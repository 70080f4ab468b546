"""Verbs coordinated with the main verb, each restated with the shared subject.

Before: "The airline carried 5 million passengers in 2023 and added 12 routes in 2024."
After:  "The airline carried 5 million passengers in 2023." / "The airline added 12 routes in 2024."
"""

from __future__ import annotations

from ..records import Draft
from ..select import checkable
from ..syntax import past, subtree_ids, trim
from ..vocab import FINITE_TAGS

NAME = "coordinated-verbs"


def find(state):
    from . import Cut

    return [Cut(NAME, state.core)]


def render(cut, state):
    from . import keep_time, time_frame

    avail = {i for i in state.all_ids if i not in state.removed and i not in state.attr.ids}
    drafts, taken = split_conjuncts(cut.head, avail, state.prefix, state.subject_np, state)
    cut.ids = taken
    frame = time_frame(cut.head, taken)
    for d in drafts:
        keep_time(d, frame, state)
    return drafts


def shared_tense(draft, head, verb) -> None:
    """A conjunct without its own subject shares the head's tense: "will open ... and hire" -> "will hire"."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < head.i]
    passive = any(a.dep_ == "auxpass" for a in auxes)
    if verb.tag_ in ("VBZ", "VBP", "MD") or (verb.tag_ == "VBD" and not passive):
        return
    if auxes:
        draft.prefix += " ".join(a.text for a in auxes) + " "
        draft.verb_given = True
    elif head.tag_ == "VBD" and verb.tag_ == "VBN":
        draft.with_replacement(verb.i, past(verb))  # the tagger's "employed" (VBN) after a past-tense head
        draft.verb_given = True


def stray_subject(head, verb):
    """The subject a parse misattached as a coordinated noun ("... the breach and the agency is working").

    A finite conjunct verb with no subject, right after a noun coordinated
    inside the head's clause: that noun is the conjunct's subject.
    """
    if verb.tag_ not in FINITE_TAGS and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                                for c in verb.children):
        return None
    first = min(subtree_ids(verb))
    prev = verb.doc[first - 1] if first > 0 else None
    while prev is not None and prev.dep_ != "conj" and prev.head.i > prev.i and prev.head.i < first:
        prev = prev.head  # from the noun's last modifier to the noun... walk to the conj noun
    if prev is None or prev.dep_ != "conj" or prev.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if max(subtree_ids(prev)) != first - 1 or head.i > prev.i or prev.head.i not in subtree_ids(head):
        return None
    if prev.head.head != head:
        return None  # deeper inside a phrase ("goals from A and B helped"): the real subject is larger
    return prev


def subject_missing(verb) -> bool:
    """A conjunct verb right after a noun, with no subject of its own: the parse lost its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    first = min(subtree_ids(verb))
    k = first - 1
    while k >= 0 and verb.doc[k].pos_ == "ADV":
        k -= 1
    return k >= 0 and verb.doc[k].pos_ in ("NOUN", "PROPN", "PRON", "NUM")


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
        has_subj = any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
        stray = None if has_subj else stray_subject(head, c)
        if stray is None and subject_missing(c):
            continue
        if stray is not None:
            cut |= (subtree_ids(stray) | {x.i for x in stray.head.children if x.dep_ == "cc" and x.i < stray.i}) & avail
            has_subj = True
        part = [doc[i] for i in sorted(cut) if not (doc[i].head == head and doc[i].dep_ in ("cc", "punct"))
                and not (stray is not None and doc[i].head == stray.head and doc[i].dep_ == "cc")]
        rest = [doc[i] for i in sorted(avail - taken - cut)]
        if not checkable(part, ents) or not checkable(rest, ents):
            continue
        pre = prefix + ("" if has_subj or not subject_np else subject_np + " ")
        d = Draft(trim(part), prefix=pre, kind="conjunct",
                  subject_given=pre != prefix or stray is not None)
        if not has_subj:
            shared_tense(d, head, c)
        if stray is not None:
            d.steps.append("repaired: the conjunct's subject was parsed as a coordinated object")
        if not state.draft_ok(d):
            continue
        if pre != prefix:
            d.steps.extend(state.notes)
        drafts.append(d)
        taken |= cut
    return drafts, taken
