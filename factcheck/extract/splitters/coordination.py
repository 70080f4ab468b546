"""Verbs coordinated with the main verb, each restated with the shared subject.

Before: "The airline carried 5 million passengers in 2023 and added 12 routes in 2024."
After:  "The airline carried 5 million passengers in 2023." / "The airline added 12 routes in 2024."
"""

from __future__ import annotations

from ..records import Draft
from ..select import checkable
from ..syntax import past, subtree_ids, trim
from ..vocab import FINITE_TAGS, REPORTING
from .cut import Cut

NAME = "coordinated-verbs"


def find(state):
    return [Cut(NAME, state.core)]


def render(cut, state):
    avail = {i for i in state.all_ids if i not in state.removed and i not in state.attr.ids}
    lost = lost_coordination(cut.head, avail)
    if lost is not None:
        return regroup(cut, lost, avail, state)
    if not any(c.dep_ == "conj" for c in cut.head.children):
        return []  # nothing coordinated with the main verb (most sentences): no subject to render
    from . import keep_time, time_frame
    prefix = state.prefix
    if state.attr.verb is None and state.attr.speech_verb == cut.head:
        # "Acme reported a loss but cut its forecast": the statement verb is the main verb, and what
        # is coordinated with it is the subject's own act, not something reported
        prefix = ""
    drafts, taken = split_conjuncts(cut.head, avail, prefix, state.subject_np, state)
    cut.ids = taken
    frame = time_frame(cut.head, taken)
    for d in drafts:
        keep_time(d, frame, state)
    return drafts


def regroup(cut, lost, avail: set, state):
    """Split a sentence whose second clause the parse made the head ("A did X and B did Y" as
    "[A did X and B] did Y"): the first clause stays, the second is its own claim."""
    first, coord, subj_ids = lost
    doc = cut.head.doc
    inner = subtree_ids(first)
    taken = (set(avail) - inner) | subj_ids | {coord.i}
    end = [t for t in doc if t.i in taken and t.i > cut.head.i and t.is_punct and t.i == max(avail)]
    part = [doc[i] for i in sorted(taken - {coord.i} - {t.i for t in end})]
    if not checkable(part, state.ctx.ents) or not checkable([doc[i] for i in sorted(inner - taken)], state.ctx.ents):
        return None
    d = Draft(trim(part), prefix=state.prefix, kind="conjunct", subject_given=True)
    d.steps.append("repaired: the second clause's subject was parsed inside the first")
    cut.ids = taken - {t.i for t in end}
    from . import keep_time, time_frame

    keep_time(d, time_frame(first, taken), state)
    return [d]


