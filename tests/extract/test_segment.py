"""Segment: paragraphs, headlines, bylines, datelines and page furniture (article written for this test)."""

from __future__ import annotations

from factcheck.extract import segment

ARTICLE = """Harbour Town to Build Second Ferry Pier

By Lena Ortiz

PORTVILLE, Maine — The town will spend $6.5 million on a second ferry pier, officials said on Monday.

Share this article

Advertisement

- Work starts in 2025 with 40 workers on site
- The old pier closes for 3 months

Will the pier be ready in time?
"""


def test_paragraphs_are_classified():
    got = [(p.text, p.skip) for p in segment.paragraphs(ARTICLE)]
    assert got == [
        ("Harbour Town to Build Second Ferry Pier", "headline or label (no sentence-ending punctuation)"),
        ("By Lena Ortiz", "byline"),
        ("PORTVILLE, Maine — The town will spend $6.5 million on a second ferry pier, officials said on Monday.", None),
        ("Share this article", "page furniture (navigation, media or sharing text)"),
        ("Advertisement", "page furniture (navigation, media or sharing text)"),
        ("Work starts in 2025 with 40 workers on site", None),
        ("The old pier closes for 3 months", None),
        ("Will the pier be ready in time?", "question"),
    ]


def test_offsets_point_into_the_article():
    for p in segment.paragraphs(ARTICLE):
        assert ARTICLE[p.start:p.start + len(p.text)] == p.text


def test_dateline_is_measured():
    assert segment.strip_dateline("PORTVILLE, Maine — The town will spend $6.5 million.") == len("PORTVILLE, Maine — ")
    assert segment.strip_dateline("GENEVA (Reuters) - Talks resumed on Monday.") == len("GENEVA (Reuters) - ")
    assert segment.strip_dateline("The town will spend $6.5 million.") == 0


def test_dateline_never_reaches_a_claim(texts):
    assert texts("PORTVILLE, Maine — The town will spend $6.5 million on a second ferry pier.") == [
        "The town will spend $6.5 million on a second ferry pier."]


def test_discourse_markers_are_trimmed(texts):
    assert texts("However, the town will spend $6.5 million on a second ferry pier.") == [
        "The town will spend $6.5 million on a second ferry pier."]
    assert texts("Regarding the budget, the town will spend $6.5 million on a second ferry pier.") == [
        "The town will spend $6.5 million on a second ferry pier."]
