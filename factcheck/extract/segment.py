"""Step 1, segment: the article body as paragraphs, with page furniture marked.

Headlines and labels (no sentence-ending punctuation), bylines, questions and
page furniture (navigation, sharing and media captions) are classified here
without being parsed; a leading dateline ("CITY, State --") is measured so
the parser never sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .pubdate import is_dateline
from .vocab import CAPTION_LABELS, END_MARKS, FURNITURE_LINES, FURNITURE_OPENERS, SOURCE_LABELS, STAMP_OPENERS

_DATELINE = re.compile(
    r"\A(?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*)(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"(?:\([A-Za-z ]+\)\s*)?(?:[—–-]{1,2}|:)\s+"
)
#: a place in title case before a colon, opening the story ("Lisbon: ", "New Delhi: ")
_DATELINE_PLACE = re.compile(r"\A[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s*[A-Z][a-z.]+)?\s*:\s+(?=[A-Z])")
_DATELINE_CAPS = re.compile(r"\A((?:[A-Z]{2,}[.'’\-]?\s+){1,3})(?=[A-Z][a-z])")
_BYLINE = re.compile(r"\A\s*(?:[-–—•]\s*|by\s+)[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,4}", re.I)
_FURNITURE_LINE = re.compile(r"^\s*(?:" + "|".join(FURNITURE_LINES) + r")\s*$", re.I)
_STAMP = re.compile(r"^\s*(?:" + "|".join(STAMP_OPENERS) + r")\s*(?::|\bat\b|\bon\b)", re.I)
_FURNITURE = re.compile(r"^\s*(" + "|".join(FURNITURE_OPENERS) + r")\b", re.I)
_END_MARK = re.compile(r"(?<=[.!?\"”’])[ \t]+(?:" + "|".join(END_MARKS) + r")[ \t]*\Z", re.I)
_CAPTION = re.compile(r"^\s*(?:" + "|".join(CAPTION_LABELS) + r")\s*:", re.I)
_END_PUNCT = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


@dataclass
class Paragraph:
    start: int  # offset in the article text of ``text``
    text: str
    skip: str | None = None  # why the paragraph is not parsed
    author: str | None = None  # who posted it, for an embedded social-media post ("... — Name (@handle) May 2, 2024")
    lead: str | None = None  # for a list item: the sentence introducing the list ("Rates by region:")


#: The signature an embedded post ends with when a page is saved as text: "— Name (@handle) Month D, YYYY".
_POST_SIGNATURE = re.compile(r"\s+[—–-]{1,2}\s+(?P<who>[^—–()\n]{1,60}?)\s*\((?P<handle>@\w{1,30})\)\s+"
                             r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\s*\Z")


def embedded_post(p: Paragraph) -> Paragraph:
    """An embedded post's text without its signature, its author recorded (the words are theirs)."""
    m = _POST_SIGNATURE.search(p.text)
    if m and m.start() > 0:
        return Paragraph(p.start, p.text[:m.start()], p.skip, f"{m.group('who').strip()} ({m.group('handle')})")
    return p


_BULLET = re.compile(r"^[ \t]*(?:[-*•▪‣–]|\d{1,2}[.)])[ \t]+")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """Split the article body into paragraphs, classifying page furniture.

    A block whose lines are list items ("- ...", "• ...", "1. ...") becomes one
    paragraph per item, the marker left out: summary bullets carry claims even
    without a full stop.
    """
    end = len(text) if end is None else end
    out: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text[start:end]):
        block_start = start + m.start()
        lines = m.group(0).split("\n")
        if sum(1 for line in lines if _BULLET.match(line)) >= 2 or (len(lines) == 1 and _BULLET.match(lines[0])
                                                                    and not _looks_byline(lines[0])):
            pos = block_start
            # "Rates varied across the regions:" then "- North: 16.4%": each item completes the lead
            lead = out[-1].text.rstrip() if out and out[-1].text.rstrip().endswith(":") and len(
                out[-1].text.split()) >= 3 else None
            for line in lines:
                mark = _BULLET.match(line)
                skip = mark.end() if mark else len(line) - len(line.lstrip())
                if line.strip():
                    item = Paragraph(pos + skip, line[skip:].rstrip(), lead=lead if mark else None)
                    out.extend(_classify(item, bullet=bool(mark)))
                pos += len(line) + 1
            continue
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        mark = _END_MARK.search(body)
        if mark:
            body = body[:mark.start()]  # the wire's end-of-story mark is not part of the last sentence
        if body:
            out.extend(_classify(embedded_post(Paragraph(block_start + lead, body))))
    return out


def _looks_byline(body: str) -> bool:
    words = body.split()
    return bool(_BYLINE.match(body)) and len(words) <= 10 and not _END_PUNCT.search(body) and not any(
        ch.isdigit() for ch in body) and (body.lstrip().lower().startswith("by ") or "@" in body or words[-1].isupper())


def _classify(p: Paragraph, bullet: bool = False) -> list[Paragraph]:
    body = p.text
    words = body.split()
    if is_dateline(body):
        p.skip = "dateline (when the page was posted or updated)"
    elif _CAPTION.match(body):
        p.skip = "photo caption"
    elif _FURNITURE.match(body) and len(words) < 12 or _FURNITURE_LINE.match(body):
        p.skip = "page furniture (navigation, media or sharing text)"
    elif _STAMP.match(body) and len(words) <= 30 and "\n" not in body:
        p.skip = "page furniture (publication stamp)"
    elif _looks_byline(body):
        p.skip = "byline"
    elif not _END_PUNCT.search(body) and len(words) <= 25 and not (bullet and (len(words) >= 4 or p.lead)):
        p.skip = "headline or label (no sentence-ending punctuation)"
    elif body.endswith("?") and len(words) < 25 and "\n" not in body and not re.search(r"[.!?][\"”’)]*\s", body[:-1]):
        p.skip = "question"
    if len(body) > 50_000:  # spaCy's limits: parse huge paragraphs in pieces
        return _split_long(p)
    return [p]


def _split_long(p: Paragraph, size: int = 20_000) -> list[Paragraph]:
    pieces, pos = [], 0
    text = p.text
    while pos < len(text):
        cut = min(len(text), pos + size)
        if cut < len(text):
            nl = text.rfind("\n", pos, cut)
            dot = text.rfind(". ", pos, cut)
            cut = max(nl, dot + 1) if max(nl, dot) > pos else cut
        piece = text[pos:cut]
        stripped = piece.lstrip()
        if stripped.strip():
            pieces.append(Paragraph(p.start + pos + (len(piece) - len(stripped)), stripped.rstrip()))
        pos = cut
    return pieces


def strip_dateline(text: str, first: bool = True) -> int:
    """Length of a leading dateline ("WATERLOO, Ont. —", "SAN FRANCISCO", "Lisbon:") to skip.

    A title-case "Place:" counts only in the story's ``first`` paragraph, and not when it names a
    source or a label ("Officials: ...", "Update: ...").
    """
    m = _DATELINE.match(text)
    if m and len(m.group(0)) < 60 and any(c.isalpha() for c in m.group(0)):
        return m.end()
    m = _DATELINE_CAPS.match(text)
    if m and len(m.group(1).replace(" ", "")) >= 5:
        return m.end()
    m = _DATELINE_PLACE.match(text) if first else None
    if m and m.group(0).split(":")[0].strip().lower() not in SOURCE_LABELS:
        return m.end()
    return 0
