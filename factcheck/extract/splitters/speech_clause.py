"""A further statement attached to the reporting verb by its -ing form (", adding that ...").

Before: "The port handled 2.4 million containers in 2023, port director Ana Silva said, adding that
        traffic would double by 2030."
After:  "The port handled 2.4 million containers in 2023, port director Ana Silva said." /
        "Ana Silva added that traffic would double by 2030."
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import past, tokens, trim
from ..vocab import SPEECH_VBG
from .cut import Cut

NAME = "speech-clause"


def find(state):
    sv = state.attr.speech_verb
    if sv is None:
        return []
    return [Cut(NAME, t) for t in state.candidates_with("advcl") if is_statement(t, sv)]


def is_statement(t, speech_verb) -> bool:
    """``t`` is an -ing speech verb on the reporting verb that reports something: a clause, or what is cited."""
    return (t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() in SPEECH_VBG and t.head == speech_verb
            and (t.lemma_.lower() == "cite" or any(c.dep_ in ("ccomp", "parataxis") for c in t.children)))


def statement_tokens(sent, attr) -> list:
    """The tokens of statements attached to the sentence's reporting verb (", adding that ...")."""
    sv = attr.speech_verb
    if sv is None:
        return []
    heads = [t for t in tokens(sent) if is_statement(t, sv)]
    return [x for h in heads for x in h.subtree]


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
    cited = t.lemma_.lower() == "cite"  # "X cited <a noun phrase>": the prefix makes the sentence
    d = Draft(trim(body), prefix=head, kind="clause", quote_tokens=trim(part), subject_given=cited, verb_given=cited)
    d.steps.extend(state.notes)
    return [d]
