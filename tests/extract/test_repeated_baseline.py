"""Splitter 'repeated-baseline' (repeated_baseline.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import repeated_baseline

from .constructs import construct_tests, kept_whole

CASES = [
    ("Smoking had fallen from 13.1% in 2023 and from 24.5% in 2010.",
     ["Smoking had fallen from 13.1% in 2023.", "Smoking had fallen from 24.5% in 2010."]),
    ("Exports rose by 4% to $2 billion in March and by 6% in April.",
     ["Exports rose by 4% to $2 billion in March.", "Exports rose by 6% in April."]),
    ("Rents in the county have climbed from $900 in 2015 and from $650 in 2005.",
     ["Rents in the county have climbed from $900 in 2015.", "Rents in the county have climbed from $650 in 2005."]),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    repeated_baseline, CASES, "unchanged")


test_stays_whole = kept_whole([
    # places, not figures: one move, told twice, is not a pair of baselines
    "The agency moved its offices from Hallam in 2010 and from Corby in 2014.",
    # a range is one fact
    "Fares went from 40 cents to 60 cents in 2022.",
])
