"""Resolution patterns of unseen articles: documents, first person in quotations, events, shares.

Articles written for this test; each case asserts the exact claim texts and what
stays ``unresolved``.
"""

from __future__ import annotations

import pytest

CASES = [
    # a bare document noun points back to the last fuller mention of a document of its class
    ("The Marlow Bay council approved a $412 million budget in 2023. The plan raises the property tax by 3.5%. "
     "The measure adds 24 police officers.",
     [("The Marlow Bay council approved a $412 million budget in 2023.", []),
      ("Marlow Bay's $412 million budget raises the property tax by 3.5%.", []),
      ("Marlow Bay's $412 million budget adds 24 police officers.", [])]),
    # the same noun again: an exact match, with the body's "the"
    ("The Harlow Assembly passed a $12 billion farm bill in 2023. The bill cuts subsidies by 5%.",
     [("The Harlow Assembly passed a $12 billion farm bill in 2023.", []),
      ("The Harlow Assembly's $12 billion farm bill cuts subsidies by 5%.", [])]),
    # a bill and a budget both named: "the measure" could be either, so it stays unresolved
    ("Harlow passed a $12 billion farm bill in 2022. Harlow County published a $40 billion state budget "
     "in 2022. The measure adds 24 police officers.",
     [("Harlow passed a $12 billion farm bill in 2022.", []),
      ("Harlow County published a $40 billion state budget in 2022.", []),
      ("The measure adds 24 police officers.", ["The measure"])]),
    # a new document just introduced without a name: "the plan" is that one, so it stays unresolved
    ("The Marlow Bay council approved a $412 million budget in 2023. The finance committee drafted a new plan in "
     "2024. The plan adds 24 police officers.",
     [("The Marlow Bay council approved a $412 million budget in 2023.", []),
      ("The finance committee drafted a new plan in 2024.", []),
      ("The plan adds 24 police officers.", ["The plan"])]),
    # ... and when its author is named, it is theirs
    ("The Marlow Bay council approved a $412 million budget in 2023. Ana Ruiz proposed a new plan in 2024. "
     "The plan adds 24 police officers.",
     [("The Marlow Bay council approved a $412 million budget in 2023.", []),
      ("Ana Ruiz proposed a new plan in 2024.", []),
      ("Ana Ruiz's new plan adds 24 police officers.", [])]),
    # "It" opening the sentence after one whose subject is an event: the event
    ("A fire swept through the Dornfeld plant in 2023. It is the deadliest industrial accident in Varn County "
     "since 2019.",
     [("A fire swept through the Dornfeld plant in 2023.", []),
      ("The fire is the deadliest industrial accident in Varn County since 2019.", [])]),
    ("A chemical explosion hit the Orsk depot in 2022. It was caused by a leak in a 40-year-old pipe.",
     [("A chemical explosion hit the Orsk depot in 2022.", []),
      ("The chemical explosion was caused by a leak in a 40-year-old pipe.", [])]),
    # "the stock" / "the shares" once the article has named a company's shares; "the share of" is no stock
    ("Shares of Velmar rose 4% in 2023. The stock has doubled since 2021. Analysts expect the shares to climb 10% "
     "by 2025.",
     [("Shares of Velmar rose 4% in 2023.", []),
      ("Velmar's stock has doubled since 2021.", []),
      ("Analysts expect Velmar's shares to climb 10% by 2025.", [])]),
    ("Velmar's shares fell 3% in 2023. The share of orders from abroad rose to 40%.",
     [("Velmar's shares fell 3% in 2023.", []),
      ("The share of orders from abroad rose to 40%.", [])]),
    # "he" is never a person the article has called "she" (learnt from a resolved pronoun or "Ms")...
    ("Tom Lee met Ana Ruiz in 2023. Ms. Ruiz met Jo Tan in 2019. Jo Tan said she will hire 20 people in 2024. "
     "He said prices rose 3% in 2022.",
     [("Tom Lee met Ana Ruiz in 2023.", []),
      ("Ms. Ruiz met Jo Tan in 2019.", []),
      ("Jo Tan said she will hire 20 people in 2024.", []),
      ("He said prices rose 3% in 2022.", ["He"])]),
    # ... but the latest person before them the article has shown to be "he" ("Mr. Morrow")
    ("Piet Morrow lost the vote to Dana Quill in 2023. Mr. Morrow had held the post since 2015. "
     "Ms. Quill said fares will fall 5% in 2024. He said turnout fell to 29% in 2023.",
     [("Piet Morrow lost the vote to Dana Quill in 2023.", []),
      ("Mr. Morrow had held the post since 2015.", []),
      ("Ms. Quill said fares will fall 5% in 2024.", []),
      ("Piet Morrow said turnout fell to 29% in 2023.", [])]),
    # "the judge" / "the defendant" only for a person the article gives that role, never the last one named
    ("Tom Reyes was convicted of fraud in 2023. The judge sentenced Reyes to 4 years in prison. "
     "The defendant had taken $40,000 in gifts.",
     [("Tom Reyes was convicted of fraud in 2023.", []),
      ("The judge sentenced Tom Reyes to 4 years in prison.", ["The judge"]),
      ("The defendant had taken $40,000 in gifts.", ["The defendant"])]),
    ("Tom Reyes was convicted of fraud in 2023. The judge sentenced Reyes to 4 years in prison. "
     "Judge Ana Ruiz also ordered a $40,000 fine.",
     [("Tom Reyes was convicted of fraud in 2023.", []),
      ("Ana Ruiz sentenced Tom Reyes to 4 years in prison.", []),
      ("Judge Ana Ruiz also ordered a $40,000 fine.", [])]),
    # "the company" is the organisation the article is about (most often a subject), not one named since
    ("Velmar sold 2 million phones in 2023. Velmar also cut 300 jobs in 2022. Zeta Labs reported a 4% rise in "
     "sales in 2023. The company said revenue rose 8% in 2023.",
     [("Velmar sold 2 million phones in 2023.", []),
      ("Velmar also cut 300 jobs in 2022.", []),
      ("Zeta Labs reported a 4% rise in sales in 2023.", []),
      ("Velmar said revenue rose 8% in 2023.", [])]),
    # ... and never the firm an analyst works for
    ("Velmar sold 2 million phones in 2023. Demand will fall 5% in 2024, said Jo Tan, an analyst at Brightwater "
     "Capital. The company said revenue rose 8% in 2023.",
     [("Velmar sold 2 million phones in 2023.", []),
      ("Demand will fall 5% in 2024, said Jo Tan, an analyst at Brightwater Capital.", []),
      ("Velmar said revenue rose 8% in 2023.", [])]),
    # first person in a quotation: the speaker's organisation in square brackets, the quotation kept as said
    ("“Our sales rose 4% in 2023,” said Ana Ruiz, chief executive of Velmar. “We are hiring 400 engineers,” the "
     "company said. “Our costs fell 2% in 2023,” Ruiz said.",
     [("Ana Ruiz said: “Our [Velmar's] sales rose 4% in 2023.”", []),
      ("Velmar said: “We [Velmar] are hiring 400 engineers.”", []),
      ("Ana Ruiz said: “Our [Velmar's] costs fell 2% in 2023.”", [])]),
    # a person the article ties to no organisation: nothing is inserted
    ("“We expect 5% growth in 2024,” said Jo Tan, who lives in Harlow.",
     [("Jo Tan said: “We expect 5% growth in 2024.”", [])]),
    # "him" as an object, when no one else is named before it in its sentence
    ("Tom Reyes was convicted of fraud in 2023. The court fined him $4,000 in 2024.",
     [("Tom Reyes was convicted of fraud in 2023.", []),
      ("The court fined Tom Reyes $4,000 in 2024.", [])]),
    ("Tom Reyes was convicted of fraud in 2023. Judge Ana Ruiz fined him $4,000 in 2024.",
     [("Tom Reyes was convicted of fraud in 2023.", []),
      ("Judge Ana Ruiz fined him $4,000 in 2024.", ["him"])]),
]


def test_he_she_speaker_is_not_the_other_person(extract):
    claims = extract("Tom Lee met Ana Ruiz in 2023. Ms. Ruiz met Jo Tan in 2019. Jo Tan said she will hire 20 "
                     "people in 2024. He said prices rose 3% in 2022.")
    assert [c.speaker for c in claims] == [None, None, "Jo Tan", None]


@pytest.mark.parametrize("article,claims", CASES, ids=[c[0][:40] for c in CASES])
def test_resolve_unseen(extract, article, claims):
    assert [(c.text, c.unresolved) for c in extract(article)] == claims
