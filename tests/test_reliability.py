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


@pytest.mark.parametrize("command,expected", [("validate", 2), ("status", 2), ("show", 2), ("next", 2), ("check", 2), ("set", 2)])
def test_06_fifo_as_the_worksheet_does_not_hang(tmp_path, command, expected):
    os.mkfifo(tmp_path / "w.yaml")
    args = [command, "w.yaml"] + (["a-1", "--status", "checked"] if command == "set" else [])
    code, out, err = _cli(args, tmp_path)
    if command in ("status", "next"):  # they summarise: an unreadable worksheet is a row or a warning
        assert "w.yaml" in out + err
    else:
        assert "is not a regular file (a named pipe); give the path of a regular file" in out + err
    assert code == expected  # unreadable input: 2 for every command (case 15)
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


# --------------------------------------------------------------------------- 9-16: crashes and wrong results


def _two_sheets(tmp_path, bad_extra: str):
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "bad.yaml").write_text(sheet(claim("a-1", extra=bad_extra)))
    (tmp_path / "good.yaml").write_text(sheet(claim("a-1")))


@pytest.mark.parametrize("field", ["checkworthiness", "span"])
def test_09_huge_integer_is_a_problem_and_the_run_goes_on(run, tmp_path, field):
    huge = "9" * 5000
    _two_sheets(tmp_path, f"    {field}: {huge}\n" if field == "checkworthiness" else f"    span: [0, {huge}]\n")
    r = run("validate", "bad.yaml", "good.yaml")
    where = "bad.yaml:10:22" if field == "checkworthiness" else "bad.yaml:10:15"
    path = "claims[0].checkworthiness" if field == "checkworthiness" else "claims[0].span[1]"
    assert (r.code, r.out) == (1, f"{where}: {path}: {'9' * 40}...{'9' * 10} is too large a number; write a smaller one\n"
                                  "1 problem in 1 file (2 checked)\n"), r.err
    r = run("status", "bad.yaml", "good.yaml", "--format", "json")
    assert r.code == 1 and '"claims": 1' in r.out, r.err
    r = run("check", "bad.yaml", "good.yaml", "--format", "text")
    assert r.code == 2 and "good.yaml" in r.out, r.err


@pytest.mark.parametrize("path,reason", [
    ("loop.txt", "cannot read: Too many levels of symbolic links"),
    ("a\\0b.txt", "is not a usable path (it contains a NUL character); give the article's path"),
])
def test_09_bad_article_path_is_a_problem(run, tmp_path, path, reason):
    os.symlink("loop.txt", tmp_path / "loop.txt")
    (tmp_path / "w.yaml").write_text(sheet(claim("a-1"), article=f'"{path}"'))
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "good.yaml").write_text(sheet(claim("a-1")))
    shown = path.replace("\\0", "\x00")
    r = run("validate", "w.yaml", "good.yaml")
    assert (r.code, r.out) == (1, f"w.yaml:3:9: article.path: cannot read the article {shown!r} (relative to the worksheet): "
                                  f"{reason}\n1 problem in 1 file (2 checked)\n".replace("\x00", "\\x00")), r.err
    for command in (["show", "w.yaml", "a-1"], ["next", "w.yaml"], ["check", "w.yaml", "good.yaml"]):
        r = run(*command)
        assert r.code in (0, 1, 2) and "internal error" not in r.err, (command, r.err)


