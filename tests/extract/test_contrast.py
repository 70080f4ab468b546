"""Splitter 'contrast' (contrast.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import contrast

CASES = [
    ('Exports rose 7% in 2023, while imports fell 3%.',
     ['Exports rose 7% in 2023.', 'Imports fell 3%.']),
    ('The town grew by 4,000 residents in 2020, whereas the county lost 900.',
     ['The town grew by 4,000 residents in 2020.', 'The county lost 900.']),
]


@pytest.mark.parametrize("sentence, claims", CASES)
def test_splits(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence, claims", CASES)
def test_without_the_construct_the_sentence_stays_whole(texts, sentence, claims):
    assert len(texts(sentence, without=contrast)) < len(claims)
