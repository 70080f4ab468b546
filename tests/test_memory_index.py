"""The claim index: incremental refresh, a cache that rebuilds itself (factcheck.memory.index)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from factcheck.memory.index import using_index
from factcheck.memory.match import similar
from factcheck.worksheet import load, render_new

INDEX = Path(".factcheck/index.sqlite")


def write_sheet(path, texts, *, verdicts=None, extra=None) -> Path:
    """A worksheet with one claim per text (ids c0, c1, ...)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    claims = []
    for i, t in enumerate(texts):
        v = (verdicts or {}).get(i)
        claims.append({"id": f"c{i}", "text": t, "status": "checked" if v else "unchecked", "verdict": v,
                       "sources": [{"url": f"https://example.org/{path.stem}/{i}", "title": None}] if v else []})
    path.write_text(render_new({"path": path.stem + ".txt"}, claims), encoding="utf-8")
    return path


def refresh(paths=None):
    return using_index(lambda idx, stats: stats, paths=paths)


def test_builds_then_reads_only_changed_worksheets():
    write_sheet("claims/a.yaml", ["The council approved a budget of $2.3 billion for 2025."])
    write_sheet("claims/b.yaml", ["The mayor opened a bridge over the river.", "Bus fares rose 5% in 2024."])
    stats, notices = refresh()
    assert (notices, stats.summary()) == ([], "3 claims in 2 worksheets, 2 read, 0 removed")
    assert refresh()[0].summary() == "3 claims in 2 worksheets, 0 read, 0 removed"
    # same bytes, new mtime: hashed, not parsed
    os.utime("claims/a.yaml", ns=(1, 1))
    assert refresh()[0].summary() == "3 claims in 2 worksheets, 0 read, 0 removed"
    write_sheet("claims/b.yaml", ["Bus fares rose 6% in 2024."])
    assert refresh()[0].summary() == "2 claims in 2 worksheets, 1 read, 0 removed"
    Path("claims/a.yaml").unlink()
    assert refresh()[0].summary() == "1 claim in 1 worksheet, 0 read, 1 removed"


def test_extra_roots_are_remembered_and_claims_is_always_indexed():
    write_sheet("claims/a.yaml", ["Bus fares rose 5% in 2024."])
    write_sheet("archive/2025/old.yaml", ["Bus fares rose 5% in 2023."])
    assert refresh([Path("archive")])[0].summary() == "2 claims in 2 worksheets, 2 read, 0 removed"
    assert refresh()[0].summary() == "2 claims in 2 worksheets, 0 read, 0 removed"
    shutil.rmtree("archive")
    assert refresh()[0].summary() == "1 claim in 1 worksheet, 0 read, 1 removed"


def test_missing_path_is_a_usage_error():
    from factcheck.errors import UsageError

    with pytest.raises(UsageError, match=r"^nowhere: no such file or folder; check the path$"):
        refresh([Path("nowhere")])


def test_invalid_worksheet_is_counted_not_fatal():
    write_sheet("claims/a.yaml", ["Bus fares rose 5% in 2024."])
    Path("claims/bad.yaml").write_text("factcheck: 1\nclaims: [\n", encoding="utf-8")
    stats, _ = refresh()
    assert (stats.summary(), stats.invalid) == (
        "1 claim in 2 worksheets, 2 read, 0 removed, 1 with problems (run factcheck validate)", ["claims/bad.yaml"])


def _similar_output():
    ws = load(Path("claims/b.yaml"), check_article=False).worksheet
    res, notices = using_index(lambda idx, _: [(r.claim.id, [(m.row.ref, m.score, m.describe()) for m in r.matches])
                                                for r in similar(idx, ws)])
    return res, notices


@pytest.mark.parametrize("damage, notice", [
    (lambda p: p.write_bytes(p.read_bytes()[:3000]), "is unreadable (database disk image is malformed)"),
    (lambda p: p.write_bytes(b"hello, not a database\n"), "is not a factcheck index (not an SQLite file)"),
    (lambda p: p.write_bytes(b""), "is not a factcheck index (not an SQLite file)"),
    (lambda p: (p.unlink(), sqlite3.connect(str(p)).execute("CREATE TABLE songs (x)").connection.commit()),
     "is unreadable (no such table: meta)"),
])
def test_damaged_index_is_rebuilt_with_one_notice(damage, notice):
    write_sheet("claims/a.yaml", ["The council approved a budget of $2.3 billion for 2025."], verdicts={0: "false"})
    write_sheet("claims/b.yaml", ["The city council approved a $2.3bn budget for 2025."])
    before, notices = _similar_output()
    assert notices == []
    damage(INDEX)
    after, notices = _similar_output()
    assert after == before
    assert notices == [f".factcheck/index.sqlite: {notice}; rebuilding it from the worksheets"]
    assert _similar_output() == (before, [])


def test_deleting_the_index_loses_nothing():
    write_sheet("claims/a.yaml", ["The council approved a budget of $2.3 billion for 2025."], verdicts={0: "false"})
    write_sheet("claims/b.yaml", ["The city council approved a $2.3bn budget for 2025."])
    before = _similar_output()
    assert before[0] == [("c0", [("claims/a.yaml#c0", 100, "same claim")])]
    shutil.rmtree(".factcheck")
    assert _similar_output() == before
    assert Path(".factcheck/.gitignore").read_text(encoding="utf-8") == "# factcheck's cache; safe to delete\n*\n"


def test_index_of_another_layout_is_rebuilt():
    write_sheet("claims/a.yaml", ["Bus fares rose 5% in 2024."])
    refresh()
    db = sqlite3.connect(str(INDEX))
    db.execute("UPDATE meta SET value = 'factcheck-claim-index 0' WHERE key = 'format'")
    db.commit()
    db.close()
    stats, notices = refresh()
    assert notices == [".factcheck/index.sqlite: is an index of another layout (factcheck-claim-index 0); "
                       "rebuilding it from the worksheets"]
    assert stats.summary() == "1 claim in 1 worksheet, 1 read, 0 removed"


def test_index_that_is_a_folder_is_left_alone():
    from factcheck.errors import InputError

    INDEX.mkdir(parents=True)
    (INDEX / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        refresh()
    assert str(exc.value).startswith(".factcheck/index.sqlite: cannot replace the damaged claim index: ")
    assert str(exc.value).endswith("; delete .factcheck/ by hand")
    assert (INDEX / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_unwritable_index_falls_back_to_memory():
    write_sheet("claims/a.yaml", ["The council approved a budget of $2.3 billion for 2025."], verdicts={0: "false"})
    write_sheet("claims/b.yaml", ["The city council approved a $2.3bn budget for 2025."])
    Path(".factcheck").write_text("not a folder\n", encoding="utf-8")  # mkdir fails, as in a read-only checkout
    res, notices = _similar_output()
    assert res == [("c0", [("claims/a.yaml#c0", 100, "same claim")])]
    assert len(notices) == 1
    assert notices[0].startswith(".factcheck/index.sqlite: cannot be written (")
    assert notices[0].endswith("); using a temporary index in memory")
    assert Path(".factcheck").read_text(encoding="utf-8") == "not a folder\n"
