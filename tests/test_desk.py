"""Working a worksheet at the desk: set, undo, re-check, add, show, next (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.ids import claim_id

ARTICLE = ("The ferry service carried 2.3 million passengers last year, the operator said.\n\n"
           "The operator plans to add two ships by 2027.\n")
SHEET = """\
---
# yamllint disable rule:line-length
factcheck: 1
article:
  path: article.txt
claims:
  - id: ferry-carried-1a2b
    text: The ferry service carried 2.3 million passengers last year.
    quote: The ferry service carried 2.3 million passengers last year
    span: [0, 58]
    checkworthiness: 0.9
    status: unchecked
    verdict: null
    sources: []
    notes: null
    assignee: Ana
  - id: operator-plans-3c4d
    text: The operator plans to add two ships by 2027.
    quote: The operator plans to add two ships by 2027.
    span: [82, 126]
    checkworthiness: 0.6
    status: checked
    verdict: true
    sources:
      - url: https://example.org/fleet-plan
        title: Fleet plan
      - url: https://example.org/board-minutes
    notes: |-
      Board minutes confirm it.
      Second source: the fleet plan.
    assignee: Ben
    recheck: "numbers in the quote changed: 2026 -> 2027"
"""


@pytest.fixture
def ws(tmp_path) -> Path:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "article.txt").write_text(ARTICLE)
    p = tmp_path / "claims" / "ferry.yaml"
    p.write_text(SHEET)
    return p


def test_new_ids_are_two_key_words_and_four_hex():
    taken: set[str] = set()
    assert claim_id("The ferry service carried 2.3 million passengers last year.", taken) == "ferry-service-2146"
    assert claim_id("The ferry service carried 2.3 million passengers last year.", taken) == "ferry-service-2146-2"


def test_verdict_clears_recheck_and_check_says_how(run, ws):
    r = run("check", "claims/ferry.yaml", "--allow", "unchecked")
    assert r.code == 1
    assert r.out.splitlines()[0] == (
        "claims/ferry.yaml:17: operator-plans-3c4d: changed after it was checked: numbers in the quote changed: "
        "2026 -> 2027; check it again (set --verdict clears this) [recheck]")
    r = run("set", "claims/ferry.yaml", "operator-plans-3c4d", "--verdict", "true")
    assert (r.code, r.out, r.err) == (0, "claims/ferry.yaml: operator-plans-3c4d: recheck cleared (this verdict is "
                                         "the re-check)\n", "")
    assert ws.read_text() == SHEET.replace('    recheck: "numbers in the quote changed: 2026 -> 2027"\n',
                                           "    recheck: null\n")
    r = run("check", "claims/ferry.yaml", "--allow", "unchecked")
    assert (r.code, r.out.splitlines()[-1]) == (0, "passed: 1 worksheet")


def test_status_alone_clears_recheck_too(run, ws):
    r = run("set", "claims/ferry.yaml", "operator-plans-3c4d", "--status", "in-progress")
    assert r.out == ("claims/ferry.yaml: operator-plans-3c4d: status: checked -> in-progress\n"
                     "claims/ferry.yaml: operator-plans-3c4d: recheck cleared (this verdict is the re-check)\n")
    assert "recheck: null" in ws.read_text()


def test_undo_a_verdict_needs_clear_verdict(run, ws):
    before = ws.read_bytes()
    r = run("set", "claims/ferry.yaml", "operator-plans-3c4d", "--status", "unchecked")
    assert (r.code, r.err) == (2, "factcheck: error: claims/ferry.yaml: operator-plans-3c4d: has verdict 'true'; "
                                  "to move it back to unchecked add --clear verdict\n")
    assert ws.read_bytes() == before
    r = run("set", "claims/ferry.yaml", "operator-plans-3c4d", "--status", "unchecked", "--clear", "verdict")
    assert (r.code, r.out) == (0, "claims/ferry.yaml: operator-plans-3c4d: status: checked -> unchecked\n"
                                  "claims/ferry.yaml: operator-plans-3c4d: verdict: true -> null\n"
                                  "claims/ferry.yaml: operator-plans-3c4d: recheck cleared (this verdict is the "
                                  "re-check)\n")
    text = ws.read_text()
    assert "    status: unchecked\n    verdict: null\n    sources:\n      - url: https://example.org/fleet-plan" in text


def test_validate_flags_a_verdict_on_an_unchecked_claim(run, ws):
    ws.write_text(SHEET.replace("    status: unchecked\n    verdict: null", "    status: unchecked\n    verdict: false"))
    r = run("validate", "claims/ferry.yaml")
    assert (r.code, r.out) == (1, "claims/ferry.yaml:13:14: claims[0].verdict: 'false' on an unchecked claim; set "
                                  "the status (checked or in-progress) or clear the verdict: factcheck set FILE "
                                  "ferry-carried-1a2b --clear verdict\n1 problem in 1 file (1 checked)\n")


def test_clear_fields_and_remove_a_source(run, ws):
    r = run("set", "claims/ferry.yaml", "operator-plans-3c4d", "--remove-source", "https://example.org/board-minutes",
            "--clear", "notes", "--clear", "assignee")
    assert (r.code, r.err) == (0, "")
    assert r.out == ("claims/ferry.yaml: operator-plans-3c4d: notes cleared\n"
                     "claims/ferry.yaml: operator-plans-3c4d: assignee: Ben -> null\n"
                     "claims/ferry.yaml: operator-plans-3c4d: source removed: https://example.org/board-minutes\n")
    assert ws.read_text() == SHEET.replace(
        "      - url: https://example.org/board-minutes\n", "").replace(
        "    notes: |-\n      Board minutes confirm it.\n      Second source: the fleet plan.\n    assignee: Ben\n",
        "    notes: null\n    assignee: null\n")
    r = run("set", "claims/ferry.yaml", "operator-plans-3c4d", "--remove-source", "https://example.org/fleet-plan")
    assert r.code == 0
    assert r.err == ("factcheck: warning: claims/ferry.yaml: operator-plans-3c4d: verdict 'true' has no source; "
                     "factcheck check fails until you add one with --source URL\n")
    assert "    verdict: true\n    sources: []\n    notes: null\n" in ws.read_text()
    r = run("set", "claims/ferry.yaml", "operator-plans-3c4d", "--remove-source", "https://example.org/gone")
    assert (r.code, r.err) == (2, "factcheck: error: claims/ferry.yaml: operator-plans-3c4d: no source with URL "
                                  "'https://example.org/gone' (its sources: none)\n")


def test_clear_sources_empties_the_list(run, ws):
    r = run("set", "claims/ferry.yaml", "operator-plans-3c4d", "--clear", "sources")
    assert (r.code, r.out) == (0, "claims/ferry.yaml: operator-plans-3c4d: sources cleared\n")
    assert "    verdict: true\n    sources: []\n    notes: |-\n" in ws.read_text()
    r = run("set", "claims/ferry.yaml", "operator-plans-3c4d", "--clear", "verdicts")
    assert r.code == 2
    assert r.err.splitlines()[-1] == ("Error: Invalid value for '--clear': Value error, 'verdicts' is not one of 'verdict', "
                                      "'assignee', 'notes', 'sources'.")


def test_verdict_without_source_is_recorded_with_a_warning(run, ws):
    r = run("set", "claims/ferry.yaml", "ferry-carried-1a2b", "--verdict", "mostly-true")
    assert (r.code, r.out) == (0, "claims/ferry.yaml: ferry-carried-1a2b: verdict: null -> mostly-true\n"
                                  "claims/ferry.yaml: ferry-carried-1a2b: status: unchecked -> checked\n")
    assert r.err == ("factcheck: warning: claims/ferry.yaml: ferry-carried-1a2b: verdict 'mostly-true' has no "
                     "source; factcheck check fails until you add one with --source URL\n")
    r = run("set", "claims/ferry.yaml", "ferry-carried-1a2b", "--source", "https://example.org/annual-report")
    assert (r.code, r.err) == (0, "")


@pytest.mark.parametrize("url", ["example.org/report", "https://exa mple.org", "report.pdf", "mailto:desk@example.org"])
def test_bad_url_is_a_usage_error_before_anything_is_read(run, ws, url):
    before = ws.read_bytes()
    r = run("set", "claims/ferry.yaml", "ferry-carried-1a2b", "--verdict", "true", "--source", url)
    assert (r.code, r.out, r.err) == (2, "", f"factcheck: error: not a URL: {url!r}; write it in full, e.g. "
                                             f"https://example.org/page\n")
    assert ws.read_bytes() == before


@pytest.mark.parametrize(("given", "hint"), [("True", "true"), ("mostly true", "mostly-true"), ("mostly_false", "mostly-false"),
                                             ("fals", "false")])
def test_verdict_did_you_mean(run, ws, given, hint):
    r = run("set", "ferry-carried-1a2b", "--verdict", given)
    assert (r.code, r.err) == (2, f"factcheck: error: verdict {given!r} is not on the scale; use one of: true, "
                                  f"mostly-true, mixed, mostly-false, false, unverifiable; did you mean {hint!r}?\n")


def test_set_and_show_find_an_id_under_claims(run, ws, tmp_path):
    r = run("set", "ferry-carried-1a2b", "--assignee", "Cleo")
    assert (r.code, r.out) == (0, "claims/ferry.yaml: ferry-carried-1a2b: assignee: Ana -> Cleo\n")
    r = run("show", "ferry-carried-1a2b", "--format", "json")
    assert (r.code, json.loads(r.out)["path"]) == (0, "claims/ferry.yaml")
    r = run("show", "no-such-id")
    assert (r.code, r.err) == (2, "factcheck: error: no claim with id 'no-such-id' in the worksheets under claims; "
                                  "give FILE ID (factcheck show FILE lists the ids)\n")
    (tmp_path / "claims" / "copy.yaml").write_text(SHEET)
    r = run("set", "ferry-carried-1a2b", "--assignee", "Dan")
    assert (r.code, r.err) == (2, "factcheck: error: claim id 'ferry-carried-1a2b' is in 2 worksheets "
                                  "(claims/copy.yaml, claims/ferry.yaml); give FILE ID\n")


def test_show_keeps_multiline_notes(run, ws):
    r = run("show", "claims/ferry.yaml", "operator-plans-3c4d")
    lines = r.out.splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("│ notes"))
    assert lines[i:i + 2] == [
        "│ notes    Board minutes confirm it.                                           │",
        "│          Second source: the fleet plan.                                      │",
    ]


def test_next_matches_assignee_in_any_case_and_counts_in_progress(run, ws):
    r = run("next", "--assignee", "ana", "--format", "json")
    assert json.loads(r.out)["next"]["id"] == "ferry-carried-1a2b"
    run("set", "claims/ferry.yaml", "ferry-carried-1a2b", "--status", "in-progress")
    r = run("next", "--assignee", "ANA")
    assert (r.code, r.out) == (0, "nothing left to check assigned to ANA: no unchecked claims; 1 claim is in "
                                  "progress (factcheck status)\n")


def test_check_markdown_and_status_csv(run, ws):
    r = run("check", "--format", "markdown")
    assert (r.code, r.out) == (1, (
        "### factcheck\n\nfailed: 2 failing claim checks in 1 of 1 worksheets\n\n"
        "| worksheet | result | claims | failing | reasons |\n|---|---|---:|---:|---|\n"
        "| `claims/ferry.yaml` | fail | 2 | 2 | unchecked 1, recheck 1 |\n\n"
        "- `claims/ferry.yaml:7` `ferry-carried-1a2b`: not checked yet [unchecked]\n"
        "- `claims/ferry.yaml:17` `operator-plans-3c4d`: changed after it was checked: numbers in the quote "
        "changed: 2026 -> 2027; check it again (set --verdict clears this) [recheck]\n"))
    r = run("status", "--format", "csv")
    assert (r.code, r.out) == (0, (
        "worksheet,claims,unchecked,in-progress,checked,skipped,true,mostly-true,mixed,mostly-false,false,"
        "unverifiable,done,percent_done,valid\n"
        "claims/ferry.yaml,2,1,0,1,0,1,0,0,0,0,0,1,50.0,true\n"))


def test_help_uses_plain_metavars_and_lists_extract_first(run):
    r = run("--help")
    commands = [line.split()[0] for line in r.out.split("Commands:")[1].strip().splitlines()]
    assert commands[0] == "extract"
    for name in ("set", "show", "status", "check", "next", "extract", "validate", "add"):
        out = run(name, "--help").out
        assert not any(x in out for x in ("<list", "<str", "<int", "<path", "<Path", "{")), name
    assert run("set", "--help").out.startswith("Usage: factcheck set [OPTIONS] [FILE] ID\n")
    assert "  --limit N " in run("status", "--help").out


@pytest.mark.parametrize(("edit", "expected"), [
    (("    text: The operator plans", '    text: "The operator plans'),
     "claims/ferry.yaml:18:11: YAML syntax error: the \"quoted\" value starting here is never closed; add the closing "
     "\" at its end (a \" inside it is written \\\")"),
    (("    status: checked", "\tstatus: checked"),
     "claims/ferry.yaml:22:1: YAML syntax error: a tab in the indentation; YAML indents with spaces only: replace "
     "the tab with spaces"),
    (("    assignee: Ben", "    assignee: Ben: and Cleo"),
     "claims/ferry.yaml:31:1: YAML syntax error: a value containing \": \" (or \" #\") must be quoted: put the whole "
     "value in double quotes"),
    (("  - id: operator-plans-3c4d", "  id: operator-plans-3c4d"),
     "claims/ferry.yaml:17:3: YAML syntax error: this line is not a list item; did you delete the \"- \" that starts "
     "claim 2? Put \"- \" back before the first key"),
    (("  - id: operator-plans-3c4d", "    id: operator-plans-3c4d"),
     "claims/ferry.yaml:17:5: claims[0]: a second \"id:\" inside one claim: did you delete the \"- \" that starts "
     "claim 2? Put \"- \" back before this \"id:\" (delete nothing)"),
])
def test_yaml_mistakes_point_at_the_cause_with_advice(run, ws, edit, expected):
    ws.write_text(SHEET.replace(*edit))
    r = run("validate", "claims/ferry.yaml")
    assert (r.code, r.out.splitlines()[0]) == (1, expected)
    assert len(r.out.splitlines()) == 2
