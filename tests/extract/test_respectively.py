"""Splitter 'respectively' (respectively.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import respectively

from .constructs import construct_tests, kept_whole

CASES = [
    ("Sales and profits rose 3% and 5%, respectively, in 2023.",
     ["Sales rose 3% in 2023.", "Profits rose 5% in 2023."]),
    ("Rents in Ashby and Corran rose 4% and 7%, respectively.",
     ["Rents in Ashby rose 4%.", "Rents in Corran rose 7%."]),
    # a plural present verb agrees with each single subject
    ("Alder and Brill have 4,200 and 3,100 residents respectively.",
     ["Alder has 4,200 residents.", "Brill has 3,100 residents."]),
    # three pairs; the comma after "respectively" closes the clause before the attribution
    ("Prices for beef, pork and lamb rose 4%, 6% and 9% respectively, the agency said.",
     ["The agency said that prices for pork rose 6%.", "The agency said that prices for lamb rose 9%.",
      "Prices for beef rose 4%, the agency said."]),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    respectively, CASES, "one")


test_stays_whole = kept_whole([
    # two names, three figures: nothing to pair
    "Ward 3 and Ward 7 recorded 120, 85 and 40 cases respectively.",
    # both pairs would state the same figures: deduplication would keep only one of them
    "Fenwick and Dunmore both won 2-0, against Thorne and Lisby respectively.",
])
