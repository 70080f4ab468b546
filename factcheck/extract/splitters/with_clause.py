"""A "with X doing Y" phrase stating a second fact, restated with a finite verb.

Before: "The county runs 14 clinics, with three new ones opening in 2027."
After:  "The county runs 14 clinics." / "Three new ones will open in 2027."

Where the parse does not show the phrase (no comma, or the -ing verb hung
elsewhere), an absolute phrase is found from the tokens after "with": a name
or noun phrase without a figure (its subject), then its predicate, an -ing
verb ("with Harlow closely following with 9.4 million units" -> "Harlow
closely followed with 9.4 million units") or a position ("with Harlow close
behind with ..." -> "Harlow was close behind with ..."). The predicate runs
to the next comma or the end of the sentence, holds a figure, and has no
finite verb. "with 12.1 million units" (a figure, not a subject) is no
absolute phrase.
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import comma_before, future_year, past, trim
from ..vocab import FINITE_TAGS, POSITION_WORDS
from .cut import Cut

NAME = "with-clause"

_NP_POS = ("DET", "PROPN", "NOUN", "ADJ", "PART")


def find(state):
    parsed = [Cut(NAME, t) for t in state.candidates_with("prep")
              if t.lower_ == "with" and comma_before(t)
              and any(c.tag_ == "VBG" for c in t.subtree if c.dep_ in ("acl", "pcomp"))]
    return parsed + absolute_cuts(state, {c.head.i for c in parsed})


def render(cut, state):
    from . import clause_cut

    if cut.items:
        return render_absolute(cut, state)
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


def _absolute(w, state):
    """(subject tokens, predicate tokens) of an absolute phrase opened by ``w``, or None."""
    doc = state.doc
    gone = state.removed | state.attr.ids
    k = w.i + 1
    end = state.toks[-1].i + 1
    subject = []
    while k < end and k not in gone and doc[k].pos_ in _NP_POS and doc[k].tag_ != "VBG":
        subject.append(doc[k])
        k += 1
    if not subject or not any(t.pos_ in ("PROPN", "NOUN") for t in subject) or subject[-1].pos_ not in ("PROPN", "NOUN"):
        return None
    pred = []
    while k < end and k not in gone and doc[k].text not in (",", ";", ":", ".", "—", "–") and not (
            doc[k].text in ("-", "--") and doc[k].whitespace_):
        pred.append(doc[k])
        k += 1
    words = [t for t in pred if t.pos_ not in ("ADV",) or t.lower_ in POSITION_WORDS]
    if not words or any(t.tag_ in FINITE_TAGS for t in pred) or not state.anchored(pred):
        return None
    lead = []
    for t in pred:
        if t.pos_ in ("ADP", "NUM") or t.tag_ == "VBG":
            break
        lead.append(t)
    if words[0].tag_ == "VBG" and all(t.pos_ == "ADV" for t in lead):
        return subject, pred
    if lead and all(t.pos_ in ("ADV", "ADJ") for t in lead) and any(t.lower_ in POSITION_WORDS for t in lead):
        return subject, pred
    return None


def absolute_cuts(state, taken: set):
    """Absolute "with" phrases the parse did not show (see the module's docstring)."""
    cuts = []
    for w in state.candidates:
        if w.lower_ != "with" or w.i in state.removed or w.i in taken or w.i <= state.core.i:
            continue
        found = _absolute(w, state)
        if found is None:
            continue
        subject, pred = found
        cut = Cut(NAME, w)
        cut.items = [subject, pred]
        cut.ids = {w.i} | {t.i for t in subject} | {t.i for t in pred}
        before = state.tok[w.i - 1] if w.i > 0 else None
        if before is not None and before.text == "," and before.i not in state.removed:
            cut.ids.add(before.i)
        cuts.append(cut)
    return cuts[:1]


def render_absolute(cut, state):
    subject, pred = cut.items
    rest = [t for t in state.toks if t.i not in state.removed and t.i not in cut.ids and t.i not in state.attr.ids]
    if not state.checkable(rest):
        return None
    verb = next((t for t in pred if t.tag_ == "VBG"), None)
    d = Draft(trim(subject + pred), prefix=state.prefix, kind="clause", quote_tokens=trim(subject + pred),
              subject_given=True, verb_given=True)
    future = any(e.label_ == "DATE" and future_year(e.text, state.ctx.published) for e in state.ctx.ents
                 if e.start in {t.i for t in pred})
    core = state.core
    was_past = core.tag_ == "VBD" or any(c.tag_ == "VBD" for c in core.children if c.dep_ in ("aux", "auxpass"))
    if verb is not None and all(t.pos_ == "ADV" for t in pred[:pred.index(verb)]):
        d.with_replacement(verb.i, f"will {verb.lemma_}" if future else past(verb))
    else:
        plural = subject[-1].tag_ in ("NNS", "NNPS")
        cop = ("were" if plural else "was") if was_past else ("are" if plural else "is")
        d.with_replacement(subject[-1].i, f"{subject[-1].text} {cop}")
    return [d]
