"""Splitter 'coordinated-objects' (coordinated_objects.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import coordinated_objects

from .constructs import construct_tests, kept_whole

CASES = [
    ("The measure adds 24 police officers and 12 firefighters.",
     ["The measure adds 24 police officers.", "The measure adds 12 firefighters."]),
    # a time after the objects dates both
    ("The club signed two strikers and three defenders in January.",
     ["The club signed two strikers in January.", "The club signed three defenders in January."]),
    ("The district will open 40 schools, 12 libraries and 3 pools by 2027.",
     ["The district will open 40 schools by 2027.", "The district will open 12 libraries by 2027.",
      "The district will open 3 pools by 2027."]),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    coordinated_objects, CASES, "unchanged")


test_stays_whole = kept_whole([
    # one object has no figure of its own
    "The city will hire 24 officers and a new chief.",
    # a range is one fact
    "The plan funds between 20 and 30 officers.",
    # figures in words and a year in digits: each claim would state only the year, and deduplication
    # would keep one of them
    "The district will open four schools, two libraries and one pool by 2027.",
])