def shared_tense(draft, head, verb) -> None:
    """A conjunct without its own subject shares the head's tense: "will open ... and hire" -> "will hire"."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return
    if verb.lemma_.lower() in REPORTING and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return  # "was arrested and said she would ...": a saying is active, never "was said"
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
    elif head.tag_ == "VBD" and verb.tag_ in ("VB", "VBP") and verb.lower_ == past(verb):
        draft.verb_given = True  # "reported ... but cut ...": a past spelt like the base form


def stray_subject(head, verb, avail: set, removed: frozenset | set = frozenset()):
    """The subject a parse misattached into the head's clause, as (coordinator, subject token ids).

    "... levelled the score and Son, who had hit the post twice, scored ...": a finite
    conjunct verb with no subject of its own, right after a noun (or the comma closing a
    clause set off after one). The words between the first "and"/"but" of the head's clause
    and the verb make its subject when they form a noun phrase, whatever the parse hung
    them on ("... scored twice and late goals from A and B gave ...").
    """
    if verb.tag_ not in FINITE_TAGS and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                                for c in verb.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    doc = verb.doc
    first = min(i for i in subtree_ids(verb) if i in avail or i == verb.i)
    k = first - 1
    while k >= 0 and (doc[k].pos_ == "ADV" or k in removed):  # what an earlier split took is gone
        k -= 1
    if k < 0 or not (doc[k].pos_ in ("NOUN", "PROPN", "PRON", "NUM") or doc[k].text == ","):
        return None
    return subject_span(head, first, avail, removed)


def dangling_modifiers(head, verb, avail: set):
    """Words of a conjunct's subject the parse left in the head's clause ("... once and late |
    strikes from A gave ...": "late" hung on "once"), as (coordinator, ids of the whole subject)."""
    first = min(subtree_ids(verb) & avail)
    prev = verb.doc[first - 1] if first > 0 else None
    subj = next((x for x in verb.children if x.dep_ in ("nsubj", "nsubjpass")), None)
    if prev is None or prev.dep_ == "cc" or prev.is_punct or subj is None:
        return None
    sub = subtree_ids(subj)
    if min(sub) != first or max(sub) - min(sub) + 1 != len(sub):
        return None
    return subject_span(head, max(sub) + 1, avail)


def subject_span(head, end: int, avail: set, removed: frozenset | set = frozenset()):
    """(coordinator, token ids) of the noun phrase between the first "and"/"but" after ``head``
    (not inside a prepositional phrase) and token ``end``, or None. Tokens in ``removed``
    (taken by an earlier split) are passed over."""
    doc = head.doc
    for cc in doc[head.i + 1:end]:
        if cc.lower_ not in ("and", "but") or cc.i not in avail or inside_phrase(cc, head):
            continue
        span = [doc[i] for i in range(cc.i + 1, end) if i not in removed]
        if all(x.i in avail for x in span) and noun_phrase(span):
            return cc, {x.i for x in span}
    return None


def lost_coordination(core, avail: set):
    """A clause the parse took for the object of a second one that lost its subject:
    "Ortiz scored twice and late goals from Diaz and Park gave the visitors a win"
    parsed as "[Ortiz scored twice and late goals from Diaz and Park] gave ...".

    Returns (first clause's verb, coordinator, subject ids of the second) or None.
    """
    if core.pos_ != "VERB" or core.tag_ not in FINITE_TAGS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in core.children):
        return None
    first = next((c for c in core.children if c.dep_ == "ccomp" and c.i < core.i), None)
    if first is None or first.tag_ not in FINITE_TAGS or any(c.dep_ == "mark" for c in first.children):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        return None
    sub = subtree_ids(first)
    if max(sub) != core.i - 1 or min(sub) != min(avail):
        return None  # the first clause must open the sentence and run up to the verb
    found = subject_span(first, core.i, avail)
    if found is None:
        return None
    return first, found[0], found[1]


def inside_phrase(tok, head) -> bool:
    """``tok`` hangs, below ``head``, inside a prepositional phrase ("from A and B")."""
    while tok != head and tok.head != tok:
        if tok.dep_ in ("pobj", "prep", "pcomp"):
            return True
        tok = tok.head
    return False


#: What a subject noun phrase is made of, outside a clause set off by commas in it.
NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "CCONJ", "PART", "SYM"})


def noun_phrase(span) -> bool:
    """The tokens form a noun phrase, possibly with a clause set off by commas
    ("Son, who had hit the post twice,")."""
    if not span or span[0].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and span[0].tag_ != "PRP$":
        return False
    ids = {x.i for x in span}
    clause: set = set()
    for x in span:
        if x.dep_ in ("relcl", "acl", "appos") and x.i in ids:
            sub = subtree_ids(x)
            lo = min(sub)
            if sub <= ids | {x.head.i} and lo - 1 in ids and x.doc[lo - 1].text == ",":
                clause |= sub
    # the commas setting the clause off go with it
    outside = [x for x in span if x.i not in clause and not (clause and x.text == ",")]
    if not outside or outside[-1].pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    return all(x.pos_ in NP_POS or x.tag_ == "PRP$" for x in outside)


