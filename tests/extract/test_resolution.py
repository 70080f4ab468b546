"""Step 'resolve': referring expressions to names given earlier, or recorded as unresolved.

Articles written for this test; exact claim texts and `unresolved` lists.
"""

from __future__ import annotations

import pytest

CASES = [
    # a bare definite description takes the fuller earlier mention of the same noun
    ("The council approved a $12 million transit plan in 2023. The plan will add 40 buses by 2026.",
     [("The council approved a $12 million transit plan in 2023.", []),
      ("The $12 million transit plan will add 40 buses by 2026.", [])]),
    ("Six-nation fishing talks began in Oslo in 2021. The talks resumed on Monday after a 14-month pause.",
     [("Six-nation fishing talks began in Oslo in 2021.", []),
      ("The six-nation fishing talks resumed on Monday (6 May 2024) after a 14-month pause.", [])]),
    # "the two" -> the pair named together before
    ("Tom Reyes and Ana Ruiz founded the bakery in 2019. The two sold it for $3 million in 2023.",
     [("Tom Reyes and Ana Ruiz founded the bakery in 2019.", []),
      ("Tom Reyes and Ana Ruiz sold it for $3 million in 2023.", ["it"])]),
    # "its" inside a claim about something else points back to the organisation last named
    ("Harbor Cable reported a loss in 2023. Traffic on its network fell 7% in the same year.",
     [("Harbor Cable reported a loss in 2023.", []),
      ("Traffic on Harbor Cable's network fell 7% in the same year.", [])]),
    # nothing to resolve to: the expression stays and is recorded
    ("The country had 900 clinics in 2020.", [("The country had 900 clinics in 2020.", ["The country"])]),
    ("This surge happened despite a 23% fall in investment, the report said.",
     [("The surge happened despite a 23% fall in investment, the report said.", ["This surge", "the report"])]),
    # a relative pronoun points to the noun right before it: nothing for the reader to resolve
    ("A flood warning that covered about 2,100 homes was lifted on Friday.",
     [("A flood warning that covered about 2,100 homes was lifted on Friday (10 May 2024).", [])]),
    # "them" after a sentence that counted one group: that group, restated as counted
    ("Officers detained 9 men in the raid. Four of them were later charged with burglary.",
     [("Officers detained 9 men in the raid.", []), ("Four of the 9 men were later charged with burglary.", [])]),
    ("The gallery runs 40 evening classes a year. About 2,800 people took them in 2023.",
     [("The gallery runs 40 evening classes a year.", []),
      ("About 2,800 people took the 40 evening classes in 2023.", [])]),
    ("Velmora sold 3 million phones in 2023. It shipped most of them to Europe in 2024.",
     [("Velmora sold 3 million phones in 2023.", []),
      ("Velmora shipped most of the 3 million phones to Europe in 2024.", [])]),
    # "N of them" as an object: its verb's subject is not what it points to
    ("The hospital treated 40 patients after the crash. Doctors discharged 31 of them by Monday.",
     [("The hospital treated 40 patients after the crash.", []),
      ("Doctors discharged 31 of the 40 patients by Monday (13 May 2024).", [])]),
    # a bare "them" only when the counted group is the one plural named; a span of time is no group
    ("The Rovers lost 3 games in April. Fans booed them on Sunday.",
     [("The Rovers lost 3 games in April.", ["The Rovers"]), ("Fans booed them on Sunday (5 May 2024).", ["them"])]),
    ("Tarvo Energy cut prices twice in 3 months. Rivals matched them within days.",
     [("Tarvo Energy cut prices twice in 3 months.", []), ("Rivals matched them within days.", ["them"])]),
    ("Fourteen protesters were arrested on Saturday. A judge released them on Monday.",
     [("Fourteen protesters were arrested on Saturday (4 May 2024).", []),
      ("A judge released the fourteen protesters on Monday (6 May 2024).", [])]),
    # "its" after a body named before, in a sentence about something else: that body
    ("Orwin Telecom lost a contract in March. The court froze its accounts on Monday.",
     [("Orwin Telecom lost a contract in March.", []),
      ("The court froze Orwin Telecom's accounts on Monday (6 May 2024).", [])]),
    # a span of time is no group "they" can be; "38% of the pupils ... they" are the pupils
    ("Ten hours a week adds up to 520 hours a year. About 40% of the drivers said they worked at night in 2023.",
     [("Ten hours a week adds up to 520 hours a year.", []),
      ("About 40% of the drivers said they worked at night in 2023.", [])]),
    # a split leaves the name a pronoun points to in the other claim: the pronoun takes the name
    ("Acme Corp cut 300 jobs in 2023, and it hired 50 engineers in 2024.",
     [("Acme Corp cut 300 jobs in 2023.", []), ("Acme Corp hired 50 engineers in 2024.", [])]),
    # a buyer and what it buys are "the two companies" after it
    ("Halder Foods agreed on Tuesday to buy rival Corra Dairies for $240 million. The two companies together "
     "employ about 11,400 people.",
     [("Halder Foods agreed on Tuesday (7 May 2024) to buy rival Corra Dairies for $240 million.", []),
      ("Halder Foods and Corra Dairies together employ about 11,400 people.", [])]),
    # "his" in the phrase of a person it describes is that person's, not the last name given
    ("Storm Bella hit the coast on Saturday. A man in his fifties was found in a flooded basement in Harwick.",
     [("Storm Bella hit the coast on Saturday (4 May 2024).", []),
      ("A man in his fifties was found in a flooded basement in Harwick.", [])]),
    # the pronoun of a closing "it said" is the statement's subject: nothing left unresolved
    ("Harlow Bank cut 200 jobs in 2023, it said.", [("Harlow Bank cut 200 jobs in 2023, it said.", [])]),
    # two groups counted: "them" is both, and stays as written
    ("The council bought 12 buses and 4 trams in 2023. The council sold them in 2024.",
     [("The council bought 12 buses in 2023.", []), ("The council bought 4 trams in 2023.", []),
      ("The council sold them in 2024.", ["them"])]),
    ("Dunford Mills, which employs 340 people, opened a second plant in 2022.",
     [("Dunford Mills opened a second plant in 2022.", []), ("Dunford Mills employs 340 people.", [])]),
]


