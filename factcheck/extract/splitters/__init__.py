"""Step: split. One sentence into atomic drafts, one construct at a time.

Each construct lives in its own module with a ``NAME``, a docstring showing
one sentence before and after, and two functions:

- ``find(state) -> list[Cut]``: where the construct occurs in the sentence;
- ``render(cut, state) -> list[Draft] | None``: the claims it detaches, or None
  when the split would leave a part that is not a checkable claim on its own.

``REGISTRY`` lists the constructs in the order they run; each sees the
tokens the earlier ones left. Whatever no construct took stays as the main
claim. Every draft records ``split: NAME`` so ``--explain`` can name it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Draft
from ..select import strong_anchors
from ..syntax import past, subtree_ids, trim
from . import (
    contrast,
    coordination,
    during,
    nonrestrictive_relative,
    participle,
    reduced_relative,
    semicolon,
    speech_clause,
    with_clause,
)

#: The constructs, in the order they run.
REGISTRY = [
    speech_clause,
    participle,
    reduced_relative,
    nonrestrictive_relative,
    contrast,
    during,
    with_clause,
    semicolon,
    coordination,
]


@dataclass
class Cut:
    """One occurrence of a construct: its head token and the tokens it takes."""

    name: str
    head: object  # spaCy token
    ids: set = field(default_factory=set)


@dataclass
class SplitState:
    """The sentence being split and what the constructs have taken from it so far."""

    sent: object
    toks: list  # the sentence's tokens, spaces left out
    attr: object  # attribute.Attribution
    ctx: object  # context.Context
    core: object = None  # the root of what is asserted
    subject_np: str = ""  # the core's subject, names resolved
    source: str = ""  # who the statement is attributed to
    prefix: str = ""  # "<source> said that " for detached parts of a reported statement
    notes: list = field(default_factory=list)  # resolutions made while writing subject and source
    removed: set = field(default_factory=set)

    @property
    def doc(self):
        return self.sent.doc

    @property
    def all_ids(self) -> list:
        return [t.i for t in self.toks]

    def anchored(self, tokens) -> bool:
        return bool(strong_anchors(tokens, self.ctx.ents))

    def remainder_has_anchor(self, cut: set) -> bool:
        """What stays after taking ``cut`` still states a number or a specific date."""
        rest = [self.doc[i] for i in self.all_ids if i not in self.removed and i not in cut and i not in self.attr.ids]
        return self.anchored(rest)

    def candidates(self):
        """Tokens outside the attribution (bar clauses hanging on the reporting verb)."""
        verb = self.attr.verb
        return [t for t in self.toks if t.i not in self.attr.ids or (t.dep_ == "advcl" and t.head == verb)]


def clause_cut(t, state: SplitState, *, comma_before: bool = True, comma_after: bool = False,
               keep_attribution: bool = False):
    """The tokens a detached clause headed by ``t`` takes, or None if a side would lose its anchor.

    Returns (ids, part tokens). The comma before the clause goes with it, and
    with ``comma_after`` the one closing it.
    """
    doc = state.doc
    sub = subtree_ids(t)
    cut = sub - state.removed
    if comma_before and t.i - 1 >= 0 and doc[min(sub) - 1].text == ",":
        cut.add(min(sub) - 1)
        after = max(sub) + 1
        if comma_after and after < len(doc) and doc[after].text == ",":
            cut.add(after)
    part = [doc[i] for i in sorted(cut) if i not in state.attr.ids or keep_attribution]
    if not state.anchored(part) or not state.remainder_has_anchor(cut):
        return None
    return cut, part


def split(sent, attr, ctx, registry=None) -> list[Draft]:
    """Drafts for a sentence: the main clause first, then every detached part."""
    registry = REGISTRY if registry is None else registry
    state = SplitState(sent, [t for t in sent if not t.is_space], attr, ctx)
    state.core = attr.content if attr.content is not None else sent.root
    state.subject_np = ctx.subject_text(state.core, notes=state.notes)
    if attr.speech_verb is not None:
        from ..attribute import source_label

        state.source = source_label(attr.subj, ctx)
    if state.source:
        sv = attr.speech_verb
        verb_text = sv.text if sv.tag_ != "VBG" else past(sv)
        state.prefix = f"{state.source} {verb_text} that "
    pieces: list[Draft] = []
    for construct in registry:
        for cut in construct.find(state):
            drafts = construct.render(cut, state)
            if not drafts:
                continue
            state.removed |= cut.ids
            for d in drafts:
                d.steps.insert(0, f"split: {construct.NAME}")
            pieces.extend(drafts)
    main = trim([state.doc[i] for i in state.all_ids if i not in state.removed])
    drafts = [Draft(main, kind="sentence")] + pieces
    if pieces:
        drafts[0].steps.append("split: main clause kept")
    return drafts
