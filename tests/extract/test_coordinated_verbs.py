"""Splitter 'coordinated-verbs' (coordination.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import coordination

CASES = [
    ('The factory opened in 1994 and employed 800 workers by 2000.',
     ['The factory opened in 1994.', 'The factory employed 800 workers by 2000.']),
    ('The museum raised $5 million in 2023 and opened a new wing in 2024.',
     ['The museum raised $5 million in 2023.', 'The museum opened a new wing in 2024.']),
    ('The river rose 3 metres overnight and flooded 200 homes.',
     ['The river rose 3 metres overnight.', 'The river flooded 200 homes.']),
]


@pytest.mark.parametrize("sentence, claims", CASES)
def test_splits(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence, claims", CASES)
def test_without_the_construct_the_sentence_stays_whole(texts, sentence, claims):
    assert len(texts(sentence, without=coordination)) < len(claims)
