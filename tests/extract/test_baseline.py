"""Splitter 'baseline' (baseline.py): sentences written for this test, exact claims."""

from __future__ import annotations

import pytest

from factcheck.extract.splitters import baseline

from .constructs import construct_tests

CASES = [
    ('The survey shows 1.5 million people waiting, compared with 1.1 million in 2014.',
     ['The survey shows 1.5 million people waiting.', 'The survey shows 1.1 million people waiting in 2014.']),
    # two baselines, each with its own time; the clause's own time gives way to theirs
    ('Consumer prices rose 3.1% in the year to March, compared with 2.8% in February and 2.4% a year earlier, '
     'the statistics office said.',
     ['The statistics office said that consumer prices rose 2.8% in February.',
      'The statistics office said that consumer prices rose 2.4% a year earlier.',
      'Consumer prices rose 3.1% in the year to March, the statistics office said.']),
    # what is reported is no clause: the attribution stays in the restated one
    ('The analysis of housing waiting lists by the Greens shows 2,548,083 people waiting for a home compared '
     'with 2,019,475 eight years ago.',
     ['The analysis of housing waiting lists by the Greens shows 2,548,083 people waiting for a home.',
      'The analysis of housing waiting lists by the Greens shows 2,019,475 people waiting for a home eight '
      'years ago.']),
]


test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(
    baseline, CASES, "fewer")


@pytest.mark.parametrize("sentence", [
    # the clause states two figures: which one the baseline replaces is not known
    "Revenue rose 12% to $5 billion, compared with $4 billion in 2022.",
    # a baseline without a time of its own
    "Turnout was 31%, compared with 38% in the county.",
    # "down from" describes the change of the one figure
    "Turnout in Harlow was 31%, down from 38% at the last election in 2019.",
])
def test_stays_whole(texts, sentence):
    assert texts(sentence, registry=[baseline]) == texts(sentence, registry=[])