def test_09_output_below_a_file(run, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    r = run("extract", "a.txt", "-o", "a.txt/x.yaml")
    assert (r.code, r.err) == (2, "factcheck: error: a.txt: is a file, not a folder; give -o a path inside a folder\n")


def test_09_output_folder_cannot_be_created(run, tmp_path, monkeypatch):
    import errno

    (tmp_path / "a.txt").write_text(STORY)

    def read_only(self, *a, **k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", read_only)
    r = run("extract", "a.txt", "-o", "newdir/x.yaml")
    assert (r.code, r.err) == (2, "factcheck: error: newdir/x.yaml: cannot create its folder newdir: Read-only file system\n")


@pytest.mark.parametrize("name,content", [
    ("story.md", "---\ntitle: Port\nurl: www.example.com/story\n---\n\n" + STORY),
    ("list.md", "---\nurl: [https://a.example, https://b.example]\n---\n\n" + STORY),
    ("story.html", '<html><head><link rel="canonical" href="/news/story-1"></head><body><p>' + STORY + "</p></body></html>"),
])
def test_10_relative_url_is_left_out_with_a_warning(run, tmp_path, name, content):
    (tmp_path / name).write_text(content)
    r = run("extract", name, "-o", "w.yaml")
    assert r.code == 0, r.err
    assert r.err.startswith(f"factcheck: warning: {name}: ") and "is not an absolute URL (https://...); left out of the worksheet\n" in r.err
    _valid(run, "w.yaml")
    assert "  url: null\n" in (tmp_path / "w.yaml").read_text()


def test_10_every_writer_validates_what_it_wrote(run, tmp_path):
    """The writers refuse to write what their validator would reject (a bug, exit 3, nothing written)."""
    from factcheck.errors import InternalError
    from factcheck.worksheet import write_new

    with pytest.raises(InternalError) as exc:
        write_new(tmp_path / "w.yaml", {"path": "a.txt", "url": "not a url"}, [], "text")
    assert "internal error: the new worksheet would be invalid" in str(exc.value)
    assert exc.value.exit_code == 3
    assert not (tmp_path / "w.yaml").exists()


def test_11_update_from_another_article_needs_article(run, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text("The council approved a budget of $4.2 million on Monday.\n")
    assert run("extract", "a.txt", "-o", "w.yaml").code == 0
    before = (tmp_path / "w.yaml").read_bytes()
    r = run("extract", "b.txt", "-o", "w.yaml", "--update")
    assert (r.code, r.err) == (2, "factcheck: error: w.yaml: was extracted from a.txt, not b.txt; give --article to make it "
                                  "the worksheet's article, or choose the right -o\n")
    assert (tmp_path / "w.yaml").read_bytes() == before
    r = run("extract", "b.txt", "-o", "w.yaml", "--update", "--article")
    assert r.code == 0, r.err
    assert "  path: b.txt\n" in (tmp_path / "w.yaml").read_text()
    _valid(run, "w.yaml")


def test_11_update_from_stdin_saves_the_text(run, tmp_path):
    assert run("extract", "-", "-o", "w.yaml", input=STORY).code == 0
    new = STORY.replace("4 million", "5 million")
    r = run("extract", "-", "-o", "w.yaml", "--update", input=new)
    assert r.code == 0, r.err
    assert (tmp_path / "w.txt").read_text() == new
    _valid(run, "w.yaml")
    # a worksheet of another article is not re-pointed at standard input silently
    (tmp_path / "a.txt").write_text(STORY)
    assert run("extract", "a.txt", "-o", "v.yaml").code == 0
    r = run("extract", "-", "-o", "v.yaml", "--update", input=new)
    assert (r.code, r.err) == (2, "factcheck: error: v.yaml: was extracted from a.txt, not the text from standard input; "
                                  "give --article to make it the worksheet's article, or choose the right -o\n")
    assert not (tmp_path / "v.txt").exists()


@pytest.mark.parametrize("body,code,message", [
    ("    notes: x\t# tab before the comment\n", 0, None),
    ('    notes: "\\ud800"\n', 1, "YAML syntax error"),
])
def test_12_one_reader_decides_for_every_command(run, tmp_path, body, code, message):
    (tmp_path / "article.txt").write_text(ARTICLE)
    ws = tmp_path / "w.yaml"
    ws.write_text(sheet(claim("a-1", extra=body)))
    before = ws.read_bytes()
    r = run("validate", "w.yaml")
    assert r.code == code, r.out
    r = run("set", "w.yaml", "a-1", "--status", "checked")
    assert r.code == code, r.err
    if message:
        assert message in r.err and "internal error" not in r.err
        assert ws.read_bytes() == before
    else:
        _valid(run, "w.yaml")


@pytest.mark.parametrize("extra,message", [
    ('    date: 2025-02-30\n', "claims[0].date: '2025-02-30' is not a real date; write YYYY, YYYY-MM or YYYY-MM-DD"),
    ('    date: "2025-13"\n', "claims[0].date: '2025-13' is not a real date; write YYYY, YYYY-MM or YYYY-MM-DD"),
    ('    checkworthiness: .nan\n', "claims[0].checkworthiness: must be a finite number, not .nan"),
    ('    checkworthiness: -.inf\n', "claims[0].checkworthiness: must be a finite number, not -.inf"),
])
def test_13_impossible_dates_and_non_finite_numbers(run, tmp_path, extra, message):
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "w.yaml").write_text(sheet(claim("a-1", extra=extra)))
    r = run("validate", "w.yaml")
    assert r.code == 1
    assert r.out.splitlines()[0].split(": ", 1)[1] == message


def test_13_id_with_a_final_newline_is_not_an_id(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "w.yaml").write_text(sheet(claim('"a-1\\n"') + claim("a-1")))
    r = run("validate", "w.yaml")
    assert r.code == 1
    assert r.out.splitlines()[0] == "w.yaml:6:9: claims[0].id: 'a-1\\n' does not match the expected form ^[a-z0-9][a-z0-9-]*$"
    from factcheck.schema import is_uri

    assert not is_uri("https://example.org/\n")


def test_16_source_that_is_not_a_url_is_refused_first(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    ws = tmp_path / "w.yaml"
    ws.write_text(sheet(claim("a-1")))
    before = ws.read_bytes()
    r = run("set", "w.yaml", "a-1", "--source", "www.example.org")
    assert (r.code, r.err) == (2, "factcheck: error: not a URL: 'www.example.org'; write it in full, "
                                  "e.g. https://example.org/page\n")
    assert ws.read_bytes() == before


@pytest.mark.parametrize("note", [
    "  indented first line\nsecond", "del \x7f here\nline", "c1 \x85 nel\nline", "c1 \x9b csi\nx",
    "ls \u2028 sep\nx", "bom \ufeff\nx", "tab\there\nx", "ends with newline\n", "two newlines\n\n",
    "  ", "- dash\n# hash", "\nleading newline", "line\n  \n  spaces-only line",
])
def test_16_and_20_every_note_reads_back_exactly(run, tmp_path, note):
    (tmp_path / "article.txt").write_text(ARTICLE)
    ws = tmp_path / "w.yaml"
    ws.write_text(sheet(claim("a-1") + claim("b-2")))
    r = run("set", "w.yaml", "a-1", "--note", note, "--assignee", note)
    assert r.code == 0, r.err
    _valid(run, "w.yaml")
    from factcheck.worksheet import load

    c = load(ws).worksheet.claims
    assert (c[0].notes, c[0].assignee, c[1].id) == (note, note, "b-2")


def test_16_source_into_a_flow_list_with_a_trailing_comma(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    ws = tmp_path / "w.yaml"
    ws.write_text(sheet(claim("a-1", extra="    sources: [{url: https://example.org/a}, ]\n")))
    r = run("set", "w.yaml", "a-1", "--source", "https://example.org/b")
    assert r.code == 0, r.err
    _valid(run, "w.yaml")
    from factcheck.worksheet import load

    assert load(ws).worksheet.claims[0].urls == ["https://example.org/a", "https://example.org/b"]


def test_17_stale_temp_files_are_removed_when_the_lock_is_taken(run, tmp_path):
    import time

    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "w.yaml").write_text(sheet(claim("a-1")))
    old = time.time() - 3600
    for name in (".w.yaml.abcd1234.tmp", ".other.yaml.x_y_z_12.tmp"):
        (tmp_path / name).write_text("half a worksheet")
        os.utime(tmp_path / name, (old, old))
    (tmp_path / ".w.yaml.fresh123.tmp").write_text("a live writer's")  # too recent to be stale
    (tmp_path / ".notes.tmp").write_text("not our pattern")
    os.utime(tmp_path / ".notes.tmp", (old, old))
    assert run("set", "w.yaml", "a-1", "--status", "checked").code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".factcheck.lock", ".notes.tmp", ".w.yaml.fresh123.tmp", "article.txt", "w.yaml"]


def test_20_cr_only_file_keeps_its_line_endings(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    ws = tmp_path / "w.yaml"
    ws.write_bytes(sheet(claim("a-1")).replace("\n", "\r").encode())
    r = run("set", "w.yaml", "a-1", "--note", "one\ntwo", "--source", "https://example.org/a")
    assert r.code == 0, r.err
    data = ws.read_bytes()
    assert b"\n" not in data and b"notes: |-\r      one\r      two" in data
    _valid(run, "w.yaml")


def test_16_and_20_property_any_text_reads_back_exactly(tmp_path):
    """Whatever string the schema accepts as a note or assignee, the writer stores it exactly."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from factcheck.config import Config
    from factcheck.edit import Change, apply_change
    from factcheck.worksheet import load

    (tmp_path / "article.txt").write_text(ARTICLE)
    ws = tmp_path / "w.yaml"
    text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(note=text, assignee=text, start=st.sampled_from(["", "    notes: Opinion # ask Ana\n", "    notes: |\n      Old.\n"]))
    def prop(note, assignee, start):
        ws.write_text(sheet(claim("a-1", extra=start) + claim("b-2")))
        old = load(ws).worksheet.claims[0].notes
        if not note.strip() and old:
            note = "x" + note
        apply_change(ws, "a-1", Change(note=note, assignee=assignee), Config())
        r = load(ws)
        assert r.problems == []
        c = r.worksheet.claims[0]
        expected = (old.rstrip("\n") + "\n" + note) if old and old.strip() else note
        assert (c.notes, c.assignee or "") == (expected, assignee)
        assert r.worksheet.claims[1].id == "b-2"

    prop()


# --------------------------------------------------------------------------- 18-19


def test_19_html5_implicitly_closed_elements_inside_skipped_blocks():
    from factcheck.article import parse_html

    page = ("<!doctype html><html><head><title>Council</title></head><body>"
            "<nav><ul><li>Home<li>About</ul></nav>"
            "<p>The council approved a budget of $4.2 million on Monday.</p>"
            "<div class=share><p>Share this<p>Subscribe</div>"
            "<p>Unemployment fell to 3.1% &amp; rising wages followed.<p>Second paragraph.</body></html>")
    art = parse_html(page)
    assert art.text == ("The council approved a budget of $4.2 million on Monday.\n\n"
                        "Unemployment fell to 3.1% & rising wages followed.\n\nSecond paragraph.\n")
    assert art.title == "Council"


def test_19_article_element_preferred_and_deep_nesting():
    from factcheck.article import parse_html

    page = ("<body><header>Site name</header><p>Teaser outside.</p><article><h1>Headline here</h1>"
            "<p>First fact: 12 schools closed.</p><aside>Related: other story</aside></article>"
            + "<div>" * 5000 + "deep text" + "</div>" * 5000 + "</body>")
    assert parse_html(page).text == "Headline here\n\nFirst fact: 12 schools closed.\n"
    assert "deep text" in parse_html("<body>" + "<div>" * 5000 + "deep text" + "</div>" * 5000).text


# --------------------------------------------------------------------------- 14-15: outputs and exit codes

ALL = {"validate": [], "status": [], "show": [], "next": [], "check": [], "set": ["a-1", "--status", "checked"]}


def test_15_exit_codes_agree_across_commands(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "latin1.yaml").write_bytes(sheet(claim("a-1", extra="    notes: caf\xe9\n")).encode("latin-1"))
    (tmp_path / "invalid.yaml").write_text(sheet(claim("a-1", extra="    colour: red\n")))
    (tmp_path / "good.yaml").write_text(sheet(claim("a-1")))
    codes = {cmd: (run(cmd, "latin1.yaml", *extra).code,
                   run(cmd, "good.yaml", *extra, "--config", "bad-config.yaml").code) for cmd, extra in ALL.items()}
    # invalid factcheck.yaml: a usage error (2), never check's "policy failures" (1)
    (tmp_path / "bad-config.yaml").write_text("verdicts: true\n")
    codes = {cmd: (run(cmd, "latin1.yaml", *extra).code,
                   run(cmd, "good.yaml", *extra, "--config", "bad-config.yaml").code) for cmd, extra in ALL.items()}
    assert codes == {cmd: (2, 2) for cmd in ALL}
    # an invalid worksheet is shown, and show says so with exit 1 (README)
    assert run("show", "invalid.yaml", "a-1").code == 1
    assert run("show", "invalid.yaml", "a-1", "--format", "json").code == 1
    assert run("show", "invalid.yaml").code == 1


HOSTILE = "x\x1b]8;;https://evil.example\x07link\x1b]8;;\x07\x1b[31mred\x9b2J\u202eevil\x01<script>|`y"


def test_14_every_output_format_escapes_hostile_strings(run, tmp_path):
    import json
    import xml.etree.ElementTree as ET

    (tmp_path / "article.txt").write_text(ARTICLE)
    hostile_name = "w\x1b[2J\u202e.yaml"
    esc = json.dumps(HOSTILE)
    ws = tmp_path / hostile_name
    ws.write_text(sheet(claim("a-1", status="checked", extra=f"    verdict: true\n    recheck: {esc}\n    assignee: {esc}\n")
                        + claim("b-2", extra=f"    speaker: {esc}\n")))
    outs = {}
    for fmt in ("text", "github", "json", "junit"):
        outs["check " + fmt] = run("check", hostile_name, "--format", fmt).out
    for fmt in ("text", "json", "markdown"):
        outs["status " + fmt] = run("status", hostile_name, "--format", fmt).out
        outs["status by " + fmt] = run("status", hostile_name, "--by", "assignee", "--format", fmt).out
    for fmt in ("text", "json"):
        outs["show " + fmt] = run("show", hostile_name, "--format", fmt).out
        outs["show id " + fmt] = run("show", hostile_name, "a-1", "--format", fmt).out
        outs["next " + fmt] = run("next", hostile_name, "--format", fmt).out
        outs["validate " + fmt] = run("validate", hostile_name, "--format", fmt).out
    for name, out in outs.items():
        assert out, name
        for bad in ("\x1b", "\x9b", "\u202e", "\x07", "\x01"):
            assert bad not in out, (name, bad, out)
    ET.fromstring(outs["check junit"])  # well-formed XML
    for name in ("check json", "status json", "status by json", "show json", "show id json", "next json"):
        json.loads(outs[name])
    assert "<script>" not in outs["status markdown"] + outs["status by markdown"]
    assert "&lt;script>" in outs["status by markdown"]  # the assignee, escaped for Markdown's HTML
    assert "recheck" in outs["check text"]


# --------------------------------------------------------------------------- 7: bounded work per paragraph


def test_07_oversized_paragraphs_are_cut_before_parsing():
    """What nlp.pipe receives: no piece over bounds.MAX_PIECE, prose cut at sentence ends, offsets exact."""
    from factcheck.article import Article
    from factcheck.bounds import MAX_PIECE
    from factcheck.extract.pipeline import ArticleResult, _stream

    prose = " ".join(f"Sentence number {i} says the port handled {i} boxes." for i in range(400))
    wrapped = "\n".join(prose[i:i + 70] for i in range(0, len(prose), 70))  # hard-wrapped at 70 columns
    text = wrapped + "\n\n" + "abc\n" * 20_000 + "\n" + "&amp;" * 5_000 + " and more text follows here.\n\n" + "word " * 20_000 + "\n"
    art = Article(text=text)
    results = [ArticleResult(art)]
    pieces = list(_stream([art], results))
    assert max(len(t) for t, _ in pieces) <= MAX_PIECE
    for t, (_, start, *_rest) in pieces:
        assert text[start:start + len(t)] == t
    prose_pieces = [t for t, (_, start, *_rest) in pieces if start < len(wrapped)]
    assert all(t.endswith(".") for t in prose_pieces[:-1])  # never cut mid-sentence at a line end
    assert [d.skipped for d in results[0].decisions if (d.skipped or "").startswith("not prose")] == [
        "not prose (25000 characters without a space)"]
