"""Recording what publication needs: set --summary/--explanation/--correction/--archived, byte for byte."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.config import Config
from factcheck.worksheet import Correction, load

ARTICLE = "The town council approved a budget of $4.2 million on Monday.\n"

SHEET = """\
# hand-edited: keep this comment
factcheck: 1
article:
  path: article.txt
claims:
  - id: budget-1
    text: 'The town council approved a budget of $4.2 million.'   # as reported
    status: checked
    verdict: "false"
    sources:
      - url: https://example.org/minutes
        title: Minutes
        accessed: 2024-03-06
    notes: >
      Folded note.

  - {id: flow-2, text: "Unemployment fell to 3.1%.", status: unchecked}
"""


@pytest.fixture
def ws(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    p = tmp_path / "w.yaml"
    p.write_bytes(SHEET.encode())
    return p


TODAY = dt.date.today().isoformat()


def test_correction_appends_with_todays_date_and_changes_no_other_byte(run, ws):
    r = run("set", ws.name, "budget-1", "--correction", "The budget was $4.5 million, not $4.2 million.")
    assert (r.code, r.err) == (0, "")
    assert r.out == f"w.yaml: budget-1: correction added: {TODAY}, The budget was $4.5 million, not $4.2 million.\n"
    first = (f"    corrections:\n      - date: {TODAY}\n"
             "        note: The budget was $4.5 million, not $4.2 million.\n")
    assert ws.read_bytes() == SHEET.replace("      Folded note.\n", "      Folded note.\n" + first).encode()
    r = run("set", ws.name, "budget-1", "--correction", 'Second: "quoted" words')
    assert r.code == 0
    second = f"      - date: {TODAY}\n        note: 'Second: \"quoted\" words'\n"
    second_dq = f"      - date: {TODAY}\n        note: \"Second: \\\"quoted\\\" words\"\n"
    after = ws.read_text()
    assert after in (SHEET.replace("      Folded note.\n", "      Folded note.\n" + first + second),
                     SHEET.replace("      Folded note.\n", "      Folded note.\n" + first + second_dq))
    c = load(ws, Config()).worksheet.claim("budget-1")
    assert c.corrections == [Correction(dt.date.today(), "The budget was $4.5 million, not $4.2 million."),
                             Correction(dt.date.today(), 'Second: "quoted" words')]


def test_correction_on_a_flow_style_claim(run, ws):
    r = run("set", ws.name, "flow-2", "--correction", "Fixed the rate.")
    assert r.code == 0
    assert ws.read_text() == SHEET.replace(
        'status: unchecked}', f'status: unchecked, corrections: [{{date: {TODAY}, note: Fixed the rate.}}]}}')


def test_summary_explanation_and_archived_copies(run, ws):
    r = run("set", ws.name, "budget-1", "--summary", "Council budget was $4.2m", "--explanation",
            "The minutes show $4.5 million.", "--source", "https://example.org/minutes", "--title", "Minutes",
            "--archived", "https://archive.example.net/minutes", "--source", "https://example.org/vote", "--title",
            "Vote", "--archived", "https://archive.example.net/vote")
    assert r.code == 0
    assert r.out.splitlines() == [
        "w.yaml: budget-1: summary: Council budget was $4.2m",
        "w.yaml: budget-1: explanation: The minutes show $4.5 million.",
        "w.yaml: budget-1: archived copy of https://example.org/minutes: https://archive.example.net/minutes",
        "w.yaml: budget-1: source added: https://example.org/vote (archived: https://archive.example.net/vote)",
    ]
    assert ws.read_text() == SHEET.replace(
        "        accessed: 2024-03-06\n",
        "        accessed: 2024-03-06\n        archived: https://archive.example.net/minutes\n"
        f"      - url: https://example.org/vote\n        title: Vote\n        accessed: {TODAY}\n"
        "        archived: https://archive.example.net/vote\n",
    ).replace("      Folded note.\n", "      Folded note.\n    summary: Council budget was $4.2m\n"
                                     "    explanation: The minutes show $4.5 million.\n")
    # again: nothing new to record for the sources; the summary is replaced in place
    before = ws.read_text()
    r = run("set", ws.name, "budget-1", "--summary", "Budget: $4.2m", "--source", "https://example.org/minutes",
            "--archived", "https://archive.example.net/minutes")
    assert r.code == 0
    assert r.out.splitlines()[-1] == "w.yaml: budget-1: source already recorded: https://example.org/minutes"
    assert ws.read_text() == before.replace("summary: Council budget was $4.2m", 'summary: "Budget: $4.2m"')


def test_refusals(run, ws):
    before = ws.read_bytes()
    r = run("set", ws.name, "budget-1", "--archived", "https://archive.example.net/x")
    assert (r.code, r.err) == (2, "factcheck: error: --archived: each --archived must follow a --source\n")
    r = run("set", ws.name, "budget-1", "--correction", "  ")
    assert (r.code, r.err) == (2, "factcheck: error: --correction: must not be empty\n")
    r = run("set", ws.name, "budget-1", "--source", "https://example.org/x", "--archived", "not a url")
    assert (r.code, r.err) == (2, "factcheck: error: --archived: 'not a url' is not a URL; write it in full, "
                                  "e.g. https://web.archive.org/web/2024/https://example.org/page\n")
    assert ws.read_bytes() == before


def test_check_names_the_correction_option_and_accepts_corrections(run, ws):
    r = run("check", ws.name, "--allow", "unchecked")
    assert r.code == 1
    assert r.out.splitlines()[0] == ("w.yaml:6: budget-1: rated false and no correction is recorded "
                                     "(factcheck set FILE ID --correction TEXT) [blocking-verdict]")
    assert run("set", ws.name, "budget-1", "--correction", "Corrected the figure.").code == 0
    r = run("check", ws.name, "--allow", "unchecked")
    assert r.code == 0


@pytest.mark.parametrize(("corrections", "message"), [
    ("[{date: 2024-03-08}]", "w.yaml:7:19: claims[0].corrections[0]: missing required key 'note'"),
    ("[{date: 2024-03-08, note: x, by: ana}]", "w.yaml:7:47: claims[0].corrections[0].by: unknown key; allowed: date, note"),
    ("[{date: 8 March, note: x}]", "w.yaml:7:26: claims[0].corrections[0].date: '8 March' is not a date; write YYYY-MM-DD"),
    ("fixed it", "w.yaml:7:18: claims[0].corrections: must be a list, not a string"),
])
def test_new_fields_are_validated(run, tmp_path, corrections, message):
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "w.yaml").write_text(
        "factcheck: 1\narticle:\n  path: article.txt\nclaims:\n  - id: a-1\n    text: A claim.\n"
        f"    corrections: {corrections}\n    status: checked\n    summary: [not, text]\n")
    r = run("validate", "w.yaml")
    assert r.code == 1
    assert r.out.splitlines()[:2] == [message, "w.yaml:9:14: claims[0].summary: must be null or a string, not a list"]


def test_show_lists_the_publication_fields(run, ws):
    import json

    assert run("set", ws.name, "budget-1", "--summary", "Budget was $4.2m", "--explanation", "Minutes say $4.5m.",
               "--correction", "Fixed the figure.", "--source", "https://example.org/minutes", "--archived",
               "https://archive.example.net/minutes").code == 0
    r = run("show", ws.name, "budget-1", "--format", "json")
    c = json.loads(r.out)["claims"][0]
    assert (c["summary"], c["explanation"], c["corrections"]) == (
        "Budget was $4.2m", "Minutes say $4.5m.", [{"date": TODAY, "note": "Fixed the figure."}])
    assert c["sources"][0]["archived"] == "https://archive.example.net/minutes"
    r = run("show", ws.name, "budget-1")
    assert "│ summary     Budget was $4.2m" in r.out
    assert f"│ corrections {TODAY}: Fixed the figure." in r.out
    assert "archived https://archive.example.net/minutes" in r.out
