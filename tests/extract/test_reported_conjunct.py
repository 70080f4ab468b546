"""Splitter 'reported-conjunct' (reported_conjunct.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import reported_conjunct

from .constructs import construct_tests, kept_whole

CASES = [
    ("The Harbor Board left its main fee unchanged at 4.5% on Thursday and said it saw no case for cuts "
     "before the summer.",
     ["The Harbor Board left its main fee unchanged at 4.5% on Thursday (9 May 2024).",
      "The Harbor Board said it saw no case for cuts before the summer."]),
    # the fact keeps its own coordination; only the "and" before the saying goes
    ("Jones fled abroad in March and was arrested in Lyon in June, and said he was innocent.",
     ["Jones fled abroad in March and was arrested in Lyon in June.", "Jones said he was innocent."]),
    # what opens the sentence stays with the fact it frames
    ("On Monday, Coastline Ferries raised fees by 6% and said traffic would recover.",
     ["On Monday (6 May 2024), Coastline Ferries raised fees by 6%.", "Coastline Ferries said traffic would recover."]),
    # an agreement to act is an act, not words: the deal is the article's, the expectation the company's
    ("Halder Foods agreed on Tuesday to buy rival Corra Dairies for $240 million and said it expected the deal to "
     "close in 2025.",
     ["Halder Foods agreed on Tuesday (7 May 2024) to buy rival Corra Dairies for $240 million.",
      "Halder Foods said it expected the deal to close in 2025."]),
    # a clause set off inside the subject is a claim of its own, not repeated in the fact
    ("The company, which employs 3,000 people, lost $2 million and said sales would pick up.",
     ["The company lost $2 million.", "The company said sales would pick up.", "The company employs 3,000 people."]),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    reported_conjunct, CASES, "fewer")


def test_the_fact_is_the_articles_own_and_the_statement_the_subjects(extract):
    claims = extract("The Harbor Board left its main fee unchanged at 4.5% on Thursday and said it saw no case "
                     "for cuts before the summer.")
    assert [(c.text, c.speaker) for c in claims] == [
        ("The Harbor Board left its main fee unchanged at 4.5% on Thursday (9 May 2024).", None),
        ("The Harbor Board said it saw no case for cuts before the summer.", "Harbor Board")]


test_a_judgement_before_the_saying_stays_with_it = kept_whole([
    "Mayor Gil Ortega called the budget painful and said the town would apply for a grant of $3 million.",
    # a judgement with a figure in it is still a judgement
    "Mayor Tom Okafor called the 4% tax rise painful and said the town would cope.",
    "The health minister blamed the $40 million overrun on the contractor and said the line would open in 2027.",
])


def test_a_passive_fact_shares_its_subject_with_the_saying(extract):
    claims = extract("The former treasurer, Dana Ruiz, was arrested on March 3 and said she would fight the charges.")
    assert [(c.text, c.speaker) for c in claims] == [
        ("The former treasurer, Dana Ruiz, was arrested on March 3 (3 March 2024).", None),
        ("The former treasurer, Dana Ruiz, said she would fight the charges.", "Dana Ruiz")]


def test_what_was_not_said_is_the_articles_statement(extract):
    claims = extract("Coastline Ferries raised fees by 6% in 2023 but did not say whether traffic had fallen.")
    assert [(c.text, c.speaker) for c in claims] == [
        ("Coastline Ferries raised fees by 6% in 2023.", None),
        ("Coastline Ferries did not say whether traffic had fallen.", None)]
