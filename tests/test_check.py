"""factcheck check: each policy rule, each output format, each exit code."""

from __future__ import annotations

import json

import pytest

ARTICLE = "The council approved a budget of $4.2 million on Monday.\n\nUnemployment fell to 3.1% last year.\n"

SHEET = """\
factcheck: 1
article:
  path: article.txt
claims:
  - id: ok-1
    text: The council approved a budget of $4.2 million.
    quote: The council approved a budget of $4.2 million
    status: checked
    verdict: "true"
    sources:
      - url: https://example.org/minutes
  - id: todo-2
    text: Unemployment fell to 3.1% last year.
    status: unchecked
  - id: doing-3
    text: Doing.
    status: in-progress
    assignee: ana
  - id: noverdict-4
    text: No verdict.
    status: checked
    sources: [{url: "https://example.org/a"}]
  - id: nosource-5
    text: No source.
    status: checked
    verdict: mixed
    sources: [{title: Phone call with the mayor}]
  - id: false-6
    text: Rated false.
    status: checked
    verdict: "false"
    sources: [{url: "https://example.org/b"}]
  - id: corrected-7
    text: Rated false but corrected.
    status: checked
    verdict: "false"
    correction: "Corrected on 5 March: the figure was $4.2 million, not $4.5 million."
    sources: [{url: "https://example.org/c"}]
  - id: moved-8
    text: Quote gone.
    quote: The council rejected the budget
    status: checked
    verdict: "true"
    sources: [{url: "https://example.org/d"}]
  - id: skipped-9
    text: Opinion.
    status: skipped
  - id: stale-10
    text: Old claim.
    quote: no longer here
    status: checked
    verdict: "true"
    stale: true
    sources: [{url: "https://example.org/e"}]
  - id: recheck-11
    text: Changed number.
    status: checked
    verdict: "true"
    recheck: "numbers in the quote changed: 3.1 -> 3.4"
    sources: [{url: "https://example.org/f"}]
"""


@pytest.fixture
def sheet(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "w.yaml").write_text(SHEET)
    return tmp_path / "w.yaml"


FAILURE_LINES = [
    "w.yaml:12: todo-2: not checked yet [unchecked]",
    "w.yaml:15: doing-3: check still in progress (assigned to ana) [in-progress]",
    "w.yaml:19: noverdict-4: checked without a verdict [no-verdict]",
    "w.yaml:23: nosource-5: checked with 0 sources with a URL; the desk requires a source with a URL [no-source]",
    "w.yaml:28: false-6: rated false and no correction is recorded (factcheck set FILE ID --correction TEXT) [blocking-verdict]",
    "w.yaml:39: moved-8: quote no longer occurs in the article; re-run factcheck extract --update [quote-missing]",
    "w.yaml:48: stale-10: warning: quote was removed from the article; delete the claim or set status: skipped [stale]",
    "w.yaml:55: recheck-11: changed after it was checked: numbers in the quote changed: 3.1 -> 3.4; check it again (set --verdict clears this) [recheck]",
]


def test_every_default_rule_text_output(run, sheet):
    r = run("check", "w.yaml")
    assert r.code == 1
    lines = r.out.splitlines()
    assert lines[:8] == FAILURE_LINES
    assert [line.rstrip() for line in lines[8:]] == [
        "worksheet result claims failing reasons",
        "─" * 152,  # piped: one line per worksheet
        "w.yaml    fail       11       7 unchecked 1, in-progress 1, no-verdict 1, no-source 1, blocking-verdict 1, "
        "quote-missing 1, stale (warning) 1, recheck 1",
        "failed: 7 failing claim checks, 1 warning in 1 of 1 worksheets",
    ]


def test_pass_exit_0(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "ok.yaml").write_text(SHEET.split("  - id: todo-2")[0])
    r = run("check", "ok.yaml")
    assert r.code == 0
    assert r.out.splitlines()[-1] == "passed: 1 worksheet"


def test_allow_and_warn_flags(run, sheet):
    r = run("check", "w.yaml", "--allow", "unchecked", "--allow", "in-progress", "--allow", "no-verdict",
            "--allow", "no-source", "--allow", "quote-missing", "--allow", "recheck", "--warn", "blocking-verdict")
    assert r.code == 0
    assert r.out.splitlines()[:2] == [
        "w.yaml:28: false-6: warning: rated false and no correction is recorded (factcheck set FILE ID --correction TEXT) [blocking-verdict]",
        "w.yaml:48: stale-10: warning: quote was removed from the article; delete the claim or set status: skipped [stale]",
    ]
    r2 = run("check", "w.yaml", "--allow", "unchecked", "--allow", "in-progress", "--allow", "no-verdict",
             "--allow", "no-source", "--allow", "quote-missing", "--allow", "recheck", "--warn", "blocking-verdict", "--strict")
    assert r2.code == 1
    r3 = run("check", "w.yaml", "--allow", "nonsense")
    assert (r3.code, r3.err) == (2, "factcheck: error: unknown policy rule 'nonsense'; rules are: unchecked, in-progress, "
                                    "no-verdict, no-source, blocking-verdict, quote-missing, recheck, stale, "
                                    "same-as-blocking, same-as-missing\n")


