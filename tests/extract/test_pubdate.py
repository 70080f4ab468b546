"""Publication dates printed in page text, HTML meta and front matter; date lines kept out of claims."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from factcheck.article import read_article
from factcheck.extract.pubdate import find_published, from_meta, is_dateline, parse_dateline

D = dt.date


@pytest.mark.parametrize("line, want", [
    ("Posted at 9:05 AM, Mar 03, 2022", [(D(2022, 3, 3), "published")]),
    ("Published: Friday, June 4, 2010 at 6:00 p.m.", [(D(2010, 6, 4), "published")]),
    ("14.03.2016 09:12", [(D(2016, 3, 14), "plain")]),
    ("May 2, 2019", [(D(2019, 5, 2), "plain")]),
    ("  2 May 2019  ", [(D(2019, 5, 2), "plain")]),
    ("Updated: 3/14/2016 9:12 AM ET", [(D(2016, 3, 14), "updated")]),
    ("Updated 14/3/2016", [(D(2016, 3, 14), "updated")]),
    ("SPORT Last modified on August 3, 2018", [(D(2018, 8, 3), "updated")]),
    ("Posted: Thu 3 March 2022, 10:15 GMT", [(D(2022, 3, 3), "published")]),
    ("2019-05-02T10:00:00Z", [(D(2019, 5, 2), "plain")]),
    ("By Jane Roe | March 3, 2022", [(D(2022, 3, 3), "plain")]),
    ("Published: April 11, 2016 | Last Modified: April 12, 2016", [(D(2016, 4, 11), "published"), (D(2016, 4, 12), "updated")]),
])
def test_datelines(line, want):
    assert parse_dateline(line) == want
    assert is_dateline(line)


@pytest.mark.parametrize("line", [
    "The vote is on May 2, 2019.",
    "Sales rose 5% in May 2019",
    "May 2019",  # no day: a heading, not a posting time
    "Tuesday, 9:05 AM",  # no year
    "Published: yesterday",
    "31.02.2016 10:00",  # no such day
    "",
])
def test_not_datelines(line):
    assert parse_dateline(line) is None
    assert not is_dateline(line)


def test_published_beats_plain_beats_updated():
    assert find_published("Updated: June 9, 2021\n\nJune 7, 2021\n\nPosted June 6, 2021\n\nText.\n") == D(2021, 6, 6)
    assert find_published("Updated: June 9, 2021\n\nJune 7, 2021\n\nText.\n") == D(2021, 6, 7)
    assert find_published("Updated: June 9, 2021\n\nText.\n") == D(2021, 6, 9)
    assert find_published("A sentence that names June 9, 2021 is no dateline.\n") is None


def test_published_line_after_the_story_and_offset():
    body = "Headline\n\n" + "".join(f"Paragraph {i} of the story.\n\n" for i in range(40)) + "Published 12.01.2020 08:00\n"
    assert find_published(body) == D(2020, 1, 12)
    assert find_published("May 2, 2019\n\nStory.\n", start=len("May 2, 2019\n")) is None


def test_wire_dateline_opening_the_story():
    lead = "LAGOS, Nigeria, Jan. 5, 2021 (Wire) — The central bank raised its rate to 11.5%.\n"
    assert find_published(lead) == D(2021, 1, 5)
    assert not is_dateline(lead.strip())  # the paragraph is story: only its date is taken
    assert find_published("Posted May 1, 2021\n\n" + lead) == D(2021, 5, 1)
    assert find_published("HARBOURTON, Ont. — The mill closed.\n") is None
    assert find_published("In March 3, 2022 - the mill closed.\n") is None


def test_long_article_reads_only_its_ends():
    story = "".join(f"Paragraph {i} of a long story, long enough to matter.\n\n" for i in range(50_000))
    assert find_published("Posted at 9:05 AM, Mar 03, 2022\n\n" + story + "Updated: May 2, 2022\n") == D(2022, 3, 3)
    assert find_published("Headline\n\n" + story + "Published 12.01.2020 08:00\n") == D(2020, 1, 12)
    assert find_published("Headline\n\n" + story + "May 2, 2019\n\n" + story) is None  # the middle is story


def test_meta_keys():
    assert from_meta({"article:published_time": "2022-03-03T09:05:00Z", "date": "2020-01-01"}) == D(2022, 3, 3)
    assert from_meta({"dc.date": "Thu, 03 Mar 2022 09:05:00 GMT"}) == D(2022, 3, 3)
    assert from_meta({"article:modified_time": "2022-03-04"}) == D(2022, 3, 4)
    assert from_meta({"og:title": "x"}) is None


def test_read_article_finds_the_date_and_keeps_precedence(tmp_path):
    (tmp_path / "a.txt").write_text("Council news\n\nPublished: Friday, June 4, 2010 at 6:00 p.m.\n\nThe council met.\n")
    assert read_article(tmp_path / "a.txt").published == D(2010, 6, 4)
    (tmp_path / "b.txt").write_text("date 2010-06-05\n\nPublished: Friday, June 4, 2010 at 6:00 p.m.\n\nThe council met.\n")
    assert read_article(tmp_path / "b.txt").published == D(2010, 6, 5)
    (tmp_path / "c.md").write_text("---\ndate: 2010-06-07\n---\n\nPosted at 9:05 AM, Mar 03, 2022\n\nThe council met.\n")
    assert read_article(tmp_path / "c.md").published == D(2010, 6, 7)
    (tmp_path / "d.html").write_text(
        '<html><head><meta property="article:published_time" content="2011-02-03T10:00:00Z"></head>'
        "<body><p>May 2, 2019</p><p>The council met on Tuesday.</p></body></html>")
    assert read_article(tmp_path / "d.html").published == D(2011, 2, 3)
    (tmp_path / "e.html").write_text("<html><body><p>14.03.2016 09:12</p><p>The council met.</p></body></html>")
    assert read_article(tmp_path / "e.html").published == D(2016, 3, 14)


def test_acceptance_posted_at_line_resolves_on_tuesday(run, tmp_path):
    (tmp_path / "posted.txt").write_text(
        "Posted at 9:05 AM, Mar 03, 2022\n\n"
        "Harbour board approves dredging\n\n"
        "The harbour board approved a $3.6 million dredging contract on Tuesday, the board's chair said.\n"
    )
    r = run("extract", "posted.txt", "-o", "p.yaml", "--explain")
    assert (r.code, r.err) == (0, "")
    assert "line 1: skipped (dateline (when the page was posted or updated)): Posted at 9:05 AM, Mar 03, 2022" in [
        line.strip() for line in r.out.splitlines()]
    data = yaml.safe_load((tmp_path / "p.yaml").read_text())
    assert str(data["article"]["published"]) == "2022-03-03"
    assert data["article"]["title"] == "Harbour board approves dredging"
    (claim,) = data["claims"]
    assert claim["date"] == "2022-03-01"
    assert claim["text"] == ("The harbour board approved a $3.6 million dredging contract on Tuesday (1 March 2022), "
                             "the board's chair said.")


def test_date_flag_beats_the_posted_line(run, tmp_path):
    (tmp_path / "posted.txt").write_text("Posted at 9:05 AM, Mar 03, 2022\n\nThe board approved a $3.6 million contract on Tuesday.\n")
    assert run("extract", "posted.txt", "-o", "p.yaml", "--date", "2022-03-10").code == 0
    data = yaml.safe_load((tmp_path / "p.yaml").read_text())
    assert (str(data["article"]["published"]), data["claims"][0]["date"]) == ("2022-03-10", "2022-03-08")
