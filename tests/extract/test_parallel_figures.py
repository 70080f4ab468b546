"""Splitter 'parallel-figures' (parallel_figures.py): sentences written for this test, exact claims."""

from __future__ import annotations

from factcheck.extract.splitters import parallel_figures

from .constructs import construct_tests

CASES = [
    ('The largest rises were in Ashby, up 4,100; Corran, up 2,300 and Delford, up 1,900.',
     ['The largest rises were in Ashby, up 4,100.', 'The largest rises were in Corran, up 2,300.',
      'The largest rises were in Delford, up 1,900.']),
    # the gapped verb is restored
    ('Ashby had a rise of 8.7%, Corran 5.4% and Delford 4.8%.',
     ['Ashby had a rise of 8.7%.', 'Corran had a rise of 5.4%.', 'Delford had a rise of 4.8%.']),
    ('Ashby was followed by Corran (71%) and the Northwest (61%).',
     ['Ashby was followed by Corran (71%).', 'Ashby was followed by the Northwest (61%).']),
    ('For May, the towns with the lowest rents were Ashby at 4.1 percent and Corran at 4.3 percent.',
     ['For May, the towns with the lowest rents were Ashby at 4.1 percent.',
      'For May, the towns with the lowest rents were Corran at 4.3 percent.']),
    ('The two towns with declines were Ashby, with a drop of 1,200, and Corran, with a decline of 800.',
     ['The two towns with declines were Ashby, with a drop of 1,200.',
      'The two towns with declines were Corran, with a decline of 800.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    parallel_figures, CASES, "fewer")


def test_figures_of_one_item_are_not_a_list(texts):
    from factcheck.extract.splitters import coordinated_objects

    # no names labelling the figures: not this construct's list (coordinated-objects splits it)
    sentence = "The firm sold 300 cars and 40 trucks in 2023."
    assert texts(sentence, without=coordinated_objects) == [sentence]
    assert texts(sentence) == ["The firm sold 300 cars in 2023.", "The firm sold 40 trucks in 2023."]


def test_each_item_quotes_its_own_words(extract):
    claims = extract(CASES[0][0])
    assert [c.quote for c in claims] == ["The largest rises were in Ashby, up 4,100", "Corran, up 2,300",
                                         "Delford, up 1,900"]
