"""Resolving the dates news articles write relative to their publication day.

"on Tuesday", "two months ago", "next year", "Sept. 1", "earlier this month"
are resolved against the article date into ISO dates of the precision the words
give: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. Anything not understood returns
None rather than a guess.
"""

from __future__ import annotations

import datetime as _dt
import re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None,
}
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]

_AGO = re.compile(r"\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+ago\b")
_REL = re.compile(r"\b(last|next|this|previous|coming|past)\s+(week|month|year|quarter)\b")
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}  # first month (northern hemisphere); winter spans two years
_SEASON = re.compile(r"\b(last|next|this|previous|coming|past)\s+(spring|summer|autumn|fall)\b")
_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r")\.?(?:,?\s+(\d{4}))?\b")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\.?\s+(\d{4})\b")
_MONTH_ONLY = re.compile(r"\b(?:in|since|by|until|last|next|this)\s+(" + "|".join(MONTHS) + r")\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _shift_months(d: _dt.date, months: int) -> tuple[int, int]:
    m = d.year * 12 + (d.month - 1) + months
    return m // 12, m % 12 + 1


def is_relative(text: str) -> bool:
    t = text.lower()
    return bool(
        _AGO.search(t) or _REL.search(t) or _SEASON.search(t) or any(w in t.split() for w in WEEKDAYS)
        or re.search(r"\b(yesterday|today|tomorrow|tonight|this (morning|afternoon|evening))\b", t)
        or re.search(r"\b(earlier|later) this (week|month|year)\b", t)
        or (_MONTH_DAY.search(t) and not re.search(r"\b\d{4}\b", t))
        or _MONTH_ONLY.search(t)
    )


def resolve(text: str, published: _dt.date | None, *, future: bool = False) -> str | None:
    """The ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the phrase ``text`` points at.

    ``future`` says the phrase sits in a forward-looking clause ("will", "plans"),
    which decides whether a bare weekday or month means the next or the last one.
    """
    t = text.lower().replace("’", "'")
    m = _ISO.search(t)
    if m:
        return m.group(0)
    m = _MONTH_DAY.search(t)
    if m:
        return _day(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(1)], int(m.group(2)), published, future)
    m = _DAY_MONTH.search(t)
    if m:
        return _day(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(2)], int(m.group(1)), published, future)
    m = _MONTH_YEAR.search(t)
    if m:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}"
    if published is None:
        m = _YEAR.search(t)
        return m.group(1) if m and not _REL.search(t) else None
    p = published
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", t):
        return p.isoformat()
    if "yesterday" in t:
        return (p - _dt.timedelta(days=1)).isoformat()
    if "tomorrow" in t:
        return (p + _dt.timedelta(days=1)).isoformat()
    m = _AGO.search(t)
    if m:
        n = NUMBER_WORDS.get(m.group(1), None) if not m.group(1).isdigit() else int(m.group(1))
        if n is None:
            return None
        unit = m.group(2)
        if unit == "day":
            return (p - _dt.timedelta(days=n)).isoformat()
        if unit == "week":
            return (p - _dt.timedelta(weeks=n)).isoformat()
        if unit == "month":
            y, mo = _shift_months(p, -n)
            return f"{y:04d}-{mo:02d}"
        return f"{p.year - n:04d}"
    m = re.search(r"\b(earlier|later)? ?this (week|month|year)\b", t)
    if m and m.group(2) != "week":
        return f"{p.year:04d}-{p.month:02d}" if m.group(2) == "month" else f"{p.year:04d}"
    m = _SEASON.search(t)
    if m:
        which, month = m.group(1), SEASONS[m.group(2)]
        if which in ("next", "coming"):
            return f"{p.year if month > p.month else p.year + 1:04d}"
        if which in ("last", "past", "previous"):
            return f"{p.year if month + 2 < p.month else p.year - 1:04d}"
        return f"{p.year:04d}"
    m = _REL.search(t)
    if m:
        which, unit = m.group(1), m.group(2)
        step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[which]
        if unit == "year":
            return f"{p.year + step:04d}"
        if unit == "month":
            y, mo = _shift_months(p, step)
            return f"{y:04d}-{mo:02d}"
        if unit == "week":
            return (p + _dt.timedelta(weeks=step)).isoformat() if step else p.isoformat()
        return None  # quarters depend on the company's fiscal calendar
    for name, wd in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", t):
            if future or re.search(r"\bnext\b", t):
                delta = (wd - p.weekday()) % 7 or 7
                return (p + _dt.timedelta(days=delta)).isoformat()
            delta = (p.weekday() - wd) % 7
            return (p - _dt.timedelta(days=delta)).isoformat()
    m = _MONTH_ONLY.search(t)
    if m:
        month = MONTHS[m.group(1)]
        year = p.year
        if not future and month > p.month:
            year -= 1
        elif future and month < p.month:
            year += 1
        return f"{year:04d}-{month:02d}"
    m = _YEAR.search(t)
    if m:
        return m.group(1)
    return None


def _day(year: int | None, month: int, day: int, published: _dt.date | None, future: bool) -> str | None:
    """A calendar day; without a year, the one nearest the article date in the clause's direction."""
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            cand = _dt.date(year, month, day)
        except ValueError:
            return None
        if not future and cand > published + _dt.timedelta(days=7):
            year -= 1
        elif future and cand < published - _dt.timedelta(days=7):
            year += 1
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def humanise(iso: str) -> str:
    """``2025-08`` -> ``August 2025``; ``2025-10-07`` -> ``7 October 2025``."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    return iso
