"""Splitter 'nonrestrictive-relative' (nonrestrictive_relative.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import nonrestrictive_relative

CASES = [
    ('The council approved the $8 million library, which will open in 2027.',
     ['The council approved the $8 million library.', 'The $8 million library will open in 2027.']),
    ('The ferry, which carried 2 million passengers in 2023, will be replaced in 2026.',
     ['The ferry will be replaced in 2026.', 'The ferry carried 2 million passengers in 2023.']),
]


@pytest.mark.parametrize("sentence, claims", CASES)
def test_splits(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence, claims", CASES)
def test_without_the_construct_the_sentence_stays_whole(texts, sentence, claims):
    assert len(texts(sentence, without=nonrestrictive_relative)) < len(claims)
