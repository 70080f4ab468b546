"""Splitter 'during' (during.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import during

from .constructs import construct_tests

CASES = [
    ('The league fined the club $40,000 during its 2019 review of 6 stadiums.',
     ['The league fined the club $40,000.', "The league's 2019 review of 6 stadiums took place."]),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    during, CASES, "fewer")
