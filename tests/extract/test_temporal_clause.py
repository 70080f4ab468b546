"""Splitter 'temporal-clause' (temporal_clause.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import temporal_clause

CASES = [
    ('Nurses extended their strike into a third day on Friday after talks with the hospital broke down on Thursday.',
     ['Nurses extended their strike into a third day on Friday (10 May 2024).',
      'Talks with the hospital broke down on Thursday (9 May 2024).']),
    ('The council closed the bridge in March before engineers found 40 cracks in its deck in April.',
     ['The council closed the bridge in March.', 'Engineers found 40 cracks in its deck in April.']),
]


@pytest.mark.parametrize("sentence, claims", CASES)
def test_splits(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence, claims", CASES)
def test_without_the_construct_the_sentence_stays_whole(texts, sentence, claims):
    assert len(texts(sentence, without=temporal_clause)) < len(claims)


def test_a_clause_without_its_own_date_stays(texts):
    sentence = "Nurses extended their strike into a third day on Friday after talks with the hospital broke down."
    assert texts(sentence) == [sentence.replace("Friday", "Friday (10 May 2024)")]

