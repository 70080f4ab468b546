"""Explainable features of a claim, its type, and the reasons shown for it.

The features (numbers, dates, names, comparisons, attribution, hedges, first
person, opinion words, ...) are inputs of the learned scores in ``scorer.py``;
the ones that fired are the claim's ``reasons``.
"""

from __future__ import annotations

import re

from .syntax import attrs_of, token_attrs
from .vocab import AMOUNT_LABELS as NUMBER_LABELS

COMPARISON = {
    "record", "highest", "lowest", "largest", "biggest", "smallest", "most", "least", "more", "less", "fewer",
    "increase", "decrease", "rise", "fall", "grow", "drop", "decline", "double", "triple", "halve", "up", "down",
    "slide", "tumble", "surge", "jump", "climb", "outperform", "than", "compare", "high", "low",
}
CAUSAL = {"because", "cause", "due", "lead", "result", "thanks", "boost", "prevent", "blame", "therefore", "hence", "fuel", "trigger"}
RULE = {"law", "rule", "regulation", "ban", "illegal", "legal", "require", "must", "mandatory", "prohibit", "constitution", "act", "bill", "statute", "court", "ruling"}
PREDICT = {"will", "plan", "expect", "forecast", "project", "aim", "target", "intend", "propose", "estimate", "predict", "schedule", "would", "could"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "mine", "ours"}
OPINION = {
    "crucial", "important", "great", "good", "bad", "best", "worst", "amazing", "terrible", "wonderful",
    "robust", "excellent", "vital", "essential", "necessary", "fearsome", "remarkable", "believe", "think",
    "feel", "hope", "should", "love", "hate", "wrong", "right", "really", "very",
}
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


def features(tokens, ents, *, speaker: str | None = None, words: bool = True) -> dict[str, float]:
    """Explainable features of a claim's tokens (spaCy tokens) and entities; ``words`` adds ``w:LEMMA`` ones."""
    ids = {t.i for t in tokens}
    f: dict[str, float] = {}
    labels = [e.label_ for e in ents if e.start in ids]
    # one pass over the tokens, each spaCy attribute read once: this runs for every candidate claim
    lemmas, tags = [], set()
    number = year = digits = negation = False
    n_alpha = 0
    w_feats = []
    cache = token_attrs(tokens[0].doc) if tokens else {}
    for t in tokens:
        text, _lower, lem, tag, dep, pos, ent_type, like_num, alpha, stop = attrs_of(t, cache)
        lemmas.append(lem)
        tags.add(tag)
        if like_num and any(c.isdigit() for c in text):
            digits = True
            if not number and not _ORDINAL.match(text) and ent_type not in ("DATE", "TIME", "ORDINAL"):
                number = True
        if not year and len(text) == 4 and text[:2] in ("19", "20") and like_num:
            year = True
        if not negation and dep == "neg":
            negation = True
        if alpha:
            n_alpha += 1
            if words and not stop and pos != "PROPN":
                w_feats.append("w:" + lem)
    lset = set(lemmas)
    if number or any(lab in NUMBER_LABELS for lab in labels):
        f["number"] = 1.0
    if "PERCENT" in labels or "%" in lset:
        f["percentage"] = 1.0
    if "MONEY" in labels or "$" in tags:
        f["money"] = 1.0
    if "DATE" in labels or "TIME" in labels:
        f["date"] = 1.0
    if "ORDINAL" in labels:
        f["ordinal"] = 1.0
    for lab in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"):
        if lab in labels:
            f["named entity"] = 1.0
            f[f"ent:{lab}"] = 1.0
    if lset & COMPARISON or tags & {"JJR", "RBR", "JJS", "RBS"}:
        f["comparison"] = 1.0
    if lset & CAUSAL:
        f["causal"] = 1.0
    if lset & RULE:
        f["rule"] = 1.0
    if lset & PREDICT or "MD" in tags:
        f["prediction"] = 1.0
    if speaker:
        f["attribution"] = 1.0
    if lset & FIRST_PERSON:
        f["first person"] = 1.0
    if lset & OPINION:
        f["opinion word"] = 1.0
    if "VBD" in tags:
        f["past tense"] = 1.0
    if "VBN" in tags:
        f["participle"] = 1.0
    if year:
        f["year"] = 1.0
    if digits:
        f["digits"] = 1.0
    if negation:
        f["negation"] = 1.0
    if tokens and tokens[-1].text == "?":
        f["question"] = 1.0
    f["length"] = min(n_alpha, 40) / 40.0
    for w in w_feats:
        f[w] = 1.0
    return f


REASON_NAMES = ("number", "percentage", "money", "date", "ordinal", "named entity", "comparison", "causal",
                "rule", "prediction", "attribution")


def reasons(f: dict) -> list[str]:
    return [r for r in REASON_NAMES if r in f]


def claim_type(f: dict, tokens, published_year: int | None = None) -> str:
    cache = token_attrs(tokens[0].doc) if tokens else {}
    # (text, lower, lemma, tag, dep, pos, ...) per token: read from the paragraph's cache, not from spaCy again
    attrs = [attrs_of(t, cache) for t in tokens]
    lemmas = {a[2] for a in attrs}
    words = " ".join(a[1] for a in attrs)
    future_year = published_year is not None and any(
        a[7] and a[0].isdigit() and len(a[0]) == 4 and int(a[0]) > published_year for a in attrs
    )
    future = (
        any(a[1] in ("will", "'ll", "shall") for a in attrs)
        or any(a[2] in ("plan", "forecast", "predict", "target", "aim", "project") for a in attrs if a[5] in ("VERB", "NOUN"))
        or any(a[2] in ("expect", "propose") and a[3] in ("VBZ", "VBP", "VBD") for a in attrs)
        or any(a[2] == "expect" and a[3] == "VBN" and any(c.tag_ in ("VBZ", "VBP") for c in t.children)
               for t, a in zip(tokens, attrs, strict=True))
        or future_year
    )
    if any(a[2] in ("law", "regulation", "ban", "statute", "legislation", "illegal", "mandatory", "unlawful")
           for a in attrs if a[5] in ("NOUN", "ADJ")) or lemmas & {"prohibit", "outlaw", "legalize", "legalise"}:
        return "rule"
    if future:
        return "prediction"
    if lemmas & {"because", "cause", "boost", "prevent", "blame", "trigger"} or re.search(
        r"\b(due to|led to|lead to|result(ed)? in|as a result|thanks to)\b", words
    ):
        return "causal"
    if "number" in f or "percentage" in f or "money" in f:
        return "quantity"
    if "date" in f or ("named entity" in f and ("past tense" in f or "ordinal" in f)):
        return "event"
    if "attribution" in f:
        return "quote"
    return "other"


