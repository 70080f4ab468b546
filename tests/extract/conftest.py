"""Fixtures for the extraction steps: one loaded spaCy pipeline, extraction in process."""

from __future__ import annotations

from pathlib import Path

import pytest

#: Publication date given to every test article (relative dates resolve against it).
PUBLISHED = "2024-05-10"


@pytest.fixture(scope="session")
def nlp():
    from factcheck.extract.model import load_model

    return load_model()


@pytest.fixture
def extract(nlp):
    """Claims (``records.Claim``) of an article given as text, in article order.

    ``registry`` replaces the splitters' REGISTRY, ``without`` switches one
    construct off; ``published`` the publication
    date (None: the article has none).
    """
    from factcheck.article import read_article
    from factcheck.extract.pipeline import extract_articles

    def run(text: str, *, registry=None, without=None, published: str | None = PUBLISHED):
        head = f"date {published}\n\n" if published else ""
        if without is not None:
            from factcheck.extract.splitters import REGISTRY

            registry = [m for m in REGISTRY if m is not without]
        art = read_article(Path("t.txt"), data=head + text.strip() + "\n")
        result = extract_articles([art], nlp, registry=registry)[0]
        return sorted(result.claims, key=lambda c: (c.start, c.end))

    return run


@pytest.fixture
def texts(extract):
    """Claim texts of an article given as text."""

    def run(text: str, **kw) -> list[str]:
        return [c.text for c in extract(text, **kw)]

    return run

