"""Splitter 'dashed-clause' (dashed_clause.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import dashed_clause

CASES = [
    # the tagger takes "ended" for a participle and the parse loses the sentence's verb
    ('The first round of the contest, in April - which took place just three weeks after the council passed '
     'its new budget, triggering two lawsuits - ended in a draw.',
     ['The first round of the contest, in April ended in a draw.',
      'The first round of the contest, in April, took place just three weeks after the council passed its new '
      'budget, triggering two lawsuits.']),
    # the parse hangs the clause on the nearest name; the subject is the whole noun phrase before the dash
    ('The old bridge, in Harlow - which opened in 1932, linking two counties - carries 40,000 cars a day.',
     ['The old bridge, in Harlow carries 40,000 cars a day.',
      'The old bridge, in Harlow, opened in 1932, linking two counties.']),
]


@pytest.mark.parametrize("sentence, claims", CASES)
def test_splits(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence, claims", CASES)
def test_without_the_construct_the_claims_differ(texts, sentence, claims):
    assert texts(sentence, without=dashed_clause) != claims


@pytest.mark.parametrize("sentence", [
    # no verb right after the second dash: what would stay is not a sentence
    "The old bridge - which opened in 1932 - and the new one carry 40,000 cars a day.",
    # an insertion that is not a relative clause
    "The old bridge - built in 1932 by Harlow Steel - carries 40,000 cars a day.",
])
def test_other_dashed_insertions_are_not_taken(texts, sentence):
    assert texts(sentence, registry=[dashed_clause]) == [sentence]
