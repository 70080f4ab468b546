"""A further statement attached to the reporting verb by its -ing form (", adding that ...").

Before: "The port handled 2.4 million containers in 2023, port director Ana Silva said, adding that
        traffic would double by 2030."
After:  "The port handled 2.4 million containers in 2023, port director Ana Silva said." /
        "Ana Silva added that traffic would double by 2030."
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import past, trim
from ..vocab import SPEECH_VBG

NAME = "speech-clause"


def find(state):
    from . import Cut

    sv = state.attr.speech_verb
    if sv is None:
        return []
    return [Cut(NAME, t) for t in state.candidates()
            if t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() in SPEECH_VBG and t.head == sv]


def render(cut, state):
    from . import clause_cut

    t = cut.head
    taken = clause_cut(t, state, keep_attribution=True)
    if taken is None or not state.source:
        return None
    cut.ids, part = taken
    body = [p for p in part if p.i > t.i]
    body = [p for p in body if not (p.dep_ == "mark" and p.head.head == t and p.i == body[0].i)]
    head = f"{state.source} {past(t)} "
    if t.lemma_.lower() != "cite":
        head += "that "
    d = Draft(trim(body), prefix=head, kind="clause", quote_tokens=trim(part))
    d.steps.extend(state.notes)
    return [d]
