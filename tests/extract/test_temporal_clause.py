"""Splitter 'temporal-clause' (temporal_clause.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import temporal_clause

from .constructs import construct_tests

CASES = [
    ('Nurses extended their strike into a third day on Friday after talks with the hospital broke down on Thursday.',
     ['Nurses extended their strike into a third day on Friday (10 May 2024).',
      'Talks with the hospital broke down on Thursday (9 May 2024).']),
    ('The council closed the bridge in March before engineers found 40 cracks in its deck in April.',
     ['The council closed the bridge in March.', 'Engineers found 40 cracks in its deck in April.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    temporal_clause, CASES, "fewer")


def test_a_clause_without_its_own_date_stays(texts):
    sentence = "Nurses extended their strike into a third day on Friday after talks with the hospital broke down."
    assert texts(sentence) == [sentence.replace("Friday", "Friday (10 May 2024)")]

