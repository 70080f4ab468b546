"""factcheck set: byte-preserving edits, refusals, atomic writes, and a property test."""

from __future__ import annotations

import difflib
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.config import Config
from factcheck.edit import Change, apply_change
from factcheck.worksheet import load

HAND_EDITED = """\
# Worksheet for the council story.   <- a comment of ours
factcheck: 1
article:
  path: article.txt   # the text we checked against
claims:
  # budget first: the editor asked
  - id: budget-1
    text: 'The town council approved a budget of $4.2 million.'
    quote: "approved a budget of $4.2 million"
    status: unchecked    # not started
    verdict:
    sources: []
    notes: >
      Folded note
      kept as is.

  - {id: flow-2, text: "Unemployment fell to 3.1%.", status: unchecked}


  - id: third-3
    text: Third claim.
    status: in-progress
    sources:
      - url: https://example.org/one
        title: One   # first source
    assignee: ben
"""


@pytest.fixture
def ws(tmp_path):
    (tmp_path / "article.txt").write_text("The town council approved a budget of $4.2 million on Monday.\n")
    p = tmp_path / "w.yaml"
    p.write_text(HAND_EDITED)
    return p


def _diff(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_series_of_sets_touches_only_intended_lines(run, ws):
    r = run("set", ws.name, "budget-1", "--verdict", "mostly-true", "--source", "https://example.org/minutes",
            "--title", "Council minutes, p. 3")
    assert r.code == 0, r.err
    assert r.out.splitlines() == [
        "w.yaml: budget-1: verdict: null -> mostly-true",
        "w.yaml: budget-1: status: unchecked -> checked",
        "w.yaml: budget-1: source added: https://example.org/minutes",
    ]
    r = run("set", ws.name, "third-3", "--source", "https://example.org/two", "--note", "Called the press office.")
    assert r.code == 0, r.err
    r = run("set", ws.name, "flow-2", "--status", "skipped", "--assignee", "ana")
    assert r.code == 0, r.err
    after = ws.read_text()
    today = __import__("datetime").date.today().isoformat()
    assert _diff(HAND_EDITED, after) == [
        "-    status: unchecked    # not started",
        "-    verdict:",
        "-    sources: []",
        "+    status: checked    # not started",
        "+    verdict: mostly-true",
        "+    sources:",
        "+      - url: https://example.org/minutes",
        "+        title: Council minutes, p. 3",
        f"+        accessed: {today}",
        '-  - {id: flow-2, text: "Unemployment fell to 3.1%.", status: unchecked}',
        '+  - {id: flow-2, text: "Unemployment fell to 3.1%.", status: skipped, assignee: ana}',
        "+      - url: https://example.org/two",
        "+        title: null",
        f"+        accessed: {today}",
        "+    notes: Called the press office.",
    ]
    assert run("validate", ws.name).code == 0


def test_note_appends_to_a_block_note(run, ws):
    assert run("set", ws.name, "budget-1", "--note", "Second thought.").code == 0
    data = load(ws, check_article=False).worksheet.claim("budget-1")
    assert data.notes == "Folded note kept as is.\nSecond thought."
    assert "\n    notes: |-\n      Folded note kept as is.\n      Second thought.\n\n  - {id: flow-2" in ws.read_text()


def test_invalid_value_refused_with_allowed_list(run, ws):
    before = ws.read_bytes()
    r = run("set", ws.name, "budget-1", "--status", "done")
    assert (r.code, r.err) == (2, "factcheck: error: status 'done' is not allowed; use one of: unchecked, in-progress, checked, skipped\n")
    r = run("set", ws.name, "budget-1", "--verdict", "pants-on-fire")
    assert (r.code, r.err) == (2, "factcheck: error: verdict 'pants-on-fire' is not on the scale; use one of: true, mostly-true, mixed, mostly-false, false, unverifiable\n")
    r = run("set", ws.name, "budget-2", "--status", "checked")
    assert (r.code, r.err) == (2, "factcheck: error: w.yaml: no claim with id 'budget-2'; did you mean 'budget-1'?\n")
    r = run("set", ws.name, "budget-1")
    assert (r.code, r.err) == (2, "factcheck: error: nothing to record; give --status, --verdict, --source, --note, "
                                  "--assignee, --summary, --explanation, --correction, --clear, --remove-source, --same-as, "
                                  "--not-same-as or --verdict-from\n")
    assert ws.read_bytes() == before


def test_invalid_worksheet_is_not_edited(run, ws):
    ws.write_text(HAND_EDITED.replace("    status: in-progress\n", "    status: in-progress\n    staus: x\n"))
    before = ws.read_bytes()
    r = run("set", ws.name, "budget-1", "--status", "checked")
    assert r.code == 1
    assert r.err == (
        "w.yaml:23:5: claims[2].staus: unknown key; did you mean 'status'?\n"
        "factcheck: error: w.yaml: is not valid, so it was not edited; fix these problems first\n"
    )
    assert ws.read_bytes() == before


def test_read_only_worksheet_is_refused(run, ws):
    os.chmod(ws, 0o444)
    r = run("set", ws.name, "budget-1", "--status", "checked")
    assert (r.code, r.err) == (2, "factcheck: error: w.yaml: is read-only; make it writable (chmod u+w) to record changes\n")
    assert ws.read_text() == HAND_EDITED


def test_crlf_worksheet_keeps_crlf(run, ws):
    ws.write_bytes(HAND_EDITED.replace("\n", "\r\n").encode())
    assert run("set", ws.name, "third-3", "--note", "x", "--source", "https://example.org/z").code == 0
    raw = ws.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert run("validate", ws.name).code == 0


def test_atomic_write_leaves_no_temp_files(run, ws, tmp_path):
    assert run("set", ws.name, "budget-1", "--status", "in-progress").code == 0
    # the folder lock's file stays (deleting a lock file races with the next waiter)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".factcheck.lock", "article.txt", "w.yaml"]


def test_lock_timeout_is_a_clear_error(ws, run):
    """Issue 10, case 18: the lock is the filelock package's (no fcntl), with a clear timeout."""
    import subprocess
    import sys
    import time

    # another process holds the folder's lock, as a concurrent factcheck would
    holder = subprocess.Popen([sys.executable, "-c", (
        "import filelock, sys, time\n"
        f"with filelock.FileLock({str(ws.parent / '.factcheck.lock')!r}):\n"
        "    print('held', flush=True); time.sleep(30)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        from factcheck.errors import LockTimeout

        before = ws.read_bytes()
        t0 = time.monotonic()
        with pytest.raises(LockTimeout) as exc:
            apply_change(ws, "budget-1", Change(status="checked"), Config(), lock_timeout=0.2)
        assert time.monotonic() - t0 < 5
        assert str(exc.value) == (f"{ws}: another factcheck command is editing this folder; gave up after 0.2s, "
                                  "try again when it has finished")
        assert exc.value.exit_code == 2
        assert ws.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()


def test_lock_module_does_not_need_fcntl():
    """Issue 10, case 18: nothing in factcheck imports fcntl (it does not exist on Windows)."""
    import subprocess
    import sys

    code = ("import sys\nsys.modules['fcntl'] = None\n"
            "import factcheck.yamlio, factcheck.edit, factcheck.update, factcheck.cli\nprint('ok')")
    # filelock picks its Windows/soft implementation when fcntl is missing; ours must not import it directly
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout == "ok\n", proc.stderr


def test_concurrent_sets_lose_nothing(ws):
    from concurrent.futures import ProcessPoolExecutor

    notes = [f"note {i}" for i in range(8)]
    with ProcessPoolExecutor(4) as pool:
        list(pool.map(_add_note, [str(ws)] * len(notes), notes))
    got = load(ws, check_article=False).worksheet.claim("third-3").notes.splitlines()
    assert sorted(got) == sorted(notes)


def _add_note(path, note):
    from pathlib import Path

    apply_change(Path(path), "third-3", Change(note=note), Config())


ops = st.lists(st.tuples(
    st.sampled_from(["budget-1", "flow-2", "third-3"]),
    st.sampled_from(["status", "verdict", "source", "note", "assignee"]),
    st.sampled_from(["unchecked", "in-progress", "checked", "skipped", "true", "false", "mixed", "ana", "a: b # c", "x'y\"z", "ünï"]),
), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ops)
def test_random_sets_keep_file_valid_and_untouched_claims_identical(tmp_path_factory, sequence):
    from factcheck.config import STATUSES

    d = tmp_path_factory.mktemp("h")
    p = d / "w.yaml"
    p.write_text(HAND_EDITED)
    expected = {"budget-1": {}, "flow-2": {}, "third-3": {}}
    for i, (cid, field, value) in enumerate(sequence):
        change = Change()
        if field == "status":
            if value not in STATUSES:
                continue
            change.status = value
            if value == "unchecked":  # back to unchecked clears the verdict (refused without --clear verdict)
                change.clear = ("verdict",)
        elif field == "verdict":
            if value not in ("true", "false", "mixed"):
                continue
            change.verdict = value
        elif field == "source":
            change.sources = [{"url": f"https://example.org/{i}", "title": value}]
        elif field == "note":
            change.note = value
        else:
            change.assignee = value
        before = load(p, check_article=False).worksheet
        old = before.claim(cid)
        if change.status == "unchecked" and old.verdict is not None:
            change.clear = ("verdict",)  # moving back to unchecked takes the verdict away explicitly
        apply_change(p, cid, change, Config())
        ws = load(p, check_article=False)
        assert ws.problems == []
        new = ws.worksheet.claim(cid)
        if change.verdict and change.verdict != old.verdict:
            assert new.verdict == change.verdict
            if old.status in ("unchecked", "in-progress"):
                assert new.status == "checked"
        if change.status:
            assert new.status == change.status
        if change.clear:
            assert new.verdict is None
        if change.note:
            assert new.notes.endswith(change.note)
        if change.assignee:
            assert new.assignee == change.assignee
        if change.sources:
            assert new.urls[-1] == change.sources[0]["url"]
        # every other claim's text is byte-identical
        text_before, text_after = before.text, p.read_text()
        for other in ("budget-1", "flow-2", "third-3"):
            if other == cid:
                continue
            assert _claim_bytes(text_before, before, other) == _claim_bytes(text_after, ws.worksheet, other)
        expected[cid] = new


def _claim_bytes(text, ws, cid):
    from factcheck.worksheet import claim_nodes

    nodes = claim_nodes(ws.node)
    i = [c.id for c in ws.claims].index(cid)
    n = nodes[i]
    return text[n.start_mark.index:n.end_mark.index].rstrip()
