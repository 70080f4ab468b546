"""A phrase fronted before the subject that says what the subject is, restated with a linking verb.

Before: "Now in the record books for most wins in a season, Ada Moss won 3 more races in May."
After:  "Ada Moss is now in the record books for most wins in a season." / "Ada Moss won 3 more races in May."

The fronted phrase has no verb and is set off by a comma right before the
subject. It is predicative when it opens with "now", "already", "still",
"once" or "long" ("Now in the record books ...", "Already the league's top
scorer, ..."), or with an adjective ("Unbeaten since March, ..."). A time or
place adverbial ("In 2023, ...", "In London, ...") is not. The linking verb
takes the main clause's tense ("was" after a past verb, "is" after "now").
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import subtree_ids
from ..vocab import PREDICATIVE_LEADS
from .cut import Cut

NAME = "fronted-predicative"


def subject(verb):
    """The verb's subject; of two (the fronted noun phrase parsed as a second one), the nearer."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[-1] if subjects else None


def _fronted(state):
    """(tokens of the fronted phrase, comma) before the core's subject, or None."""
    verb = state.core
    if not any(t.text == "," and t.i < verb.i for t in state.toks):
        return None
    subj = subject(verb)
    if subj is None or subj.i > verb.i:
        return None
    start = min(subtree_ids(subj))
    toks = [t for t in state.available() if t.i < start]
    if len(toks) < 3 or toks[-1].text != "," or toks[-1].i != start - 1:
        return None
    phrase = toks[:-1]
    if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":", "“", "”", '"') for t in phrase):
        return None
    first = phrase[0]
    if first.lower_ in PREDICATIVE_LEADS and first.pos_ == "ADV":
        return phrase, toks[-1]
    if first.pos_ == "ADJ" and first.tag_ in ("JJ", "JJS", "JJR") and not any(
            t.ent_type_ in ("DATE", "TIME") for t in phrase):
        return phrase, toks[-1]
    return None


def find(state):
    found = _fronted(state)
    if found is None:
        return []
    phrase, comma = found
    cut = Cut(NAME, phrase[0])
    cut.items = phrase
    cut.ids = {t.i for t in phrase} | {comma.i}
    return [cut]


def render(cut, state):
    verb = state.core
    subj = subject(verb)
    notes: list = []
    name = state.ctx.render(list(subj.subtree), resolve=True, notes=notes).rstrip(".")
    if not name:
        return None
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children) or subj.lower_ in (
        "we", "they", "you")
    tensed = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    past = any(t.tag_ == "VBD" for t in tensed) and cut.head.lower_ != "now"
    if past:
        cop = "were" if plural else "was"
    else:
        cop = "are" if plural else "is"
    phrase = cut.items
    d = Draft(list(phrase), prefix=f"{state.prefix}{name} {cop} ", kind="clause",
              quote_tokens=list(phrase), subject_given=True, verb_given=True)
    if cut.head.pos_ != "PROPN":
        d.with_replacement(cut.head.i, cut.head.text.lower())
    d.steps.extend(notes)
    return [d]
