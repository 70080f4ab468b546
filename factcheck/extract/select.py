"""Step: select. Which sentences and claims are checkable enough for the worksheet.

A claim needs an *anchor* a checker can look up: a number, a specific date, a
name or a place. Sentences without one in what they assert are opinion or
colour; short fragments and questions are skipped; a claim whose
check-worthiness score is low is kept only when it has a number or a specific
date.
"""

from __future__ import annotations

import re

from . import dates as datesmod
from . import scorer
from .syntax import sent_text, span_text, words
from .vocab import ARGUMENT_DEPS, KNOWLEDGE_WORDS, NAME_LABELS, NUMBER_LABELS, WEAK_NUMERALS

NO_ANCHOR = "no checkable anchor in what is asserted (no number, date, name or place): opinion or colour"


def is_anchor_date(ent) -> bool:
    """A date entity specific enough to check ("March 3", "2019", "last week"; not "recent years")."""
    t = span_text(ent).lower()
    if any(ch.isdigit() for ch in t):
        return True
    if any(w in t for w in datesmod.WEEKDAYS) or re.search(r"\b(" + "|".join(datesmod.MONTHS) + r")\b", t):
        return True
    return bool(re.search(r"\b(ago|last|next|this|yesterday|today|tomorrow)\b", t)) and "recent" not in t


def strong_anchors(tokens, ents) -> set:
    """Numbers and specific dates among ``tokens`` (as token indices)."""
    ids = {t.i for t in tokens}
    found = set()
    for ent in ents:
        if ent.start not in ids and ent.end - 1 not in ids:
            continue
        if ent.label_ in NUMBER_LABELS:
            if ent.label_ == "CARDINAL" and span_text(ent).lower() in WEAK_NUMERALS:
                continue
            found.add(ent.start)
        elif ent.label_ in ("DATE", "TIME") and is_anchor_date(ent):
            found.add(ent.start)
    for t in tokens:
        if t.like_num and t.ent_type_ == "" and t.text not in ("one",) and any(c.isdigit() for c in t.text):
            found.add(t.i)
    return found


def has_anchor(toks, ents) -> bool:
    """A name, place, number or specific date among ``toks``."""
    ids = {t.i for t in toks}
    for ent in ents:
        if ent.start in ids and (ent.label_ in NAME_LABELS or ent.label_ in NUMBER_LABELS or
                                 (ent.label_ == "DATE" and is_anchor_date(ent))):
            return True
    return any(t.like_num and any(c.isdigit() for c in t.text) for t in toks) or any(
        t.pos_ == "PROPN" and not t.is_sent_start for t in toks
    )


def checkable(tokens, ents) -> bool:
    """A part of a sentence that states a fact of its own.

    It has a number or specific date, a name or place, or a verb with a
    nominal argument ("were arrested in Lyon", "took no bank details").
    """
    if strong_anchors(tokens, ents) or has_anchor(tokens, ents):
        return True
    return any(t.pos_ in ("VERB", "AUX") for t in tokens) and any(
        t.dep_ in ARGUMENT_DEPS and t.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") for t in tokens)


def sentence_skip(sent) -> str | None:
    """Why a parsed sentence cannot hold a claim (before attribution), or None."""
    if sum(1 for t in words(sent) if t.is_alpha) < 4:
        return "too short to be a claim"
    if sent_text(sent).strip().rstrip("\"'”’)").endswith("?"):
        return "question"
    if open_question(sent):
        return "says only that something is not known"
    return None


def open_question(sent) -> bool:
    """"It was not clear whether ...", "It is unknown if ...": a statement that something is not known."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or subj.lower_ != "it":
        return False
    knowing = root.lower_ in KNOWLEDGE_WORDS or any(
        c.dep_ == "acomp" and c.lemma_.lower() in KNOWLEDGE_WORDS for c in root.children)
    if not knowing:
        return False
    negated = any(c.dep_ == "neg" for c in root.children) or any(
        c.dep_ == "acomp" and c.lower_.startswith("un") for c in root.children) or root.lower_.startswith("un")
    asks = any(m.lower_ in ("if", "whether") for c in root.children for m in c.children if m.dep_ == "mark") or any(
        c.lower_ in ("if", "whether") for c in root.children)
    return negated and asks


def worth_keeping(scores, sentence=None) -> bool:
    """A claim stays when it asserts something checkable: ``verifiable`` (``scorer.py``) at or
    above the threshold chosen by cross-validation on the training data. Numbers, dates and names are features of
    that score, not gates.

    A part split from a sentence also stays when the whole ``sentence`` (a callable giving its
    scores, asked only when needed) is verifiable: a fragment's words alone ("which will open
    in 2027") say less than its sentence does.
    """
    threshold = scorer.threshold("verifiable")
    if scores.verifiable >= threshold:
        return True
    return sentence is not None and sentence().verifiable >= threshold


def named(tokens, ents) -> bool:
    """A name (person, organisation, place, event, ...) among ``tokens``."""
    ids = {t.i for t in tokens}
    return any(e.label_ in NAME_LABELS and e.start in ids for e in ents)


def kept(tokens, ents, speaker=None, part: bool = False) -> bool:
    """Whether a claim made of ``tokens`` would be kept by the check-worthiness floor.

    ``part``: the claim is a part of a split sentence; a part that names who or
    what it is about is kept whatever its score (the sentence was a claim).
    """
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return False
    if strong_anchors(toks, ents) or part and named(toks, ents):
        return True
    return worth_keeping(scorer.scores(toks, ents, speaker=speaker))


def not_worthy_reason(best) -> str:
    """Why no part of a sentence was kept, from the scores of its most verifiable part."""
    from .scorer import VERIFIABLE_THRESHOLD

    why = f"not verifiable, {best.verifiable:.2f} < {VERIFIABLE_THRESHOLD:.2f}"
    terms = best.explain("verifiable")
    return f"{why}: {terms}" if terms else why
