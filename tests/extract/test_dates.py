"""Relative dates: phrases resolved against the publication date, and the date each claim carries.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from factcheck.extract import dates as D

THU = dt.date(2022, 3, 3)  # a Thursday


# --------------------------------------------------------------------------- phrases


NOV = dt.date(2019, 11, 14)
JAN = dt.date(2018, 1, 23)


@pytest.mark.parametrize("phrase, published, tense, want", [
    # a bare month: past tense looks back, future looks forward, unknown takes the nearest
    ("October", NOV, "past", "2019-10"),
    ("in December", JAN, "past", "2017-12"),
    ("December", JAN, None, "2017-12"),
    ("March", NOV, "future", "2020-03"),
    ("March", NOV, "past", "2019-03"),
    ("November", NOV, "past", "2019-11"),
    ("last October", JAN, None, "2017-10"),
    ("next March", NOV, None, "2020-03"),
    ("early Sept.", JAN, None, "2017-09"),
    # a day without a year: the occurrence nearest the article, unless the tense says otherwise
    ("Feb. 17", JAN, None, "2018-02-17"),
    ("Feb. 17", JAN, "future", "2018-02-17"),
    ("Feb. 17", JAN, "past", "2017-02-17"),
    ("Sept. 1", dt.date(2023, 10, 12), "past", "2023-09-01"),
    ("May 6", dt.date(2023, 4, 18), None, "2023-05-06"),
    ("Dec. 28", JAN, None, "2017-12-28"),
    ("1 September", dt.date(2023, 10, 12), "past", "2023-09-01"),
    ("Dec. 28", JAN, "future", "2018-12-28"),
    # weekdays: the same day counts (wire copy names the day of publication)
    ("on Tuesday", THU, "past", "2022-03-01"),
    ("late Wednesday", THU, "past", "2022-03-02"),
    ("Thursday", THU, "past", "2022-03-03"),
    ("on Tuesday", THU, "future", "2022-03-08"),
    ("on Tuesday", THU, None, "2022-03-01"),
    ("Saturday", THU, None, "2022-03-05"),
    ("next Thursday", THU, "past", "2022-03-10"),
    ("last Thursday", THU, None, "2022-02-24"),
    # words relative to today
    ("yesterday", THU, None, "2022-03-02"),
    ("today", THU, None, "2022-03-03"),
    ("tomorrow", THU, None, "2022-03-04"),
    ("this year", THU, None, "2022"),
    ("last year", THU, None, "2021"),
    ("next year", THU, None, "2023"),
    ("last month", THU, None, "2022-02"),
    ("two months ago", THU, None, "2022-01"),
    ("three years ago", THU, None, "2019"),
    ("earlier this month", THU, None, "2022-03"),
    ("next week", THU, None, "2022-03"),  # 7-13 March: a week is given at the precision it fits
    ("last week", dt.date(2022, 3, 2), None, "2022-02"),  # 21-27 February
    ("this spring", THU, None, "2022"),
    # explicit dates keep their own year
    ("June 4, 2010", THU, "past", "2010-06-04"),
    ("October 2012", THU, None, "2012-10"),
    ("in 1988", THU, None, "1988"),
    ("2019-05-02", THU, None, "2019-05-02"),
    # not a calendar time, or not knowable
    ("in the past year", THU, None, None),
    ("last quarter", THU, None, None),
])
def test_resolve(phrase, published, tense, want):
    assert D.resolve(phrase, published, tense=tense) == want


def test_week_across_two_months_has_year_precision():
    assert D.resolve("next week", dt.date(2022, 3, 24)) == "2022"  # 28 March - 3 April
    assert D.resolve("next week", dt.date(2022, 12, 22)) is None  # 26 December 2022 - 1 January 2023

def test_without_publication_date_only_explicit_dates_resolve():
    assert D.resolve("on Tuesday", None) is None
    assert D.resolve("in October", None) is None
    assert D.resolve("June 4, 2010", None) == "2010-06-04"
    assert D.resolve("in 2016", None) == "2016"


def test_the_old_future_flag_still_works():
    assert D.resolve("on Tuesday", THU, future=True) == "2022-03-08"
    assert D.resolve("on Tuesday", THU) == "2022-03-01"


def test_lower_case_may_is_not_a_month():
    assert D.resolve("may", THU, tense=None) is None
    assert D.resolve("May", THU, tense=None) == "2022-05"


@pytest.mark.parametrize("phrase, point", [
    ("Tuesday", True), ("last year", True), ("a year ago", True), ("2016", True), ("the second quarter", True),
    ("two years", False), ("the season", False), ("twice a year", False), ("every month", False), ("60", False),
])
def test_time_point_versus_duration(phrase, point):
    assert D.is_time_point(phrase) is point


@pytest.mark.parametrize("phrase, relative, needs", [
    ("on Tuesday", True, True), ("Sept. 1", True, True), ("1 September", True, True), ("last year", True, True),
    ("October", False, True), ("October 2012", False, False), ("June 4, 2010", False, False), ("2016", False, False),
])
def test_relative_and_needs_published(phrase, relative, needs):
    assert D.is_relative(phrase) is relative
    assert D.needs_published(phrase) is needs


def test_humanise():
    assert [D.humanise(x) for x in ("2025-08", "2025-10-07", "2026")] == ["August 2025", "7 October 2025", "2026"]


# --------------------------------------------------------------------------- claims (need the parser)


def _walk(nlp, published, text):
    """Each sentence of ``text`` (paragraphs split by blank lines) with its (date, source), threading a Frame."""
    frame = D.Frame()
    out = []
    for para in text.split("\n\n"):
        frame = frame.next_paragraph()
        for sent in nlp(para).sents:
            out.append((sent.text.strip(), D.claim_date(list(sent), published, frame, sent=sent)))
            frame = D.advance(frame, sent, published)
    return out


def _part(nlp, published, sentence, part):
    doc = nlp(sentence)
    words = [t.text for t in nlp.make_doc(part)]
    for i in range(len(doc) - len(words) + 1):
        if [t.text for t in doc[i:i + len(words)]] == words:
            return D.claim_date(list(doc[i:i + len(words)]), published, D.Frame(), sent=doc[i].sent)
    raise AssertionError(f"{part!r} not in {sentence!r}")


def test_statistics_report_frame(nlp):
    got = _walk(nlp, dt.date(2023, 4, 10), (
        "The harbour bridge carried 1.2 million vehicles in March. Tunnel traffic fell 2.1%. "
        "The bridge has four lanes. The tunnel will reopen with three lanes.\n\n"
        "Rail ridership rose 4% to 310,000 trips. The city opened the tunnel in 1998.\n\n"
        "In the past year, the port handled 2 million containers. Exports grew 5%."
    ))
    assert got == [
        ("The harbour bridge carried 1.2 million vehicles in March.", ("2023-03", "own")),
        ("Tunnel traffic fell 2.1%.", ("2023-03", "paragraph")),
        ("The bridge has four lanes.", (None, "none")),  # timeless present: no stamp
        ("The tunnel will reopen with three lanes.", (None, "none")),  # future: no stamp
        ("Rail ridership rose 4% to 310,000 trips.", ("2023-03", "period")),  # the lead's reporting period
        ("The city opened the tunnel in 1998.", ("1998", "own")),
        ("In the past year, the port handled 2 million containers.", (None, "own, unresolved")),
        ("Exports grew 5%.", (None, "none")),  # the paragraph named a time that cannot be resolved
    ]


def test_comparison_baselines_are_not_the_claims_date(nlp):
    got = _walk(nlp, NOV, (
        "Ferry crossings reached 2.4 million in October, an 8% increase on 2018.\n\n"
        "Cabin bookings rose 6% against the same month a year earlier.\n\n"
        "Fares were 4% higher than last year.\n\n"
        "Freight was up 9% from 310,000 tonnes in September."
    ))
    assert [d for _, d in got] == [("2019-10", "own"), ("2019-10", "period"), ("2019-10", "period"),
                                   ("2019-10", "period")]


def test_baseline_with_a_verb_of_its_own_is_an_event(nlp):
    got = _walk(nlp, JAN, "The fine is far lower than the penalty regulators proposed in September.")
    assert got[0][1] == ("2017-09", "own")


def test_a_verb_after_on_is_not_a_comparison(nlp):
    assert _walk(nlp, THU, "Shares rose on Tuesday.")[0][1] == ("2022-03-01", "own")


def test_split_part_keeps_its_sentences_time(nlp):
    pub = dt.date(2023, 6, 20)
    assert _part(nlp, pub, "Exports rose 4% in May, while imports fell 2%.", "imports fell 2%") == ("2023-05", "sentence")
    assert _part(nlp, pub, "The clinic will add 40 beds, its director announced today.",
                 "The clinic will add 40 beds") == ("2023-06-20", "sentence")
    # a date in a subordinate clause is not the sentence's time
    assert _part(nlp, pub, "The mayor, who took office in 2019, said the plant will employ 400 people.",
                 "the plant will employ 400 people") == (None, "none")


def test_event_lead_dates_only_verbless_figures_lines(nlp):
    got = _walk(nlp, dt.date(2022, 10, 9), (
        "Hill Valley beat Oak Park 3-1 on Saturday.\n\n"
        "Scoring summary:\nJones: Two goals.\nOrtiz: One goal, one assist.\n\n"
        "The team was pleased with 14 shots on goal."
    ))
    assert [d for _, d in got] == [("2022-10-08", "own"), ("2022-10-08", "event"), ("2022-10-08", "event"),
                                   (None, "none")]


@pytest.mark.parametrize("sentence, want", [
    ("The former treasurer was told to hand in his passport on Feb. 11.", "2019-02-11"),  # "to hand in": ahead
    ("The hearing was set for Jan. 30.", "2019-01-30"),  # a target date after a past verb
    ("The board met in December.", "2018-12"),
    ("The festival is set to return in August.", "2019-08"),
    ("The council will vote on Tuesday.", "2019-01-08"),  # published on a Tuesday
])
def test_tense_picks_the_year(nlp, sentence, want):
    assert _walk(nlp, dt.date(2019, 1, 8), sentence)[0][1] == (want, "own")


def test_first_time_is_the_claims_even_when_it_cannot_be_resolved(nlp):
    sent = "The agency expects sales of $5 million this year and $7 million in 2027."
    assert _walk(nlp, None, sent)[0][1] == (None, "own, unresolved")
    assert _walk(nlp, THU, sent)[0][1] == ("2022", "own")


def test_count_relative(nlp):
    doc = nlp("The plant closed in October and reopened on Tuesday, two years after it opened in June 2019.")
    assert D.count_relative(next(doc.sents)) == 2


# --------------------------------------------------------------------------- the command


def test_extract_warns_once_when_relative_dates_stay_unresolved(run, tmp_path):
    (tmp_path / "undated.txt").write_text(
        "Library use climbs\n\n"
        "The county library lent 48,000 books in October, up 6% on last year.\n\n"
        "The reading room reopened on Tuesday after a $2 million refit, and the mobile library "
        "will add 12 stops next month.\n\n"
        "The building opened in 1931.\n"
    )
    r = run("extract", "undated.txt", "-o", "u.yaml")
    assert r.code == 0
    assert r.err == ("factcheck: warning: undated.txt: no publication date: 4 relative dates left unresolved; "
                     "pass --date YYYY-MM-DD\n")
    claims = yaml.safe_load((tmp_path / "u.yaml").read_text())["claims"]
    assert [c["date"] for c in claims if "1931" in c["text"]] == ["1931"]
    r = run("extract", "undated.txt", "-o", "v.yaml", "--date", "2024-11-14")
    assert (r.code, r.err) == (0, "")
    dated = {c["text"]: c["date"] for c in yaml.safe_load((tmp_path / "v.yaml").read_text())["claims"]}
    assert dated["The county library lent 48,000 books in October, up 6% on last year (2023)."] == "2024-10"


def test_pipeline_threads_the_frame_and_explains_inherited_dates(extract):
    claims = extract(  # published 2024-05-10
        "Orchard Valley Transit carried 3.8 million riders in April, the authority said.\n\n"
        "Weekend ridership rose 7% to 410,000. The authority will add 14 buses.\n\n"
        "Night services grew 12% in March. Average ferry fares rose 3% to $2.40.\n"
    )
    got = [(c.text, c.date, [s for s in c.steps if s.startswith("date")]) for c in claims]
    assert got == [
        ("Orchard Valley Transit carried 3.8 million riders in April, the authority said.", "2024-04", []),
        ("Weekend ridership rose 7% to 410,000.", "2024-04", ["date from the article's reporting period: 2024-04"]),
        ("The authority will add 14 buses.", None, []),
        ("Night services grew 12% in March.", "2024-03", []),
        ("Average ferry fares rose 3% to $2.40.", "2024-03", ["date from the paragraph: 2024-03"]),
    ]


def test_a_dated_event_noun_in_a_past_clause_is_past(nlp):
    fri = dt.date(2019, 1, 11)
    assert _walk(nlp, fri, "The club kept its lead with a 3-1 win on Saturday.")[0][1] == ("2019-01-05", "own")
    assert _walk(nlp, fri, "The club plays its next match on Saturday.")[0][1] == ("2019-01-12", "own")


def test_a_split_participle_takes_its_clauses_tense(extract):
    # published on a Friday: the Saturday of a past clause is the one before
    claims = extract("Riverside United kept their lead, opening a 9-point gap with a 3-1 win on Saturday.")
    assert [(c.text, c.date) for c in claims] == [
        ("Riverside United kept their lead.", None),
        ("Riverside United opened a 9-point gap on Saturday (4 May 2024).", "2024-05-04"),
        ("Riverside United had a 3-1 win on Saturday (4 May 2024).", "2024-05-04"),
    ]


@pytest.mark.parametrize("sentence, want", [
    # the main clause's time before a subordinate clause's
    ("Nurses extended their walkout into a third day on Wednesday after talks collapsed on Monday.", "2019-01-09"),
    # between dates on nouns, the more precise one
    ("The board passed a $12 million plan for the 2019-20 school year on Monday night in a 4-1 vote.", "2019-01-07"),
    # on verbs, reading order: the content's time before the report's
    ("Exports fell to $2.1 billion in December from $2.4 billion in November, the ministry said on Friday.", "2018-12"),
])
def test_which_of_several_times_is_the_claims(nlp, sentence, want):
    assert _walk(nlp, dt.date(2019, 1, 11), sentence)[0][1] == (want, "own")


def test_relative_time_phrases_in_context(extract):
    got = {c.text: c.date for c in extract(
        "Analysts expect the first cut in September.\n\n"
        "Core inflation was 2.2% in December, unchanged from the previous month.\n\n"
        "The Saturday classes cost $12 each.\n\n"
        "The court upheld Thursday's decision to fine the club $40,000.\n\n"
        "Police detained 23 people on Tuesday evening.\n", published="2024-02-10")}
    assert got == {
        # a date on what is expected lies ahead
        "Analysts expect the first cut in September.": "2024-09",
        # "the previous month" is before the sentence's month, not before publication
        "Core inflation was 2.2% in December, unchanged from the previous month (November 2023).": "2023-12",
        # a weekday used as a modifier is a kind of class, not a date
        "The Saturday classes cost $12 each.": None,
        # the date goes after the possessive
        "The court upheld Thursday's (8 February 2024) decision to fine the club $40,000.": "2024-02-08",
        # a part of the day stays with its day, the date after both
        "Police detained 23 people on Tuesday evening (6 February 2024).": "2024-02-06",
    }


def test_the_reporting_period_goes_to_statistics_only(extract):
    claims = extract("Factory output rose 3.1% in January, the statistics office said.\n\n"
                     "Two of the plants failed an inspection.\n\n"
                     "Output at the plants rose 4.2%.\n", published="2024-02-10")
    assert [(c.text, c.date) for c in claims] == [
        ("Factory output rose 3.1% in January, the statistics office said.", "2024-01"),
        ("Two of the plants failed an inspection.", None),
        ("Output at the plants rose 4.2%.", "2024-01"),
    ]
