"""Splitter 'anchored-relative' (anchored_relative.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import anchored_relative

from .constructs import construct_tests, kept_whole

CASES = [
    ("A hospital porter who stole 40 laptops in 2021 was jailed for 16 months in 2023.",
     ["A hospital porter was jailed for 16 months in 2023.", "A hospital porter stole 40 laptops in 2021."]),
    ("The lorry that crashed on the bypass in March was carrying 20 tonnes of gravel.",
     ["The lorry was carrying 20 tonnes of gravel.", "The lorry crashed on the bypass in March."]),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    anchored_relative, CASES, "one")


test_a_clause_that_sets_the_scope_or_states_nothing_stays = kept_whole([
    # a rule or a generic statement: the clause sets its scope
    "A driver who exceeds 50 mph faces a fine of $200.",
    "Companies that exported more than $1 million paid 12% more tax in 2023.",
    # the clause has no figure of its own
    "A clerk who worked at the depot was jailed for 18 months in 2023.",
])
