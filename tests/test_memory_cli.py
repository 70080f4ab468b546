"""index, similar, set --same-as/--not-same-as/--verdict-from and the same-as check rule, end to end."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_memory_index import write_sheet

BUDGET = """date 2026-03-02

Harbourton council passes budget

The Harbourton city council approved a budget of 412 million dollars for 2026 on Monday, Mayor Elena Varga said.

The new budget raises spending on public transport by 18 percent compared with last year.

Varga said the city will open three new libraries by 2028.
"""

TRANSIT = """date 2026-03-09

Riders wait for promised upgrades

Under the new budget, Harbourton's public transport spending rises 18% from last year.

Riders' groups said the bus network still lacks night services.

The transport department plans to buy 40 electric buses in 2027.
"""

CHECKED = "claims/budget.yaml#harbourton-budget-0f83"
OTHER = "claims/transit.yaml"
OTHER_ID = "under-new-09e5"


def test_acceptance_two_articles_share_a_fact(run):
    Path("budget.txt").write_text(BUDGET, encoding="utf-8")
    Path("transit.txt").write_text(TRANSIT, encoding="utf-8")
    assert run("extract", "budget.txt").code == 0
    r = run("extract", "transit.txt")
    assert (r.code, r.out) == (0, "claims/transit.yaml: 3 claims from 4 sentences and lines (1 skipped)\n")
    r = run("set", "claims/budget.yaml", "harbourton-budget-0f83", "--verdict", "mostly-true",
            "--source", "https://example.org/harbourton-budget-2026")
    assert r.code == 0
    r = run("similar", OTHER)
    expected = """\
claims/transit.yaml: 1 of 3 claims resembles claims in other worksheets (score >= 78 of 100)

under-new-09e5: Under the new budget, Harbourton's public transport spending rises 18% from last year (2025).
   94  claims/budget.yaml#harbourton-budget-0f83  checked, mostly-true  https://example.org/harbourton-budget-2026
       Harbourton's budget raises spending on public transport by 18 percent compared with last year (2025).
       same claim

Record what you decide (the suggestion is never applied by itself):
  factcheck set claims/transit.yaml under-new-09e5 --same-as 'claims/budget.yaml#harbourton-budget-0f83'
  (or --not-same-as to stop the suggestion; --verdict-from to copy the verdict and sources)
