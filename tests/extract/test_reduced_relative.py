"""Splitter 'reduced-relative' (reduced_relative.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import reduced_relative

from .constructs import construct_tests

CASES = [
    ('The bridge, built in 1932, carries 60,000 cars a day.',
     ['The bridge carries 60,000 cars a day.', 'The bridge was built in 1932.']),
    ('The museum, founded in 1870 by a group of 12 merchants, holds 40,000 objects.',
     ['The museum holds 40,000 objects.', 'The museum was founded in 1870 by a group of 12 merchants.']),
    # a list of names each with a figure: one claim per name; another clause set off after the noun
    # is no part of its name
    ('The largest rise has come among the councils in Dunmore, where rents have risen by 12%, followed by '
     'Ashby (7%) and Corran (5%).',
     ['The largest rise has come among the councils in Dunmore, where rents have risen by 12%.',
      'Dunmore was followed by Ashby (7%).', 'Dunmore was followed by Corran (5%).']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    reduced_relative, CASES, "fewer")
