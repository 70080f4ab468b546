"""Splitter 'fronted-predicative' (fronted_predicative.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import fronted_predicative

from .constructs import construct_tests, kept_whole

CASES = [
    ('Now in the record books for most goals in a season, Smith scored three times in the 5-1 win on Friday.',
     ['Smith is now in the record books for most goals in a season.',
      'Smith scored three times in the 5-1 win on Friday (10 May 2024).']),
    # the parser takes the fronted noun phrase for a second subject: the nearer one is the subject
    ("Already the league's top scorer, Ruiz added two more goals in the 4-1 win.",
     ["Ruiz was already the league's top scorer.", 'Ruiz added two more goals in the 4-1 win.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    fronted_predicative, CASES, "fewer")


test_adverbials_are_not_predicates = kept_whole([
    "In London, the firm Harlow Foods hired 300 staff.",  # a place adverbial
    "In 2023, Harlow Foods hired 300 staff.",  # a time adverbial
])
