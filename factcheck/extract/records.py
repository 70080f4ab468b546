"""The values passed between the steps: a draft claim, a finished claim, a per-sentence decision."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Draft:
    """One claim in the making: which tokens it shows and how to render them."""

    tokens: list  # spaCy tokens, in order
    prefix: str = ""
    speaker: str | None = None
    kind: str = "sentence"  # sentence, conjunct, clause, relative, adjunct, quote
    suffix: str = ""
    steps: list = field(default_factory=list)  # what was done to make it, for --explain ("split: <NAME>")
    quote_tokens: list | None = None
    reps: dict = field(default_factory=dict)  # token index -> replacement text
    extra_ids: list = field(default_factory=list)  # tokens rendered in the suffix (e.g. a date)
    subject_given: bool = False  # the prefix supplies the subject ("The mill ...")
    verb_given: bool = False  # the prefix or a replacement supplies the finite verb ("... ended")

    def with_replacement(self, i: int, text: str) -> Draft:
        self.reps[i] = text
        return self


@dataclass
class Claim:
    text: str
    quote: str
    start: int
    end: int
    speaker: str | None
    type: str
    date: str | None
    reasons: list  # check-worthiness features that fired
    also: list = field(default_factory=list)
    score: float = 0.0
    sig: frozenset = frozenset()  # content lemmas, for deduplication
    nums: frozenset = frozenset()  # the numbers it states, for deduplication
    decision: object = None  # the Decision of its sentence, for --explain
    steps: list = field(default_factory=list)  # splits (construct NAME) and resolutions behind the text
    unresolved: list = field(default_factory=list)  # referring expressions left as written ("the two")


@dataclass
class Decision:
    """What happened to one sentence, for ``--explain``."""

    start: int  # offsets in the article text
    end: int
    claims: list
    skipped: str | None = None
