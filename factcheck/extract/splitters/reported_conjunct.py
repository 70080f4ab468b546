"""A fact the subject did, coordinated with what the subject then said: the fact is the article's own.

Before: "The port authority raised its berth fees by 6% in 2023 and said that traffic would recover by 2027."
After:  "The port authority raised its berth fees by 6% in 2023." / "The port authority said that traffic would
        recover by 2027."

The reporting verb is a conjunct of the main verb and shares its subject, so the attribution
covers the whole sentence; but what the subject did (a figure, a date) is reported by the
article, not by the subject. Only a first clause with a figure or a specific date is split
off: "called the budget painful and said ..." stays whole (the opinion goes with the saying).
"""

from __future__ import annotations

from ..records import Draft
from ..syntax import subtree_ids, trim
from ..vocab import EVALUATIVE_VERBS, REPORTING
from .coordination import joiners
from .cut import Cut

NAME = "reported-conjunct"


def find(state):
    sv, root = state.attr.speech_verb, state.sent.root
    if sv is None or sv.dep_ != "conj" or sv.head != root or root.pos_ not in ("VERB", "AUX"):
        return []
    if root.lemma_.lower() in EVALUATIVE_VERBS:
        return []  # "called the 4% rise painful and said ...": a judgement, which goes with the saying
    if root.lemma_.lower() in REPORTING and any(c.dep_ in ("ccomp", "parataxis") for c in root.children):
        return []  # "said A and said B": two statements (an act such as "agreed to buy" is split)
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in sv.children):
        return []  # "... and never said that ...": no statement of the subject's to attribute
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in sv.children):
        return []  # "A won 40% and B said ...": two subjects, two clauses (not this construct)
    if not any(c.dep_ in ("ccomp", "xcomp") and c.i > sv.i for c in sv.children):
        return []  # what is said follows the saying
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subj is None:
        return []
    return [Cut(NAME, root)]


def render(cut, state):
    root, sv = cut.head, state.attr.speech_verb
    subj = next(c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i)
    said, subj_ids = subtree_ids(sv), subtree_ids(subj)
    joined = joiners(root, sv, set())  # the "and" (and comma) right before the saying
    clause = [t for t in state.toks if t.i not in said and t.i not in subj_ids and t.i not in state.removed
              and t.i < sv.i and t.i not in joined]
    # the subject without a clause set off inside it ("The company, which employs 3,000 people,"): that
    # clause is a claim of its own (nonrestrictive-relative)
    aside = set()
    for c in subj.children:
        if c.dep_ in ("relcl", "acl") and c.i > subj.i:
            aside |= subtree_ids(c)
    if aside:
        aside |= {i for i in (min(aside) - 1, max(aside) + 1) if i in subj_ids and state.tok[i].text == ","}
    if not clause or not state.anchored(clause):
        return None  # an opinion or a colour ("called the budget painful") goes with the saying
    cut.ids = {t.i for t in clause} | joined
    # the subject's own words lead the part, so what points back to it ("its fees") reads as written
    subject = [t for t in state.toks if t.i in subj_ids and t.i not in aside]
    # in the sentence's order: a time or a phrase opening the sentence stays first ("On Monday, X raised ...")
    return [Draft(trim(sorted(subject + clause, key=lambda t: t.i)), kind="conjunct")]
