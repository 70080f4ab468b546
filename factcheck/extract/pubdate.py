"""Publication dates printed in page text, and the date lines to keep out of the claims.

News pages print when a story went up on a line of its own, in many house styles::

    Posted at 9:05 AM, Mar 03, 2022
    Published: Friday, June 4, 2010 at 6:00 p.m.
    14.03.2016 09:12
    May 2, 2019
    Updated: 3/14/2016 9:12 AM ET
    SPORT Last modified on August 3, 2018

A wire dateline opening the first paragraph ("BRUSSELS, March 3, 2022 (Reuters) -")
also gives the date, though that paragraph is story. A *dateline* here is a line made only of such parts: an optional label
("Posted", "Published", "Updated", "Last modified", ...), weekdays, one or more
calendar dates with a year, clock times, time zones and separators (an all-caps
section word or a short "By Jane Roe" may precede them). Any other words make
it a sentence, not a dateline, so "The vote is on May 2, 2019." never counts.

:func:`find_published` reads the first lines of an article (and its last few,
where some sites print "Published ..." after the story) and returns the
publication date: a date labelled published/posted first, then an unlabelled
one, then an "Updated" one. :func:`is_dateline` tells the segment step which
lines are this page furniture. :func:`from_meta` reads HTML ``<meta>`` values.
A leading ``date YYYY-MM-DD`` line, front matter and ``--date`` take precedence;
they are handled before this module is asked.
"""

from __future__ import annotations

import datetime as _dt
import re

from .dates import MONTHS

_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_LABEL = (r"(?:first\s+|originally\s+|last\s+)?(?:posted|published|updated|modified|edited|released|date[d]?|pub(?:lished)?\s+date)"
          r"(?:\s+(?:on|at))?\s*:?")
_TIME = r"\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?"
_ZONE = (r"(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[ECMP][SD]?T|BST|CES?T|EES?T|IST|AES?T|AEDT|JST|HKT|SGT|WAT|EAT|SAST"
         r"|[+-]\d{2}:?\d{2}")

#: Calendar dates with a year, each with how to read its groups.
_DATES = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b"), "ymd"),
    (re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "slash"),
    (re.compile(r"\b(" + _MON + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I), "mdy"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MON + r")\.?,?\s+(\d{4})\b", re.I), "dmy-name"),
]
_PART = re.compile(
    r"(?P<label>\b" + _LABEL + r")|(?P<weekday>\b" + _WEEKDAY + r"(?=[\s,.]|$))|(?P<time>\b(?:" + _TIME + r"))"
    r"|(?P<zone>\b(?:" + _ZONE + r")\b)|(?P<glue>\b(?:at|on)\b)",
    re.I,
)
_SEPARATORS = re.compile(r"^[\s,|/\-–—·•:;()\[\]]*$")
_KICKER = re.compile(r"^\s*(?:[A-Z][A-Z&]{1,15}\s+|[Bb]y\s+(?:[A-Z][\w.'’-]*\s+){1,4}[|,–—-]\s*)")

#: A wire dateline opening the first paragraph: "BRUSSELS, March 3, 2022 (Reuters) - ..."; the
#: paragraph is story, not furniture, so only the date is taken.
_WIRE = re.compile(r"^\s*[A-Z][A-Za-z .'’-]{1,40}?,\s*(?:[A-Z][A-Za-z.]+,\s*)?(" + _MON + r")\.?\s+(\d{1,2}),?\s+(\d{4})"
                   r"\s*(?:\([^)]{1,30}\)\s*)?[-—–:]", re.I)

#: HTML meta keys naming the publication date, most specific first; then modification dates.
META_PUBLISHED = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                  "publish-date", "publication_date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date",
                  "sailthru.date", "parsely-pub-date", "date", "time")
META_MODIFIED = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified")


