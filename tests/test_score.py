"""Relative dates (the learned scores are tested in test_scorer.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract import dates

TUESDAY = dt.date(2025, 10, 7)


@pytest.mark.parametrize("phrase,future,expected", [
    ("Tuesday", False, "2025-10-07"),
    ("Thursday", False, "2025-10-02"),
    ("Thursday", True, "2025-10-09"),
    ("two months ago", False, "2025-08"),
    ("a year ago", False, "2024"),
    ("3 days ago", False, "2025-10-04"),
    ("next year", False, "2026"),
    ("last month", False, "2025-09"),
    ("earlier this month", False, "2025-10"),
    ("this year", False, "2025"),
    ("Sept. 1", False, "2025-09-01"),
    ("Dec. 25", False, "2024-12-25"),
    ("Dec. 25", True, "2025-12-25"),
    ("March 3, 2021", False, "2021-03-03"),
    ("4 July", False, "2025-07-04"),
    ("25 December", False, "2024-12-25"),
    ("25 December", True, "2025-12-25"),
    ("in March", False, "2025-03"),
    ("in November", False, "2024-11"),
    ("yesterday", False, "2025-10-06"),
    ("next spring", False, "2026"),
    ("last summer", False, "2025"),
    ("this autumn", False, "2025"),
    ("the latter half", False, None),
    ("last quarter", False, None),
])
def test_relative_dates(phrase, future, expected):
    assert dates.resolve(phrase, TUESDAY, future=future) == expected


def test_humanise():
    assert [dates.humanise(x) for x in ("2025-08", "2025-10-07", "2026")] == ["August 2025", "7 October 2025", "2026"]


def test_claim_types_on_sentences(nlp):
    from factcheck.extract.score import claim_type, features

    def kind(text):
        doc = nlp(text)
        toks = list(doc)
        return claim_type(features(toks, list(doc.ents)), toks, 2025)

    assert kind("Exports rose 12% to $3 billion last year.") == "quantity"
    assert kind("The company will open 40 stores by 2030.") == "prediction"
    assert kind("The flood was caused by heavy rain in Valencia.") == "causal"
    assert kind("The new law bans smoking in bars from January.") == "rule"
    assert kind("The minister visited Paris on Monday.") == "event"
