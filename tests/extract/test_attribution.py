"""Step 'attribute': who a statement belongs to. Sentences written for this test; exact claims and speakers."""

from __future__ import annotations

import pytest

CASES = [
    # a person named in apposition to a role, the verb parsed loose from its subject
    ("Bus fares will rise 4% in July, the city's transit director, Maria Lund, said on Monday.",
     [("Bus fares will rise 4% in July, the city's transit director, Maria Lund, said on Monday (6 May 2024).",
       "Maria Lund")]),
    # a proper-noun body with its possessor, not the place alone
    ("In a filing, Norland's Energy Ministry said the grid failed twice in 2023.",
     [("In a filing, Norland's Energy Ministry said the grid failed twice in 2023.", "Norland's Energy Ministry")]),
    # a speech participle: the speaker is the subject of the clause it hangs on
    ("Harbor Cable posted a notice on Friday saying the fault affected 12,000 customers.",
     [("Harbor Cable posted a notice on Friday (10 May 2024) saying the fault affected 12,000 customers.",
       "Harbor Cable")]),
    # a trailing reporting verb the tagger reads as a plural noun
    ("Inflation will ease to 3% in 2025, Hartwell Research forecasts.",
     [("Inflation will ease to 3% in 2025, Hartwell Research forecasts.", "Hartwell Research")]),
    # a common-noun source keeps its words
    ("Crime fell 8% last year, police said.", [("Crime fell 8% last year (2023), police said.", "police")]),
    # "according to a report by X": the author
    ("Crime fell 8% in 2023, according to a report by the Lakeside Institute.",
     [("Crime fell 8% in 2023, according to a report by the Lakeside Institute.", "Lakeside Institute")]),
    # ... but not whoever obtained the document
    ("Wait times rose 20% in 2023, according to hospital records obtained by Ana Ruiz.",
     [("Wait times rose 20% in 2023, according to hospital records obtained by Ana Ruiz.", "hospital records")]),
    # "a spokeswoman for X" speaks for X
    ("A spokeswoman for Harbor Cable said the line was cut in two places in 2023.",
     [("A spokeswoman for Harbor Cable said the line was cut in two places in 2023.", "Harbor Cable")]),
    # the short form given beside an organisation's name goes with it
    ("Sales fell 4% in 2023, according to data from research firm Acme Data Corp or ADC.",
     [("Sales fell 4% in 2023, according to data from research firm Acme Data Corp or ADC.", "Acme Data Corp (ADC)")]),
    # an organisation named after descriptive nouns is the speaker, not the nouns
    ("Owner and operator Harbor Lines says it carried 2 million passengers in 2023.",
     [("Owner and operator Harbor Lines says it carried 2 million passengers in 2023.", "Harbor Lines")]),
    # a verb that can report speech, used for something else: no speaker
    ("Riverside United maintained their lead with a 2-0 win on Saturday.",
     [("Riverside United maintained their lead on Saturday (4 May 2024).", None),
      ("Riverside United had a 2-0 win on Saturday (4 May 2024).", None)]),
    # ... nor when the story opens with a place before a colon (the dateline is not a quotation)
    ("Lisbon: Riverside United maintained their lead with a 3-1 win on Saturday.",
     [("Riverside United maintained their lead on Saturday (4 May 2024).", None),
      ("Riverside United had a 3-1 win on Saturday (4 May 2024).", None)]),
    # a trailing verb tagged as a noun after a time: the name before it, not the time
    ("Exports will reach $4 billion this year and $5 billion in 2026, Hartwell Research forecasts.",
     [("Exports will reach $4 billion this year (2024) and $5 billion in 2026, Hartwell Research forecasts.",
       "Hartwell Research")]),
    # roles coordinated with a company's name: the company
    ("Owner and manager Harbor Lines AG says it carried 2 million passengers in 2023.",
     [("Owner and manager Harbor Lines AG says it carried 2 million passengers in 2023.", "Harbor Lines AG")]),
    # a comma-set-off adjunct closing a reported sentence is about the saying: the article's voice
    ("President Ana Ruiz on Tuesday proposed that member states of the Northern Council hold joint drills in "
     "Norland in 2026, during her address at the council's 9th summit in Vesk.",
     [("President Ana Ruiz on Tuesday (7 May 2024) proposed that member states of the Northern Council hold joint "
       "drills in Norland in 2026.", "Ana Ruiz"),
      ("Ana Ruiz's address at Northern Council's 9th summit in Vesk took place on Tuesday (7 May 2024).", None)]),
    # a pledge to do something is the pledger's claim; a pledge of money is an act
    ("Mayor Ana Ruiz pledged to build 40 new rail stations by 2032.",
     [("Mayor Ana Ruiz pledged to build 40 new rail stations by 2032.", "Mayor Ana Ruiz")]),
    ("The Harbor Trust pledged $5 million to the stadium fund in 2023.",
     [("The Harbor Trust pledged $5 million to the stadium fund in 2023.", None)]),
    # testifying against someone is an event the article reports; what a witness testified to is theirs
    ("The contractor, Dale Pruitt, testified against the couple at trial in exchange for immunity.",
     [("The contractor, Dale Pruitt, testified against the couple at trial in exchange for immunity.", None)]),
    ("Dale Pruitt testified that he paid the mayor $9,000 in 2021.",
     [("Dale Pruitt testified that he paid the mayor $9,000 in 2021.", "Dale Pruitt")]),
    # a survey's findings are the survey's; a jury's verdict is reported as a fact of record
    ("The Lakeside Institute's survey found that 40% of renters spent more than half their income on rent in 2023.",
     [("The Lakeside Institute's survey found that 40% of renters spent more than half their income on rent in "
       "2023.", "The Lakeside Institute's survey")]),
    ("A jury found that the mayor took $9,000 in bribes in 2021.",
     [("A jury found that the mayor took $9,000 in bribes in 2021.", None)]),
    # a reporting verb coordinated with another verb shares its subject
    ("Mayor Gil Ortega called the budget painful and said the town would apply in October for a grant of $3 million.",
     [("Mayor Gil Ortega called the budget painful and said the town would apply in October for a grant of $3 "
       "million.", "Gil Ortega")]),
    # a trailing tag covers both coordinated clauses before it, not only the nearer one
    ("Joan Hale won 40% of the vote, and Omar Safi came second with 35%, the electoral commission announced.",
     [("Joan Hale won 40% of the vote, and Omar Safi came second with 35%, the electoral commission announced.",
       "electoral commission")]),
    # the word opening the sentence loses its capital behind a reporting clause, a name keeps it
    ("Two men robbed a jewellery shop on Castle Row in May and escaped with watches worth about $87,500, police "
     "said.",
     [("Two men robbed a jewellery shop on Castle Row in May, police said.", "police"),
      ("Police said that two men escaped with watches worth about $87,500.", "police")]),
    # more ways of reporting: cautioning, finding (trailing), a study led or carried out by someone
    ("Dr Ruth Amos, who was not involved, cautioned that the trial lasted only 2 years.",
     [("Dr Ruth Amos, who was not involved, cautioned that the trial lasted only 2 years.", "Ruth Amos")]),
    ("Heavy users slept 40 minutes less, the researchers found.",
     [("Heavy users slept 40 minutes less, the researchers found.", "the researchers")]),
    ("Blood pressure fell 5%, according to a trial led by researchers at the University of Vesk.",
     [("Blood pressure fell 5%, according to a trial led by researchers at the University of Vesk.",
       "University of Vesk")]),
    ("Crime fell 8% in 2023, according to a survey carried out by the Lakeside Institute.",
     [("Crime fell 8% in 2023, according to a survey carried out by the Lakeside Institute.", "Lakeside Institute")]),
    # admitting or denying charges is a plea the article reports; what someone admits to having done is theirs
    ("Dale Pruitt, 54, admitted 14 counts of fraud at Harwick Crown Court in March.",
     [("Dale Pruitt, 54, admitted 14 counts of fraud at Harwick Crown Court in March.", None)]),
    ("Dale Pruitt admitted that he took $9,000 from the fund in 2021.",
     [("Dale Pruitt admitted that he took $9,000 from the fund in 2021.", "Dale Pruitt")]),
    # "added" a goal is no statement; "added:" is
    ("Jonah Okafor scored in the 12th minute. He added a second in the 40th minute.",
     [("Jonah Okafor scored in the 12th minute.", None),
      ("Jonah Okafor added a second in the 40th minute.", None)]),
    ("Ana Ruiz added: the fund grew 5% in 2023.", [("Ana Ruiz added: the fund grew 5% in 2023.", "Ana Ruiz")]),
    # a passive report names no speaker
    ("Revenue is estimated to reach $5 billion in 2026.", [("Revenue is estimated to reach $5 billion in 2026.", None)]),
    # an expectation is the statement of whoever expects
    ("Citing higher cocoa prices, Brenwick now expects full-year earnings of $3.40 a share.",
     [("Citing higher cocoa prices, Brenwick now expects full-year earnings of $3.40 a share.", "Brenwick")]),
    # a second reported clause keeps one "that"
    ("Harbor Cable also said it had bought Zeta Net for $60 million in February, and that it would cut about 350 "
     "jobs in 2025.",
     [("Harbor Cable also said it had bought Zeta Net for $60 million in February.", "Harbor Cable"),
      ("Harbor Cable said that it would cut about 350 jobs in 2025.", "Harbor Cable")]),
    # a description with the body's name after it: the name is the speaker, nothing left unresolved
    ("Some 14,000 homes were without power on Monday, the utility Valcor Energy said.",
     [("Some 14,000 homes were without power on Monday (6 May 2024), the utility Valcor Energy said.",
       "Valcor Energy")]),
    ("Prices rose 4% in May, the retailer Dunmore Stores said.",
     [("Prices rose 4% in May, the retailer Dunmore Stores said.", "Dunmore Stores")]),
    # "it said" closing a sentence whose subject is a body: that body, not the last one named before
    ("The Harlow Health Agency said cases rose to 64 in April. Brill Pharma Ltd sent 9,000 doses in May. "
     "The agency opened three clinics on Monday, it said.",
     [("The Harlow Health Agency said cases rose to 64 in April.", "Harlow Health Agency"),
      ("Brill Pharma Ltd sent 9,000 doses in May.", None),
      ("Harlow Health Agency opened three clinics on Monday (6 May 2024), it said.", "Harlow Health Agency")]),
    # a statement verb without a clause is still the subject's statement
    ("Harbor Cable reported a loss of $4 million in 2023.",
     [("Harbor Cable reported a loss of $4 million in 2023.", "Harbor Cable")]),
]


