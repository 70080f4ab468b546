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
from functools import cached_property

from ..guard import draft_problem
from ..records import Draft
from ..render import capitalise
from ..select import checkable, has_anchor, kept, strong_anchors
from ..syntax import doc_tokens, past, sent_text, subtree_ids, trim, words
from ..vocab import CLAUSE_BREAKS, FINITE_TAGS, PRONOUN_START
from . import (
    anchored_relative,
    appositive,
    baseline,
    contrast,
    coordinated_objects,
    coordination,
    dashed_clause,
    during,
    fronted_predicative,
    margin,
    nonrestrictive_relative,
    parallel_figures,
    participle,
    predicate_list,
    reduced_relative,
    repeated_baseline,
    reported_conjunct,
    respectively,
    semicolon,
    speech_clause,
    temporal_clause,
    with_clause,
    with_result,
)

#: The constructs, in the order they run.
REGISTRY = [
    reported_conjunct,
    speech_clause,
    respectively,
    with_result,
    participle,
    fronted_predicative,
    dashed_clause,
    nonrestrictive_relative,
    anchored_relative,
    reduced_relative,
    appositive,
    margin,
    contrast,
    temporal_clause,
    during,
    with_clause,
    baseline,
    repeated_baseline,
    parallel_figures,
    coordinated_objects,
    predicate_list,
    semicolon,
    coordination,
]