def test_min_sources_two_source_rule(run, sheet, tmp_path):
    r = run("check", "w.yaml", "--min-sources", "2", "--format", "json")
    fails = [(f["id"], f["message"]) for w in json.loads(r.out)["worksheets"] for f in w["failures"] if f["rule"] == "no-source"]
    assert ("ok-1", "checked with 1 source with a URL; the desk requires 2 sources with a URL") in fails


def test_config_file_changes_policy_and_scale(run, sheet, tmp_path):
    (tmp_path / "factcheck.yaml").write_text(
        "verdicts: [correct, incorrect, unproven]\nblocking: [incorrect]\nallow: [unchecked, in-progress]\nmin_sources: 0\n"
    )
    (tmp_path / "p.yaml").write_text(
        "factcheck: 1\narticle:\n  path: article.txt\nclaims:\n"
        "  - {id: a-1, text: A., status: checked, verdict: correct}\n"
        "  - {id: b-2, text: B., status: checked, verdict: incorrect}\n"
        "  - {id: c-3, text: C., status: unchecked}\n"
    )
    r = run("check", "p.yaml")
    assert r.code == 1
    assert r.out.splitlines()[0] == "p.yaml:6: b-2: rated incorrect and no correction is recorded (factcheck set FILE ID --correction TEXT) [blocking-verdict]"
    r = run("check", "w.yaml")  # "true" is not on this desk's scale: the worksheet is invalid
    assert r.code == 2
    assert r.out.splitlines()[0] == "w.yaml:9:14: claims[0].verdict: 'true' is not on the verdict scale: correct, incorrect, unproven"


def test_invalid_worksheet_exit_2(run, sheet, tmp_path):
    (tmp_path / "bad.yaml").write_text("factcheck: 1\narticle:\n  path: article.txt\nclaims:\n  - id: x-1\n    txt: hi\n    status: unchecked\n")
    r = run("check", "bad.yaml")
    assert r.code == 2
    assert r.out.splitlines()[0] == "bad.yaml:6:5: claims[0].txt: unknown key; did you mean 'text'?"
    assert r.out.splitlines()[-1] == "failed: 0 failing claim checks, 1 invalid worksheet in 1 of 1 worksheets"


def test_missing_path_exit_2(run):
    r = run("check", "nope/")
    assert r.code == 2
    assert r.out.splitlines()[0] == "nope: no such file or folder; check the path"


def test_github_format_escapes_as_the_toolkit(run, tmp_path):
    (tmp_path / "a.txt").write_text("x\n")
    (tmp_path / "g,h:1.yaml").write_text(
        "factcheck: 1\narticle:\n  path: a.txt\nclaims:\n"
        "  - id: p-1\n    text: T.\n    status: in-progress\n    assignee: \"50% done, see: notes\\nline 2\"\n"
    )
    r = run("check", "g,h:1.yaml", "--format", "github")
    assert r.code == 1
    assert r.out == (
        "::error file=g%2Ch%3A1.yaml,line=5,title=factcheck in-progress%3A p-1::"
        "check still in progress (assigned to 50%25 done, see: notes%0Aline 2)\n"
        "failed: 1 failing claim check in 1 of 1 worksheets\n"
    )


