"""Splitter 'predicate-list' (predicate_list.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import predicate_list

from .constructs import construct_tests, kept_whole

CASES = [
    ('The Hornets are now 8-3 overall, 5-1 in district play, and 4-0 at home.',
     ['The Hornets are now 8-3 overall.', 'The Hornets are 5-1 in district play.', 'The Hornets are 4-0 at home.']),
    ('Turnout was 61% in 2019, 58% in 2021 and 64% in 2023.',
     ['Turnout was 61% in 2019.', 'Turnout was 58% in 2021.', 'Turnout was 64% in 2023.']),
    ('The Kestrels remain 12-4 on the road and 9-1 at home.',
     ['The Kestrels remain 12-4 on the road.', 'The Kestrels remain 9-1 at home.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    predicate_list, CASES, "fewer")


test_other_lists_stay_whole = kept_whole([
    # not every item opens with a figure: not a list of figures
    "The mayor is 54, a former teacher and a keen cyclist.",
    # a second clause, not a second complement
    "The Hornets are 8-3 overall, and their coach is Ray Dunn.",
])


def test_objects_of_a_verb_other_than_a_linking_verb_are_not_its_list(texts):
    from factcheck.extract.splitters import coordinated_objects

    # not a linking verb: the objects are coordinated-objects' to split, not this construct's
    sentence = "The firm sold 300 cars and 40 trucks in 2023."
    assert texts(sentence, without=coordinated_objects) == [sentence]


def test_an_item_keeps_its_own_date(extract):
    claims = extract("The Hornets are 8-3 overall and 4-0 since their defeat by Central on May 2.")
    assert [c.text for c in claims] == [
        "The Hornets are 8-3 overall.", "The Hornets are 4-0 since their defeat by Central on May 2 (2 May 2024)."]
    assert claims[1].date == "2024-05-02"
