"""Normalised words and the figures that guard a match (factcheck.memory.text)."""

from __future__ import annotations

import pytest

from factcheck.memory.text import figure_conflict, figures, search_terms, words


def keys(text):
    return [(f.key, f.shown) for f in figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("Prices rose 40% in 2023.", [("40%", "40%"), ("y2023", "2023")]),
    ("prices rose 40 per cent", [("40%", "40 per cent")]),
    ("a budget of $2.3 billion", [("2.3e+09", "$2.3 billion")]),
    ("a budget of $2.3bn", [("2.3e+09", "$2.3bn")]),
    ("2,300,000,000 dollars", [("2.3e+09", "2,300,000,000")]),
    ("fourteen countries", [("14", "fourteen")]),
    ("up 3 percentage points", [("3pp", "3 percentage points")]),
    ("on Monday (2 March 2026)", [("d2026-03-02", "2 March 2026")]),
    ("on March 2, 2026", [("d2026-03-02", "March 2, 2026")]),
    ("in March 2026", [("d2026-03", "March 2026")]),
    ("on 5 May", [("d*-05-05", "5 May")]),
    ("opened on 2025-10-07", [("d2025-10-07", "2025-10-07")]),
    ("12 m of cable", [("12", "12 m")]),
    ("version 1.2 of the law", [("1.2", "1.2")]),
])
def test_figures_are_canonical(text, expected):
    assert keys(text) == expected


def test_words_mask_figures_and_fold_synonyms():
    assert words("The jobless rate dropped to 4.1 per cent in March 2024, officials said.") == \
        ["unemploy", "rate", "decreas", "#", "#", "official"]
    assert words("Unemployment fell to 4.1% in March 2024.") == ["unemploy", "decreas", "#", "#"]


def test_search_terms_carry_figures_as_tokens():
    assert search_terms("Exports rose 4.1% in 2024") == ["export", "increas", "f4d1p", "fy2024"]


@pytest.mark.parametrize("a, b, expected", [
    ("rose 40% in 2023", "rose 45 per cent in 2023", (["40%"], ["45 per cent"])),
    ("rose 40% in 2023", "rose 40 per cent in 2024", (["2023"], ["2024"])),
    ("rose 40% in 2023", "rose 40 percent in 2023", None),
    ("rose 40% in 2023", "rose 40%", None),  # one claim is more specific: no conflict
    ("on Monday (2 March 2026)", "in March 2026", None),  # compatible dates
    ("in 2026", "on 2025-10-07", (["2026"], ["2025-10-07"])),
    ("1.2 million people", "1,200,000 people", None),
    ("40% of voters", "in 2023 voters", None),  # a percentage and a year do not conflict
    ("3 ports and 40 ships", "3 ports and 41 ships", (["40"], ["41"])),
])
def test_figure_conflict(a, b, expected):
    assert figure_conflict(figures(a), figures(b)) == expected
