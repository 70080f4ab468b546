"""Splitter 'with-result' (with_result.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import with_result

from .constructs import construct_tests

CASES = [
    ('Dunmore Rovers set a club record with a 2-0 win at Kestrel Park.',
     ['Dunmore Rovers set a club record.', 'Dunmore Rovers had a 2-0 win at Kestrel Park.']),
    # a time closing the phrase dates both facts
    ('Dunmore Rovers kept their lead with a 3-1 victory over Harlow Town on Saturday.',
     ['Dunmore Rovers kept their lead on Saturday (4 May 2024).',
      'Dunmore Rovers had a 3-1 victory over Harlow Town on Saturday (4 May 2024).']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    with_result, CASES, "fewer")


@pytest.mark.parametrize("sentence", [
    "Dunmore Rovers won the cup with 41 goals in 12 games.",  # a figure, but no result with its score
    "Dunmore Rovers set a club record with a late winner.",  # a result noun without a score
])
def test_other_with_phrases_stay(texts, sentence):
    assert texts(sentence, registry=[with_result]) == texts(sentence, registry=[])