def _make(kind: str, groups: tuple) -> _dt.date | None:
    try:
        if kind == "ymd":
            y, m, d = (int(g) for g in groups)
        elif kind == "dmy":
            d, m, y = (int(g) for g in groups)
        elif kind == "slash":  # US month/day unless the first part cannot be a month
            a, b, y = (int(g) for g in groups)
            m, d = (a, b) if a <= 12 else (b, a)
        elif kind == "mdy":
            m, d, y = MONTHS[groups[0].lower()], int(groups[1]), int(groups[2])
        else:
            d, m, y = int(groups[0]), MONTHS[groups[1].lower()], int(groups[2])
        return _dt.date(y, m, d)
    except (ValueError, KeyError):
        return None


def parse_dateline(line: str) -> list[tuple[_dt.date, str]] | None:
    """The dates of a dateline with their kind ("published", "updated", "plain"); None if not a dateline."""
    s = line.strip()
    if not s or len(s) > 160:
        return None
    found: list[tuple[int, _dt.date]] = []
    rest = s
    for rx, kind in _DATES:
        for m in rx.finditer(rest):
            d = _make(kind, m.groups())
            if d is None:
                return None
            found.append((m.start(), d))
        rest = rx.sub(lambda m: " " * len(m.group(0)), rest)
    if not found:
        return None
    labels: list[tuple[int, str]] = []
    for m in _PART.finditer(rest):
        if m.group("label"):
            word = m.group("label").lower()
            labels.append((m.start(), "updated" if re.search(r"updated|modified|edited", word) else "published"))
    rest = _PART.sub(" ", rest)
    kicker = _KICKER.match(rest)
    if kicker:
        rest = rest[kicker.end():]
    if not _SEPARATORS.match(rest):
        return None
    out = []
    for pos, d in sorted(found):
        before = [kind for at, kind in labels if at < pos]
        out.append((d, before[-1] if before else "plain"))
    return out


def is_dateline(line: str) -> bool:
    """The line only says when the page was posted or updated: page furniture, never a claim."""
    return parse_dateline(line) is not None


def find_published(text: str, start: int = 0, *, head_lines: int = 30, tail_lines: int = 8) -> _dt.date | None:
    """The publication date a page prints on a line of its own, or None.

    Looks at the first ``head_lines`` and last ``tail_lines`` non-empty lines of
    ``text[start:]``. A date labelled published/posted wins over an unlabelled
    one, which wins over one labelled updated/modified; among equals, the first.
    """
    def nonempty(chunk: str) -> list[str]:
        return [ln for ln in chunk.split("\n") if ln.strip()]

    if len(text) - start <= 400 * (head_lines + tail_lines):
        lines = nonempty(text[start:])
        picked = lines[:head_lines] + lines[max(head_lines, len(lines) - tail_lines):]
    else:  # only the two ends are read, so a 20 MB article costs no more than a short one
        head = nonempty(text[start:start + 200 * head_lines])[:head_lines]
        tail = nonempty(text[len(text) - 200 * tail_lines:])[1:]  # the first piece may be a cut line
        picked = head + tail[-tail_lines:]
    best: dict[str, _dt.date] = {}
    for ln in picked:
        for d, kind in parse_dateline(ln) or ():
            best.setdefault(kind, d)
    for ln in picked[:head_lines]:
        m = _WIRE.match(ln)
        if m:
            d = _make("mdy", m.groups())
            if d is not None:
                best.setdefault("plain", d)
            break
    return best.get("published") or best.get("plain") or best.get("updated")


def parse_date(value) -> _dt.date | None:
    """A date from a metadata value: a date, an ISO timestamp, or text such as "Thu, 03 Mar 2022 09:05 GMT"."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        return None
    for rx, kind in _DATES:
        m = rx.search(value)
        if m:
            return _make(kind, m.groups())
    return None


def from_meta(meta: dict) -> _dt.date | None:
    """The publication date named by HTML meta values (keys lower-cased), falling back to the modification date."""
    for key in META_PUBLISHED + META_MODIFIED:
        d = parse_date(meta.get(key))
        if d is not None:
            return d
    return None