"""
    assert (r.code, r.out, r.err) == (0, expected, "")

    # the same output from a rebuilt index, and from a truncated one (with a notice)
    shutil.rmtree(".factcheck")
    assert (run("similar", OTHER).out, Path(".factcheck/index.sqlite").exists()) == (expected, True)
    idx = Path(".factcheck/index.sqlite")
    idx.write_bytes(idx.read_bytes()[: idx.stat().st_size // 2])
    r = run("similar", OTHER)
    assert (r.code, r.out) == (0, expected)
    assert r.err.startswith("factcheck: notice: .factcheck/index.sqlite: is ")
    assert r.err.endswith("; rebuilding it from the worksheets\n") and r.err.count("\n") == 1

    # a number changes in the second article: the match turns into a finding
    Path("transit.txt").write_text(TRANSIT.replace("rises 18%", "rises 21%"), encoding="utf-8")
    r = run("extract", "--update", "transit.txt")
    assert (r.code, r.out) == (0, "claims/transit.yaml: updated: 0 new, 2 unchanged, 1 updated, 0 stale, 0 need re-check\n"
                                  "  updated: under-new-09e5\n"
                                  "claims/transit.yaml: 1 claim resembles a claim already checked: "
                                  "run factcheck similar claims/transit.yaml\n")
    r = run("similar", OTHER, OTHER_ID)
    lines = r.out.splitlines()
    assert (r.code, lines[:6]) == (0, [
        "claims/transit.yaml: 1 of 1 claim resembles claims in other worksheets (score >= 78 of 100)",
        "",
        "under-new-09e5: Under the new budget, Harbourton's public transport spending rises 21% from last year (2025).",
        "   89  claims/budget.yaml#harbourton-budget-0f83  checked, mostly-true  https://example.org/harbourton-budget-2026",
        "       Harbourton's budget raises spending on public transport by 18 percent compared with last year (2025).",
        "       same claim, different numbers (21% vs 18 percent)",
    ])
    # with an ID, the other close claims follow, each marked as not suggested (their wording is the extractor's)
    assert lines[8::3] == ["       below the threshold: not suggested"] * len(lines[8::3]) and len(lines) in (6, 9, 12)

    # a human link survives extract --update
    assert run("set", OTHER, OTHER_ID, "--same-as", CHECKED).code == 0
    Path("transit.txt").write_text(TRANSIT.replace("rises 18%", "rises 22%"), encoding="utf-8")
    assert run("extract", "--update", "transit.txt").code == 0
    assert '    same_as: ["budget.yaml#harbourton-budget-0f83"]\n' in Path(OTHER).read_text(encoding="utf-8")


def _two_sheets():
    write_sheet("claims/a.yaml", ["The council approved a budget of $2.3 billion for 2025.",
                                  "Bus fares rose 5% in 2024."], verdicts={0: "false", 1: "true"})
    write_sheet("claims/b.yaml", ["The city council approved a $2.3bn budget for 2025.",
                                  "The mayor opened a bridge over the river."])


def test_similar_json_and_all(run):
    _two_sheets()
    r = run("similar", "claims/b.yaml", "--format", "json")
    assert r.code == 0
    import json

    data = json.loads(r.out)
    assert data == {"path": "claims/b.yaml", "threshold": 78, "claims": [{
        "id": "c0", "text": "The city council approved a $2.3bn budget for 2025.",
        "matches": [{"path": "claims/a.yaml", "id": "c0",
                     "text": "The council approved a budget of $2.3 billion for 2025.", "status": "checked",
                     "verdict": "false", "source": "https://example.org/a/0", "score": 100, "suggested": True,
                     "relation": "same", "numbers": None, "linked": False}]}]}
    r = run("similar", "claims/b.yaml", "--all")
    assert (r.code, r.out) == (0, """\
claims/b.yaml: 1 of 2 claims resembles claims in other worksheets (score >= 78 of 100)

c0: The city council approved a $2.3bn budget for 2025.
  100  claims/a.yaml#c0  checked, false  https://example.org/a/0
       The council approved a budget of $2.3 billion for 2025.
       same claim

c1: The mayor opened a bridge over the river.
  nothing similar in other worksheets

Record what you decide (the suggestion is never applied by itself):
  factcheck set claims/b.yaml c0 --same-as 'claims/a.yaml#c0'
  (or --not-same-as to stop the suggestion; --verdict-from to copy the verdict and sources)
