"""Splitter 'participle-clause' (participle.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import participle

from .constructs import construct_tests

CASES = [
    ('The storm flooded 400 homes in 2023, forcing 1,500 residents to leave.',
     ['The storm flooded 400 homes in 2023.', 'The storm forced 1,500 residents to leave.']),
    ('Revenue climbed 12% to $3.4 billion in 2023, beating the forecast of 9%.',
     ['Revenue climbed 12% to $3.4 billion in 2023.', 'Revenue beat the forecast of 9%.']),
    # coordinated participles: one claim each, each in the past
    ('Rovers extended their lead, opening a 9-point gap and setting a club record of 41 away goals.',
     ['Rovers extended their lead.', 'Rovers opened a 9-point gap.', 'Rovers set a club record of 41 away goals.']),
    # "and at the same time setting ...": the parser hangs the second participle on the first and
    # the end of the sentence elsewhere; the clause still runs to the end of the sentence
    ('Harlow Town kept up their strong season, stretching their lead at the top of the Northern League and at '
     'the same time setting a new record for the best ever start to a season in the league after 11 games.',
     ['Harlow Town kept up their strong season.',
      'Harlow Town stretched their lead at the top of the Northern League.',
      'Harlow Town set a new record for the best ever start to a season in the league after 11 games.']),
]


# the parse makes the subject the root ("A fire | swept through ..."); the indefinite subject is
# restated as definite, and each participle is its own claim in the past
MISPARSED = [
    ('A fire swept through the plant on Monday, killing four workers and injuring 23 others.',
     ['A fire swept through the plant on Monday (6 May 2024).', 'The fire killed four workers.',
      'The fire injured 23 others.']),
    ('An explosion ripped through the depot, killing two men and wounding 14.',
     ['An explosion ripped through the depot.', 'The explosion killed two men.', 'The explosion wounded 14.']),
]
CASES += MISPARSED


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    participle, CASES, "fewer")


def test_a_list_of_gerunds_as_the_object_is_not_a_participle_clause(texts):
    sentence = "The council's response has included closing the old depot, hiring 40 inspectors and publishing the test results."
    assert texts(sentence) == [sentence]


@pytest.mark.parametrize("sentence, claims", [
    ("Citing a 7% rise in fuel costs, the board declined to raise wages.",
     ["The board cited a 7% rise in fuel costs.", "The board declined to raise wages."]),
    ("Citing a 7% rise in fuel costs, the board also declined to fill three vacant posts, saving about $200,000.",
     ["The board cited a 7% rise in fuel costs.", "The board also declined to fill three vacant posts.",
      "The board saved about $200,000."]),
])
def test_a_participle_clause_opening_the_sentence(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence", [
    "A fire swept through the plant on Monday, killing four workers and injuring 23 others.",
    "A fire swept through the plant on Monday, killing four workers and injuring others.",
    "The storm hit the coast on Monday, killing four people and injuring dozens more.",
])
def test_a_second_participle_is_never_left_unrestated(texts, sentence):
    claims = texts(sentence)
    assert len(claims) == 3
    assert not any("and injuring" in c for c in claims)
