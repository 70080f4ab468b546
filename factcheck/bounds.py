"""Bounding the work extraction does per paragraph, whatever the article looks like.

A paragraph is what lies between blank lines, so an article without blank
lines (100,000 short lines, a 5 MB single line, a megabyte of ``&amp;``) is
one paragraph, and the parser's memory grows with the size of what it parses
at once. ``bounded`` cuts every oversized paragraph into pieces of at most
``MAX_PIECE`` characters before parsing, preferring sentence ends, then line
ends, then spaces; runs of ``MAX_RUN`` or more characters without a space are
not prose and are set aside unparsed, with a reason ``--explain`` shows.
Offsets stay offsets into the article text, so quotes and spans are unchanged.
"""

from __future__ import annotations

import dataclasses
import re

#: Characters parsed at once. The parser's peak memory grows faster than the
#: length of what it parses: 40,000 short lines with en_core_web_sm peaked at
#: 1,061 MB in pieces of 2,000 characters and at 684 MB in pieces of 1,000.
#: Paragraphs of ordinary prose (the eval set has none over 1,000) pass untouched.
MAX_PIECE = 1_000
#: A "word" this long is not prose (base64, a run of entities, a line of dashes).
MAX_RUN = 1_000

_RUN = re.compile(r"\S{" + str(MAX_RUN) + ",}")
# sentence ends first: a hard-wrapped paragraph must not be cut mid-sentence at a line end
_CUTS = (re.compile(r"[.!?][\"”’)\]]*\s"), re.compile(r"\n"), re.compile(r"\s"))


def bounded(paragraphs):
    """Yield the paragraphs, each oversized one cut into pieces the parser handles in bounded memory."""
    for p in paragraphs:
        if p.skip or (len(p.text) <= MAX_PIECE and len(p.text) < MAX_RUN):
            yield p
            continue
        yield from _cut(p)


def _cut(p):
    text = p.text
    pos = 0
    for m in _RUN.finditer(text):
        yield from _pieces(p, pos, m.start())
        yield dataclasses.replace(p, start=p.start + m.start(), text=m.group(0),
                                  skip=f"not prose ({len(m.group(0))} characters without a space)")
        pos = m.end()
    yield from _pieces(p, pos, len(text))


def _pieces(p, start: int, end: int):
    text = p.text
    pos = start
    while pos < end:
        cut = end if end - pos <= MAX_PIECE else _cut_point(text, pos, pos + MAX_PIECE)
        piece = text[pos:cut]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            yield dataclasses.replace(p, start=p.start + pos + lead, text=body)
        pos = cut


def _cut_point(text: str, lo: int, hi: int) -> int:
    """The last sentence end, else line end, else space in text[lo:hi] past its middle; else hi."""
    floor = lo + (hi - lo) // 2
    for rx in _CUTS:
        last = None
        for m in rx.finditer(text, floor, hi):
            last = m
        if last is not None:
            return last.end()
    return hi