def subject_missing(verb, removed: frozenset | set = frozenset()) -> bool:
    """A conjunct verb right after a noun (or a clause an earlier split took from after one), with
    no subject of its own: the parse lost its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    first = min(subtree_ids(verb))
    k = first - 1
    while k >= 0 and (verb.doc[k].pos_ == "ADV" or k in removed):
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
        cut |= joiners(head, c, taken)
        has_subj = any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
        if not has_subj and c.lemma_.lower() in REPORTING and any(x.dep_ == "ccomp" for x in c.children) and (
                head.dep_ == "ccomp"):
            continue  # "said rents rose 38% and said wages rose 17%": the second saying is the speaker's, not the rents'
        stray = stray_subject(head, c, avail, state.removed) if not has_subj else dangling_modifiers(head, c, avail)
        if stray is None and subject_missing(c, state.removed):
            continue
        coord, subj_ids = None, set()
        if stray is not None:
            coord, subj_ids = stray
            cut |= subj_ids | {coord.i}
            has_subj = True
        rest = [doc[i] for i in sorted(avail - taken - cut)]
        # the conjunct's own conjuncts ("A did X, but B did Y and C did Z") split off it first
        own_subject = subject_np
        if subj_ids:
            own_subject = state.ctx.render(trim([doc[i] for i in sorted(subj_ids)]), resolve=True)
        elif has_subj:
            own_subject = state.ctx.subject_text(c)
        inner = [x.i for x in c.children if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")]
        nested, nested_ids = split_conjuncts(c, cut, prefix, own_subject, state) if inner else ([], set())
        part = [doc[i] for i in sorted(cut - nested_ids) if i in subj_ids or not (
            doc[i].head == head and doc[i].dep_ in ("cc", "punct") or doc[i] == coord)]
        if not checkable(part, ents) or not checkable(rest, ents):
            continue
        shared = subject_np
        if prefix and shared.split(" ", 1)[0] in ("The", "A", "An"):
            shared = shared[0].lower() + shared[1:]  # "X said that the minister ..."
        pre = prefix + ("" if has_subj or not shared else shared + " ")
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
        drafts.extend(nested)
        taken |= cut
    for c in [c for c in head.children if c.dep_ == "conj" and c.i in avail and lost_clause_verb(c) is not None]:
        # "..., but Selby's captain, Rosa Imrie, equalised in the 31st minute": a clause parsed as a noun
        # coordinated with the verb, its own verb as a participle on that noun
        cut = (subtree_ids(c) & avail) - taken
        cut |= joiners(head, c, taken)
        part = [doc[i] for i in sorted(cut) if not (doc[i].head == head and doc[i].dep_ in ("cc", "punct"))]
        rest = [doc[i] for i in sorted(avail - taken - cut)]
        if not checkable(part, ents) or not checkable(rest, ents):
            continue
        d = Draft(trim(part), prefix=prefix, kind="conjunct", subject_given=True, verb_given=True)
        d.steps.append("repaired: a clause parsed as a noun coordinated with the verb")
        if state.draft_ok(d):
            drafts.append(d)
            taken |= cut
    return drafts, taken


def joiners(head, c, taken: set) -> set:
    """The coordinating word and commas of ``head`` right before conjunct ``c`` (", but"), not an
    "and" further back that joins something else ("... and again through B, but C ...")."""
    doc = head.doc
    k = min(subtree_ids(c)) - 1
    out = set()
    while k > head.i and doc[k].head == head and doc[k].dep_ in ("cc", "punct") and k not in taken:
        out.add(k)
        k -= 1
    return out


def lost_clause_verb(noun):
    """The verb of a clause the parse took for a noun coordinated with a verb: a past participle
    on the noun, set off after it, spelt as the simple past ("equalised", not "taken")."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    for v in noun.children:
        if v.dep_ == "acl" and v.tag_ in ("VBN", "VBD") and v.i > noun.i and v.lower_ == past(v):
            return v
    return None
