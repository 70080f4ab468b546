"""The guard: every claim a split or rewrite makes must be a well-formed sentence.

A split draft passes when, counting what its prefix supplies ("The mill
ended ..." supplies a subject and a verb), it has a subject and a finite verb
and leaves no bracket open; the finished text must start with a capital (or
a digit or quotation mark), end a sentence, and balance its quotation marks.
When a construct's drafts or what it leaves behind fail, the construct's cut
is not made; when a finished claim fails, the whole sentence is kept instead
(see ``pipeline``). The quote is always ``article[span]`` by construction.
"""

from __future__ import annotations

import re

from .vocab import FINITE_TAGS, SUBJECT_DEPS


def draft_problem(draft) -> str | None:
    """Why a draft would not render as a sentence, or None."""
    toks = [t for t in draft.tokens if not t.is_space]
    if not toks:
        return "nothing left"
    ids = {t.i for t in toks}
    replaced = set(draft.reps)
    if not draft.verb_given and not any(t.tag_ in FINITE_TAGS for t in toks if t.i not in replaced):
        return "no finite verb"
    if not draft.subject_given and not any(t.dep_ in SUBJECT_DEPS and t.head.i in ids for t in toks):
        return "no subject"
    opens = sum(1 for t in toks if t.text in "([")
    closes = sum(1 for t in toks if t.text in ")]")
    if opens != closes:
        return "unbalanced brackets"
    return None


_START = re.compile(r"^[\"“‘'(\[]?[A-Z0-9$£€]")
_END = re.compile(r"[.!?…][\"”’')\]]*$")


def text_problem(text: str) -> str | None:
    """Why a finished claim text is not a well-formed sentence, or None."""
    if not _START.match(text):
        return "does not start a sentence"
    if not _END.search(text):
        return "does not end a sentence"
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return "has unbalanced quotation marks"
    if text.count("(") != text.count(")"):
        return "has unbalanced brackets"
    return None
