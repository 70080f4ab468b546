"""Splitter 'semicolon' (semicolon.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import semicolon

from .constructs import construct_tests

CASES = [
    ('Sales rose 4% in the north; the south lost 120 customers.',
     ['Sales rose 4% in the north.', 'The south lost 120 customers.']),
    ('Officials counted 52 deaths in 2023; injuries rose to 1,400.',
     ['Officials counted 52 deaths in 2023.', 'Injuries rose to 1,400.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    semicolon, CASES, "fewer")