@pytest.mark.parametrize("article, claims", CASES)
def test_resolution(extract, article, claims):
    assert [(c.text, c.unresolved) for c in extract(article)] == claims


def test_a_quotation_keeps_its_demonstratives(extract):
    claims = extract('Minister Ella Sark said: "Rents rose 38% in five years. This bill caps them at 4% a year."')
    assert [c.text for c in claims] == ['Minister Ella Sark said: "Rents rose 38% in five years."',
                                        'Ella Sark said: "This bill caps them at 4% a year."']


def test_inside_a_quotation_the_resolution_goes_in_brackets(extract):
    claims = extract("“We lost $2 million last year,” said Ana Ruiz, the club's treasurer.")
    assert [(c.text, c.quote) for c in claims] == [
        ("Ana Ruiz said: “We lost $2 million last year [2023].”", "“We lost $2 million last year,”"),
    ]


def test_unresolved_expressions_reach_the_worksheet(tmp_path, nlp):
    from factcheck.api import extract_to_worksheet

    article = tmp_path / "a.txt"
    article.write_text("date 2024-05-10\n\nThe two agreed to cut fares by 5% in June, a statement said.\n")
    out = tmp_path / "a.yaml"
    extract_to_worksheet(article, out, nlp=nlp)
    text = out.read_text()
    assert "    unresolved: [The two]\n" in text


def test_names_before_a_plural_description_are_learnt(nlp):
    """ "the member states" points back to no one, so the body named after it is known to "the bloc"."""
    from factcheck.extract.resolve import Memory, description

    doc = nlp("Minister Ana Ruiz proposed that the member states of the Baltic Ports Council cut fees by 5%, "
              "during her address at the bloc's annual meeting.")
    mem = Memory()
    mem.observe_before_pronouns(next(doc.sents))
    bloc = next(t for t in doc if t.text == "bloc")
    assert (mem.last_org, description(bloc, mem)) == ("Baltic Ports Council", "Baltic Ports Council")


@pytest.mark.parametrize("sentence, expected", [
    ("Pike was arrested in the city.", ("the city", 5)),
    # named by its "of" phrase: nothing to point back to
    ("Pike was arrested in the city of Velmar.", None),
])
def test_a_description_named_by_its_of_phrase_is_not_referring(nlp, sentence, expected):
    from factcheck.extract.resolve import referring

    doc = nlp(sentence)
    the = next(t for t in doc if t.lower_ == "the")
    assert referring(the) == expected
