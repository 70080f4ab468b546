"""Splitter 'with-clause' (with_clause.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import with_clause

from .constructs import construct_tests

CASES = [
    ('The festival drew 30,000 visitors, with tickets selling out in 3 days.',
     ['The festival drew 30,000 visitors.', 'Tickets sold out in 3 days.']),
    ('The school has 600 pupils, with 45 teachers working across 2 sites.',
     ['The school has 600 pupils.', '45 teachers worked across 2 sites.']),
    # absolute phrases found from the tokens: a position given "was" ...
    ('Norvik led the market with 12.1 million units sold, with Harlow close behind with 9.4 million units.',
     ['Norvik led the market with 12.1 million units sold.', 'Harlow was close behind with 9.4 million units.']),
    # ... and, with no comma and the parse hanging the second "with" on the first figure, an -ing verb
    ('Norvik emerged as the leader in the market with 12.1 million units sold with Harlow closely following '
     'with 9.4 million units sold.',
     ['Norvik emerged as the leader in the market with 12.1 million units sold.',
      'Harlow closely followed with 9.4 million units sold.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    with_clause, CASES, "fewer")


@pytest.mark.parametrize("sentence", [
    # "with" + a name that is the verb's partner, not the subject of a predicate
    "The firm merged with Harlow Steel last year in a $40 million deal.",
    # "with" + a figure is no absolute phrase
    "Dunmore Rovers set a club record with a 2-0 win at Kestrel Park.",
])
def test_other_with_phrases_stay(texts, sentence):
    assert texts(sentence, registry=[with_clause]) == texts(sentence, registry=[])
