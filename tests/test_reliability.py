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


# --------------------------------------------------------------------------- 6-8: hangs and unbounded reads


def _cli(args, cwd, timeout=60):
    """The CLI in a subprocess with a timeout, so a hang fails the test instead of stalling the suite."""
    import subprocess
    import sys

    try:
        p = subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], cwd=cwd, capture_output=True,
                           text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"factcheck {' '.join(map(str, args))} hung")
    return p.returncode, p.stdout, p.stderr


def test_06_fifo_as_the_article_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "article.txt")
    (tmp_path / "w.yaml").write_text(sheet(claim("a-1")))
    pipe = "cannot read the article 'article.txt' (relative to the worksheet): is not a regular file (a named pipe); give the path of a regular file"
    assert _cli(["validate", "w.yaml"], tmp_path) == (1, f"w.yaml:3:9: article.path: {pipe}\n1 problem in 1 file (1 checked)\n", "")
    code, out, err = _cli(["show", "w.yaml", "a-1"], tmp_path)
    assert (code, err) == (0, "")
    code, out, err = _cli(["next", "w.yaml"], tmp_path)
    assert (code, err) == (0, "")
    code, out, err = _cli(["check", "w.yaml", "--format", "text"], tmp_path)
    assert code == 2 and "w.yaml: article.path: cannot read the article: is not a regular file (a named pipe)" in out
    code, out, err = _cli(["extract", "article.txt", "-o", "x.yaml"], tmp_path)
    assert (code, out, err) == (2, "", "factcheck: error: article.txt: is not a regular file (a named pipe); give the path of a regular file\n")


@pytest.mark.parametrize("command,expected", [("validate", 2), ("status", 1), ("show", 2), ("next", 0), ("check", 2), ("set", 2)])
def test_06_fifo_as_the_worksheet_does_not_hang(tmp_path, command, expected):
    os.mkfifo(tmp_path / "w.yaml")
    args = [command, "w.yaml"] + (["a-1", "--status", "checked"] if command == "set" else [])
    code, out, err = _cli(args, tmp_path)
    if command in ("status", "next"):  # they summarise: an unreadable worksheet is a row or a warning
        assert "w.yaml" in out + err
    else:
        assert "is not a regular file (a named pipe); give the path of a regular file" in out + err
    assert code == expected  # the codes of the hostile table's unreadable (binary) worksheet
    assert (tmp_path / "w.yaml").is_fifo()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_06_devices_are_refused_before_reading(tmp_path, device):
    os.symlink(device, tmp_path / "article.txt")
    (tmp_path / "w.yaml").write_text(sheet(claim("a-1")))
    code, out, err = _cli(["validate", "w.yaml"], tmp_path)
    assert code == 1 and "is not a regular file (a device)" in out
    assert _cli(["extract", device, "-o", "x.yaml"], tmp_path) == (
        2, "", f"factcheck: error: {device}: is not a regular file (a device); give the path of a regular file\n")
    os.symlink(device, tmp_path / "desk.yaml")
    assert _cli(["status", "w.yaml", "--config", "desk.yaml"], tmp_path)[2] == \
        "factcheck: error: desk.yaml: is not a regular file (a device); give the path of a regular file\n"


def test_06_one_bounded_reader(tmp_path):
    """The size cap is checked before reading and the read itself is bounded."""
    from factcheck import yamlio
    from factcheck.errors import InputError

    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(InputError) as exc:
        yamlio.read_bytes(big, what="worksheet", max_bytes=1024)
    assert str(exc.value) == f"{big}: is 0.0 MiB, over the 0 MiB limit for a worksheet"
    assert yamlio.read_bytes(big, max_bytes=4096) == b"x" * 2048


def test_08_set_parses_the_worksheet_once(run, tmp_path, monkeypatch):
    """An edit costs one validating load: after splicing, only the edited claim's lines are parsed again."""
    from factcheck import yamlio

    (tmp_path / "article.txt").write_text(ARTICLE)
    ws = tmp_path / "w.yaml"
    ws.write_text(sheet("".join(claim(f"c-{i}") for i in range(200))))
    sizes = []
    real = yamlio.compose

    def counting(text, path, **kw):
        sizes.append(len(text))
        return real(text, path, **kw)

    monkeypatch.setattr(yamlio, "compose", counting)
    r = run("set", "w.yaml", "c-100", "--note", "Called.\nNo answer.", "--source", "https://example.org/a")
    assert r.code == 0, r.err
    assert len(sizes) == 2 and sizes[1] < 400, sizes  # the whole file once, then one claim
    monkeypatch.setattr(yamlio, "compose", real)
    _valid(run, "w.yaml")
