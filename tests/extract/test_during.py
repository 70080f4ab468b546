"""Splitter 'during' (during.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import during

CASES = [
    ('The league fined the club $40,000 during its 2019 review of 6 stadiums.',
     ['The league fined the club $40,000.', "The league's 2019 review of 6 stadiums took place."]),
]


@pytest.mark.parametrize("sentence, claims", CASES)
def test_splits(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence, claims", CASES)
def test_without_the_construct_the_sentence_stays_whole(texts, sentence, claims):
    assert len(texts(sentence, without=during)) < len(claims)
