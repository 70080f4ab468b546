"""extract --update: re-extraction never loses a human edit."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.article import read_article
from factcheck.config import Config
from factcheck.edit import Change, apply_change
from factcheck.extract import claim_dicts
from factcheck.extract.pipeline import extract_articles
from factcheck.update import update_worksheet
from factcheck.worksheet import load, render_new

SENTENCES = [
    "The port of Valdora handled {n} million containers in {y}, the harbour authority said.",
    "Mayor Ana Lima said unemployment in Valdora fell to {p}% last year.",
    "The city council approved a budget of ${n} million on Monday.",
    "Northwind Energy plans to build {n} wind turbines off the coast by {f}.",
    "Rail ridership rose {p}% in {y}, according to the transport ministry.",
    "The hospital hired {n} nurses in {y} and opened a new ward in March.",
    "Exports of olive oil reached {n} thousand tonnes in {y}, up {p}% from a year earlier.",
    "The new bridge, completed in {y}, cost ${n} million.",
]


def make_article(rng: random.Random, k: int) -> list[str]:
    paras = []
    for _ in range(k):
        t = rng.choice(SENTENCES)
        paras.append(t.format(n=rng.randint(2, 900), y=rng.randint(2015, 2024), p=rng.randint(2, 60), f=rng.randint(2027, 2035)))
    return paras


def article_text(paras: list[str]) -> str:
    return "date 2025-03-10\n\n" + "\n\n".join(paras) + "\n"


def human_lines(text: str, ws, cid: str) -> list[str]:
    """The lines of a claim's block a human owns: fields, sources, notes and comments."""
    from factcheck.worksheet import claim_nodes

    i = [c.id for c in ws.claims].index(cid)
    node = claim_nodes(ws.node)[i]
    block = text[node.start_mark.index:node.end_mark.index].splitlines()
    machine = re.compile(r"^\s*(-\s+)?(id|text|quote|span|also_quoted|speaker|type|date|checkworthiness|verifiable|unresolved|reasons|stale|recheck):")
    return [line for line in block if line.strip() and not machine.match(line)]


def _extract(nlp, path):
    art = read_article(path)
    (res,) = extract_articles([art], nlp)
    return art, claim_dicts(res)


@pytest.fixture(scope="module")
def model():
    from factcheck.extract.model import load_model

    return load_model()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), edits=st.lists(st.sampled_from(["delete", "insert", "reword", "none"]), min_size=1, max_size=3))
def test_update_keeps_every_human_edit(tmp_path_factory, model, seed, edits):
    rng = random.Random(seed)
    d = tmp_path_factory.mktemp("u")
    art_path, ws_path = d / "a.txt", d / "a.yaml"
    paras = make_article(rng, rng.randint(3, 6))
    art_path.write_text(article_text(paras))
    art, claims = _extract(model, art_path)
    meta = {"path": "a.txt", "published": art.published, "sha256": art.sha256, "extracted": "2025-03-10T00:00:00Z", "extractor": "x"}
    ws_path.write_text(render_new(meta, claims))
    # human edits: statuses, verdicts, sources, notes, assignees, comments
    for c in claims:
        if rng.random() < 0.6:
            ch = Change(
                status=rng.choice([None, "in-progress", "checked", "skipped"]),
                verdict=rng.choice([None, "true", "false", "mixed"]),
                sources=[{"url": f"https://example.org/{rng.randint(0, 99)}", "title": "Report, p. 2"}] if rng.random() < 0.5 else [],
                note=rng.choice([None, "Called the office.", "Numbers: see table 3"]),
                assignee=rng.choice([None, "ana", "ben"]),
            )
            if any((ch.status, ch.verdict, ch.sources, ch.note, ch.assignee)):
                apply_change(ws_path, c["id"], ch, Config())
    text = ws_path.read_text()
    text = text.replace(f"  - id: {claims[0]['id']}\n", f"  # reviewed by the desk\n  - id: {claims[0]['id']}\n", 1)
    ws_path.write_text(text)
    before = load(ws_path, check_article=False).worksheet
    before_human = {c.id: human_lines(before.text, before, c.id) for c in before.claims}
    # article edits
    for e in edits:
        if e == "delete" and len(paras) > 1:
            paras.pop(rng.randrange(len(paras)))
        elif e == "insert":
            paras.insert(rng.randrange(len(paras) + 1), make_article(rng, 1)[0])
        elif e == "reword":
            i = rng.randrange(len(paras))
            paras[i] = re.sub(r"\d+", lambda m: str(int(m.group(0)) + 1), paras[i], count=1)
    art_path.write_text(article_text(paras))
    new_art, new_claims = _extract(model, art_path)
    report = update_worksheet(ws_path, new_art, new_claims, "x", config=Config())
    after = load(ws_path, Config())
    assert after.problems == []
    ws = after.worksheet
    ids_after = [c.id for c in ws.claims]
    for c in before.claims:
        assert c.id in ids_after, f"claim {c.id} was deleted"
        now = ws.claim(c.id)
        assert human_lines(ws.text, ws, c.id) == before_human[c.id]
        assert (now.status, now.verdict, now.notes, now.assignee, now.urls) == (c.status, c.verdict, c.notes, c.assignee, c.urls)
        if now.quote not in new_art.text and not now.stale:
            pytest.fail(f"{c.id}: quote not in the article and not refreshed")
        if c.quote not in new_art.text and c.id not in report.updated:
            assert now.stale and c.id in report.stale
    assert "  # reviewed by the desk\n" in ws.text
    # a second update on the same article changes no byte
    again = ws_path.read_bytes()
    update_worksheet(ws_path, new_art, new_claims, "x", config=Config())
    assert ws_path.read_bytes() == again