@pytest.mark.parametrize("sentence, claims", CASES)
def test_speaker(extract, sentence, claims):
    assert [(c.text, c.speaker) for c in extract(sentence)] == claims


def test_a_pronoun_speaker_is_the_person_named_before(extract):
    claims = extract("Mayor Ana Ruiz opened the bridge in March. She said it cost $40 million.")
    assert [(c.text, c.speaker) for c in claims] == [
        ("Mayor Ana Ruiz opened the bridge in March.", None),
        ("Mayor Ana Ruiz said it cost $40 million.", "Mayor Ana Ruiz"),
    ]


def test_a_speaker_after_the_content_parsed_as_a_modifier_and_a_clause_on_the_speaker(extract):
    claims = extract("Rail traffic grew 6% in 2023, Tom Reyes, who became transport minister in 2021, said.")
    assert [(c.text, c.speaker) for c in claims] == [
        ("Rail traffic grew 6% in 2023, Tom Reyes said.", "Tom Reyes"),
        ("Tom Reyes became transport minister in 2021.", None),
    ]


def test_a_part_split_off_outside_the_report_is_the_article_voice(nlp):
    from factcheck.extract import attribute
    from factcheck.extract.context import Context
    from factcheck.extract.records import Draft
    from factcheck.extract.resolve import Memory

    sent = next(nlp("Exports rose 9% in 2023, Ana Ruiz said during a visit to the port.").sents)
    ctx = Context(Memory(), None, list(sent.ents))
    attr = attribute.attribute(sent, ctx)
    during = next(t for t in sent if t.lower_ == "during")
    outside = Draft(list(during.subtree), kind="adjunct")
    reported = Draft([t for t in sent if t.i < during.i], kind="sentence")
    spoken = Draft(list(during.subtree), kind="clause", steps=["split: speech-clause"])
    attribute.apply([reported, outside, spoken], attr, sent, ctx)
    assert (attr.verb.text, attr.speaker) == ("said", "Ana Ruiz")
    assert [reported.speaker, outside.speaker, spoken.speaker] == ["Ana Ruiz", None, "Ana Ruiz"]


