"""The guard: a split that would give a broken claim is not made (sentences written for this test)."""

from __future__ import annotations

import pytest

from factcheck.extract.guard import text_problem


@pytest.mark.parametrize("text, problem", [
    ("The mill cut 300 jobs.", None),
    ("“We will hire 40 staff,” Ana Silva said.", None),
    ("the mill cut 300 jobs.", "does not start a sentence"),
    ("The mill cut 300 jobs", "does not end a sentence"),
    ("Ana Silva said: “We will hire 40 staff.", "has unbalanced quotation marks"),
    ("The mill (in Ashby cut 300 jobs.", "has unbalanced brackets"),
])
def test_text_problem(text, problem):
    assert text_problem(text) == problem


def test_a_during_phrase_without_an_event_is_not_made_a_claim(texts):
    # splitting would give "The team: the 2022 season.", which has no verb
    assert texts("The team won 8 games during the 2022 season.") == ["The team won 8 games during the 2022 season."]


def test_a_quotation_is_not_split_into_reported_speech(texts):
    assert texts('Lena Ortiz said: "We opened 3 depots and we want to open more next year."') == [
        'Lena Ortiz said: "We opened 3 depots and we want to open more next year [2025]."']


def test_a_split_never_leaves_an_unresolved_pronoun_first(texts):
    got = texts("Harlow Bank cut 300 jobs in 2023, and they will close 12 branches in 2025.")
    assert not any(t.lower().startswith("they ") for t in got)
