"""Issue 10: the ways work could still be lost, hangs on special files, crashes on bad input.

One test (or parametrised group) per numbered case of the issue, named ``test_NN_...``;
each failed before its fix. Every write is followed by the tool's own validator.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ARTICLE, claim, sheet

STORY = "The port handled 4 million boxes in 2023, officials said.\n"


def _files(d: Path) -> dict:
    return {p.relative_to(d): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file() and not p.is_symlink()}


def _valid(run, path) -> None:
    r = run("validate", path)
    assert r.code == 0, r.out + r.err


# --------------------------------------------------------------------------- 1-5: data loss


def test_01_stdin_text_never_replaces_an_unrelated_file(run, tmp_path):
    (tmp_path / "story.txt").write_text("precious\n")
    r = run("extract", "-", "-o", "story.yaml", input=STORY)
    assert r.code == 2
    assert r.err == ("factcheck: error: story.txt: exists and the article text from standard input would replace it; "
                     "use --force to replace it, or choose another -o\n")
    assert (tmp_path / "story.txt").read_text() == "precious\n"
    assert not (tmp_path / "story.yaml").exists()


def test_01_stdin_with_force_writes_text_and_a_valid_worksheet(run, tmp_path):
    (tmp_path / "story.txt").write_text("old\n")
    r = run("extract", "-", "-o", "story.yaml", "--force", input=STORY)
    assert r.code == 0, r.err
    assert (tmp_path / "story.txt").read_text() == STORY
    _valid(run, "story.yaml")


def test_02_output_that_is_the_article_is_refused(run, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    for extra in ([], ["--force"], ["--update"]):
        r = run("extract", "a.txt", "-o", "a.txt", *extra)
        assert r.code == 2
        assert r.err == "factcheck: error: a.txt: that is the article; give -o a worksheet path (e.g. a.yaml)\n"
    # the same file by another name
    os.symlink("a.txt", tmp_path / "link.yaml")
    r = run("extract", "a.txt", "-o", "link.yaml", "--force")
    assert r.code == 2
    assert r.err == "factcheck: error: link.yaml: that is the article; give -o a worksheet path (e.g. a.yaml)\n"
    assert (tmp_path / "a.txt").read_text() == STORY


def test_02_output_that_is_not_a_regular_file_is_refused(run, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    os.mkfifo(tmp_path / "pipe.yaml")
    r = run("extract", "a.txt", "-o", "pipe.yaml", "--force")
    assert r.code == 2
    assert r.err == "factcheck: error: pipe.yaml: is not a regular file (a named pipe); give -o a worksheet path\n"
    assert (tmp_path / "pipe.yaml").is_fifo()
    r = run("extract", "a.txt", "-o", "/dev/null", "--force")
    assert r.code == 2
    assert r.err == "factcheck: error: /dev/null: is not a regular file (a device); give -o a worksheet path\n"
    assert Path("/dev/null").is_char_device()


def test_03_a_trailing_comment_stays_a_comment(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    ws = tmp_path / "w.yaml"
    ws.write_text(sheet(claim("a-1", extra="    notes: Opinion # ask Ana\n") + claim("b-2", extra="    notes: # nothing yet\n")))
    for cid in ("a-1", "b-2"):
        r = run("set", "w.yaml", cid, "--note", "Reply received")
        assert r.code == 0, r.err
    _valid(run, "w.yaml")
    from factcheck.worksheet import load

    w = load(ws).worksheet
    assert [c.notes for c in w.claims] == ["Opinion\nReply received", "Reply received"]
    text = ws.read_text()
    assert "    notes: |- # ask Ana\n      Opinion\n      Reply received\n" in text
    assert "    notes: Reply received # nothing yet\n" in text


def test_03_block_scalar_header_comment_is_kept(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    ws = tmp_path / "w.yaml"
    ws.write_text(sheet(claim("a-1", extra="    notes: |  # the editor's\n      First line.\n")))
    assert run("set", "w.yaml", "a-1", "--note", "Second.").code == 0
    assert "    notes: |- # the editor's\n      First line.\n      Second.\n" in ws.read_text()
    _valid(run, "w.yaml")


def test_04_set_and_update_write_through_a_symlink(run, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "article.txt").write_text(ARTICLE)
    (real / "w.yaml").write_text(sheet(claim("a-1")))
    links = tmp_path / "links"
    links.mkdir()
    os.symlink(real / "w.yaml", links / "w.yaml")
    os.symlink(real / "article.txt", links / "article.txt")
    r = run("set", links / "w.yaml", "a-1", "--status", "checked")
    assert r.code == 0, r.err
    assert (links / "w.yaml").is_symlink()
    assert "status: checked" in (real / "w.yaml").read_text()
    assert sorted(p.name for p in links.iterdir()) == ["article.txt", "w.yaml"]  # no lock or temp file left there

    from factcheck.article import read_article
    from factcheck.update import update_worksheet

    art = read_article(real / "article.txt")
    claims = [{"id": "new-2", "text": "The council approved a budget on Monday.", "quote": "on Monday",
               "span": [51, 60], "also_quoted": [], "speaker": None, "type": "event", "date": None,
               "checkworthiness": 0.5, "reasons": [], "status": "unchecked", "verdict": None, "sources": [],
               "notes": None, "assignee": None}]
    report = update_worksheet(links / "w.yaml", art, claims, "test")
    assert report.written
    assert (links / "w.yaml").is_symlink()
    assert "new-2" in (real / "w.yaml").read_text()
    _valid(run, links / "w.yaml")


def test_05_batch_outputs_that_collide_are_refused_before_writing(run, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(STORY)
    (src / "a.md").write_text(STORY)
    r = run("extract", "in", "-o", "out")
    assert r.code == 2
    assert r.err == "factcheck: error: out/a.yaml: in/a.md and in/a.txt would both be written there; " \
                    "extract them separately with -o\n"
    assert not (tmp_path / "out").exists()
