"""Independent clauses joined by a semicolon, each with its own verb and anchor.

Before: "Sales rose 4% in the north; the south lost 120 customers."
After:  "Sales rose 4% in the north." / "The south lost 120 customers."
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import trim
from .cut import Cut

NAME = "semicolon"


def find(state):
    semis = [t for t in state.toks if t.text == ";" and t.i not in state.removed]
    return [Cut(NAME, semis[0])] if semis else []


def render(cut, state):
    toks, doc, attr = state.toks, state.doc, state.attr
    semis = [t.i for t in toks if t.text == ";" and t.i not in state.removed]
    bounds = [toks[0].i - 1] + semis + [toks[-1].i + 1]
    parts = [[doc[i] for i in state.all_ids if a < i < b and i not in state.removed]
             for a, b in zip(bounds, bounds[1:], strict=False)]
    good = all(state.anchored(p) and any(t.pos_ in ("VERB", "AUX") for t in p) for p in parts)
    if not good or len(parts) < 2:
        return None
    drafts = []
    for part in parts[1:]:
        ids = {t.i for t in part}
        sv = attr.speech_verb
        pre = "" if (sv is not None and sv.i in ids) or not state.prefix else state.prefix
        drafts.append(Draft(trim([t for t in part if t.i not in attr.ids or pre == ""]), prefix=pre, kind="clause"))
        cut.ids |= ids
    cut.ids |= set(semis)
    return drafts
