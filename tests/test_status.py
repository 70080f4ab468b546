"""status, show and next: exact output at a fixed width, in every format."""

from __future__ import annotations

import json

import pytest

MIXED = """\
factcheck: 1
article:
  path: article.txt
claims:
  - {id: a-1, text: One., type: quantity, speaker: Ana Lima, status: unchecked}
  - {id: b-2, text: Two., type: quantity, speaker: Ana Lima, status: in-progress, assignee: ben}
  - {id: c-3, text: Three., type: event, status: checked, verdict: "true", sources: [{url: "https://example.org/x"}], assignee: ana}
  - {id: d-4, text: Four., type: event, status: checked, verdict: "false", sources: [{url: "https://example.org/y"}], assignee: ana}
  - {id: e-5, text: Five., type: quote, status: skipped}
  - {id: f-6, text: Six., type: quantity, status: checked, verdict: "true", assignee: ben}
"""
EMPTY = "factcheck: 1\narticle:\n  path: article.txt\nclaims: []\n"


@pytest.fixture
def sheets(tmp_path):
    (tmp_path / "article.txt").write_text("The town council approved a budget of $4.2 million on Monday.\n")
    (tmp_path / "mixed.yaml").write_text(MIXED)
    (tmp_path / "empty.yaml").write_text(EMPTY)
    return tmp_path


def test_status_text_every_status_and_empty(run, sheets):
    r = run("status", "empty.yaml", "mixed.yaml")
    assert r.code == 0
    # piped: one row per line, nothing wrapped or shortened
    assert r.out == (
        "worksheet  claims unchecked in-progress checked skipped verdicts        done\n"
        + "─" * 82 + "\n"
        "empty.yaml      0         0           0       0       0                 ░░░░░   0%\n"
        "mixed.yaml      6         1           1       3       1 true 2, false 1 ███░░  67%\n"
        "\n"
        "total           6         1           1       3       1 true 2, false 1 ███░░  67%\n"
    )


def test_status_by_verdict(run, sheets):
    r = run("status", "mixed.yaml", "--by", "verdict")
    assert r.out.splitlines()[2:5] == [
        "(none)       3         1           1       0       1                 ██░░░  33%",
        "false        1         0           0       1       0 false 1         █████ 100%",
        "true         2         0           0       2       0 true 2          █████ 100%",
    ]


def test_status_sort_and_limit_keep_full_totals(run, sheets):
    r = run("status", "empty.yaml", "mixed.yaml", "--sort", "progress", "--limit", "1")
    lines = r.out.splitlines()
    assert lines[2].startswith("empty.yaml      0")
    assert lines[-1] == "total (2)       6         1           1       3       1 true 2, false 1 ███░░  67%"


def test_status_markdown(run, sheets):
    r = run("status", "empty.yaml", "mixed.yaml", "--format", "markdown")
    assert r.out == (
        "| worksheet | claims | unchecked | in progress | checked | skipped | verdicts | done |\n"
        "|---|---:|---:|---:|---:|---:|---|---:|\n"
        "| `empty.yaml` | 0 | 0 | 0 | 0 | 0 |  | 0% |\n"
        "| `mixed.yaml` | 6 | 1 | 1 | 3 | 1 | true 2, false 1 | 67% |\n"
        "| **total** | 6 | 1 | 1 | 3 | 1 | true 2, false 1 | 67% |\n"
    )


def test_status_json(run, sheets):
    r = run("status", "empty.yaml", "mixed.yaml", "--format", "json")
    assert json.loads(r.out) == {
        "by": "worksheet",
        "worksheets": [
            {"path": "empty.yaml", "valid": True, "problems": 0, "claims": 0,
             "status": {"unchecked": 0, "in-progress": 0, "checked": 0, "skipped": 0}, "verdicts": {},
             "done": 0, "percent_done": 0.0},
            {"path": "mixed.yaml", "valid": True, "problems": 0, "claims": 6,
             "status": {"unchecked": 1, "in-progress": 1, "checked": 3, "skipped": 1},
             "verdicts": {"true": 2, "false": 1}, "done": 4, "percent_done": 66.7},
        ],
        "totals": {"claims": 6, "status": {"unchecked": 1, "in-progress": 1, "checked": 3, "skipped": 1},
                   "verdicts": {"true": 2, "false": 1}, "done": 4, "percent_done": 66.7},
    }


def test_status_json_by_assignee(run, sheets):
    r = run("status", "mixed.yaml", "--by", "assignee", "--format", "json")
    data = json.loads(r.out)
    assert data["by"] == "assignee"
    assert [(g["value"], g["claims"], g["done"]) for g in data["groups"]] == [("(none)", 2, 1), ("ana", 2, 2), ("ben", 2, 1)]


def test_status_marks_invalid_worksheets_and_exits_1(run, sheets):
    (sheets / "bad.yaml").write_text(MIXED.replace("status: skipped", "status: skiped"))
    r = run("status", "bad.yaml", "--format", "markdown")
    assert r.code == 1
    assert r.out.splitlines()[2] == "| `bad.yaml` (invalid) | 6 | 1 | 1 | 3 | 0 | true 2, false 1 | 50% |"


def test_status_not_a_terminal_has_no_escape_codes(run, sheets):
    r = run("status", "mixed.yaml", env={"NO_COLOR": None, "COLUMNS": "80"})
    assert "\x1b[" not in r.out


