"""The two tests every splitting construct's file runs on its CASES (sentences written for it).

    test_splits, test_without_the_construct_the_sentence_stays_whole = construct_tests(module, CASES, "fewer")
    test_stays_whole = kept_whole([...])   # sentences of a shape the construct must leave alone

- ``test_splits``: each sentence gives exactly the expected claims;
- ``test_without_the_construct_...``: with the construct switched off in the registry, the
  sentence is not split that way: ``"one"`` claim only, ``"fewer"`` claims than expected, or
  ``"unchanged"`` (the sentence itself, word for word).
"""

from __future__ import annotations

import pytest


def construct_tests(module, cases, without: str):
    if without not in ("one", "fewer", "unchanged"):
        raise ValueError(without)

    @pytest.mark.parametrize("sentence, claims", cases)
    def test_splits(texts, sentence, claims):
        assert texts(sentence) == claims

    @pytest.mark.parametrize("sentence, claims", cases)
    def test_without_the_construct_the_sentence_stays_whole(texts, sentence, claims):
        got = texts(sentence, without=module)
        if without == "one":
            assert len(got) == 1
        elif without == "fewer":
            assert len(got) < len(claims)
        else:
            assert got == [sentence]

    return test_splits, test_without_the_construct_the_sentence_stays_whole


def kept_whole(sentences):
    """A test that each sentence gives exactly itself: shapes the construct must leave alone.

        test_stays_whole = kept_whole(["A sentence the construct must not split.", ...])
    """

    @pytest.mark.parametrize("sentence", sentences)
    def test_kept_whole(texts, sentence):
        assert texts(sentence) == [sentence]

    return test_kept_whole
