"""Splitter 'with-result' (with_result.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import with_result

CASES = [
    ('Dunmore Rovers set a club record with a 2-0 win at Kestrel Park.',
     ['Dunmore Rovers set a club record.', 'Dunmore Rovers had a 2-0 win at Kestrel Park.']),
    # a time closing the phrase dates both facts
    ('Dunmore Rovers kept their lead with a 3-1 victory over Harlow Town on Saturday.',
     ['Dunmore Rovers kept their lead on Saturday (4 May 2024).',
      'Dunmore Rovers had a 3-1 victory over Harlow Town on Saturday (4 May 2024).']),
]


@pytest.mark.parametrize("sentence, claims", CASES)
def test_splits(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence, claims", CASES)
def test_without_the_construct_the_sentence_stays_whole(texts, sentence, claims):
    assert len(texts(sentence, without=with_result)) < len(claims)


@pytest.mark.parametrize("sentence", [
    "Dunmore Rovers won the cup with 41 goals in 12 games.",  # a figure, but no result with its score
    "Dunmore Rovers set a club record with a late winner.",  # a result noun without a score
])
def test_other_with_phrases_stay(texts, sentence):
    assert texts(sentence, registry=[with_result]) == texts(sentence, registry=[])
