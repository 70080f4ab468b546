"""factcheck validate: every kind of problem, with its exact line, and exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, claim, sheet

INVALID = sorted((DATA / "invalid").glob("*.yaml"))
VALID = sorted((DATA / "valid").glob("*.yaml"))


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_reports_exact_problems(run, data, monkeypatch, path):
    monkeypatch.chdir(data / "invalid")
    r = run("validate", path.name)
    assert r.out == path.with_suffix(".expect").read_text(encoding="utf-8")
    assert r.code == 1
    assert r.err == ""


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_fixture_passes(run, data, monkeypatch, path):
    monkeypatch.chdir(data / "valid")
    r = run("validate", path.name)
    assert (r.code, r.out, r.err) == (0, "1 worksheet valid\n", "")


def test_acceptance_misspelled_duplicated_and_bad_status(run, data, monkeypatch):
    monkeypatch.chdir(data / "invalid")
    r = run("validate", "acceptance.yaml")
    assert r.code == 1
    assert r.out.splitlines() == [
        "acceptance.yaml:8:5: claims[0].staus: unknown key; did you mean 'status'?",
        "acceptance.yaml:12:5: claims[1].status: duplicate key (first at line 11); YAML would keep only the last one, so delete one",
        "acceptance.yaml:15:13: claims[2].status: 'finished' is not one of: unchecked, in-progress, checked, skipped",
        "3 problems in 1 file (1 checked)",
    ]


def test_folder_reports_every_file_then_summary(run, data, monkeypatch):
    monkeypatch.chdir(data)
    r = run("validate", "valid", "invalid/bad-enum.yaml", "invalid/duplicate-id.yaml")
    assert r.code == 1
    assert r.out.splitlines() == [
        "invalid/bad-enum.yaml:7:11: claims[0].type: 'number' is not one of: quantity, event, prediction, causal, rule, quote, other",
        "invalid/bad-enum.yaml:8:13: claims[0].status: 'done' is not one of: unchecked, in-progress, checked, skipped",
        "invalid/duplicate-id.yaml:8:5: claims[1].id: duplicate claim id 'budget-1' (first at line 5); ids must be unique",
        "3 problems in 2 files (4 checked)",
    ]


def test_default_path_is_claims_folder(run, tmp_path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "article.txt").write_text("The town council approved a budget of $4.2 million on Monday.\n")
    (tmp_path / "claims" / "a.yaml").write_text(sheet(claim()))
    r = run("validate")
    assert (r.code, r.out) == (0, "1 worksheet valid\n")


def test_missing_path_is_usage_error(run):
    r = run("validate", "nope.yaml")
    assert (r.code, r.out) == (2, "")
    assert r.err == "factcheck: error: nope.yaml: no such file or folder; check the path\n"


def test_unreadable_worksheet_exit_2(run, tmp_path):
    (tmp_path / "bad.yaml").write_bytes(b"factcheck: 1\nclaims: [\xff]\n")
    r = run("validate", "bad.yaml")
    assert r.code == 2
    assert r.out == (
        "bad.yaml:2: is not valid UTF-8 (byte 0xff at offset 22); re-save the worksheet as UTF-8\n"
        "1 problem in 1 file (1 checked)\n"
    )


def test_json_format(run, data, monkeypatch):
    import json

    monkeypatch.chdir(data / "invalid")
    r = run("validate", "duplicate-key.yaml", "--format", "json")
    assert r.code == 1
    assert json.loads(r.out) == {
        "files": [{
            "path": "duplicate-key.yaml", "valid": False,
            "problems": [{"line": 10, "column": 5, "field": "claims[0].status",
                          "message": "duplicate key (first at line 7); YAML would keep only the last one, so delete one"}],
        }],
        "summary": {"files": 1, "invalid": 1, "problems": 1},
    }


def test_desk_verdict_scale_from_config(run, tmp_path):
    (tmp_path / "article.txt").write_text("The town council approved a budget of $4.2 million on Monday.\n")
    (tmp_path / "a.yaml").write_text(sheet(claim(status="checked", extra="    verdict: pants-on-fire\n")))
    assert run("validate", "a.yaml").code == 1
    (tmp_path / "factcheck.yaml").write_text("verdicts: [true, half-true, false, pants-on-fire]\n")
    r = run("validate", "a.yaml")
    assert (r.code, r.out) == (0, "1 worksheet valid\n")


def test_invalid_config_is_reported_with_line(run, tmp_path):
    (tmp_path / "factcheck.yaml").write_text("verdicts: [true, false]\nalow: [unchecked]\n")
    r = run("validate", ".")
    assert r.code == 2  # an invalid factcheck.yaml is a usage error (issue 10, case 15)
    assert r.err == (
        "factcheck.yaml:2:1: alow: unknown key; did you mean 'allow'?\n"
        "factcheck: error: factcheck.yaml: invalid configuration\n"
    )
