"""factcheck export --format markdown and csv: exact report, escaping, CSV round trip and stable columns."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.config import Config
from factcheck.publish import csv as csv_report
from factcheck.publish import markdown
from factcheck.publish.sheets import load_sheets

EXPORT = Path(__file__).resolve().parent / "data" / "export"


@pytest.fixture
def desk(tmp_path) -> Path:
    for f in ("story.txt", "story.yaml", "factcheck.yaml"):
        shutil.copy(EXPORT / "desk" / f, tmp_path / f)
    return tmp_path / "story.yaml"


def test_markdown_report_exact(run, desk):
    r = run("export", desk.name, "--format", "markdown")
    assert r.code == 0
    assert r.out == (EXPORT / "desk" / "story.md").read_text(encoding="utf-8")
    assert r.err == "exported 5 claims from 1 worksheet as markdown\n"


def test_markdown_escapes_worksheet_text(desk):
    sheets = load_sheets([desk], Config())
    c = sheets[0].claims[0]
    c.summary = "Rates <script>alert(1)</script> [click](javascript:x) *bold* $5 & `code` | # 1"
    c.sources[0].url = "javascript:alert(1)"
    c.sources[0].title = "Evil](https://evil.example)"
    out = markdown.render(sheets, Config())
    assert ("### 1. Rates \\<script\\>alert(1)\\</script\\> \\[click\\](javascript:x) \\*bold\\* \\$5 \\& \\`code\\` "
            "\\| \\# 1") in out
    assert "  - Evil\\](https://evil.example) (accessed 2024-03-06; [archived copy](<https://archive.example.net/" in out
    assert "](<javascript" not in out


def test_markdown_text_is_one_line():
    assert markdown.text("two\nlines\r\nand\ttabs  ") == "two lines and tabs"
    assert markdown.link("t", "https://x.example/a b") == "t"  # not a usable URL: text only


COLUMNS = ("worksheet,article_url,article_published,id,status,verdict,rating,speaker,type,date,text,summary,"
           "explanation,quote,span_start,span_end,source_urls,source_titles,archived_urls,corrections,correction,"
           "notes,assignee,checkworthiness,stale,recheck")


def test_csv_columns_and_rows(run, desk):
    r = run("export", desk.name, "--format", "csv")
    assert r.code == 0
    assert r.out.splitlines()[0] == COLUMNS  # (CliRunner turns the CRLF line ends into LF)
    rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
    assert [row["id"] for row in rows] == ["unemployment-fell-31-a1b2", "bridge-open-2026-c3d4", "bridge-built-1931-e5f6",
                                           "budget-approved-42-0a1b", "library-members-12000-9c8d"]
    first = rows[0]
    assert first == {
        "worksheet": "story.yaml", "article_url": "https://news.example.com/2024/03/council-budget",
        "article_published": "2024-03-05", "id": "unemployment-fell-31-a1b2", "status": "checked", "verdict": "false",
        "rating": "1", "speaker": "Maria Lopez", "type": "quantity", "date": "2023",
        "text": 'Maria Lopez said unemployment in the town fell to 3.1% last year (2023), "the lowest in a decade".',
        "summary": "Unemployment in the town fell to 3.1% in 2023",
        "explanation": "The statistics office puts the town's 2023 rate at 4.6%, up from 4.1%.",
        "quote": 'Councillor Maria Lopez said unemployment in the town fell to 3.1% last year, "the lowest in a decade"',
        "span_start": "88", "span_end": "189",
        "source_urls": "https://stats.example.org/town/unemployment-2023", "source_titles": "Town unemployment 2023",
        "archived_urls": "https://archive.example.net/2024/stats.example.org/town/unemployment-2023",
        "corrections": "2024-03-08: An earlier version gave the 2022 rate as 4.3%; it was 4.1%.", "correction": "",
        "notes": "Called the statistics office; internal only.", "assignee": "", "checkworthiness": "", "stale": "false",
        "recheck": "",
    }
    assert rows[1]["rating"] == ""  # unverifiable is unrated
    assert rows[2]["source_titles"] == ""


def test_csv_round_trips_through_the_csv_module(desk):
    sheets = load_sheets([desk], Config())
    c = sheets[0].claims[1]
    c.text = 'Commas, "quotes", new\nlines\r\nand ; semicolons'
    c.notes = "line one\nline two"
    from factcheck.worksheet import Source

    c.sources.append(Source(url="https://b.example/2", title=None, archived="https://archive.example/2"))
    written = [csv_report.row(s, claim, Config()) for s in sheets for claim in s.claims]
    text = csv_report.render(sheets, Config())
    assert text.startswith(COLUMNS + "\r\n")
    read = list(csv.DictReader(io.StringIO(text, newline="")))
    assert read == written
    assert read[1]["text"] == 'Commas, "quotes", new\nlines\r\nand ; semicolons'
    assert read[1]["source_urls"].split("\n") == ["https://transport.example.gov/bridge", "https://b.example/2"]
    assert read[1]["archived_urls"].split("\n") == ["", "https://archive.example/2"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_csv_round_trip_any_text(text):
    from factcheck.publish.sheets import Sheet
    from factcheck.worksheet import Claim, Worksheet

    ws = Worksheet(path=Path("w.yaml"), text="", data={"article": {"path": "a.txt"}},
                   claims=[Claim(id="c-1", text=text, notes=text, speaker=text)])
    sheet = Sheet(ws)
    written = csv_report.row(sheet, ws.claims[0], Config())
    read = list(csv.DictReader(io.StringIO(csv_report.render([sheet], Config()), newline="")))
    assert read == [written]
    assert read[0]["text"] == csv_report.guard(text)


@pytest.mark.parametrize(("value", "cell"), [
    ("=HYPERLINK(\"https://evil.example\")", "'=HYPERLINK(\"https://evil.example\")"),
    ("+1 555", "'+1 555"), ("-5%", "'-5%"), ("@SUM(A1)", "'@SUM(A1)"), ("plain", "plain"), ("", ""),
])
def test_csv_cells_never_run_as_formulas(value, cell):
    assert csv_report.guard(value) == cell
