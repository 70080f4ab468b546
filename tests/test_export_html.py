"""factcheck export --format html: one self-contained page, everything escaped, quotes highlighted."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.publish import html as html_report
from factcheck.publish.sheets import load_sheets

EXPORT = Path(__file__).resolve().parent / "data" / "export"

# Tags the page is built from; anything else in the output came from data and was not escaped.
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "h1", "h2",
                "h3", "p", "b", "div", "span", "a", "sup", "ol", "ul", "li", "dl", "dt", "dd"}

HOSTILE_ARTICLE = ('Officials said "<script>alert(1)</script>" costs rose 10% & more.\n\n'
                   'Then <img src=x onerror=alert(2)> was 12 metres\u202e tall.\n')


def hostile_sheet(folder: Path) -> Path:
    (folder / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    q1 = '"<script>alert(1)</script>" costs rose 10% & more'
    q2 = "<img src=x onerror=alert(2)> was 12 metres\u202e tall"
    s1, s2 = HOSTILE_ARTICLE.index(q1), HOSTILE_ARTICLE.index(q2)
    ws = f"""factcheck: 1
article:
  path: hostile.txt
  url: "javascript:alert('url')"
  title: "</title><script>alert('title')</script>"
  published: 2024-03-05
claims:
  - id: script-claim-0001
    text: "Costs rose 10% <script>alert('text')</script> \\"quoted\\""
    quote: {yaml_str(q1)}
    span: [{s1}, {s1 + len(q1)}]
    speaker: "<b onmouseover=\\"alert('speaker')\\">Eve</b>"
    status: checked
    verdict: "false"
    summary: "<script>alert('summary')</script>"
    explanation: "\\"><script>alert('explanation')</script>"
    sources:
      - url: "javascript:alert('source')"
        title: "\\"><img src=x onerror=alert('title')>"
        archived: "https://archive.example.net/a\\"onmouseover=\\"alert('archived')"
        note: "<i>note</i>"
    corrections:
      - date: 2024-03-08
        note: "<script>alert('correction')</script>"
  - id: img-claim-0002
    text: A tall structure.
    quote: {yaml_str(q2)}
    span: [{s2}, {s2 + len(q2)}]
    status: unchecked
"""
    p = folder / "hostile.yaml"
    p.write_text(ws, encoding="utf-8")
    return p


def yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\u202e", "\\u202e") + '"'


class Page(HTMLParser):
    """Every tag, attribute and text node of a page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.data: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.data.append(data)

    @property
    def text(self) -> str:
        return "".join(self.data)


@pytest.fixture
def desk(tmp_path) -> Path:
    for f in ("story.txt", "story.yaml", "factcheck.yaml"):
        shutil.copy(EXPORT / "desk" / f, tmp_path / f)
    return tmp_path / "story.yaml"


def test_everything_from_articles_and_worksheets_renders_inert(run, tmp_path):
    ws = hostile_sheet(tmp_path)
    r = run("export", ws.name, "--format", "html")
    assert r.code == 0
    out = r.out
    page = Page(out)
    assert {t for t, _ in page.tags} <= ALLOWED_TAGS
    assert "<script" not in out.lower() and "<img" not in out.lower() and "<i>" not in out
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    hrefs = [attrs["href"] for t, attrs in page.tags if t == "a"]
    assert hrefs and all(h.startswith(("#", "https://")) for h in hrefs)
    assert "javascript:" not in " ".join(hrefs)
    # the hostile text is there, as text
    shown = page.text
    for s in ('"<script>alert(1)</script>" costs rose 10% & more', "<script>alert('summary')</script>",
              "<b onmouseover=\"alert('speaker')\">Eve</b>", "<script>alert('correction')</script>",
              "\"><img src=x onerror=alert('title')>", "<i>note</i>", "javascript:alert('url')"):
        assert s in shown
    # every double quote from the data is an entity, so no attribute can be closed early
    assert "&quot;&gt;&lt;script&gt;alert(&#x27;explanation&#x27;)&lt;/script&gt;" in out
    assert ('href="https://archive.example.net/a&quot;onmouseover=&quot;alert(&#x27;archived&#x27;)"'
            ' rel="noopener noreferrer">archived copy</a>') in out
    assert "<title>Fact-check report: &lt;/title&gt;&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;</title>" in out
    assert "\u202e" not in out  # bidirectional overrides removed: they could disguise text


def test_page_is_self_contained(run, desk):
    r = run("export", desk.name, "--format", "html")
    assert r.code == 0
    out = r.out
    page = Page(out)
    assert out.startswith("<!DOCTYPE html>\n<html lang=\"en\">\n")
    assert {t for t, _ in page.tags} <= ALLOWED_TAGS
    assert not any(a in attrs for _, attrs in page.tags for a in ("src", "srcset", "action"))
    assert [t for t, attrs in page.tags if t == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
    assert ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
            in out)
    css = out[out.index("<style>"):out.index("</style>")]
    assert "url(" not in css and "@import" not in css and "@media print" in css
    assert out.count("<style>") == 1 and "<link" not in out