@dataclass
class SplitState:
    """The sentence being split and what the constructs have taken from it so far."""

    sent: object
    toks: list  # the sentence's tokens, spaces left out
    attr: object  # attribute.Attribution
    ctx: object  # context.Context
    core: object = None  # the root of what is asserted
    _subject_np: str | None = None
    _source: str | None = None
    _prefix: str | None = None
    _whole_ok: bool | None = None
    notes: list = field(default_factory=list)  # resolutions made while writing subject and source
    removed: set = field(default_factory=set)
    quoted: set = field(default_factory=set)  # tokens inside quotation marks
    quotes: list = field(default_factory=list)  # the same, one set per quotation
    opens_with_pronoun: bool = False  # the sentence itself opens with a pronoun
    main_reps: dict = field(default_factory=dict)  # token index -> replacement in what stays (a verb made singular)

    @property
    def subject_np(self) -> str:
        """The core's subject as text, names resolved (rendered on first use)."""
        if self._subject_np is None:
            subj = next((c for c in self.core.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # without what an earlier construct took from it ("The measure, which covers ...,")
            words = trim([t for t in subj.subtree if t.i not in self.removed]) if subj is not None else []
            self._subject_np = self.ctx.render(words, resolve=True, notes=self.notes).rstrip(".") if words else ""
        return self._subject_np

    @property
    def source(self) -> str:
        """Who the statement is attributed to (worked out on first use: most sentences are not split)."""
        if self._source is None:
            self._source = ""
            if self.attr.speech_verb is not None:
                from ..attribute import source_label

                self._source = source_label(self.attr.subj, self.ctx)
        return self._source

    @property
    def prefix(self) -> str:
        """"<source> said that " for detached parts of a reported statement."""
        if self._prefix is None:
            self._prefix = ""
            if self.source:
                sv = self.attr.speech_verb
                verb_text = sv.text if sv.tag_ != "VBG" else past(sv)
                self._prefix = f"{self.source} {verb_text} that "
        return self._prefix

    @property
    def whole_ok(self) -> bool:
        """The whole sentence passes the guard (asked only when a cut is judged)."""
        if self._whole_ok is None:
            self._whole_ok = draft_problem(Draft(self.toks)) is None
        return self._whole_ok

    @property
    def doc(self):
        return self.sent.doc

    @property
    def tok(self) -> list:
        """The paragraph's tokens by index (``state.tok[i]``, without making a new token object)."""
        return doc_tokens(self.sent.doc)

    def available(self) -> list:
        """The tokens no construct has taken yet, the attribution ("police said") left out."""
        return [t for t in self.toks if t.i not in self.removed and t.i not in self.attr.ids]

    @property
    def all_ids(self) -> list:
        return [t.i for t in self.toks]

    def anchored(self, tokens) -> bool:
        return bool(strong_anchors(tokens, self.ctx.ents))

    def checkable(self, tokens) -> bool:
        return checkable(tokens, self.ctx.ents)

    def remainder_checkable(self, cut: set) -> bool:
        """What stays after taking ``cut`` still states a fact of its own."""
        rest = [t for t in self.toks if t.i not in self.removed and t.i not in cut and t.i not in self.attr.ids]
        return self.checkable(rest)

    def remainder_has_anchor(self, cut: set) -> bool:
        """What stays after taking ``cut`` still states a number or a specific date."""
        rest = [t for t in self.toks if t.i not in self.removed and t.i not in cut and t.i not in self.attr.ids]
        return self.anchored(rest)

    @cached_property
    def whole_verifiable(self) -> bool:
        """The whole sentence is verifiable: selection keeps every part of it (``pipeline._build``)."""
        from .. import scorer
        from ..select import worth_keeping

        return worth_keeping(scorer.scores(self.toks, self.ctx.ents, speaker=self.attr.speaker))

    def draft_ok(self, draft) -> bool:
        """The guard for one split draft: a sentence that selection keeps, and no unresolved pronoun
        left to open it."""
        if draft_problem(draft) or not (kept(draft.tokens, self.ctx.ents, self.attr.speaker, part=True)
                                        or self.whole_verifiable):
            return False
        # a pronoun the sentence itself opened with is no worse in a part of it
        if self.opens_with_pronoun:
            return True
        if draft.prefix:
            return not PRONOUN_START.match(draft.prefix)
        return not self.pronoun_first([t for t in draft.tokens if not t.is_space], draft.reps)

    def pronoun_first(self, tokens, reps=None) -> bool:
        """The tokens, rendered, open with a pronoun (rendered only when the first word is one)."""
        first = next((t for t in tokens if not t.is_punct), None)
        if first is None or not PRONOUN_START.match(first.text):
            return False
        return bool(PRONOUN_START.match(self.ctx.render(tokens, replacements=reps)))

    def cut_ok(self, cut, drafts) -> bool:
        """The guard for a cut: its drafts and what it leaves are sentences; no quotation is cut through."""
        rest = [t for t in self.toks if t.i not in self.removed and t.i not in cut.ids]
        if any(q & cut.ids and not q <= cut.ids for q in self.quotes) and not (
                self.attr.quote_para and all(self.anchored(d.tokens) for d in drafts) and self.anchored(rest)):
            # a quotation is cut only where each part stays a quotation ("X said: “...”"), between two figures
            return False
        if not all(self.draft_ok(d) for d in drafts):
            return False
        content = [t for t in rest if t.i not in self.attr.ids]
        if not kept(content, self.ctx.ents, self.attr.speaker, part=True) and has_anchor(content, self.ctx.ents):
            return False  # the split would lose a checkable main clause to the check-worthiness floor
        if self.whole_ok and not cut.rest_is_sentence and draft_problem(Draft(rest)):
            return False
        # the main clause must not come to open with a pronoun the sentence did not open with
        main = trim(rest)
        if main and main[0].i != self.toks[0].i and self.pronoun_first(main):
            return False
        return True

    @cached_property
    def candidates(self):
        """Tokens outside the attribution (bar clauses hanging on the reporting verb)."""
        verb = self.attr.verb
        return [t for t in self.toks if t.i not in self.attr.ids or (t.dep_ == "advcl" and t.head == verb)]

    @cached_property
    def by_dep(self) -> dict:
        """The sentence's tokens by dependency label, in order: a construct looking for one kind of
        clause reads its few tokens, not the whole sentence (25 constructs run on every sentence)."""
        out: dict = {}
        for t in self.toks:
            out.setdefault(t.dep_, []).append(t)
        return out

    def candidates_with(self, dep: str) -> list:
        """``candidates`` whose dependency label is ``dep``."""
        verb = self.attr.verb
        return [t for t in self.by_dep.get(dep, ()) if t.i not in self.attr.ids or (dep == "advcl" and t.head == verb)]

    def noun_modifiers_with(self, dep: str) -> list:
        """``noun_modifiers`` whose dependency label is ``dep``."""
        if not self.by_dep.get(dep):
            return []
        ids = {t.i for t in self.noun_modifiers}
        return [t for t in self.by_dep[dep] if t.i in ids]

    @cached_property
    def noun_modifiers(self):
        """Candidates for clauses modifying a noun: the speaker's own description included
        ("North Korea, which ..., said")."""
        subj = self.attr.subj
        inside = subtree_ids(subj) if subj is not None and self.attr.verb is not None else set()
        return [t for t in self.toks if t.i not in self.attr.ids or t.i in inside]


def time_frame(head, exclude: set, trailing: bool = False) -> list:
    """The fronted time adverbial of ``head``'s clause ("Between 2010 and 2020", "Last year"), as tokens.

    A part split off the clause keeps it: the period applies to both facts.
    With ``trailing``, one after the verb counts too ("... rose 3% in October, while ...").
    """
    places = list(head.children)
    if trailing:  # "saw a growth of 3% in October": the time may hang on the object
        places += [g for c in head.children if c.dep_ in ("dobj", "attr") for g in c.children]
    for c in places:
        if (c.i > head.i and not trailing) or c.i in exclude or c.dep_ not in ("prep", "npadvmod", "advmod", "tmod"):
            continue
        sub = sorted(c.subtree, key=lambda x: x.i)
        if any(x.ent_type_ in ("DATE", "TIME") for x in sub) and not any(x.pos_ in ("VERB", "AUX") for x in sub):
            return sub
    return []


def keep_time(draft, frame, state) -> None:
    """Give a split part the clause's time frame unless it states its own date."""
    if not frame or any(t.ent_type_ in ("DATE", "TIME") for t in draft.tokens):
        return
    text = state.ctx.render(frame)
    lead = state.prefix if draft.prefix.startswith(state.prefix) else ""
    rest = draft.prefix[len(lead):]
    if rest.split(" ", 1)[0] in ("The", "A", "An"):
        rest = rest[0].lower() + rest[1:]
    draft.prefix = lead + (text if lead else capitalise(text)) + ", " + rest
    draft.extra_ids = draft.extra_ids + [t.i for t in frame]
    draft.steps.append("time frame kept: " + text)


def clause_cut(t, state: SplitState, *, comma_before: bool = True, comma_after: bool = False,
               keep_attribution: bool = False, frame: list | None = None, event: bool | str = False,
               to_end: bool = False):
    """The tokens a detached clause headed by ``t`` takes, or None if a side would lose its anchor.

    Returns (ids, part tokens). The comma before the clause goes with it, and
    with ``comma_after`` the one closing it. With ``event``, a clause stating a
    checkable event without a figure ("the mayor will appeal the ruling") counts as a fact; with
    ``event="dated"``, only one with a time phrase of any kind ("two months after the strike").
    With ``to_end``, a clause after its head runs to the end of the sentence (see ``stray_tail``).
    """
    doc = state.doc
    sub = subtree_ids(t)
    cut = sub - state.removed
    first = min(sub)
    if comma_before and t.i - 1 >= 0 and first > 0 and is_break(doc[first - 1]):
        opener = doc[first - 1].text
        cut.add(first - 1)
        after = max(sub) + 1
        if comma_after and after < len(doc) and (doc[after].text == opener or is_break(doc[after]) and opener != ","):
            cut.add(after)
    if to_end and t.i > t.head.i:
        cut |= stray_tail(sub, state)
    part = [doc[i] for i in sorted(cut) if i not in state.attr.ids or keep_attribution]
    # the part needs a figure or a specific date (its own or the time frame it keeps);
    # what stays was checkable already and only needs to stay so
    if event == "dated":  # an event placed in time, however loosely ("two months after the strike")
        own = state.checkable(part) and any(p.ent_type_ in ("DATE", "TIME") for p in part)
        own = own or state.anchored(part)
    else:
        own = state.checkable(part) if event else state.anchored(part + (frame or []))
    if not own or not state.remainder_checkable(cut):
        return None
    return cut, part


def stray_tail(sub: set, state: SplitState) -> set:
    """Tokens after a trailing clause that the parse hung elsewhere ("..., setting a record for the
    best | ever start to a campaign"): up to the closing punctuation, when they hold no finite verb,
    nothing attributed and no quotation."""
    doc = state.doc
    ids = [t.i for t in state.toks if t.i > max(sub) and t.i not in state.removed]
    while ids and doc[ids[-1]].is_punct:
        ids.pop()
    tail = set(ids)
    if not tail or tail & (state.attr.ids | state.quoted) or any(
            doc[i].tag_ in FINITE_TAGS or doc[i].text in (";", ":") for i in tail):
        return set()
    return tail


def figures_collide(parts) -> bool:
    """Two of the parts (token lists) state the same digits: deduplication would take them for one
    fact told twice and keep one ("won 2-0 against A" / "won 2-0 against B"; "two libraries by 2027" /
    "one pool by 2027", where only the year is in digits)."""
    from ..dedupe import numbers

    nums = [numbers(p) for p in parts]
    return any(n and nums.count(n) > 1 for n in nums)


def is_break(tok) -> bool:
    """A comma or a dash setting a clause off ("-" only when spaced, not inside a word)."""
    if tok.text in CLAUSE_BREAKS:
        return True
    return tok.text in ("-", "--") and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)


def quote_spans(toks) -> list[set]:
    """Each quotation's token indices (the marks left out): a cut may take a whole quotation,
    never part of one; a quoted nickname elsewhere ("Ana “Ace” Ruiz") is a quotation of its own."""
    inside, spans = False, []
    for t in toks:
        if t.text in ("“", "”", '"'):
            was = inside
            inside = t.text == "“" or (t.text == '"' and not inside)
            if inside and not was:
                spans.append(set())
            continue
        if inside:
            spans[-1].add(t.i)
    return [q for q in spans if q]


def figure_items(part, state) -> list[list] | None:
    """The part once per item of a list of names each given a figure ("followed by A (71%) and
    B (61%)" -> "... by A (71%)", "... by B (61%)"), or None when it holds no such list."""
    ids = {p.i for p in part}
    for n in part:
        if n.dep_ not in ("pobj", "dobj", "attr") or n.pos_ not in ("NOUN", "PROPN"):
            continue
        items = [n]
        while True:
            nxt = next((c for c in items[-1].children if c.dep_ == "conj" and c.i in ids), None)
            if nxt is None:
                break
            items.append(nxt)
        if len(items) < 2:
            continue
        later = [subtree_ids(x) for x in items]
        own = [later[k] - set().union(*later[k + 1:]) for k in range(len(items))]
        if not all(state.anchored([state.tok[i] for i in o]) for o in own):
            return None
        joints = {c.i for x in items for c in x.children if c.dep_ in ("cc", "punct") and c.text in (",", "and", "or")
                  and any(c.i < y.i for y in items if y.i > x.i) and c.i > min(later[0])}
        listed = set().union(*own) | joints
        return [[p for p in part if p.i not in listed or p.i in own[k]] for k in range(len(items))]
    return None


def antecedent(t):
    """The noun a clause set off after it describes: the parse hangs it on the first of two
    coordinated nouns ("the score and Son, who had hit the post") when it is the last one."""
    noun = t.head
    before = min(subtree_ids(t)) - 1  # the comma or dash setting the clause off
    for c in noun.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and max(subtree_ids(c)) == before - 1:
            return c
    return noun


def noun_clause_cut(cut, state, *, before_clause_only: bool = False, event: bool | str = False):
    """Take a clause set off after a noun (", which ...", ", opened in 1998,"): the clause's tokens
    and the noun phrase restated as its subject, or None if a side would lose its anchor.

    Returns (part tokens, noun, noun phrase text, resolution notes); ``cut.ids`` is set.
    ``before_clause_only`` keeps only what precedes the clause in the noun phrase; ``event``
    as for ``clause_cut``.
    """
    t = cut.head
    taken = clause_cut(t, state, comma_after=True, keep_attribution=True, event=event)
    if taken is None:
        return None
    cut.ids, part = taken
    noun = antecedent(t)
    clause = subtree_ids(t)
    # other clauses set off after the noun are no part of its name ("Dunmore, where ..., followed by")
    asides = set().union(set(), *(subtree_ids(c) for c in noun.children if c != t and c.dep_ in ("relcl", "acl")
                                  and min(subtree_ids(c)) > 0 and is_break(state.tok[min(subtree_ids(c)) - 1])))
    np = [x for x in noun.subtree if x.i not in clause and x.i not in state.removed and x.i not in asides
          and (x.i < t.i or not before_clause_only)]
    notes: list = []
    np_text = state.ctx.render(trim(np), resolve=True, notes=notes).rstrip(".,")
    return part, noun, np_text, notes


def split(sent, attr, ctx, registry=None) -> list[Draft]:
    """Drafts for a sentence: the main clause first, then every detached part."""
    registry = REGISTRY if registry is None else registry
    state = SplitState(sent, list(words(sent)), attr, ctx)
    state.core = attr.content if attr.content is not None else sent.root
    pieces: list[Draft] = []
    state.quotes = quote_spans(state.toks)
    state.quoted = set().union(*state.quotes)
    state.opens_with_pronoun = bool(PRONOUN_START.match(sent_text(sent).lstrip("“\"‘' ")))
    for construct in registry:
        for cut in construct.find(state):
            drafts = construct.render(cut, state)
            if not drafts:
                continue
            if not state.cut_ok(cut, drafts):
                continue  # the guard: keep the sentence whole rather than emit a broken claim
            state.removed |= cut.ids
            state.main_reps.update(cut.main_reps)
            for d in drafts:
                d.steps.insert(0, f"split: {construct.NAME}")
            pieces.extend(drafts)
    main = trim([t for t in state.toks if t.i not in state.removed])
    drafts = [Draft(main, kind="sentence", reps=dict(state.main_reps))] + pieces
    if pieces:
        drafts[0].steps.append("split: main clause kept")
    return drafts