def test_github_actions_auto_and_step_summary(run, sheet, tmp_path):
    summary = tmp_path / "summary.md"
    r = run("check", "w.yaml", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert r.code == 1
    assert r.out.splitlines()[0] == "::error file=w.yaml,line=12,title=factcheck unchecked%3A todo-2::not checked yet"
    assert "::warning file=w.yaml,line=48,title=factcheck stale%3A stale-10::" in r.out
    assert summary.read_text() == (
        "### factcheck\n\n"
        "failed: 7 failing claim checks, 1 warning in 1 of 1 worksheets\n\n"
        "| worksheet | result | claims | failing | reasons |\n"
        "|---|---|---:|---:|---|\n"
        "| `w.yaml` | fail | 11 | 7 | unchecked 1, in-progress 1, no-verdict 1, no-source 1, blocking-verdict 1, "
        "quote-missing 1, stale (warning) 1, recheck 1 |\n"
    )


def test_json_format(run, sheet):
    r = run("check", "w.yaml", "--format", "json")
    data = json.loads(r.out)
    assert (data["passed"], data["exit_code"]) == (False, 1)
    assert data["totals"] == {"worksheets": 1, "failed": 1, "errors": 7, "warnings": 1}
    (w,) = data["worksheets"]
    assert w["failures"][0] == {"line": 12, "id": "todo-2", "rule": "unchecked", "severity": "error", "message": "not checked yet"}
    assert [f["rule"] for f in w["failures"]] == ["unchecked", "in-progress", "no-verdict", "no-source",
                                                  "blocking-verdict", "quote-missing", "stale", "recheck"]


def test_junit_format_one_case_per_claim(run, sheet):
    import xml.etree.ElementTree as ET

    r = run("check", "w.yaml", "--format", "junit")
    assert r.code == 1
    root = ET.fromstring(r.out)
    assert root.tag == "testsuites" and root.get("tests") == "11" and root.get("failures") == "7"
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [f"{x}" for x in (
        "ok-1", "todo-2", "doing-3", "noverdict-4", "nosource-5", "false-6", "corrected-7", "moved-8", "skipped-9",
        "stale-10", "recheck-11")]
    failed = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    assert sorted(failed) == ["doing-3", "false-6", "moved-8", "nosource-5", "noverdict-4", "recheck-11", "todo-2"]
    assert failed["false-6"].get("type") == "blocking-verdict"
    assert failed["false-6"].get("message") == "rated false and no correction is recorded (factcheck set FILE ID --correction TEXT)"
    assert failed["todo-2"].text == "w.yaml:12: not checked yet [unchecked]"


def test_escape_functions():
    from factcheck.report import gh_escape_data, gh_escape_property

    assert gh_escape_data("100% sure: a, b\r\nc") == "100%25 sure: a, b%0D%0Ac"
    assert gh_escape_property("100% sure: a, b\r\nc") == "100%25 sure%3A a%2C b%0D%0Ac"


def test_desk_statuses(run, tmp_path):
    (tmp_path / "factcheck.yaml").write_text("statuses:\n  legal-review: in-progress\n  spiked: skipped\n")
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "s.yaml").write_text(
        "factcheck: 1\narticle:\n  path: article.txt\nclaims:\n"
        "  - {id: a-1, text: A., status: legal-review, assignee: lee}\n"
        "  - {id: b-2, text: B., status: spiked}\n"
        "  - {id: c-3, text: C., status: unchecked}\n"
    )
    assert run("validate", "s.yaml").code == 0
    r = run("check", "s.yaml", "--allow", "unchecked")
    assert r.code == 1
    assert r.out.splitlines()[0] == "s.yaml:5: a-1: check still in progress (legal-review, assigned to lee) [in-progress]"
    r = run("status", "s.yaml", "--format", "json")
    totals = json.loads(r.out)["totals"]
    assert totals["status"] == {"unchecked": 1, "in-progress": 1, "checked": 0, "skipped": 1}
    assert totals["custom_status"] == {"legal-review": 1, "spiked": 1}
    r = run("status", "s.yaml", "--by", "status", "--format", "markdown")
    assert [line.split(" | ")[0] for line in r.out.splitlines()[2:]] == ["| legal-review", "| spiked", "| unchecked", "| **total**"]
    r = run("set", "s.yaml", "c-3", "--status", "legal-review")
    assert (r.code, r.out) == (0, "s.yaml: c-3: status: unchecked -> legal-review\n")
    r = run("set", "s.yaml", "a-1", "--verdict", "true", "--source", "https://example.org/x")
    assert r.out.splitlines()[:2] == ["s.yaml: a-1: verdict: null -> true", "s.yaml: a-1: status: legal-review -> checked"]
    r = run("set", "s.yaml", "a-1", "--status", "lawyered")
    assert r.err == ("factcheck: error: status 'lawyered' is not allowed; use one of: unchecked, in-progress, checked, "
                     "skipped, legal-review, spiked\n")
    (tmp_path / "factcheck.yaml").write_text("statuses:\n  legal-review: pending\n")
    r = run("validate", "s.yaml")
    assert r.code == 2  # an invalid factcheck.yaml is a usage error (issue 10, case 15)
    assert r.err.splitlines()[0] == ("factcheck.yaml:2:17: statuses.legal-review: 'pending' is not one of: unchecked, "
                                     "in-progress, checked, skipped")
