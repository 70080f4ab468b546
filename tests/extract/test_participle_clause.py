"""Splitter 'participle-clause' (participle.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import participle

CASES = [
    ('The storm flooded 400 homes in 2023, forcing 1,500 residents to leave.',
     ['The storm flooded 400 homes in 2023.', 'The storm forced 1,500 residents to leave.']),
    ('Revenue climbed 12% to $3.4 billion in 2023, beating the forecast of 9%.',
     ['Revenue climbed 12% to $3.4 billion in 2023.', 'Revenue beat the forecast of 9%.']),
]


@pytest.mark.parametrize("sentence, claims", CASES)
def test_splits(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence, claims", CASES)
def test_without_the_construct_the_sentence_stays_whole(texts, sentence, claims):
    assert len(texts(sentence, without=participle)) < len(claims)
