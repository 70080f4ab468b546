"""A list of figures all predicated of one subject by one linking verb, one claim per item.

Before: "The Hornets are now 8-3 overall, 5-1 in district play and 4-0 at home."
After:  "The Hornets are now 8-3 overall." / "The Hornets are 5-1 in district play." /
        "The Hornets are 4-0 at home."

The items are found from the separators after the verb (", ", "and", ", and"), not
from the parse, which hangs such lists on whatever word it likes: every item
must open with its figure (an adverb such as "now" may come first), so a list of
anything else is left alone. Each item after the first is restated with the
subject and the verb (with its auxiliaries).
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import trim
from ..vocab import LINKING_VERBS
from .cut import Cut

NAME = "predicate-list"

_SEPARATORS = {",", "and"}


def _opens_with_figure(item) -> bool:
    words = [t for t in item if t.pos_ != "ADV" or t.lower_ in ("up", "down")]
    return bool(words) and (words[0].like_num and any(c.isdigit() for c in words[0].text)
                            or words[0].text in ("$", "£", "€") and len(words) > 1 and words[1].like_num)


def find(state):
    verb = state.core
    if verb is None or verb.lemma_.lower() not in LINKING_VERBS:
        return []
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > verb.i:
        return []
    doc = state.doc
    # the predicate: everything after the verb and its auxiliaries, to the closing punctuation
    start = verb.i + 1
    while start < len(doc) and doc[start].head == verb and doc[start].dep_ in ("neg", "aux"):
        start += 1
    ids = [t.i for t in state.available() if t.i >= start]
    while ids and doc[ids[-1]].is_punct:
        ids.pop()
    if not ids or any(doc[i].pos_ in ("VERB", "AUX") for i in ids):
        return []
    items, current, seps = [], [], []
    for i in ids:
        t = doc[i]
        if t.lower_ in _SEPARATORS:
            if current:
                items.append(current)
                current = []
            seps.append(i)
            continue
        current.append(t)
    if current:
        items.append(current)
    if len(items) < 2 or not all(_opens_with_figure(item) for item in items):
        return []
    cut = Cut(NAME, verb)
    cut.items = items
    cut.ids = {i for i in ids if i > items[0][-1].i}
    return [cut]


def render(cut, state):
    from . import keep_time, time_frame

    verb = cut.head
    if not state.subject_np:
        return None
    doc = state.doc
    auxes = [c for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i]
    after = [doc[i] for i in range(verb.i + 1, cut.items[0][0].i) if doc[i].dep_ in ("aux", "neg")]
    words = " ".join(t.text for t in sorted(auxes + [verb] + after, key=lambda t: t.i))
    frame = time_frame(verb, set())
    drafts = []
    for item in cut.items[1:]:
        d = Draft(trim(item), prefix=f"{state.prefix}{state.subject_np} {words} ", kind="clause",
                  quote_tokens=trim(item), subject_given=True, verb_given=True)
        d.steps.extend(state.notes)
        keep_time(d, frame, state)
        drafts.append(d)
    return drafts
