"""Check-worthiness: features of a claim, its type, and a calibrated score.

The score is a logistic model over explainable features (numbers, dates,
names, comparisons, attribution, hedges, first person, opinion words) and word
lemmas, fitted on the ClaimBuster sentences (CC BY 4.0) by
``scripts/train_checkworthiness.py``; the weights ship as
``checkworthiness.json``. The features that fired are the claim's ``reasons``.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from .vocab import AMOUNT_LABELS as NUMBER_LABELS

WEIGHTS = Path(__file__).with_name("checkworthiness.json")

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


def features(tokens, ents, *, speaker: str | None = None) -> dict[str, float]:
    """Explainable features of a claim's tokens (spaCy tokens) and entities."""
    ids = {t.i for t in tokens}
    f: dict[str, float] = {}
    labels = [e.label_ for e in ents if e.start in ids]
    lemmas = [t.lemma_.lower() for t in tokens]
    lset = set(lemmas)
    if any(lab in NUMBER_LABELS for lab in labels) or any(
        t.like_num and any(c.isdigit() for c in t.text) and not _ORDINAL.match(t.text) and t.ent_type_ not in ("DATE", "TIME", "ORDINAL")
        for t in tokens
    ):
        f["number"] = 1.0
    if "PERCENT" in labels or "%" in lset:
        f["percentage"] = 1.0
    if "MONEY" in labels or any(t.tag_ == "$" for t in tokens):
        f["money"] = 1.0
    if "DATE" in labels or "TIME" in labels:
        f["date"] = 1.0
    if "ORDINAL" in labels:
        f["ordinal"] = 1.0
    for lab in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"):
        if lab in labels:
            f["named entity"] = 1.0
            f[f"ent:{lab}"] = 1.0
    if lset & COMPARISON or any(t.tag_ in ("JJR", "RBR", "JJS", "RBS") for t in tokens):
        f["comparison"] = 1.0
    if lset & CAUSAL:
        f["causal"] = 1.0
    if lset & RULE:
        f["rule"] = 1.0
    if lset & PREDICT or any(t.tag_ == "MD" for t in tokens):
        f["prediction"] = 1.0
    if speaker:
        f["attribution"] = 1.0
    if lset & FIRST_PERSON:
        f["first person"] = 1.0
    if lset & OPINION:
        f["opinion word"] = 1.0
    if any(t.tag_ == "VBD" for t in tokens):
        f["past tense"] = 1.0
    if any(t.tag_ == "VBN" for t in tokens):
        f["participle"] = 1.0
    if any(t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20") for t in tokens):
        f["year"] = 1.0
    if any(t.like_num and any(c.isdigit() for c in t.text) for t in tokens):
        f["digits"] = 1.0
    if any(t.dep_ == "neg" for t in tokens):
        f["negation"] = 1.0
    if tokens and tokens[-1].text == "?":
        f["question"] = 1.0
    n = sum(1 for t in tokens if t.is_alpha)
    f["length"] = min(n, 40) / 40.0
    for lem, t in zip(lemmas, tokens, strict=True):
        if t.is_alpha and not t.is_stop and t.pos_ not in ("PROPN",):
            f["w:" + lem] = 1.0
    return f


REASON_NAMES = ("number", "percentage", "money", "date", "ordinal", "named entity", "comparison", "causal",
                "rule", "prediction", "attribution")


def reasons(f: dict) -> list[str]:
    return [r for r in REASON_NAMES if r in f]


def claim_type(f: dict, tokens, published_year: int | None = None) -> str:
    lemmas = {t.lemma_.lower() for t in tokens}
    words = " ".join(t.lower_ for t in tokens)
    future_year = published_year is not None and any(
        t.like_num and t.text.isdigit() and len(t.text) == 4 and int(t.text) > published_year for t in tokens
    )
    future = (
        any(t.lower_ in ("will", "'ll", "shall") for t in tokens)
        or any(t.lemma_.lower() in ("plan", "forecast", "predict", "target", "aim", "project") for t in tokens if t.pos_ in ("VERB", "NOUN"))
        or any(t.lemma_.lower() in ("expect", "propose") and t.tag_ in ("VBZ", "VBP", "VBD") for t in tokens)
        or any(t.lemma_.lower() == "expect" and t.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in t.children)
               for t in tokens)
        or future_year
    )
    if any(t.lemma_.lower() in ("law", "regulation", "ban", "statute", "legislation", "illegal", "mandatory", "unlawful")
           for t in tokens if t.pos_ in ("NOUN", "ADJ")) or lemmas & {"prohibit", "outlaw", "legalize", "legalise"}:
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


@lru_cache(maxsize=1)
def _weights() -> dict:
    if WEIGHTS.exists():
        return json.loads(WEIGHTS.read_text(encoding="utf-8"))
    # Before the model is trained: hand-set weights over the same features.
    return {"bias": -1.6, "weights": {
        "number": 1.6, "percentage": 0.6, "money": 0.6, "date": 0.6, "ordinal": 0.4, "named entity": 0.5,
        "comparison": 0.5, "causal": 0.3, "rule": 0.3, "prediction": 0.1, "attribution": 0.2,
        "first person": -0.8, "opinion word": -0.8, "question": -1.5, "past tense": 0.3, "length": 0.5,
    }}


def score(f: dict) -> float:
    """Probability-like check-worthiness in [0, 1]."""
    w = _weights()
    weights = w["weights"]
    z = w["bias"] + sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-z))
