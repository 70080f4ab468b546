"""Segment: paragraphs, headlines, bylines, datelines and page furniture (article written for this test)."""

from __future__ import annotations

import pytest

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
    assert segment.strip_dateline("LEXTON, Jan 29 (Harbor Wire) - The bank held rates.") == len(
        "LEXTON, Jan 29 (Harbor Wire) - ")
    assert segment.strip_dateline("Lisbon: The club kept its lead.") == len("Lisbon: ")
    assert segment.strip_dateline("New Delhi: The house passed the bill.") == len("New Delhi: ")
    assert segment.strip_dateline("Officials said: The bridge will close.") == 0
    assert segment.strip_dateline("Officials: Three people were hurt.") == 0  # a source, not a place
    assert segment.strip_dateline("Lisbon: The club kept its lead.", first=False) == 0  # only the first paragraph


@pytest.mark.parametrize("caption", ["Photo: Mayor Ana Ruiz opens the $40 million bridge on Tuesday, with 300 guests.",
                                     "Pictured: The mill, which closed in 2019 after 80 years of work in the valley."])
def test_photo_captions_are_not_claims(texts, caption):
    assert texts(caption + "\n\nThe bridge cost $40 million.") == ["The bridge cost $40 million."]


@pytest.mark.parametrize("mark", ["Endit", "ENDS", "(END)", "-30-", "###"])
def test_wire_end_mark_is_not_part_of_the_last_sentence(texts, mark):
    assert texts(f"The mill closed in 2019 after 80 years. {mark}\n") == ["The mill closed in 2019 after 80 years."]


def test_dateline_never_reaches_a_claim(texts):
    assert texts("PORTVILLE, Maine — The town will spend $6.5 million on a second ferry pier.") == [
        "The town will spend $6.5 million on a second ferry pier."]


def test_discourse_markers_are_trimmed(texts):
    assert texts("However, the town will spend $6.5 million on a second ferry pier.") == [
        "The town will spend $6.5 million on a second ferry pier."]
    assert texts("Regarding the budget, the town will spend $6.5 million on a second ferry pier.") == [
        "The town will spend $6.5 million on a second ferry pier."]


FURNITURE = """Skip to main content

Harbour Town to Build Pier

Published: Friday, June 4, 2010 at 6:00 p.m. Last Modified: Friday, June 4, 2010 at 6:00 p.m.

Posted at 9:05 AM, Mar 03, 2022

Adjust font size:

Print this article

The town will spend $6.5 million on a pier, officials said.

Updated figures show 12 ferries use the harbour.

Endit
"""


def test_page_furniture_and_stamps_are_not_headlines_or_claims():
    assert [(p.text[:30], p.skip) for p in segment.paragraphs(FURNITURE)] == [
        ("Skip to main content", "page furniture (navigation, media or sharing text)"),
        ("Harbour Town to Build Pier", "headline or label (no sentence-ending punctuation)"),
        ("Published: Friday, June 4, 201", "dateline (when the page was posted or updated)"),
        ("Posted at 9:05 AM, Mar 03, 202", "dateline (when the page was posted or updated)"),
        ("Adjust font size:", "page furniture (navigation, media or sharing text)"),
        ("Print this article", "page furniture (navigation, media or sharing text)"),
        ("The town will spend $6.5 milli", None),
        ("Updated figures show 12 ferrie", None),
        ("Endit", "page furniture (navigation, media or sharing text)"),
    ]


def test_the_title_is_the_headline_not_the_furniture(run, tmp_path):
    (tmp_path / "a.txt").write_text(FURNITURE)
    r = run("extract", "a.txt", "-o", "a.yaml")
    assert r.code == 0, r.err
    import yaml

    sheet = yaml.safe_load((tmp_path / "a.yaml").read_text())
    assert sheet["article"]["title"] == "Harbour Town to Build Pier"
    assert [c["text"] for c in sheet["claims"]] == [
        "The town will spend $6.5 million on a pier, officials said.",
        "Updated figures show 12 ferries use the harbour."]


def test_a_sentence_ends_after_a_m_and_p_m_when_a_new_one_starts(extract):
    claims = extract("The polls closed at 10 p.m. Turnout was 31%, the council said.\n\n"
                     "Ana Ruiz conceded at 3 a.m. \"The voters chose Tom Lee by 900 votes,\" she said.\n\n"
                     "Counting ends at 4 p.m. Tuesday after 12,000 ballots.\n")
    assert [(c.text, c.speaker) for c in claims] == [
        ("The polls closed at 10 p.m.", None),
        ("Turnout was 31%, the council said.", "the council"),
        ("Ana Ruiz conceded at 3 a.m.", None),
        ('Ana Ruiz said: "The voters chose Tom Lee by 900 votes."', "Ana Ruiz"),
        ("Counting ends at 4 p.m. Tuesday (7 May 2024) after 12,000 ballots.", None),
    ]
    # a time zone written out is not a new sentence
    assert [c.text for c in extract("The polls closed at 10 p.m. Pacific time on Tuesday, and 4,000 people voted.")] \
        == ["The polls closed at 10 p.m. Pacific time on Tuesday (7 May 2024).", "4,000 people voted."]


def test_an_embedded_post_is_its_authors_word_for_word(extract):
    claims = extract("The firm posted a notice on Friday.\n\n"
                     "We are aware of an issue affecting 4,000 customers in Maine. We are working to restore service "
                     "by 6 p.m. — Ask Harbor (@Ask_Harbor) May 10, 2024\n")
    assert [(c.text, c.speaker) for c in claims][1:] == [
        ("Ask Harbor (@Ask_Harbor) posted: “We are aware of an issue affecting 4,000 customers in Maine.”",
         "Ask Harbor (@Ask_Harbor)"),
        ("Ask Harbor (@Ask_Harbor) posted: “We are working to restore service by 6 p.m.”", "Ask Harbor (@Ask_Harbor)"),
    ]


@pytest.mark.parametrize("sentence", [
    "It wasn't clear if the outage was related to a problem elsewhere in the region.",
    "It was not immediately known whether anyone was injured in the crash.",
    "It is unclear whether the 12 flights were cancelled.",
])
def test_saying_something_is_not_known_is_not_a_claim(texts, sentence):
    assert texts(sentence) == []


def test_saying_something_is_clear_still_can_be(texts):
    assert texts("It was clear that the dam had failed in 2019.") == ["It was clear that the dam had failed in 2019."]


def test_a_list_item_is_read_with_the_sentence_introducing_the_list(extract):
    claims = extract("Jobless rates varied widely across the five regions in 2023:\n\n"
                     "- Eastvale: 6.4%\n- Northmoor: 3.9%\n- Harbour Point\n\nThe survey was published in May.\n")
    assert [(c.text, c.quote) for c in claims][:2] == [
        ("Jobless rates varied widely across the five regions in 2023: Eastvale: 6.4%.", "Eastvale: 6.4%"),
        ("Jobless rates varied widely across the five regions in 2023: Northmoor: 3.9%.", "Northmoor: 3.9%"),
    ]
    assert len(claims) == 3  # an item without a figure is not a claim
    # an item's own label is never taken for a dateline
    assert extract("Rates varied across the regions in 2023:\n\n- North: About 16.4% of homes\n"
                   "- South: About 9.1% of homes\n")[0].text == (
        "Rates varied across the regions in 2023: North: About 16.4% of homes.")
