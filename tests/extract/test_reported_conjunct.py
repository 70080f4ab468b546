"""Splitter 'reported-conjunct' (reported_conjunct.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import reported_conjunct

from .constructs import construct_tests

CASES = [
    ("The Harbor Board left its main fee unchanged at 4.5% on Thursday and said it saw no case for cuts "
     "before the summer.",
     ["The Harbor Board left its main fee unchanged at 4.5% on Thursday (9 May 2024).",
      "The Harbor Board said it saw no case for cuts before the summer."]),
    # the fact keeps its own coordination; only the "and" before the saying goes
    ("Jones fled abroad in March and was arrested in Lyon in June, and said he was innocent.",
     ["Jones fled abroad in March and was arrested in Lyon in June.", "Jones said he was innocent."]),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    reported_conjunct, CASES, "fewer")


def test_the_fact_is_the_articles_own_and_the_statement_the_subjects(extract):
    claims = extract("The Harbor Board left its main fee unchanged at 4.5% on Thursday and said it saw no case "
                     "for cuts before the summer.")
    assert [(c.text, c.speaker) for c in claims] == [
        ("The Harbor Board left its main fee unchanged at 4.5% on Thursday (9 May 2024).", None),
        ("The Harbor Board said it saw no case for cuts before the summer.", "Harbor Board")]


def test_an_opinion_before_the_saying_stays_with_it(texts):
    sentence = ("Mayor Gil Ortega called the budget painful and said the town would apply in October for a grant "
                "of $3 million.")
    assert texts(sentence) == [sentence]