""")


def test_similar_usage_errors(run):
    _two_sheets()
    r = run("similar", "claims/b.yaml", "nope")
    assert (r.code, r.out, r.err) == (2, "", "factcheck: error: claims/b.yaml: no claim with id 'nope' "
                                             "(factcheck show FILE lists the ids)\n")
    r = run("similar", "claims/missing.yaml")
    assert r.code == 2
    assert r.err.startswith("factcheck: error: claims/missing.yaml")
    r = run("similar", "claims/b.yaml", "--format", "xml")
    assert (r.code, r.err.splitlines()[-1]) == (2, "Error: Invalid value for '--format' / '-f': Value error, "
                                                   "'xml' is not one of 'text', 'json'.")


def test_index_command_counts(run):
    _two_sheets()
    r = run("index")
    assert (r.code, r.out) == (0, ".factcheck/index.sqlite: 4 claims in 2 worksheets, 2 read, 0 removed\n")
    r = run("index", "--format", "json")
    assert (r.code, r.out) == (0, '{\n  "index": ".factcheck/index.sqlite",\n  "worksheets": 2,\n  "claims": 4,\n'
                                  '  "read": 0,\n  "removed": 0,\n  "invalid": []\n}\n')
    r = run("index", "nowhere")
    assert (r.code, r.err) == (2, "factcheck: error: nowhere: no such file or folder; check the path\n")


def test_set_links_are_spliced_and_checked(run):
    _two_sheets()
    before = Path("claims/b.yaml").read_text(encoding="utf-8")
    r = run("set", "claims/b.yaml", "c0", "--same-as", "claims/a.yaml#c0")
    assert (r.code, r.out) == (0, "claims/b.yaml: c0: same_as added: a.yaml#c0\n")
    r = run("set", "claims/b.yaml", "c1", "--not-same-as", "claims/a.yaml#c0", "--not-same-as", "claims/a.yaml#c1")
    assert (r.code, r.out) == (0, "claims/b.yaml: c1: not_same_as added: a.yaml#c0\n"
                                  "claims/b.yaml: c1: not_same_as added: a.yaml#c1\n")
    r = run("set", "claims/b.yaml", "c0", "--same-as", "claims/a.yaml#c0")
    assert (r.code, r.out) == (0, "claims/b.yaml: c0: same_as: already recorded: a.yaml#c0\n")
    after = Path("claims/b.yaml").read_text(encoding="utf-8")
    # only the two new lines, each after the last field of its claim
    assert after.splitlines(keepends=True) == _insert_after(before, {21: '    same_as: ["a.yaml#c0"]\n',
                                                                      27: '    not_same_as: ["a.yaml#c0", "a.yaml#c1"]\n'})
    assert run("validate", "claims/b.yaml").err == ""

    r = run("set", "claims/b.yaml", "c1", "--same-as", "claims/a.yaml#c0")
    assert (r.code, r.err) == (2, "factcheck: error: claims/b.yaml: c1: a.yaml#c0 is already recorded as not-same-as; "
                                  "remove it from the worksheet by hand first if you changed your mind\n")
    r = run("set", "claims/b.yaml", "c1", "--same-as", "claims/a.yaml#nope")
    assert (r.code, r.err) == (2, "factcheck: error: claims/a.yaml: no claim with id 'nope' "
                                  "(factcheck show FILE lists the ids)\n")
    r = run("set", "claims/b.yaml", "c1", "--same-as", "claims/b.yaml#c0")
    assert (r.code, r.err) == (2, "factcheck: error: --same-as claims/b.yaml#c0: points at a claim of the same "
                                  "worksheet; links are between worksheets\n")
    r = run("set", "claims/b.yaml", "c1", "--same-as", "a.yaml")
    assert (r.code, r.err) == (2, "factcheck: error: --same-as 'a.yaml': write the other claim as WORKSHEET.yaml#ID, "
                                  "e.g. claims/story.yaml#gas-exports-14-1a2b\n")
    assert Path("claims/b.yaml").read_text(encoding="utf-8") == after


def _insert_after(text: str, lines: dict[int, str]) -> list[str]:
    out = []
    for n, line in enumerate(text.splitlines(keepends=True), start=1):
        out.append(line)
        if n in lines:
            out.append(lines[n])
    return out


def test_not_same_as_hides_the_suggestion(run):
    _two_sheets()
    assert "claims/a.yaml#c0" in run("similar", "claims/b.yaml").out
    assert run("set", "claims/b.yaml", "c0", "--not-same-as", "claims/a.yaml#c0").code == 0
    r = run("similar", "claims/b.yaml")
    assert (r.code, r.out) == (0, "claims/b.yaml: 0 of 2 claims resemble claims in other worksheets "
                                  "(score >= 78 of 100)\n")


def test_verdict_from_copies_verdict_sources_and_says_so(run):
    _two_sheets()
    r = run("set", "claims/b.yaml", "c0", "--verdict-from", "claims/a.yaml#c0")
    assert (r.code, r.out) == (0, "claims/b.yaml: c0: verdict: null -> false\n"
                                  "claims/b.yaml: c0: status: unchecked -> checked\n"
                                  "claims/b.yaml: c0: note added: Verdict (false) and sources copied from a.yaml#c0\n"
                                  "claims/b.yaml: c0: source added: https://example.org/a/0\n"
                                  "claims/b.yaml: c0: same_as added: a.yaml#c0\n")
    r = run("set", "claims/b.yaml", "c1", "--verdict-from", "claims/a.yaml#c0", "--verdict", "true")
    assert (r.code, r.err) == (2, "factcheck: error: --verdict-from copies the verdict and sources; "
                                  "do not also give --verdict or --source\n")


def test_check_fails_same_as_a_false_claim_without_own_verdict(run):
    _two_sheets()
    Path("claims/a.txt").write_text("x\n", encoding="utf-8")
    Path("claims/b.txt").write_text("x\n", encoding="utf-8")
    assert run("set", "claims/b.yaml", "c0", "--same-as", "claims/a.yaml#c0").code == 0
    r = run("check", "claims/b.yaml", "--allow", "unchecked")
    assert (r.code, r.out.splitlines()) == (1, [
        "claims/b.yaml:17: c0: same as a.yaml#c0, rated false there; record this claim's own verdict "
        "(--verdict-from claims/a.yaml#c0 copies it) [same-as-blocking]",
        "worksheet     result claims failing reasons",
        "──────────────────────────────────────────────────────",
        "claims/b.yaml fail        2       1 same-as-blocking 1",
        "failed: 1 failing claim check in 1 of 1 worksheets",
    ])
    # its own verdict lifts the rule (a verdict of its own is the desk's decision)
    assert run("set", "claims/b.yaml", "c0", "--verdict", "mixed", "--source", "https://example.org/b").code == 0
    r = run("check", "claims/b.yaml", "--allow", "unchecked")
    assert r.code == 0
    # a link to a claim that is gone is a warning
    a = Path("claims/a.yaml")
    a.write_text(a.read_text(encoding="utf-8").replace("- id: c0", "- id: renamed"), encoding="utf-8")
    r = run("check", "claims/b.yaml", "--allow", "unchecked")
    assert r.code == 0
    assert r.out.splitlines()[0] == ("claims/b.yaml:17: c0: warning: same_as a.yaml#c0: no such claim; fix or remove the link "
                                     "[same-as-missing]")


# exit code of `similar CASE.yaml` per hostile worksheet (tests/data/hostile): 1 invalid, 2 unreadable
HOSTILE_SIMILAR = {
    "empty": 1, "whitespace": 1, "binary": 2, "invalid-utf8": 2, "bom": 0, "crlf": 0, "tabs": 1, "alias-bomb": 0,
    "duplicate-keys": 0, "wrong-types": 0, "whitespace-quote": 0, "nested": 1, "readonly": 0, "folder": 2,
    "missing": 2,
}


@pytest.mark.parametrize("case", sorted(HOSTILE_SIMILAR))
def test_similar_and_index_on_hostile_worksheets(run, tmp_path, monkeypatch, case):
    from test_hostile import HOSTILE

    d = tmp_path / "h"
    shutil.copytree(HOSTILE, d / "claims")
    nested = "factcheck: 1\narticle:\n  path: article.txt\nclaims:\n  - id: a-1\n    text: x\n    status: unchecked\n" \
             "    notes: " + "[" * 10_000 + "]" * 10_000 + "\n"
    (d / "claims" / "nested.yaml").write_text(nested, encoding="utf-8")
    monkeypatch.chdir(d)
    before = {p: p.read_bytes() for p in sorted(Path("claims").rglob("*")) if p.is_file()}
    target = "claims/folder" if case == "folder" else f"claims/{case}.yaml"
    r = run("similar", target)
    assert r.code == HOSTILE_SIMILAR[case], (r.out, r.err)
    assert "Traceback" not in r.out + r.err
    if r.code:
        assert r.err.splitlines()[-1].startswith("factcheck: error: ")
    r = run("index")
    assert r.code == 1 and "Traceback" not in r.out + r.err
    assert {p: p.read_bytes() for p in sorted(Path("claims").rglob("*")) if p.is_file()} == before