def test_show_all_claims_table(run, sheets):
    r = run("show", "mixed.yaml")
    assert r.code == 0
    assert r.out.splitlines() == [  # piped: every column, one line per claim, nothing cut
        "mixed.yaml",
        "id  claim  speaker  type     worth status      verdict",
        "─" * 54,
        "a-1 One.   Ana Lima quantity       unchecked",
        "b-2 Two.   Ana Lima quantity       in-progress",
        "c-3 Three.          event          checked     true",
        "d-4 Four.           event          checked     false",
        "e-5 Five.           quote          skipped",
        "f-6 Six.            quantity       checked     true",
    ]
    wide = run("show", "mixed.yaml", env={"COLUMNS": "120"})
    assert wide.out.splitlines()[1].split() == ["id", "claim", "speaker", "type", "worth", "status", "verdict"]


def test_show_one_claim(run, sheets):
    r = run("show", "mixed.yaml", "c-3")
    assert r.out == (
        "╭─ mixed.yaml:7  c-3 ──────────────────────────────────────────────────────────╮\n"
        "│ claim    Three.                                                              │\n"
        "│ speaker  -                                                                   │\n"
        "│ type     event                                                               │\n"
        "│ date     -                                                                   │\n"
        "│ worth    -                                                                   │\n"
        "│ reasons  -                                                                   │\n"
        "│ status   checked                                                             │\n"
        "│ verdict  true                                                                │\n"
        "│ sources  https://example.org/x                                               │\n"
        "│ notes    -                                                                   │\n"
        "│ assignee ana                                                                 │\n"
        "╰──────────────────────────────────────────────────────────────────────────────╯\n"
    )
    r = run("show", "mixed.yaml", "c-4")
    assert (r.code, r.err) == (2, "factcheck: error: mixed.yaml: no claim with id 'c-4'; did you mean 'd-4'?\n")


def test_show_json(run, sheets):
    r = run("show", "mixed.yaml", "d-4", "--format", "json")
    (c,) = json.loads(r.out)["claims"]
    assert (c["id"], c["line"], c["verdict"], c["sources"][0]["url"]) == ("d-4", 8, "false", "https://example.org/y")


def test_show_context_highlights_quote_and_escapes_markup(run, tmp_path):
    from factcheck import report
    from factcheck.worksheet import load

    (tmp_path / "a.txt").write_text("Intro [bold red]x[/bold red] \x1b[31mred\x1b[0m.\n\nThe port handled 4 million boxes. [link=http://evil]y[/link]\n")
    (tmp_path / "w.yaml").write_text(
        "factcheck: 1\narticle:\n  path: a.txt\nclaims:\n"
        "  - id: p-1\n    text: 'The port handled 4 million boxes [bold]now[/bold].'\n"
        "    quote: The port handled 4 million boxes.\n    status: unchecked\n"
    )
    r = run("show", "w.yaml", "p-1")
    assert "│ claim    The port handled 4 million boxes [bold]now[/bold]." in r.out
    assert "│ │ The port handled 4 million boxes. [link=http://evil]y[/link]" in r.out
    ws = load(tmp_path / "w.yaml", check_article=False).worksheet
    text = report.context_text((tmp_path / "a.txt").read_text(), ws.claims[0])
    assert str(text) == "The port handled 4 million boxes. [link=http://evil]y[/link]"
    (span,) = [s for s in text.spans if s.style == "bold yellow"]
    assert str(text)[span.start:span.end] == "The port handled 4 million boxes."
    r = run("show", "w.yaml")
    assert "\x1b" not in r.out


def test_clean_strips_ansi_and_controls():
    from factcheck.render import clean

    assert clean("a\x1b[31mred\x1b[0m\x07b\u202ec\nd") == "aredbc d"


def test_next_picks_most_checkworthy_unchecked(run, tmp_path):
    (tmp_path / "article.txt").write_text("x\n")
    (tmp_path / "w.yaml").write_text(
        "factcheck: 1\narticle:\n  path: article.txt\nclaims:\n"
        "  - {id: low-1, text: Low., checkworthiness: 0.2, status: unchecked}\n"
        "  - {id: high-2, text: High., checkworthiness: 0.9, status: unchecked, assignee: ana}\n"
        "  - {id: done-3, text: Done., checkworthiness: 1.0, status: checked}\n"
    )
    r = run("next", "w.yaml")
    assert r.code == 0
    assert r.out.splitlines()[0] == "╭─ w.yaml:6  high-2 ───────────────────────────────────────────────────────────╮"
    assert r.out.splitlines()[-3:] == [
        "2 unchecked claims left. Record the result with:",
        "  factcheck set w.yaml high-2 --verdict VERDICT --source URL --title TITLE",
        "  VERDICT is one of: true, mostly-true, mixed, mostly-false, false, unverifiable",
    ]
    r = run("next", "w.yaml", "--assignee", "bob")
    assert (r.code, r.out) == (0, "nothing left to check assigned to bob: no unchecked claims\n")
    r = run("next", "w.yaml", "--format", "json")
    data = json.loads(r.out)
    assert (data["remaining"], data["next"]["id"], data["next"]["path"]) == (2, "high-2", "w.yaml")


def test_next_warns_about_invalid_worksheets(run, sheets):
    (sheets / "bad.yaml").write_text(MIXED.replace("status: skipped", "status: skiped"))
    r = run("next", "bad.yaml", "mixed.yaml")
    assert r.code == 0
    assert r.err == "factcheck: warning: 1 invalid worksheet left out (bad.yaml...); run factcheck validate\n"
    assert r.out.splitlines()[0].startswith("╭─ mixed.yaml:5  a-1 ")
