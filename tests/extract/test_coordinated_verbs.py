"""Splitter 'coordinated-verbs' (coordination.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import coordination

CASES = [
    ('The suspect was arrested in Lyon and extradited to Belgium.',
     ['The suspect was arrested in Lyon.', 'The suspect was extradited to Belgium.']),
    ('The mayor will visit the depot in 2025 and meet 40 drivers in 2026.',
     ['The mayor will visit the depot in 2025.', 'The mayor will meet 40 drivers in 2026.']),
    ('Maria Ortiz scored twice and Leo Grant added a third goal for the visitors.',
     ['Maria Ortiz scored twice.', 'Leo Grant added a third goal for the visitors.']),
    # the parser hangs "Harlow Bank" on "data" as a coordinated object; it is the second verb's subject
    ('The firm lost no customer data and Harlow Bank found no evidence of fraud.',
     ['The firm lost no customer data.', 'Harlow Bank found no evidence of fraud.']),
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