def test_a_quotation_of_several_sentences_gives_each_its_marks_and_speaker(extract):
    claims = extract("Sales rose 12% in 2023, Ana Ruiz said. “We sold 4,000 cars in May. We sold 5,000 in June,” "
                     "she added.")
    assert [(c.text, c.speaker) for c in claims] == [
        ("Sales rose 12% in 2023, Ana Ruiz said.", "Ana Ruiz"),
        ("Ana Ruiz said: “We sold 4,000 cars in May.”", "Ana Ruiz"),
        ("Ana Ruiz said: “We sold 5,000 in June.”", "Ana Ruiz"),
    ]
    # every quote is still the article's words, marks and all
    assert [c.quote for c in claims][1:] == ["“We sold 4,000 cars in May", "We sold 5,000 in June,”"]


def test_the_last_sentence_of_a_quotation_is_not_split_or_rewritten(extract):
    claims = extract('"Walking costs nothing," said Dr Ana Ruiz, who led the study. "What surprised us was the '
                     'speed. By 2023 the walkers had lost 12% more weight and slept 40 minutes longer."')
    assert [(c.text, c.speaker) for c in claims][-1] == (
        'Dr Ana Ruiz said: "By 2023 the walkers had lost 12% more weight and slept 40 minutes longer."', "Dr Ana Ruiz")


def test_speech_inside_a_quotation_is_not_an_attribution(extract):
    claims = extract("“My brother and I sat down in 2005 and said: either we change everything or we close.")
    assert [(c.text, c.speaker) for c in claims] == [
        ("“My brother and I sat down in 2005 and said: either we change everything or we close.”", None)]


def test_an_inch_mark_is_no_quotation(extract):
    claims = extract('Mayor Ana Ruiz said the town spent $4 million on roads in 2023. The 12" water main broke on '
                     "Monday near Elm Street. Crews replaced 40 metres of pipe by Friday.")
    # no closing mark added, no speaker given, the next sentence not made a quotation
    assert claims[1].text.count('"') == 1 and claims[1].speaker is None
    assert (claims[2].text, claims[2].speaker) == ("Crews replaced 40 metres of pipe by Friday (10 May 2024).", None)


def test_a_capital_inside_the_sentence_keeps_its_case(extract):
    claims = extract("The ministry said that The Harbor Times had been paid $2 million in 2023.")
    assert [c.text for c in claims] == ["The ministry said that The Harbor Times had been paid $2 million in 2023."]
