"""Check-worthiness model, claim types, and relative dates."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from factcheck.extract import dates
from factcheck.extract.score import WEIGHTS

from conftest import ROOT


def test_shipped_model_credits_its_data_and_loads():
    data = json.loads(WEIGHTS.read_text())
    assert "ClaimBuster" in data["about"] and "CC BY 4.0" in data["about"]
    assert data["sentences"] == 7976
    assert data["held_out"]["f1"] > 0.7
    assert data["weights"]["number"] > 0 and data["weights"]["first person"] < 0


def test_training_script_reproduces_a_model(tmp_path):
    rows = []
    for i in range(60):
        if i % 2:
            rows.append({"sentence_id": i, "label": 1, "text": f"Exports rose {i}% to ${i} million in 20{10 + i % 10}."})
        else:
            rows.append({"sentence_id": i, "label": 0, "text": "I think we should all work together and be honest."})
    data = tmp_path / "train.json"
    data.write_text(json.dumps(rows))
    out = tmp_path / "model.json"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_checkworthiness.py"), "--data", str(data),
                           "--out", str(out), "--min-count", "2"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    model = json.loads(out.read_text())
    assert model["sentences"] == 60 and model["held_out"]["f1"] == 1.0
    assert model["weights"]["number"] > 0


def test_training_script_says_where_data_is(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_checkworthiness.py"), "--data",
                           str(tmp_path / "nope.json")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "nope.json: not found. The ClaimBuster sentences live in ../shared/data/claimbuster/" in proc.stderr


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
