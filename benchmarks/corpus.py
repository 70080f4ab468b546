"""Deterministic synthetic news text for benchmarks (written for this project).

Sentences are assembled from templates with varied names, places, numbers and
dates, so the parser sees realistic news prose without any third-party text.
"""

from __future__ import annotations

import random

PEOPLE = ["Maria Alvarez", "John Chen", "Amina Diallo", "Oleg Petrov", "Sara Lindqvist", "Rahul Mehta",
          "Grace Okafor", "Tomás Ruiz", "Hannah Weber", "Kenji Sato"]
ROLES = ["Finance Minister", "chief executive", "spokesman", "mayor", "central bank governor", "analyst"]
ORGS = ["the National Statistics Office", "Northwind Energy", "the city council", "the World Bank",
        "Bluefield Motors", "the health ministry", "Harbor Logistics", "the port authority"]
PLACES = ["Lisbon", "Nairobi", "Osaka", "Toronto", "Krakow", "Lagos", "Valparaiso", "Tbilisi"]
THINGS = ["exports", "revenue", "unemployment", "inflation", "cargo traffic", "rail ridership", "wheat output",
          "solar capacity", "tourist arrivals", "housing starts"]
DAYS = ["on Monday", "on Tuesday", "last week", "two months ago", "in March", "earlier this year", "on Sept. 4"]

TEMPLATES = [
    "{person}, the {role}, said {days} that {thing} rose {pct}% to {money} in {year}.",
    "{org} reported that {thing} fell by {pct} percent compared with {year2}, the lowest level in {n} years.",
    "{Person2} added that {org2} plans to invest {money} in {place} by {future}.",
    "\"We expect {thing} to grow by {pct}% next year,\" {person} told reporters in {place}.",
    "The agreement, signed in {place} in {year}, covers {n} countries and {n2} ports.",
    "{org} said {thing} in {place} reached {n} million tonnes, up from {n2} million a year earlier.",
    "Officials in {place} warned that {thing} could drop sharply if prices keep rising.",
    "He also announced that a new terminal will open in {place} in {future}, creating {n2} jobs.",
    "According to {org}, {thing} accounted for {pct}% of total output in {year}.",
    "Critics say the plan is too ambitious and poorly explained.",
]


def sentence(rng: random.Random) -> str:
    t = rng.choice(TEMPLATES)
    return t.format(
        person=rng.choice(PEOPLE), Person2=rng.choice(PEOPLE), role=rng.choice(ROLES), org=rng.choice(ORGS).capitalize(),
        org2=rng.choice(ORGS), place=rng.choice(PLACES), thing=rng.choice(THINGS), days=rng.choice(DAYS),
        pct=rng.randint(2, 90), money=f"${rng.randint(2, 900)} million", year=rng.randint(2015, 2024),
        year2=rng.randint(2010, 2020), future=rng.randint(2026, 2035), n=rng.randint(3, 40), n2=rng.randint(41, 900),
    ).replace(" The ", " the ", 0)


def article(rng: random.Random, paragraphs: int = 12) -> str:
    paras = []
    for _ in range(paragraphs):
        paras.append(" ".join(sentence(rng) for _ in range(rng.randint(1, 3))))
    return "date 2025-10-07\n\n" + "\n\n".join(paras) + "\n"


def corpus(min_bytes: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out, size = [], 0
    while size < min_bytes:
        a = article(rng)
        out.append(a)
        size += len(a.encode("utf-8"))
    return out