def test_update_report_and_recheck(run, tmp_path):
    (tmp_path / "a.txt").write_text(
        "date 2025-03-10\n\nThe city council approved a budget of $40 million on Monday.\n\n"
        "Rail ridership rose 12% in 2024, according to the transport ministry.\n"
    )
    assert run("extract", "a.txt", "-o", "a.yaml").code == 0
    ws = load(tmp_path / "a.yaml", check_article=False).worksheet
    budget, rail = ws.claims
    assert run("set", "a.yaml", budget.id, "--verdict", "true", "--source", "https://example.org/m").code == 0
    (tmp_path / "a.txt").write_text(
        "date 2025-03-10\n\nThe city council approved a budget of $45 million on Monday.\n\n"
        "The hospital hired 300 nurses in 2024.\n"
    )
    r = run("extract", "a.txt", "-o", "a.yaml", "--update")
    assert r.code == 0, r.err
    new_id = load(tmp_path / "a.yaml", check_article=False).worksheet.claims[-1].id
    assert r.out.splitlines() == [
        "a.yaml: updated: 1 new, 0 unchanged, 1 updated, 1 stale, 1 need re-check",
        f"  new: {new_id}",
        f"  updated: {budget.id}",
        f"  stale (quote gone from the article): {rail.id}",
        f"  needs re-check: {budget.id}",
    ]
    after = load(tmp_path / "a.yaml", check_article=False).worksheet
    b = after.claim(budget.id)
    assert (b.verdict, b.status, b.recheck) == ("true", "checked", "numbers in the quote changed: 40 -> 45")
    assert after.claim(rail.id).stale is True
    r = run("check", "a.yaml", "--allow", "unchecked")
    assert r.code == 1
    assert r.out.splitlines()[0].endswith("changed after it was checked: numbers in the quote changed: 40 -> 45; "
                                          "check it again (set --verdict clears this) [recheck]")
    r = run("extract", "a.txt", "-o", "a.yaml", "--update")
    assert r.out.splitlines()[0] == "a.yaml: no change: 0 new, 2 unchanged, 0 updated, 1 stale, 0 need re-check"


def test_update_needs_existing_worksheet(run, tmp_path):
    (tmp_path / "a.txt").write_text("The port handled 4 million containers in 2023.\n")
    r = run("extract", "a.txt", "-o", "a.yaml", "--update")
    assert (r.code, r.err) == (2, "factcheck: error: a.yaml: no worksheet to update; run without --update to create it\n")
    r = run("extract", "a.txt", "-o", "a.yaml", "--update", "--force")
    assert (r.code, r.err) == (2, "factcheck: error: --force and --update contradict each other; choose one\n")


def test_update_fills_machine_fields_an_older_extractor_did_not_write(run, tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-05-10\n\nThe two agreed on Monday to cut bus fares by 5% in June.\n")
    assert run("extract", "a.txt", "-o", "a.yaml").code == 0
    made = (tmp_path / "a.yaml").read_text()
    assert "    verifiable: " in made and "    unresolved: [The two]\n" in made
    older = re.sub(r"\n    (verifiable|unresolved): [^\n]*", "", made)  # as an older extractor wrote it
    (tmp_path / "a.yaml").write_text(older)
    r = run("extract", "--update", "a.txt", "-o", "a.yaml")
    assert (r.code, r.out.splitlines()[0]) == (0, "a.yaml: updated: 0 new, 1 unchanged, 0 updated, 0 stale, 0 need re-check")
    refreshed = (tmp_path / "a.yaml").read_text()
    assert sorted(set(refreshed.splitlines()) - set(older.splitlines())) == sorted(
        ln for ln in made.splitlines() if ln.startswith(("    verifiable: ", "    unresolved: ")))
    assert run("extract", "--update", "a.txt", "-o", "a.yaml").out.startswith("a.yaml: no change")
