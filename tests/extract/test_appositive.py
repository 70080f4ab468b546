"""Splitter 'appositive' (appositive.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import appositive

from .constructs import construct_tests, kept_whole

CASES = [
    ("The council voted 7-2 on Tuesday to approve a $412 million budget, an increase of 6.1% over last year.",
     ["The council voted 7-2 on Tuesday (7 May 2024) to approve a $412 million budget.",
      "The budget is an increase of 6.1% over last year (2023)."]),
    # a date of its own; a possessive resolved to the subject
    ("Acme hired Jane Roe, its third chief executive since 2019.",
     ["Acme hired Jane Roe.", "Jane Roe is Acme's third chief executive since 2019."]),
    # the parse hangs the phrase on the date before the comma: it describes the verb's object
    ("The board approved a $90 million levy on Monday, an increase of 4.5% over 2023.",
     ["The board approved a $90 million levy on Monday (6 May 2024).",
      "The levy is an increase of 4.5% over 2023."]),
    # the speaker's own description is the article's statement, not the speaker's
    ("Jane Roe, a nurse with 30 years of service, said the ward had 12 beds.",
     ["Jane Roe said the ward had 12 beds.", "Jane Roe is a nurse with 30 years of service."]),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    appositive, CASES, "one")


test_stays_whole = kept_whole([
    # no figure or date of its own
    "The city approved a $2 billion plan, the largest in its history.",
    # a place is not what the figure describes
    "About 40,000 people flew to Ashby in Norland, a rise of 12.1%.",
    # a count: without its figure the noun says nothing
    "The firm reported 3,200 sales, a rise of 4% on 2022.",
    # a list, not a noun and its description
    "Two goals, three assists.",
])
