"""A result given as the means of something else ("... with a 2-1 win at Dunmore"), made a claim
of its own about the subject.

Before: "Harlow Town set a club record for the best start to a season with a 2-1 win at Dunmore."
After:  "Harlow Town set a club record for the best start to a season." / "Harlow Town had a 2-1 win at Dunmore."

Found from the tokens: "with", then a score ("2-1", "3-0") and a result noun
(win, victory, defeat, draw), running to the next comma or the end of the
sentence. What stays must still state a fact of its own; a time closing the
phrase ("... win on Saturday") stays in it too, as it dates both facts.
"""

from __future__ import annotations

import re

from ..records import Draft
from ..syntax import sent_text, trim
from ..vocab import RESULT_NOUNS
from .cut import Cut

NAME = "with-result"

_SCORE = re.compile(r"^\d{1,3}$")
_STOP = (",", ";", ":", ".", "—", "–")


def _score_at(toks, k) -> int:
    """Length of a score ("2", "-", "1" or "2-1") at ``toks[k]``, or 0."""
    if k < len(toks) and re.fullmatch(r"\d{1,3}[-–]\d{1,3}", toks[k].text):
        return 1
    if k + 2 < len(toks) and _SCORE.match(toks[k].text) and toks[k + 1].text in ("-", "–") and _SCORE.match(
            toks[k + 2].text):
        return 3
    return 0


def find(state):
    if "with" not in sent_text(state.sent):
        return []
    toks = state.available()
    for k, w in enumerate(toks):
        if w.lower_ != "with" or k == 0:
            continue
        j = k + 1
        if j < len(toks) and toks[j].pos_ == "DET":
            j += 1
        n = _score_at(toks, j)
        if not n:
            continue
        j += n
        while j < len(toks) and toks[j].pos_ == "ADJ":
            j += 1
        if j >= len(toks) or toks[j].lemma_.lower() not in RESULT_NOUNS:
            continue
        end = j
        while end < len(toks) and toks[end].text not in _STOP:
            end += 1
        # a time closing the phrase ("... win on Saturday") dates both facts: it stays in the main clause too
        shared = end
        while shared > j + 1 and toks[shared - 1].ent_type_ in ("DATE", "TIME"):
            shared -= 1
        if shared < end and toks[shared - 1].pos_ == "ADP" and shared - 1 > j:
            shared -= 1
        else:
            shared = end
        cut = Cut(NAME, w)
        cut.items = toks[k + 1:end]
        cut.ids = {t.i for t in toks[k:shared]}
        return [cut]
    return []


def render(cut, state):
    if not state.subject_np or not state.remainder_checkable(cut.ids):
        return None
    d = Draft(trim(cut.items), prefix=f"{state.prefix}{state.subject_np} had ", kind="clause",
              quote_tokens=trim(cut.items), subject_given=True, verb_given=True)
    d.steps.extend(state.notes)
    return [d]
