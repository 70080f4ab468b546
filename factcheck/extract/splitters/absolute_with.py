"""An absolute "with" phrase ("with B close behind with ...", "with B following with ...") stating a
second fact about another subject, restated as a sentence of its own.

Before: "Norvik led the market with 12.1 million units sold, with Harlow close behind with 9.4 million units."
After:  "Norvik led the market with 12.1 million units sold." / "Harlow was close behind with 9.4 million units."

Found from the tokens after "with", not the parse, which hangs such phrases
anywhere: a name or noun phrase without a figure (its subject), then its
predicate: an -ing verb ("Harlow closely following with ..." -> "Harlow
closely followed with ..."), or a position ("close behind", "second") given
"was". The predicate runs to the next comma or the end of the sentence, holds a
figure, and has no finite verb. "with 12.1 million units" (a figure, not a
subject) is no absolute phrase.
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import future_year, past, trim
from ..vocab import FINITE_TAGS, POSITION_WORDS

NAME = "absolute-with"

_NP_POS = ("DET", "PROPN", "NOUN", "ADJ", "PART")


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


def find(state):
    from . import Cut

    cuts = []
    for w in state.candidates:
        if w.lower_ != "with" or w.i in state.removed or w.i <= state.core.i:
            continue
        found = _absolute(w, state)
        if found is None:
            continue
        subject, pred = found
        cut = Cut(NAME, w)
        cut.items = [subject, pred]
        cut.ids = {w.i} | {t.i for t in subject} | {t.i for t in pred}
        before = state.doc[w.i - 1] if w.i > 0 else None
        if before is not None and before.text == "," and before.i not in state.removed:
            cut.ids.add(before.i)
        cuts.append(cut)
    return cuts[:1]


def render(cut, state):
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
