"""Two lists paired by "respectively", one claim per pair.

Before: "Rents in Ashby and Corran rose 4% and 7%, respectively."
After:  "Rents in Ashby rose 4%." / "Rents in Corran rose 7%."

Found from the word "respectively": the list just before it (the second list) and
the nearest earlier list of as many items (the first). Each claim keeps one item
of each list and everything the lists share; "both"/"each" and the comma setting
off the second list go. The main clause keeps the first pair; a plural present
verb agrees with its single subject ("Alder and Brill have ..." -> "Alder has ..."). Pairs that
would state the same figures ("both won 2-0, against A and B respectively") stay whole:
deduplication would take them for one fact and keep one.
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import subtree_ids, trim
from .cut import Cut

NAME = "respectively"

_DISTRIBUTIVE = {"both", "each", "all"}
_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}


def find(state):
    r = next((t for t in state.toks if t.lower_ == "respectively"), None)  # the cheap cue
    if r is None or r.i in state.removed or r.i in state.attr.ids:
        return []
    cut = Cut(NAME, r)
    return [cut]


def ent_run(state, end: int):
    """(own tokens per item, joiners) of two or more entities in a row ("$2 million and $3.5 million",
    "Thorne and Lisby") whose last ends at ``end`` or one or two nouns before it, or None."""
    doc = state.doc
    by_end = {}
    for e in state.ctx.ents:
        if e.start < state.toks[0].i:
            continue
        last = e.end - 1
        while last > e.start and doc[last].text in (",", "and", "or"):
            last -= 1  # an entity the tagger ran on into the joiner ("6% and")
        by_end[last] = range(e.start, last + 1)
    k = end
    while k not in by_end and k > end - 2 and doc[k].pos_ == "NOUN":
        k -= 1
    items, joiners = [], set()
    while k in by_end:
        e = by_end[k]
        items.insert(0, set(e))
        j = e.start - 1
        gap = set()
        while j >= 0 and doc[j].text in (",", "and", "or") and doc[j].ent_type_ == "" or (
                j >= 0 and doc[j].text in (",", "and", "or") and j not in by_end):
            gap.add(j)
            j -= 1
        if not gap or j not in by_end:
            break
        joiners |= gap
        k = j
    if len(items) < 2:
        return None
    return items, joiners


def chain(first) -> list:
    """``first`` and the nouns coordinated with it, in order."""
    items = [first]
    while True:
        nxt = next((c for c in items[-1].children if c.dep_ == "conj"), None)
        if nxt is None:
            nxt = next((c for c in first.children if c.dep_ == "conj" and c.i > items[-1].i), None)
        if nxt is None:
            return items
        items.append(nxt)


def spans(items) -> tuple[list[set], set]:
    """Each item's own tokens, and the joiners between them ("," "and" "or")."""
    subs = [subtree_ids(x) for x in items]
    later = [set().union(set(), *subs[k + 1:]) for k in range(len(items))]
    own = [subs[k] - later[k] for k in range(len(items))]
    doc = items[0].doc
    joiners: set = set()
    for k in range(1, len(items)):
        j = min(own[k]) - 1
        while j >= 0 and j not in own[k] and doc[j].text in (",", "and", "or"):
            own[k - 1].discard(j)
            joiners.add(j)
            j -= 1
    for k in range(len(own)):
        own[k] -= joiners
    return own, joiners


def render(cut, state):
    r = cut.head
    doc = state.doc
    avail = [t for t in state.toks if t.i not in state.removed]
    before = [t for t in avail if t.i < r.i and t.text not in (",", "(", ")", "-", "—", "–")]
    if not before:
        return None
    last = before[-1]
    # the second list: figures or names in a row just before "respectively" (a noun they share may
    # follow: "4,200 and 3,100 residents"), else the conjunct chain that ends there
    found = ent_run(state, last.i)
    if found is None:
        node = next((x for x in [last] + list(last.ancestors) if x.dep_ == "conj"), None)
        if node is None or node.pos_ in ("VERB", "AUX"):
            return None
        head2 = node
        while head2.dep_ == "conj":
            head2 = head2.head
        list2 = chain(head2)
        if len(list2) < 2 or list2[-1].i >= r.i:
            return None
        own2, join2 = spans(list2)
        found = own2, join2
    own2, join2 = found
    start2 = min(min(o) for o in own2)
    # the first list: the nearest earlier chain of as many items
    list1 = None
    for t in reversed([x for x in avail if x.i < start2]):
        if t.dep_ != "conj" and any(c.dep_ == "conj" for c in t.children):
            items = chain(t)
            if len(items) == len(own2) and max(subtree_ids(items[-1])) < start2:
                list1 = items
                break
    if list1 is None:
        return None
    own1, join1 = spans(list1)
    drop = {r.i} | join1 | join2
    # "both", "each" and the comma(s) around "respectively" or setting the second list off
    for t in avail:
        if t.lower_ in _DISTRIBUTIVE and t.dep_ in ("appos", "preconj", "det", "advmod") and (
                t.head in list1 or t.head == list1[0].head):
            drop.add(t.i)
    if r.i - 1 >= 0 and doc[r.i - 1].text == ",":
        drop.add(r.i - 1)  # ", respectively," set off on both sides; a comma after it alone closes the clause
        if r.i + 1 < len(doc) and doc[r.i + 1].text == ",":
            drop.add(r.i + 1)
    lead = start2 - 1
    if lead >= 0 and doc[lead].pos_ == "ADP":
        lead -= 1  # ", against Thorne and Lisby respectively"
    if lead >= 0 and doc[lead].text == "," and lead > max(max(o) for o in own1):
        drop.add(lead)
    all_items = set().union(*own1, *own2)
    agree = agreement(list1[0], state)
    drafts = []
    for k in range(1, len(list1)):
        keep = own1[k] | own2[k]
        toks = [t for t in avail if t.i not in drop and (t.i not in all_items or t.i in keep)
                and t.i not in state.attr.ids]
        d = Draft(trim(toks), prefix=state.prefix, kind="conjunct", quote_tokens=trim(toks),
                  subject_given=list1[0].dep_ in ("nsubj", "nsubjpass"))
        if agree is not None:
            d.with_replacement(*agree)
            d.verb_given = True
        drafts.append(d)
    cut.ids = drop | set().union(*own1[1:], *own2[1:])
    # pairs that state the same figures ("both won 2-0, against A and B respectively") would be taken
    # for one fact told twice by deduplication, which keeps one: leave the sentence whole
    from . import figures_collide

    main = [t for t in avail if t.i not in cut.ids and t.i not in state.attr.ids]
    if figures_collide([d.tokens for d in drafts] + [main]):
        return None
    if agree is not None:
        cut.main_reps[agree[0]] = agree[1]
    return drafts


def agreement(subject_head, state):
    """(index, singular form) of a plural present verb whose subject is the first list, or None."""
    if subject_head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = subject_head.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    v = auxes[0] if auxes else verb
    if v.tag_ != "VBP":
        return None
    low = v.lower_
    if low in _SINGULAR:
        return v.i, _SINGULAR[low]
    if low.endswith(("s", "sh", "ch", "x", "z", "o")):
        return v.i, v.text + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return v.i, v.text[:-1] + "ies"
    return v.i, v.text + "s"
