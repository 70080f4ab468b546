"""Splitter 'nonrestrictive-relative' (nonrestrictive_relative.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import nonrestrictive_relative

from .constructs import construct_tests

CASES = [
    # the relative clause describes the speaker: the description is no part of what is said
    ('Harlow Bank, which cut 300 jobs in 2023, said it would hire 40 staff in 2025.',
     ['Harlow Bank said it would hire 40 staff in 2025.', 'Harlow Bank cut 300 jobs in 2023.']),
    # coordinated verbs inside the relative clause each get the noun
    ('The talks, which began in 2003 and ended in 2009, produced 4 treaties.',
     ['The talks produced 4 treaties.', 'The talks began in 2003.', 'The talks ended in 2009.']),
    ('The council approved the $8 million library, which will open in 2027.',
     ['The council approved the $8 million library.', 'The $8 million library will open in 2027.']),
    ('The ferry, which carried 2 million passengers in 2023, will be replaced in 2026.',
     ['The ferry will be replaced in 2026.', 'The ferry carried 2 million passengers in 2023.']),
    # ", where ..." after a place: the clause is placed there
    ('Most of the new jobs are in Harlow, where the council opened 3 depots in 2023.',
     ['Most of the new jobs are in Harlow.', 'In Harlow, the council opened 3 depots in 2023.']),
    ('The largest rise has come among the towns in the Northeast, where rents have risen by 12%, followed by '
     'Ashby (7%) and the Southwest (5%), according to figures from the Harlow Housing Trust.',
     ['The largest rise has come among the towns in the Northeast according to figures from the Harlow Housing '
      'Trust.', 'In the Northeast, rents have risen by 12%.', 'The Northeast was followed by Ashby (7%).',
      'The Northeast was followed by the Southwest (5%).']),
    # set off by a dash
    ('The council approved the $8 million library - which will open in 2027.',
     ['The council approved the $8 million library.', 'The $8 million library will open in 2027.']),
    # an event placed in time without a figure or a calendar date
    ('The strike, which began two weeks before the vote, cost Harlow Rail $4 million.',
     ['The strike cost Harlow Rail $4 million.', 'The strike began two weeks before the vote.']),
    # the parse hangs the clause on the first of two coordinated nouns; it describes the last
    ("Ola Berg's free kick levelled the match and Ivan Petrov, who had missed a penalty in the first half, "
     "scored the winner in the 84th minute.",
     ["Ola Berg's free kick levelled the match.", 'Ivan Petrov scored the winner in the 84th minute.',
      'Ivan Petrov had missed a penalty in the first half.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    nonrestrictive_relative, CASES, "fewer")


def test_a_clause_about_a_figure_is_not_split(texts):
    # "which" is the whole statement, not the $2 billion
    assert texts("The dam cost $2 billion, which was 40% above its 2015 budget.") == [
        "The dam cost $2 billion, which was 40% above its 2015 budget."]


def test_the_description_of_the_speaker_is_the_article_s_own_voice(extract):
    claims = extract(CASES[0][0])
    assert [(c.text, c.speaker) for c in claims] == [
        ("Harlow Bank said it would hire 40 staff in 2025.", "Harlow Bank"),
        ("Harlow Bank cut 300 jobs in 2023.", None),
    ]


def test_a_clause_without_figure_or_time_stays(texts):
    sentence = "Harlow Steel, which employs many local people, bought the mill."
    assert texts(sentence) == [sentence]


def test_a_clause_reporting_what_its_noun_said_is_theirs(extract):
    claims = extract("Seven MPs broke ranks in the 2025 vote. Among them was Ruth Malm, who said the bill did too "
                     "little for 40,000 tenants in social housing.")
    assert [(c.text, c.speaker) for c in claims] == [
        ("Seven MPs broke ranks in the 2025 vote.", None),
        ("Among the seven MPs was Ruth Malm.", None),
        ("Ruth Malm said the bill did too little for 40,000 tenants in social housing.", "Ruth Malm")]
