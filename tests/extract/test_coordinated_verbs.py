"""Splitter 'coordinated-verbs' (coordination.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import coordination

from .constructs import construct_tests

CASES = [
    ('The suspect was arrested in Lyon and extradited to Belgium.',
     ['The suspect was arrested in Lyon.', 'The suspect was extradited to Belgium.']),
    ('The mayor will visit the depot in 2025 and meet 40 drivers in 2026.',
     ['The mayor will visit the depot in 2025.', 'The mayor will meet 40 drivers in 2026.']),
    ('Maria Ortiz scored twice and Leo Grant added a third goal for the visitors.',
     ['Maria Ortiz scored twice.', 'Leo Grant added a third goal for the visitors.']),
    # the parser hangs "Harlow Bank" on "data" as a coordinated object; it is the second verb's subject
    ('The firm lost no customer data and Harlow Bank found no evidence of fraud.',
     ['The firm lost no customer data.', 'Harlow Bank found no evidence of fraud.']),
    ('The factory opened in 1994 and employed 800 workers by 2000.',
     ['The factory opened in 1994.', 'The factory employed 800 workers by 2000.']),
    ('The museum raised $5 million in 2023 and opened a new wing in 2024.',
     ['The museum raised $5 million in 2023.', 'The museum opened a new wing in 2024.']),
    ('The river rose 3 metres overnight and flooded 200 homes.',
     ['The river rose 3 metres overnight.', 'The river flooded 200 homes.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    coordination, CASES, "fewer")


@pytest.mark.parametrize("sentence, claims", [
    ("In 2023, exports rose 7% and imports fell 3%.", ["In 2023, exports rose 7%.", "In 2023, imports fell 3%."]),
    ("In 2023 the firm hired 40 staff and opened 3 stores.",
     ["In 2023 the firm hired 40 staff.", "In 2023, the firm opened 3 stores."]),
    ("Last year the port handled 2 million containers and the airport served 9 million passengers.",
     ["Last year (2023) the port handled 2 million containers.",
      "Last year (2023), the airport served 9 million passengers."]),
])
def test_the_time_frame_is_kept_in_every_part(texts, sentence, claims):
    assert texts(sentence) == claims


@pytest.mark.parametrize("sentence, claims", [
    # the parser hangs "further goals from ..." on the first verb and the second verb loses its subject:
    # the noun phrase after "and" is that subject, never the first clause's
    ("Maria Ortiz scored twice and further goals from Leo Grant and Sam Reyes helped Harlow United to a 4-0 win.",
     ["Maria Ortiz scored twice.", "Further goals from Leo Grant and Sam Reyes helped Harlow United to a 4-0 win."]),
    ("Tom Ferris scored once and late strikes from Ada Moss and Rui Lopes gave the hosts a 3-1 victory.",
     ["Tom Ferris scored once.", "Late strikes from Ada Moss and Rui Lopes gave the hosts a 3-1 victory."]),
    # the second subject carries a clause of its own, set off by commas
    ("Ola Berg's free kick levelled the match and Ivan Petrov, who had missed a penalty earlier, "
     "scored the winner in the 84th minute.",
     ["Ola Berg's free kick levelled the match.",
      "Ivan Petrov, who had missed a penalty earlier, scored the winner in the 84th minute."]),
    ("The city sold the old depot for $2 million and the council, which had opposed the sale, voted to appeal.",
     ["The city sold the old depot for $2 million.", "The council, which had opposed the sale, voted to appeal."]),
])
def test_the_second_clause_keeps_its_own_subject(texts, sentence, claims):
    assert texts(sentence) == claims


def test_a_chain_of_three_clauses_is_split_at_every_link(texts):
    sentence = ("Play began badly for Rovers when Lee put City ahead in the 9th minute, but Kane's header "
                "levelled the score and Son, who had hit the post twice, scored the winner in the 88th minute.")
    assert texts(sentence) == [
        "Play began badly for Rovers when Lee put City ahead in the 9th minute.",
        "Kane's header levelled the score.",
        "Son, who had hit the post twice, scored the winner in the 88th minute.",
    ]


@pytest.mark.parametrize("sentence, claims", [
    # a reported statement after a colon: the second verb keeps the statement's subject and the speaker
    ("Press secretary Ana Ruiz announced: Prime Minister Omar Haddad will brief the press twice a month and "
     "will publish the figures every quarter.",
     ["Press secretary Ana Ruiz announced: Prime Minister Omar Haddad will brief the press twice a month.",
      "Ana Ruiz announced that Prime Minister Omar Haddad will publish the figures every quarter."]),
    # a cut may take a whole quotation; another quotation in the sentence does not stop it
    ("Mayor Ana Ruiz said the city will open 3 “cooling centres” in June and will hire 40 “heat wardens” by July.",
     ["Mayor Ana Ruiz said the city will open 3 “cooling centres” in June.",
      "Mayor Ana Ruiz said that the city will hire 40 “heat wardens” by July."]),
])
def test_reported_statements(texts, sentence, claims):
    assert texts(sentence) == claims


def test_a_clause_parsed_as_a_noun_coordinated_with_the_verb(texts):
    # the parse makes "captain" a conjunct of "led" and "equalised" a participle on it
    sentence = ("The hosts led through Ada Moss in the 8th minute, but the visitors' captain, Ivy Chen, equalised "
                "in the 31st minute and again in the 88th.")
    assert texts(sentence) == ["The hosts led through Ada Moss in the 8th minute.",
                               "The visitors' captain, Ivy Chen, equalised in the 31st minute and again in the 88th."]


def test_a_verb_coordinated_with_a_statement_verb_is_not_reported(texts):
    # "reported" is the company's statement verb; what it did besides is no part of the report;
    # "cut" is tagged as a base form after a past tense
    assert texts("Norvik Foods reported a 12% rise in revenue on Tuesday but cut 300 jobs in June.") == [
        "Norvik Foods reported a 12% rise in revenue on Tuesday (7 May 2024).",
        "Norvik Foods cut 300 jobs in June."]


def test_a_second_saying_is_not_given_the_reported_subject(texts):
    # the parse hangs the second "said" on "rose": split there, "rents said wages rose" would be garbled
    sentence = "The minister said rents rose 38% in five years and said wages rose 17%."
    assert texts(sentence) == [sentence]


def test_the_shared_subject_leaves_out_a_clause_split_off_it(texts):
    # the relative clause is a claim of its own: the conjuncts restate the subject without it
    assert texts("The levy, which covers about 82,000 homes, applies to new leases and takes effect in 2026.") == [
        "The levy applies to new leases.", "The levy covers about 82,000 homes.", "The levy takes effect in 2026."]
