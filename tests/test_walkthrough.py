"""The desk walkthrough of issue 14, replayed: extract, next, a bad URL, a verdict without a
source, undo, re-check after --update, add, show with multi-line notes. Exact outputs and exit
codes for every desk command; what the extractor decides (ids, texts) is read from the worksheet
so that the test pins the desk, not the extractor."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from factcheck.ids import claim_id

pytestmark = pytest.mark.usefixtures("nlp")  # the spaCy pipeline, loaded once per session

STORY = """date 2026-03-02

The Riverton city council approved a budget of $48 million for road repairs on Monday.

Mayor Dana Whitfield said the city fixed 1,200 potholes in 2025, twice as many as the year before.

The new bus depot will open in September, according to the transport department.

Residents at the meeting asked for more cycle lanes.
"""
W = "claims/story.yaml"


def _claims(tmp_path) -> list[dict]:
    return yaml.safe_load((tmp_path / W).read_text())["claims"]


def test_walkthrough(run, tmp_path):
    (tmp_path / "story.txt").write_text(STORY)

    r = run("extract", "story.txt")
    claims = _claims(tmp_path)
    m = re.fullmatch(r"claims/story\.yaml: (\d+) claims from \d+ sentences and lines \(\d+ skipped\)\n", r.out)
    assert (r.code, bool(m), int(m.group(1)) if m else None) == (0, True, len(claims))
    fresh = (tmp_path / W).read_bytes()
    top = max(claims, key=lambda c: c["checkworthiness"])["id"]

    r = run("next")
    assert r.code == 0
    assert r.out.splitlines()[-3:] == [
        f"{len(claims)} unchecked claims left. Record the result with:",
        f"  factcheck set claims/story.yaml {top} --verdict VERDICT --source URL --title TITLE",
        "  VERDICT is one of: true, mostly-true, mixed, mostly-false, false, unverifiable",
    ]
    # the rest of the walkthrough works on the budget claim (its figure changes below), whatever its rank
    top = next(c["id"] for c in claims if "$48 million" in c["text"])

    # a URL without its scheme: refused before anything is read or written
    r = run("set", W, top, "--verdict", "true", "--source", "example.org/council-minutes")
    assert (r.code, r.out, r.err) == (2, "", "factcheck: error: not a URL: 'example.org/council-minutes'; write it "
                                             "in full, e.g. https://example.org/page\n")
    assert (tmp_path / W).read_bytes() == fresh

    # a verdict without a source: recorded, with a one-line warning; the id alone finds the worksheet
    r = run("set", top, "--verdict", "true")
    assert (r.code, r.out, r.err) == (0, (
        f"claims/story.yaml: {top}: verdict: null -> true\n"
        f"claims/story.yaml: {top}: status: unchecked -> checked\n"), (
        f"factcheck: warning: claims/story.yaml: {top}: verdict 'true' has no source; factcheck check fails until "
        f"you add one with --source URL\n"))

    # undo: back to unchecked needs --clear verdict, and then the file is byte-identical to the fresh one
    r = run("set", top, "--status", "unchecked")
    assert (r.code, r.err) == (2, f"factcheck: error: claims/story.yaml: {top}: has verdict 'true'; to move it back "
                                  f"to unchecked add --clear verdict\n")
    r = run("set", top, "--status", "unchecked", "--clear", "verdict")
    assert (r.code, r.out) == (0, f"claims/story.yaml: {top}: status: checked -> unchecked\n"
                                  f"claims/story.yaml: {top}: verdict: true -> null\n")
    assert (tmp_path / W).read_bytes() == fresh

    r = run("set", W, top, "--verdict", "true", "--source", "https://example.org/council-minutes", "--title",
            "Council minutes", "--note", "Minutes of the 2 March meeting.")
    assert (r.code, r.err) == (0, "")
    r = run("set", top, "--note", "Vote was 7-2.")
    assert (r.code, r.out) == (0, f"claims/story.yaml: {top}: note added: Vote was 7-2.\n")

    # the story changes a number: --update marks the checked claim for re-checking, check says how to clear it
    (tmp_path / "story.txt").write_text(STORY.replace("$48 million", "$52 million"))
    r = run("extract", "story.txt", "--update")
    assert (r.code, r.out.split(":")[0]) == (0, "claims/story.yaml")
    claim = next(c for c in _claims(tmp_path) if c["id"] == top)
    assert (claim["verdict"], claim["recheck"]) == ("true", "numbers in the quote changed: 48 -> 52")
    r = run("check", "--allow", "unchecked")
    line = next(n for n, text in enumerate((tmp_path / W).read_text().splitlines(), 1) if text == f"  - id: {top}")
    assert (r.code, r.out.splitlines()[0]) == (1, (
        f"claims/story.yaml:{line}: {top}: changed after it was checked: numbers in the quote changed: 48 -> 52; "
        f"check it again (set --verdict clears this) [recheck]"))
    r = run("set", top, "--verdict", "mostly-true")
    assert (r.code, r.out) == (0, f"claims/story.yaml: {top}: verdict: true -> mostly-true\n"
                                  f"claims/story.yaml: {top}: recheck cleared (this verdict is the re-check)\n")
    r = run("check", "--allow", "unchecked")
    assert (r.code, r.out.splitlines()[-1]) == (0, "passed: 1 worksheet")

    # a claim the extractor missed, added by hand and kept by --update
    quote = "twice as many as the year before"  # part of a sentence: never an extracted claim's whole quote
    text = "The city fixed twice as many potholes in 2025 as in 2024."
    added = claim_id(text, {c["id"] for c in _claims(tmp_path)})
    r = run("add", W, "--quote", quote, "--text", text)
    assert (r.code, r.out) == (0, f"claims/story.yaml: {added}: added (origin: human; extract --update keeps it)\n")
    r = run("add", W, "--quote", "asked for more bus lanes")
    assert (r.code, r.err) == (2, "factcheck: error: claims/story.yaml: the quote does not occur in the article "
                                  "(../story.txt); copy the article's words exactly\n")
    r = run("extract", "story.txt", "--update")
    assert r.code == 0
    human = [c for c in _claims(tmp_path) if c.get("origin") == "human"]
    at = STORY.replace("$48 million", "$52 million").index(quote)
    assert human == [{"id": added, "text": text, "quote": quote, "span": [at, at + len(quote)], "speaker": None,
                      "reasons": [], "status": "unchecked", "verdict": None, "sources": [], "notes": None,
                      "assignee": None, "origin": "human"}]

    # show keeps the notes' line breaks
    r = run("show", top)
    lines = r.out.splitlines()
    i = next(n for n, x in enumerate(lines) if x.startswith("│ notes"))
    col = lines[i].index("Minutes")  # the label column's width depends on the fields shown
    assert lines[i].rstrip(" │")[col:] == "Minutes of the 2 March meeting."
    assert (lines[i + 1][:col].strip(" │"), lines[i + 1].rstrip(" │")[col:]) == ("", "Vote was 7-2.")
    r = run("validate")
    assert (r.code, r.out) == (0, "1 worksheet valid\n")


def test_extract_to_standard_output(run, tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    r = run("extract", "story.txt", "-o", "-")
    assert r.code == 0
    assert r.out.startswith("---\n# yaml-language-server: $schema=worksheet-v1.schema.json\n")
    data = yaml.safe_load(r.out)
    assert data["article"]["path"] == "story.txt"
    assert re.fullmatch(rf"-: {len(data['claims'])} claims from \d+ sentences and lines \(\d+ skipped\)\n", r.err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]
    r = run("extract", "-", "-o", "-", input=STORY)
    assert (r.code, r.err) == (2, "factcheck: error: -o - writes one worksheet to standard output; give one article "
                                  "file (not -), so the worksheet's quotes point at text on disk\n")


def test_library_entry_point_from_python(tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    code = ("import factcheck.api as f; w = f.extract_to_worksheet('story.txt'); ws = f.load_worksheet(w.path); "
            "print(w.path, w.claims, len(ws.claims), ws.claims[0].status)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    n = len(_claims(tmp_path))
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"claims/story.yaml {n} {n} unchecked\n", "")
