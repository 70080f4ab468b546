"""The regression set: articles written for this repository, scored against their gold claims.

``tests/regression/articles/*.txt`` are fictional news reports in the styles the
extractor meets (wire copy, council budget, match report, court, statistics,
speech, earnings, trade press with page furniture, a "Posted at" web page, an
undated study story, a police brief, a clinical-trial story, election results, a
central-bank decision, an interview feature, a tournament round-up); ``tests/regression/gold/*.yaml`` say which claims a careful
fact-checker wants from each (format 2, see ``tests/regression/README.md``).

The whole set is extracted once per session through ``factcheck.api.extract`` (what
``factcheck extract`` runs) and the worksheets it writes are read back, then:

- every claim of every article passes the quote rules, whatever the scores (issue 9:
  ``quote == article[span]``; words inside quotation marks are the article's, an
  insertion there goes in [square brackets]);
- the scores summed over the set stay at or above ``FLOORS`` (and the count of
  claims opening on an unresolved pronoun at or below ``PRONOUN_CEILING``).
  The floors sit a little under what main achieves; raise them as extraction
  improves, never lower them to make a regression pass.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
import yaml

import factcheck.api as fc
from factcheck.article import read_article

from regression.scoring import (
    Score,
    altered_quotations,
    lint_gold,
    quotation_problems,
    score_article,
    unbalanced_quotation_marks,
)

REGRESSION = Path(__file__).resolve().parent / "regression"
ARTICLES = REGRESSION / "articles"
GOLD = REGRESSION / "gold"

#: The one place to raise the bar. Shares over the whole set (0..1), as printed by
#: every run of ``tests/test_regression.py``; measured on main, then set a little lower.
FLOORS = {
    # 2026-11-27 19:00: the set grew from 16 to 20 articles (merger, outbreak, storm floods, vote),
    # written blind to the extractor, so the shares are over a harder set; on the 16 alone they were
    # recall 0.995 precision 0.984 atomic 0.945 clean 0.856 usable 0.769 speaker 0.964 contained 0.797.
    "recall": 0.96,  # 0.974 on 20 articles
    "precision": 0.95,  # 0.962
    "atomic": 0.93,  # 0.941
    "clean": 0.82,  # 0.835
    "usable": 0.73,  # 0.750 (speakers named in apposition, closing "it said", pairs, shared subjects)
    "speaker": 0.95,  # 0.967
    "date": 0.93,  # 0.951
    "contained": 0.79,  # 0.810
}
#: Claims whose text opens on an unresolved pronoun ("He said ..."), summed over the set.
PRONOUN_CEILING = 2

#: Claims main still makes with an odd number of double quotation marks: (article, claim text).
#: Issue 9's guard wants balanced quotes, so this must become empty; the test fails on any
#: claim not listed and on any listed one no longer made, so the list cannot go stale.
KNOWN_UNBALANCED: set[tuple[str, str]] = set()

GOLD_FILES = sorted(GOLD.glob("*.yaml"))


def _load_gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, tuple[str, list[dict]]]:
    """Every regression article extracted in one batch: name -> (article text, claims as written)."""
    out = tmp_path_factory.mktemp("regression")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("FACTCHECK_SPACY_MODEL", raising=False)
        written, errors = fc.extract([ARTICLES], output=out)
    assert errors == []
    names = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    assert sorted(Path(w.path).stem for w in written) == names
    got = {}
    for name in names:
        # the worksheet file, as a fact-checker (and the shared scorer) reads it
        sheet = yaml.safe_load((out / f"{name}.yaml").read_text(encoding="utf-8"))
        got[name] = (read_article(ARTICLES / f"{name}.txt").text, sheet["claims"] or [])
    return got


@pytest.fixture(scope="module")
def scores(extracted) -> dict[str, Score]:
    return {path.stem: score_article(extracted[path.stem][1], _load_gold(path)) for path in GOLD_FILES}


def test_every_article_has_gold_and_every_gold_an_article():
    articles = {p.stem for p in ARTICLES.glob("*.txt")}
    assert articles == {p.stem for p in GOLD_FILES}
    assert len(articles) >= 8
    for path in GOLD_FILES:
        assert _load_gold(path)["article"] == f"{path.stem}.txt"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path):
    gold = _load_gold(path)
    text = read_article(ARTICLES / gold["article"]).text
    assert lint_gold(gold, text, path.name) == []


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_published_date_agrees_with_the_article(path):
    """The gold file's date is the article's date line; without one, the tool has to find it in the text."""
    gold = _load_gold(path)
    art = read_article(ARTICLES / gold["article"])
    words = len(art.text[art.body_start:].split())
    assert 250 <= words <= 600, words
    if art.published is not None:
        assert gold["published"] == art.published
    else:
        assert gold["published"] is None or isinstance(gold["published"], _dt.date)


def test_lint_gold_reports_each_kind_of_problem():
    gold = {
        "article": "x.txt", "published": None, "extra": 1,
        "required": [
            {"id": "a", "must": ["41 miles"], "date": "2023-10"},
            {"id": "a", "must": ["41 miles", "pipe"], "not": ["she"]},
            {"must": ["Nowhere"]},
        ],
    }
    text = "The city has about 41 miles of pipe."
    assert lint_gold(gold, text, "x.yaml") == [
        "x.yaml: unknown keys ['extra']",
        "x.yaml: 3 required items; the format asks for 6 to 14",
        "x.yaml: duplicate id a",
        "x.yaml: a: its must list is covered by another item's; one claim would match both",
        "x.yaml: a: a date needs the article's published date",
        "x.yaml: a: not expression 'she' does not occur in the article",
        "x.yaml: required: required item without an id",
        "x.yaml: required: must term 'Nowhere' is not lower case",
        "x.yaml: required: must term 'Nowhere' does not occur in the article",
    ]


def test_score_article_counts_as_the_gold_format_defines():
    gold = {
        "published": _dt.date(2024, 6, 19),
        "required": [
            {"id": "rates", "must": ["11%", "water rates"], "speaker": "-"},
            {"id": "bill", "must": ["$96"], "speaker": "Becket", "not": ["She"]},
            {"id": "grant", "must": ["3 million", "grant"], "date": "2024-10"},
            {"id": "fire", "must": ["5.1 million"]},
        ],
        "optional": [{"must": ["sewer"]}],
    }
    claims = [
        {"text": "The council raised water rates by 11 per cent.", "speaker": None},
        {"text": "She said the bill would rise by about $96.", "speaker": "Lorna Becket"},
        {"text": "She said the bill would rise by about $96.", "speaker": "Lorna Becket"},
        {"text": "Ortega said the town would apply for a $3 million grant, and fire stays at $5.1 million.",
         "speaker": "Gil Ortega", "date": "2024-10"},
        {"text": "Sewer rates stay flat."},
        {"text": "It was a long night."},
    ]
    s = score_article(claims, gold)
    counts = {k: getattr(s, k) for k in Score.COUNTS}
    assert counts == {
        "required": 4, "found": 4, "claims": 6, "tp": 5, "atomic": 4, "clean": 2, "dupes": 1, "pronoun": 3,
        "usable": 1, "speaker_ok": 2, "speaker_n": 2, "date_ok": 1, "date_n": 1, "contained_ok": 0,
        "contained_n": 1,
    }
    assert s.missed == []
    assert [(gid, bad) for gid, bad, _ in s.failed] == [("bill", ["contained"]), ("grant", ["atomic"]),
                                                        ("fire", ["atomic"])]
    assert s.unmatched == ["It was a long night."]
    assert (s + s).figures() == {"recall": 1.0, "precision": 5 / 6, "atomic": 0.8, "clean": 0.5, "usable": 0.25,
                                 "speaker": 1.0, "date": 1.0, "contained": 0.0, "pronoun": 6}


def test_quotation_problems_catch_altered_quotes():
    text = 'Mendes said: "That\'s eight goals for him this season," adding that he was pleased.'
    start = text.index("That")
    ok = {"id": "ok", "quote": "That's eight goals", "span": [start, start + 18],
          "text": 'Mendes said "That\'s eight goals for him [Jonah Okafor] this season."'}
    replaced = dict(ok, id="replaced", text='Mendes said "That\'s eight goals for [Okafor] this season"')
    altered = dict(ok, id="altered", text='Mendes said "That\'s eight goals for Okafor this season"')
    moved = dict(ok, id="moved", span=[start + 1, start + 19])
    assert quotation_problems(ok, text) == []
    assert quotation_problems(replaced, text) == []
    assert quotation_problems(altered, text) == [
        "altered: quotation in the claim text is not the article's words: \"That's eight goals for Okafor this "
        "season\" (in 'Mendes said \"That\\'s eight goals for Okafor this season\"')"]
    assert quotation_problems(moved, text) == [
        "moved: quote \"That's eight goals\" != article[" + f"{start + 1}:{start + 19}] \"hat's eight goals \""]


def test_every_quote_is_the_article_at_its_span(extracted):
    problems = []
    for name, (text, claims) in extracted.items():
        for claim in claims:
            problems.extend(f"{name}: {p}" for p in quotation_problems(claim, text) if " != article[" in p)
    assert problems == []


def test_no_claim_alters_a_quotation(extracted):
    """Words inside quotation marks are the article's; an insertion there goes in [square brackets]."""
    altered = []
    for name, (text, claims) in extracted.items():
        for claim in claims:
            altered.extend(f"{name}: {claim.get('id')}: {seg!r}"
                           for seg in altered_quotations(str(claim.get("text", "")), text))
    assert altered == []


