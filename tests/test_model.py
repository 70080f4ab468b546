"""The worksheet format round-trips: what factcheck writes, it reads back unchanged."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import yamlio
from factcheck.config import STATUSES, verdict_name
from factcheck.worksheet import load, render_new

text_st = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60).filter(lambda s: s.strip())
opt_text = st.none() | text_st
verdicts = st.sampled_from([None, "true", "mostly-true", "mixed", "mostly-false", "false", "unverifiable"])
sources = st.lists(st.fixed_dictionaries({
    "url": st.sampled_from(["https://example.org/a", "https://example.org/b?x=1&y=2", None]),
    "title": opt_text,
    "accessed": st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
}), max_size=3)


@st.composite
def claims(draw):
    n = draw(st.integers(0, 5))
    out = []
    for i in range(n):
        out.append({
            "id": f"c{i}-{draw(st.from_regex(r'[a-z0-9]{1,6}', fullmatch=True))}",
            "text": draw(text_st),
            "quote": draw(text_st),
            "span": sorted(draw(st.lists(st.integers(0, 10_000), min_size=2, max_size=2))),
            "speaker": draw(opt_text),
            "type": draw(st.sampled_from(["quantity", "event", "prediction", "causal", "rule", "quote", "other"])),
            "date": draw(st.none() | st.sampled_from(["2025", "2025-08", "2025-10-07"])),
            "checkworthiness": draw(st.floats(0, 1).map(lambda x: round(x, 2))),
            "reasons": draw(st.lists(st.sampled_from(["number", "date", "named entity"]), max_size=3)),
            "status": (status := draw(st.sampled_from(STATUSES))),
            "verdict": None if status == "unchecked" else draw(verdicts),  # a verdict on unchecked is invalid
            "sources": draw(sources),
            "notes": draw(opt_text),
            "assignee": draw(opt_text),
        })
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims(), opt_text, st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_render_then_load_round_trips(tmp_path_factory, cl, title, published):
    folder = tmp_path_factory.mktemp("rt")
    article = {"path": "a.txt", "url": "https://example.org/story", "title": title, "published": published,
               "sha256": "0" * 64, "extracted": "2026-01-01T00:00:00Z", "extractor": "factcheck test"}
    path = folder / "w.yaml"
    path.write_text(render_new(article, cl), encoding="utf-8")
    result = load(path, check_article=False)
    assert result.problems == []
    data = result.worksheet.data
    assert data["article"] == article
    assert len(data["claims"]) == len(cl)
    for got, want in zip(data["claims"], cl, strict=True):
        want = dict(want)
        got = dict(got)
        got["verdict"] = verdict_name(got["verdict"])
        assert got == want


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_scalar_renders_any_string_back_to_itself(s):
    import yaml

    assert yaml.safe_load("k: " + yamlio.scalar(s)) == {"k": s}