def test_quotes_are_highlighted_and_linked_to_their_entries(desk):
    sheets = load_sheets([desk], Config(), with_article=True)
    out = html_report.render(sheets, Config(), dt.date(2024, 3, 10))
    assert ('<sup class="n" id="q-unemployment-fell-31-a1b2"><a href="#unemployment-fell-31-a1b2">1</a></sup>'
            '<a class="hl bad" href="#unemployment-fell-31-a1b2" title="1. unemployment-fell-31-a1b2: False">'
            'Councillor Maria Lopez said unemployment in the town fell to 3.1% last year, &quot;the lowest in a '
            'decade&quot;</a>') in out
    assert ('<a class="hl pending" href="#budget-approved-42-0a1b" title="4. budget-approved-42-0a1b (unchecked)">'
            'The town council approved a budget of $4.2 million on Monday</a>, the mayor&#x27;s office said.') in out
    assert '<li class="claim" id="unemployment-fell-31-a1b2">' in out
    assert '<a class="quote-link" href="#q-unemployment-fell-31-a1b2">in the article</a>' in out
    # verdict badges from the place on the scale; unrated is neutral
    assert '<span class="badge bad">False</span>' in out
    assert '<span class="badge none">Unverifiable</span>' in out
    assert '<span class="badge fair">Mostly true</span>' in out
    # progress: 4 of 5 checked, 1 unchecked
    assert '<div class="progress" role="img" aria-label="4 of 5 claims done (80%)"><span class="checked" style="width:80.00%"></span></div>' in out
    # sources with their archive copy, corrections, explanation; notes stay internal
    assert ('<a href="https://stats.example.org/town/unemployment-2023" rel="noopener noreferrer">Town unemployment 2023</a>'
            ' (accessed 2024-03-06; <a href="https://archive.example.net/2024/stats.example.org/town/unemployment-2023"'
            ' rel="noopener noreferrer">archived copy</a>)') in out
    assert '<dt>Corrections</dt><dd class="corrections"><ul><li>2024-03-08: An earlier version gave the 2022 rate as 4.3%; it was 4.1%.</li></ul></dd>' in out
    assert "<dt>Explanation</dt><dd>The statistics office puts the town&#x27;s 2023 rate at 4.6%, up from 4.1%.</dd>" in out
    assert "internal only" not in out


def test_nested_quotes_link_each_piece_to_the_innermost_claim(tmp_path):
    art = "The bridge, built in 1931 by the county, was closed in 2020.\n"
    (tmp_path / "a.txt").write_text(art)
    outer, inner = "The bridge, built in 1931 by the county, was closed in 2020", "built in 1931"
    o, i = art.index(outer), art.index(inner)
    (tmp_path / "n.yaml").write_text(f"""factcheck: 1
article: {{path: a.txt}}
claims:
  - {{id: closed-2020, text: The bridge was closed in 2020., quote: "{outer}", span: [{o}, {o + len(outer)}], status: checked, verdict: "true"}}
  - {{id: built-1931, text: The bridge was built in 1931., quote: {inner}, span: [{i}, {i + len(inner)}], status: checked, verdict: "false"}}
""")
    sheets = load_sheets([tmp_path / "n.yaml"], Config(), with_article=True)
    body = html_report.highlighted_article(sheets[0], {"closed-2020": "closed-2020", "built-1931": "built-1931"},
                                           {"closed-2020": 1, "built-1931": 2}, Config())
    assert body == (
        '<sup class="n" id="q-closed-2020"><a href="#closed-2020">1</a></sup>'
        '<a class="hl good" href="#closed-2020" title="1. closed-2020: True">The bridge, </a>'
        '<sup class="n" id="q-built-1931"><a href="#built-1931">2</a></sup>'
        '<a class="hl bad" href="#built-1931" title="2. built-1931: False">built in 1931</a>'
        '<a class="hl good" href="#closed-2020" title="1. closed-2020: True"> by the county, was closed in 2020</a>'
        '.\n'
    )


def test_unreadable_article_still_gives_the_claims(run, desk):
    (desk.parent / "story.txt").unlink()
    r = run("export", desk.name, "--format", "html")
    assert r.code == 0
    assert '<p class="missing">The article text is not available: no such article; check the path</p>' in r.out
    assert r.out.count('<li class="claim"') == 5
    assert "in the article</a>" not in r.out


def test_several_worksheets_share_a_page_without_id_clashes(run, desk):
    shutil.copy(desk, desk.parent / "story2.yaml")
    r = run("export", desk.name, "story2.yaml", "--format", "html", "-o", "report.html")
    assert r.code == 0
    assert r.err == "exported 10 claims from 2 worksheets as html to report.html\n"
    out = (desk.parent / "report.html").read_text(encoding="utf-8")
    ids = re.findall(r' id="([^"]+)"', out)
    assert len(ids) == len(set(ids))
    assert '<li class="claim" id="story2--unemployment-fell-31-a1b2">' in out
    assert '<ol class="toc"><li><a href="#sheet-0">Council approves $4.2 million budget</a> — 4 of 5 done</li>' in out
