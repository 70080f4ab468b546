"""Splitter 'with-clause' (with_clause.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import with_clause

CASES = [
    ('The festival drew 30,000 visitors, with tickets selling out in 3 days.',
     ['The festival drew 30,000 visitors.', 'Tickets sold out in 3 days.']),
    ('The school has 600 pupils, with 45 teachers working across 2 sites.',
     ['The school has 600 pupils.', '45 teachers worked across 2 sites.']),
]


@pytest.mark.parametrize("sentence, claims", CASES)
def test_splits(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence, claims", CASES)
def test_without_the_construct_the_sentence_stays_whole(texts, sentence, claims):
    assert len(texts(sentence, without=with_clause)) < len(claims)
