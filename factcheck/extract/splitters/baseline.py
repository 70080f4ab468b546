"""A figure compared with its value in another period ("compared with 1.1 million ten years ago"),
restated as a claim of its own about that period.

Before: "The survey shows 1.5 million people waiting, compared with 1.1 million in 2014."
After:  "The survey shows 1.5 million people waiting." / "The survey shows 1.1 million people waiting in 2014."

Found from the tokens: "compared with" or "compared to", then one or more
figures ("2.8% in May and 2.4% a year earlier"), each with its own time
phrase. ("up from" / "down from" a figure describe the change of the main
figure, one fact, and are left alone.) The clause before it must state exactly one figure, of the same kind
(a percentage for a percentage); each baseline is that clause with the
baseline figure in its place and the baseline's time instead of the clause's
own. Anything else stays whole.
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import sent_text, trim
from ..vocab import AMOUNT_LABELS, FINITE_TAGS
from .cut import Cut

NAME = "baseline"

_STOP = (",", ";", ":", ".", "—", "–")


def _figures(toks, ents):
    ids = {t.i for t in toks}
    return [e for e in ents if e.label_ in AMOUNT_LABELS and e.start in ids and e.end - 1 in ids]


def _leading_figure(item, ents):
    """The figure opening a baseline item, as a span; a bare number the tagger merged into a date
    ("1,019,475 eight years ago" as one DATE) counts, with no label."""
    if not item:
        return None
    figs = _figures(item, ents)
    if figs:
        return figs[0] if len(figs) == 1 and figs[0].start == item[0].i else None
    k = 0
    while k < len(item) and (item[k].like_num and any(c.isdigit() for c in item[k].text) if k == 0
                             else item[k].lower_ in ("million", "billion", "thousand")):
        k += 1
    if k == 0:
        return None
    return item[0].doc[item[0].i:item[0].i + k]


def _opening(toks, k):
    """Length of the baseline opener at ``toks[k]`` ("compared with", "compared to"), or 0."""
    if k + 1 >= len(toks):
        return 0
    a, b = toks[k].lower_, toks[k + 1].lower_
    if a == "compared" and b in ("with", "to"):
        return 2
    return 0


def find(state):
    if "compared" not in sent_text(state.sent):
        return []
    toks = state.available()
    prefix = state.prefix
    if not prefix or not any(t.tag_ in FINITE_TAGS for t in toks):
        # what is reported is no clause ("The study shows 1.5 million people waiting"): the
        # attribution stays in the restated clause, with no "<source> said that" before it
        toks = [t for t in state.toks if t.i not in state.removed]
        prefix = ""
    for k, t in enumerate(toks):
        n = _opening(toks, k)
        if not n:
            continue
        main = toks[:k]
        while main and main[-1].text == ",":
            main = main[:-1]
        items, j = [], k + n
        while j < len(toks):  # "2.8% in May and 2.4% a year earlier"
            end = j
            while end < len(toks) and toks[end].text not in _STOP and not (toks[end].lower_ == "and" and end > j):
                end += 1
            items.append(toks[j:end])
            if end < len(toks) and toks[end].lower_ == "and" and any(
                    f.start == toks[end + 1].i for f in _figures(toks[end + 1:end + 4], state.ctx.ents)):
                j = end + 1
                continue
            break
        cut = Cut(NAME, t)
        cut.items = [main, items, prefix]
        last = items[-1][-1].i if items[-1] else toks[k + n - 1].i
        cut.ids = {x.i for x in toks[len(main):] if x.i <= last}  # the opener, the items and the "and"s
        return [cut]
    return []


def render(cut, state):
    main, items, prefix = cut.items
    ents = state.ctx.ents
    figs = _figures(main, ents)
    if len(figs) != 1 or not state.checkable(main):
        return None
    fig = figs[0]
    main_ids = {t.i for t in main}
    # the clause's own time phrase gives way to the baseline's
    own_time = set()
    for e in ents:
        if e.label_ in ("DATE", "TIME") and e.start in main_ids:
            own_time |= set(range(e.start, e.end))
            for x in e:  # and the preposition it hangs on ("in the year to March")
                if x.head.pos_ == "ADP" and x.head.i < e.start and x.head.i in main_ids:
                    own_time.add(x.head.i)
    drafts = []
    for item in items:
        base = _leading_figure(item, ents)
        if base is None or base.label_ not in (fig.label_, ""):
            return None
        tail = [t for t in item if t.i >= base.end]
        if not any(t.ent_type_ in ("DATE", "TIME") for t in tail):
            return None  # a baseline without its own time is no fact of its own
        # the baseline figure is written in the main figure's place; its own tokens stay in the draft,
        # silent, so that the claim is known to state that figure (deduplication, scores)
        body = [t for t in main if t.i not in own_time] + list(base) + tail
        d = Draft(trim(body), prefix=prefix, kind="clause", quote_tokens=trim(main + item))
        d.with_replacement(fig.start, base.text)
        for i in list(range(fig.start + 1, fig.end)) + list(range(base.start, base.end)):
            d.with_replacement(i, "")
        drafts.append(d)
    return drafts
