"""A margin set off after a clause ("..., four clear of Redmoor"), restated about the subject with
the unit the clause counts in.

Before: "Harbor lead the table on 58 points, four clear of second-placed Redmoor."
After:  "Harbor lead the table on 58 points." / "Harbor are four points clear of second-placed Redmoor."

Found from the tokens (the parse makes such phrases anything from an adverbial
clause to an object): a comma, a number, then a word of margin ("clear",
"ahead", "behind", "adrift", "short"), running to the next comma or the end of
the sentence. The unit is the noun the last number before the comma counts
("58 points"); the verb is "be", agreeing with the main verb ("lead" -> "are",
"leads" -> "is", "led" -> "was"/"were").
"""

from __future__ import annotations

import re

from ..records import Draft
from ..syntax import sent_text, trim
from .cut import Cut

NAME = "margin"

_MARGIN = {"clear", "ahead", "behind", "adrift", "short", "back"}
_CUE = re.compile(r", \S+ (?:\w+ )?(?:clear|ahead|behind|adrift|short|back)\b", re.I)
_STOP = {",", ";", ":", ".", "—", "–", "?", "!"}


def find(state):
    if not _CUE.search(sent_text(state.sent)):
        return []
    toks = state.available()
    for k in range(1, len(toks) - 2):
        # the cheap cue: ", <number> <margin word>" or ", <number> <unit> <margin word>"
        if toks[k].text != "," or not toks[k + 1].like_num:
            continue
        given = toks[k + 2].pos_ == "NOUN" and k + 3 < len(toks) and toks[k + 3].lower_ in _MARGIN
        if toks[k + 2].lower_ not in _MARGIN and not given:
            continue
        end = k + 3
        while end < len(toks) and toks[end].text not in _STOP:
            end += 1
        unit = toks[k + 2] if given else next((t for t in toks[:k] if t.pos_ == "NOUN" and t.is_alpha and any(
            c.dep_ == "nummod" and c.like_num for c in t.children)), None)
        if unit is None:
            return []
        cut = Cut(NAME, toks[k + 1])
        cut.items = [toks[k + 1], unit, toks[k + 3 if given else k + 2:end]]
        cut.ids = {t.i for t in toks[k:end]}
        return [cut]
    return []


def render(cut, state):
    number, unit, rest = cut.items
    core = state.core
    subj = state.subject_np
    if not subj or core.pos_ not in ("VERB", "AUX") or not state.remainder_checkable(cut.ids):
        return None
    s = next((c for c in core.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    plural = core.tag_ == "VBP" or (s is not None and s.tag_ in ("NNS", "NNPS"))
    # "The result leaves Rovers on 31 points, one ahead of ...": the margin is the named object's
    obj = next((c for c in core.children if c.dep_ == "dobj" and c.pos_ == "PROPN" and c.i < unit.i), None)
    if obj is not None:
        subj = state.ctx.render(sorted(obj.subtree, key=lambda x: x.i), resolve=True, notes=state.notes)
        plural = obj.tag_ in ("NNS", "NNPS") or obj.text.endswith("s")
    past = core.tag_ == "VBD" or any(c.tag_ == "VBD" for c in core.children if c.dep_ in ("aux", "auxpass"))
    be = ("were" if plural else "was") if past else ("are" if plural else "is")
    unit_text = unit.text
    if number.lower_ in ("one", "1") and unit_text.endswith("s") and not unit.doc[unit.i - 1] == number:
        unit_text = unit_text[:-1]  # "one point clear", the unit taken from "31 points"
    d = Draft(trim(rest), prefix=f"{state.prefix}{subj} {be} {number.text} {unit_text} ", kind="clause",
              quote_tokens=trim([number] + rest), subject_given=True, verb_given=True)
    d.steps.extend(state.notes)
    return [d]
