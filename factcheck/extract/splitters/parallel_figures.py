"""A list of parallel figures, one claim per item, the shared frame (and a gapped verb) restored.

Before: "The largest rises were in Ashby, up 4,100; Corran, up 2,300 and Delford, up 1,900."
After:  "The largest rises were in Ashby, up 4,100." / "The largest rises were in Corran, up 2,300." /
        "The largest rises were in Delford, up 1,900."

Items are found from the figures and the separators between them rather than
from the parse, which often hangs list items on the wrong word: each item
after the first is "<separator> <label> <connector> <figure>"; the first item's
label is the name before its figure. When the first item is a whole clause
("Ashby had a rise of 8.7%, Corran 5.4% and Delford 4.8%"), the words between
its subject and its figure are restored in the others ("Corran had a rise of 5.4%").
"""

from __future__ import annotations

from ..records import Draft
from ..vocab import AMOUNT_LABELS
from .cut import Cut

NAME = "parallel-figures"

_SEPARATORS = {",", ";", "and", "or"}
_CONNECTOR_POS = {"ADP", "DET", "ADJ", "NOUN", "ADV", "PART", "NUM", "SYM"}
_MAX_LABEL = 8


def _figures(state):
    return [e for e in state.ctx.ents if e.label_ in AMOUNT_LABELS and e.start >= state.toks[0].i
            and not any(t.i in state.removed or t.i in state.attr.ids for t in e)]


def _next_item(doc, prev_end: int, fig):
    """(separator start, item start) of the item ending with ``fig`` right after ``prev_end``, or None."""
    i = prev_end
    j = i
    while j < fig.start and doc[j].lower_ in _SEPARATORS:
        j += 1
    if j == i:
        return None
    label = doc[j:fig.start]
    if len(label) > _MAX_LABEL or any(t.pos_ in ("VERB", "AUX") or t.lower_ in _SEPARATORS - {","} for t in label):
        return None
    if not label or label[0].pos_ not in ("PROPN", "DET") or not any(t.pos_ == "PROPN" for t in label):
        return None
    return i, j


def _end(doc, fig, start: int) -> int:
    """The item's end: after its figure, and after a bracket the item opened."""
    end = fig.end
    if end < len(doc) and doc[end].text == ")" and any(doc[k].text == "(" for k in range(start, fig.start)):
        end += 1
    return end


def _first_label(doc, fig, lo: int):
    """Start of the name labelling the first figure ("in Ashby, up 4,100"), or None."""
    k = fig.start - 1
    steps = 0
    while k >= lo and doc[k].pos_ != "PROPN" and (doc[k].pos_ in _CONNECTOR_POS or doc[k].text in ",(") and steps < 6:
        k -= 1
        steps += 1
    if k < lo or doc[k].pos_ != "PROPN":
        return None
    while k - 1 >= lo and (doc[k - 1].pos_ == "PROPN" or doc[k - 1].lower_ == "the"):
        k -= 1
    return k


def find(state):
    doc = state.doc
    figs = _figures(state)
    cuts = []
    k = 0
    while k < len(figs) - 1:
        items = []  # (separator start, item start, item end, figure)
        first = figs[k]
        prev_end = _end(doc, first, max(first.start - 1, 0))
        for fig in figs[k + 1:]:
            found = _next_item(doc, prev_end, fig)
            if found is None:
                break
            sep, start = found
            end = _end(doc, fig, start)
            items.append((sep, start, end, fig))
            prev_end = end
        if items:
            cut = Cut(NAME, first)
            cut.items = items
            cuts.append(cut)
        k += len(items) + 1
    return cuts


def render(cut, state):
    doc, first, items = state.doc, cut.head, cut.items
    lo = state.toks[0].i
    figs = [first] + [f for *_, f in items]
    if len({f.text.lower() for f in figs}) < len(figs):
        return None  # the same figure twice is not a list of parallel facts
    last_end = items[-1][2]
    sent_end = state.toks[-1].i + (0 if state.toks[-1].is_punct else 1)
    suffix = [doc[i] for i in range(last_end, sent_end) if i not in state.removed]
    label0 = _first_label(doc, first, lo)
    gap = None
    if label0 is not None and any(doc[i].pos_ in ("VERB", "AUX") for i in range(lo, label0)):
        frame = [doc[i] for i in range(lo, label0) if i not in state.removed]
    else:
        # a whole first clause: "<subject> <verb ...> <figure>, <name> <figure> and <name> <figure>"
        root = state.core
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not (max(x.i for x in subj.subtree) < root.i < first.start):
            return None
        if any(start != fig.start - len([t for t in doc[start:fig.start]]) or
               any(t.pos_ not in ("PROPN", "DET") for t in doc[start:fig.start]) for _, start, _, fig in items):
            return None
        frame = [doc[i] for i in range(lo, min(x.i for x in subj.subtree)) if i not in state.removed]
        gap = " ".join(t.text for t in doc[max(x.i for x in subj.subtree) + 1:first.start])
    drafts = []
    cut.ids = set()
    for sep, start, end, _fig in items:
        item = [doc[i] for i in range(start, end)]
        d = Draft(frame + item + suffix, kind="clause", quote_tokens=item)
        if gap is not None:
            label_end = item[0].i
            while label_end + 1 < end and doc[label_end + 1].pos_ in ("PROPN", "DET") and doc[label_end + 1].ent_type_ not in AMOUNT_LABELS:
                label_end += 1
            d.with_replacement(label_end, doc[label_end].text + " " + gap)
            d.subject_given = d.verb_given = True
        drafts.append(d)
        cut.ids |= set(range(sep, end))
    return drafts