def test_claims_have_balanced_quotation_marks(extracted):
    unbalanced = {(name, str(c.get("text", ""))) for name, (_, claims) in extracted.items() for c in claims
                  if unbalanced_quotation_marks(str(c.get("text", "")))}
    assert unbalanced == KNOWN_UNBALANCED, (
        f"new: {sorted(unbalanced - KNOWN_UNBALANCED)}; "
        f"fixed (remove from KNOWN_UNBALANCED): {sorted(KNOWN_UNBALANCED - unbalanced)}")


def test_every_article_gives_claims(extracted):
    assert {name: bool(claims) for name, (_, claims) in extracted.items()} == {name: True for name in extracted}


def test_scores_stay_above_the_floors(scores, capsys):
    total = sum(scores.values(), Score())
    with capsys.disabled():  # the figures show in every run, `make test` included
        print()
        for name, s in scores.items():
            print(s.line(name))
        print(total.overall())
    figures = total.figures()
    missed = [f"{k} {'n/a' if figures[k] is None else f'{figures[k]:.3f}'} < {floor}"
              for k, floor in FLOORS.items() if figures[k] is None or figures[k] < floor]
    if total.pronoun > PRONOUN_CEILING:
        missed.append(f"pronoun {total.pronoun} > {PRONOUN_CEILING}")
    assert missed == [], "regression set below its floors: " + "; ".join(missed)
