"""An appositive noun phrase set off after a noun, stating a second fact about it with a figure
or a date of its own, restated as a sentence about that noun.

Before: "The board approved a $90 million levy on Monday, an increase of 4.5% over 2023."
After:  "The board approved a $90 million levy on Monday (6 May 2024)." / "The levy is an increase of 4.5% over 2023."

Found from the parse: a comma followed by a determiner, a possessive, a number or an
adjective (the cheap cue), opening a phrase the parse calls an appositive of a
noun before the comma. The phrase must hold a figure or a specific date of its
own; a name alone ("the mayor, Ana Ruiz,") is not a second fact, nor is another name ("the Bill,
the Finance Bill 2024,"), a bare age ("Ruiz, 48,") or a list ("Two goals, three assists"); a
place is never what the phrase describes. The noun is
restated with what precedes the phrase in its noun phrase less its own amount (the
main clause's fact: restated, the claim would state two), an indefinite article
made definite ("a $90 million levy" -> "The levy"), and joined by "is" ("are" for
a plural). A noun that is a count ("3,200 sales, a rise of 4%") is left alone.
"""

from __future__ import annotations

from ..records import Draft
from ..render import capitalise
from ..syntax import subtree_ids, trim
from ..vocab import AMOUNT_LABELS
from .cut import Cut

NAME = "appositive"

_OPENERS = ("DET", "NUM", "ADJ")
#: A place is not what a figure set off after it describes ("flew to Ashby, a rise of 12%").
_PLACES = ("GPE", "LOC", "FAC", "NORP")
_PLACE_PREPS = ("in", "to", "at", "from", "near", "into", "across", "through", "outside", "inside")


def find(state):
    toks = state.noun_modifiers
    # the cheap cue: a comma before a determiner, a possessive, a number or an adjective
    if not any(t.text == "," and k + 1 < len(toks) and (toks[k + 1].pos_ in _OPENERS or toks[k + 1].tag_ == "PRP$")
               for k, t in enumerate(toks)):
        return []
    if state.core.pos_ not in ("VERB", "AUX"):
        return []  # a fragment ("One goal, two assists") is a list, not a noun and its description
    return [Cut(NAME, t) for t in state.noun_modifiers_with("appos")
            if t.i > t.head.i and t.head.pos_ in ("NOUN", "PROPN") and t.pos_ == "NOUN"
            and state.tok[min(subtree_ids(t))].pos_ != "NUM" and not place(t.head)
            and t.i not in state.removed and t.i not in state.quoted
            and min(subtree_ids(t)) > 0 and state.tok[min(subtree_ids(t)) - 1].text == ","
            and not any(x.tag_ in ("VBD", "VBZ", "VBP", "MD") for x in t.subtree)]


def place(noun) -> bool:
    """The noun names a place: tagged as one, or a name after a preposition of place ("to Ashby")."""
    if noun.ent_type_ in _PLACES:
        return True
    return noun.pos_ == "PROPN" and noun.dep_ == "pobj" and noun.head.lower_ in _PLACE_PREPS


def render(cut, state):
    from . import clause_cut

    t = cut.head
    doc = state.doc
    taken = clause_cut(t, state, comma_after=True, keep_attribution=True, to_end=True)
    if taken is None:
        return None
    ids, part = taken
    if any(i in state.quoted for i in ids) or any(doc[i].lower_ in ("and", "but", "while", ";") for i in ids):
        return None  # a phrase stating two things ("a firm with 400 staff and $3 million in sales") stays whole
    noun = t.head
    comma = min(subtree_ids(t)) - 1
    if noun.ent_type_ in ("DATE", "TIME"):
        # "approved a levy on Monday, an increase of ...": the parse hangs the phrase on the nearest
        # noun, a date; it describes the verb's object
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i < comma), None) if verb else None
        if obj is None or obj.ent_type_ in ("DATE", "TIME"):
            return None
        noun = obj
    np = [x for x in noun.subtree if x.i < comma and x.i not in state.removed and x.i not in ids]
    # what else modifies the noun after it ("the plan, approved in May, ...") is no part of its name
    if not np or any(x.dep_ in ("relcl", "acl") for x in np) or any(x.i in state.attr.ids and x.i not in
                                                                     subtree_ids(state.attr.subj or noun) for x in np):
        return None
    # the noun's own figure is the main clause's fact: restated, it would make this claim state two
    # ("The $90 million levy is an increase of 4.5%") -> "The levy is an increase of 4.5%"
    figure = {x.i for x in np if x.ent_type_ in AMOUNT_LABELS and x.ent_type_ != "ORDINAL" and x.i != noun.i}
    if any(noun.doc[i].ent_type_ not in ("MONEY", "PERCENT") for i in figure):
        return None  # a count is the noun itself ("3,200 sales, a rise of 4%"): without it nothing is left
    np = [x for x in np if x.i not in figure]
    notes: list = []
    text = state.ctx.render(trim(np), resolve=True, notes=notes).rstrip(".,")
    first, _, rest = text.partition(" ")
    if first.lower() in ("a", "an") and rest:
        text = "the " + rest
    plural = noun.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "nummod" and c.lower_ in ("one", "1")
                                                      for c in noun.children)
    body = [x for x in part if x.i != comma and x.i in subtree_ids(t) | (ids - subtree_ids(t) - {comma})]
    body = trim([x for x in body if not (x.text == "," and x.i > max(subtree_ids(t)))])
    if not body:
        return None
    cut.ids = ids
    # the speaker's own description ("Jane Roe, a nurse with 30 years of service, said") is the
    # article's, not something the speaker said
    prefix = "" if noun.i in state.attr.ids else state.prefix
    d = Draft(body, prefix=prefix + f"{capitalise(text) if not prefix else text} "
              f"{'are' if plural else 'is'} ", kind="relative", quote_tokens=trim(part),
              subject_given=True, verb_given=True)
    d.steps.extend(notes)
    return [d]
