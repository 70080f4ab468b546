"""Splitter 'margin' (margin.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import margin

from .constructs import construct_tests

CASES = [
    ("Harbor lead the table on 58 points, four clear of second-placed Redmoor.",
     ["Harbor lead the table on 58 points.", "Harbor are four points clear of second-placed Redmoor."]),
    ("Ashby Town are third with 41 points, two behind Corran.",
     ["Ashby Town are third with 41 points.", "Ashby Town are two points behind Corran."]),
    # the unit given in the phrase; a past verb
    ("The Hornets finished the race in 2 hours 14 minutes, 40 seconds ahead of the Lions.",
     ["The Hornets finished the race in 2 hours 14 minutes.", "The Hornets were 40 seconds ahead of the Lions."]),
    # the unit is a word counted, not a percentage
    ("Sales rose 5% to 300 units, 20 short of the target.",
     ["Sales rose 5% to 300 units.", "Sales were 20 units short of the target."]),
    # the margin is the named object's; "one" takes a singular unit
    ("The draw leaves Fenwick on 27 points from 12 games, one ahead of Thorne.",
     ["The draw leaves Fenwick on 27 points from 12 games.", "Fenwick is one point ahead of Thorne."]),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    margin, CASES, "unchanged")


def test_no_counted_unit_no_split(texts):
    sentence = "Harbor stayed top of the table, four clear of Redmoor."
    assert texts(sentence) == [sentence]
