"""Splitter 'speech-clause' (speech_clause.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import speech_clause

from .constructs import construct_tests

CASES = [
    ('The bakery sold 1,200 loaves in 2023, chief baker Tom Reyes said, adding that flour prices had risen 15% since 2021.',
     ['The bakery sold 1,200 loaves in 2023, chief baker Tom Reyes said.', 'Tom Reyes added that flour prices had risen 15% since 2021.']),
    ('Fares will rise 3% in September, transit chief Mia Lund told reporters, noting that ridership fell 8% in 2023.',
     ['Fares will rise 3% in September, transit chief Mia Lund told reporters.', 'Mia Lund noted that ridership fell 8% in 2023.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    speech_clause, CASES, "fewer")


def test_the_added_statement_keeps_the_speaker(extract):
    claims = extract(CASES[1][0])
    assert [(c.text, c.speaker) for c in claims] == [
        ("Fares will rise 3% in September, transit chief Mia Lund told reporters.", "Mia Lund"),
        ("Mia Lund noted that ridership fell 8% in 2023.", "Mia Lund"),
    ]


def test_an_added_statement_carries_a_sentence_of_rhetoric(extract):
    claims = extract("“This is a proud day for all of us,” Mayor Joan Park said, "
                     "adding that the plant will employ 1,200 people by 2027.")
    assert [(c.text, c.speaker) for c in claims] == [
        ("Joan Park added that the plant will employ 1,200 people by 2027.", "Joan Park")]


def test_adding_a_thing_is_not_a_statement(texts):
    # "adding" with an object, not a clause: nothing is reported, it is what the bank did
    assert texts("Harlow Bank said it cut 300 jobs in 2023, adding 2 new branches.") == [
        "Harlow Bank said it cut 300 jobs in 2023.", "Harlow Bank said that it added 2 new branches."]
