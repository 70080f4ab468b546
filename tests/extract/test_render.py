"""Step 'render': spacing and possessives tidied (strings written for this test)."""

from __future__ import annotations

import pytest

from factcheck.extract.render import tidy


@pytest.mark.parametrize("raw, want", [
    ("the Turkic States’s summit", "the Turkic States’ summit"),  # a plural name given a second possessive
    ("Ana Moss's firm", "Ana Moss's firm"),  # a name ending in -ss keeps its 's
    ("rose 5 % , to $ 2m", "rose 5%, to $ 2m"),
])
def test_tidy(raw, want):
    assert tidy(raw) == want
