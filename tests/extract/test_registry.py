"""The splitters' registry: every construct's docstring example holds, and needs that construct."""

from __future__ import annotations

import re

import pytest

from factcheck.extract.splitters import REGISTRY


def example(module) -> tuple[str, list[str]]:
    """The Before sentence and the After claims of a construct's docstring."""
    para = next(p for p in module.__doc__.split("\n\n") if "Before:" in p)
    doc = " ".join(para.split())
    before = re.search(r'Before: "(.*?)" After:', doc).group(1)
    after = re.search(r'After: (".*")', doc).group(1)
    return before, [s.strip().strip('"') for s in after.split('" / "')]


@pytest.mark.parametrize("module", REGISTRY, ids=lambda m: m.NAME)
def test_docstring_example(texts, module):
    before, after = example(module)
    assert texts(before) == after


@pytest.mark.parametrize("module", REGISTRY, ids=lambda m: m.NAME)
def test_switching_the_construct_off_changes_its_example(texts, module):
    before, after = example(module)
    assert texts(before, without=module) != after


def test_names_are_unique_and_every_module_documents_itself():
    names = [m.NAME for m in REGISTRY]
    assert len(set(names)) == len(names)
    for m in REGISTRY:
        assert callable(m.find) and callable(m.render)
        assert "Before:" in m.__doc__ and "After:" in m.__doc__


def test_explain_names_the_construct(extract):
    from factcheck.extract.splitters import participle

    claims = extract("The mill cut 300 jobs in March, ending 90 years of production in the valley.")
    assert [c.steps for c in claims] == [["split: main clause kept"],
                                         [f"split: {participle.NAME}", "date from the sentence: 2024-03"]]
