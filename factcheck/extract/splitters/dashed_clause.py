"""A relative clause set off by a pair of dashes after the subject, restated with the subject.

Before: "The old bridge, in Harlow - which opened in 1932, linking two counties - carries 40,000 cars a day."
After:  "The old bridge, in Harlow carries 40,000 cars a day." /
        "The old bridge, in Harlow, opened in 1932, linking two counties."

Found from the tokens, not the parse, which often loses the sentence's verb
after a dashed insertion: the words before the first dash must be a noun
phrase (no verb), the insertion must open with "which" or "who", and the words
after the second dash must open with a finite verb. What stays is then a
sentence by construction (subject, then verb), and the insertion keeps its own
figures or dates, or states a checkable event.
"""

from __future__ import annotations

from ..records import Draft
from ..render import capitalise
from ..syntax import sent_text, trim
from ..vocab import FINITE_TAGS
from .cut import Cut

NAME = "dashed-clause"

_DASHES = ("-", "--", "—", "–")
_OPENERS = ("which", "who")


def _dash(t) -> bool:
    if t.text in ("—", "–"):
        return True
    return t.text in _DASHES and t.i > 0 and bool(t.doc[t.i - 1].whitespace_) and bool(t.whitespace_)


def find(state):
    text = sent_text(state.sent)
    if "—" not in text and "–" not in text and " -" not in text:
        return []
    toks = state.available()
    dashes = [k for k, t in enumerate(toks) if _dash(t)]
    if len(dashes) != 2:
        return []
    a, b = dashes
    subject, inserted, rest = toks[:a], toks[a + 1:b], toks[b + 1:]
    if not subject or not inserted or not rest or inserted[0].lower_ not in _OPENERS:
        return []
    if any(t.pos_ in ("VERB", "AUX") or t.tag_ in FINITE_TAGS for t in subject):
        return []
    if not any(t.pos_ in ("NOUN", "PROPN") for t in subject) or any(t.text in ("“", "”", '"') for t in toks):
        return []
    words = [t for t in rest if t.pos_ != "ADV"]
    # a past tense the tagger took for a participle ("- ended in a draw") when it heads the sentence
    if not words or not (words[0].tag_ in FINITE_TAGS or words[0].tag_ == "VBN" and words[0].dep_ == "ROOT"):
        return []
    cut = Cut(NAME, inserted[0])
    cut.items = [subject, inserted]
    cut.ids = {t.i for t in inserted} | {toks[a].i, toks[b].i}
    cut.rest_is_sentence = True  # subject noun phrase + finite verb, checked above
    return [cut]


def render(cut, state):
    subject, inserted = cut.items
    body = [t for t in inserted[1:] if not t.is_space]
    if not (state.checkable(body) and any(t.ent_type_ in ("DATE", "TIME") for t in body) or state.anchored(body)):
        return None
    notes: list = []
    np_text = state.ctx.render(trim(subject), resolve=True, notes=notes).rstrip(".,")
    if "," in np_text:
        np_text += ","  # "The bridge, in Harlow, opened ..."
    d = Draft(trim(body), prefix=f"{state.prefix}{capitalise(np_text)} ", kind="relative",
              quote_tokens=trim(inserted), subject_given=True)
    d.steps.extend(notes)
    return [d]
