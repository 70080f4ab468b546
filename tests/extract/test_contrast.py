"""Splitter 'contrast' (contrast.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import contrast

from .constructs import construct_tests

CASES = [
    ('Although the club lost 3 games in March, Harlow United still leads the league by 6 points.',
     ['The club lost 3 games in March.', 'Harlow United still leads the league by 6 points.']),
    ('Exports rose 7% in 2023, while imports fell 3%.',
     ['Exports rose 7% in 2023.', 'In 2023, imports fell 3%.']),
    ('The town grew by 4,000 residents in 2020, whereas the county lost 900.',
     ['The town grew by 4,000 residents in 2020.', 'In 2020, the county lost 900.']),
    # concessive clauses: an event without a figure is a fact of its own
    ('Though Paul Brandt will appeal the verdict, the ruling closes a case that began in 2019.',
     ['Paul Brandt will appeal the verdict.', 'The ruling closes a case that began in 2019.']),
    ('Even though sales fell 4% in May, Norvik Foods opened 12 stores.',
     ['Sales fell 4% in May.', 'Norvik Foods opened 12 stores.']),
    ('The firm posted a profit of $3 million, although chief executive Omar Haddad resigned in June.',
     ['The firm posted a profit of $3 million.', 'Chief executive Omar Haddad resigned in June.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    contrast, CASES, "fewer")


def test_no_split_that_would_leave_a_pronoun_first(texts):
    sentence = "Although the club lost 3 games in March, it still leads the league by 6 points."
    assert texts(sentence) == [sentence]


def test_the_time_frame_is_kept_in_both_parts(extract):
    claims = extract("Between 2010 and 2020 the cost of solar panels fell 85%, while sales grew tenfold.")
    assert [(c.text, c.date) for c in claims] == [
        ("Between 2010 and 2020 the cost of solar panels fell 85%.", "2010"),
        ("Between 2010 and 2020, sales grew tenfold.", "2010"),
    ]


def test_a_trailing_time_on_the_object_is_shared(texts):
    assert texts("Ashby saw a growth of 3.2% in October, while Corran had a rise of 8.7%.") == [
        "Ashby saw a growth of 3.2% in October.", "In October, Corran had a rise of 8.7%."]
