"""Resolving the dates news articles write relative to their publication day.

Two layers:

* **Phrases.** ``resolve("on Tuesday", published)`` turns one time phrase ("on
  Tuesday", "two months ago", "next year", "Sept. 1", "in October") into an ISO
  date of the precision the words give: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
  A bare day or month takes its year from the publication date: the occurrence
  nearest to it, or, when the clause's tense says which way to look, the last
  one (past) or the next one (future). Anything not understood returns None
  rather than a guess.
* **Claims.** ``claim_date(tokens, published, frame)`` decides which date a claim
  carries: its own time phrase if it has one; else the one its sentence hangs on
  its main verb (a part split off a sentence keeps the sentence's time); else the
  paragraph's or the article's :class:`Frame`, for claims that report something
  that happened (past tense, or a verbless statistics line) -- never for future
  or timeless present-tense statements, and never when the claim names a time of
  its own that cannot be resolved ("in the past year").

The phrase layer works on plain strings; the claim layer on spaCy tokens, but
never imports spaCy itself.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .syntax import dep_ids, doc_ents, doc_tokens, head_indices, sent_ents, span_text, tokens

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

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_AGO = re.compile(r"\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+ago\b")
_REL = re.compile(r"\b(last|next|this|previous|coming|past)\s+(week|month|year|quarter)\b")
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}  # first month (northern hemisphere); winter spans two years
_SEASON = re.compile(r"\b(last|next|this|previous|coming|past)\s+(spring|summer|autumn|fall)\b")
_MONTH_DAY = re.compile(r"\b(" + _MONTH_ALT + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MONTH_ALT + r")\.?(?:,?\s+(\d{4}))?\b")
_MONTH_YEAR = re.compile(r"\b(" + _MONTH_ALT + r")\.?,?\s+(\d{4})\b")
_MONTH_ONLY = re.compile(r"\b(?:in|since|by|until|last|next|this)\s+(" + _MONTH_ALT + r")\b")
#: A month name on its own ("October", "early Sept."); capitalised, so the modal "may" is not a month.
_BARE_MONTH = re.compile(r"(?:\b(last|next|this)\s+)?\b(" + "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
                         + r")\b(?!\s*\d)", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TODAY = re.compile(r"\b(today|tonight|this (morning|afternoon|evening))\b")

#: Words that make a time phrase a point or period on the calendar rather than a duration
#: ("two years", "the season") or a frequency ("twice a year").
_POINT = re.compile(
    r"\b(" + _MONTH_ALT + "|" + "|".join(WEEKDAYS) + r"|yesterday|today|tonight|tomorrow|ago|1[89]\d\d|20\d\d)\b"
    r"|\b(last|next|this|previous|coming|past|same)\s+(week|weekend|month|year|quarter|spring|summer|autumn|fall|winter)\b"
    r"|\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b|\bthis (morning|afternoon|evening)\b"
    r"|\b(earlier|later) this\b|\b\d{4}-\d{2}-\d{2}\b",
    re.I,
)

PAST, FUTURE = "past", "future"
_UNSET = object()


def _shift_months(d: _dt.date, months: int) -> tuple[int, int]:
    m = d.year * 12 + (d.month - 1) + months
    return m // 12, m % 12 + 1


@lru_cache(maxsize=4096)  # pure in its text, and the same phrases come back sentence after sentence
def is_time_point(text: str) -> bool:
    """The phrase names a time on the calendar (a day, month, year, "last week"), not a duration or frequency."""
    return bool(_POINT.search(text)) and not re.search(
        r"\b(each|every|per)\s+(year|month|week|day)\b|\b(once|twice|times)\s+an?\s+(year|month|week|day)\b", text, re.I)


@lru_cache(maxsize=4096)
def is_relative(text: str) -> bool:
    """The phrase is written relative to the publication date ("in October", "on Tuesday", "last year").

    A bare month name ("October", as a date entity's text) is not counted here, so
    the claim text is not annotated with its year; :func:`needs_published` counts it.
    """
    t = text.lower()
    return bool(
        _AGO.search(t) or _REL.search(t) or _SEASON.search(t) or any(w in re.findall(r"[a-z]+", t) for w in WEEKDAYS)
        or re.search(r"\b(yesterday|today|tomorrow|tonight|this (morning|afternoon|evening))\b", t)
        or re.search(r"\b(earlier|later) this (week|month|year)\b", t)
        or (_MONTH_DAY.search(t) and not _YEAR.search(t))
        or (_DAY_MONTH.search(t) and not _YEAR.search(t))
        or _MONTH_ONLY.search(t)
    )


def needs_published(text: str) -> bool:
    """The time phrase resolves only against a publication date: relative, or a month named without its year."""
    if is_relative(text):
        return True
    m = _BARE_MONTH.search(text)
    return bool(m and m.group(2)[0].isupper() and not _YEAR.search(text))


def resolve(text: str, published: _dt.date | None, *, future: bool = False, tense=_UNSET) -> str | None:
    """The ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the phrase ``text`` points at.

    ``tense`` is ``"past"``, ``"future"`` or None (unknown: the nearest occurrence
    of a bare day, weekday or month to the publication date). Without it, the
    older ``future`` flag decides: True means future, False past.
    """
    return _resolve_text(text, published, future, tense)


@lru_cache(maxsize=8192)  # pure in its arguments; the same phrases and dates recur across an article
def _resolve_text(text: str, published: _dt.date | None, future: bool, tense) -> str | None:
    if tense is _UNSET:
        tense = FUTURE if future else PAST
    t = text.lower().replace("’", "'")
    m = _ISO.search(t)
    if m:
        return m.group(0)
    m = _MONTH_DAY.search(t)
    if m:
        return _day(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(1)], int(m.group(2)), published, tense)
    m = _DAY_MONTH.search(t)
    if m:
        return _day(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(2)], int(m.group(1)), published, tense)
    m = _MONTH_YEAR.search(t)
    if m:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}"
    if published is None:
        m = _YEAR.search(t)
        return m.group(1) if m and not _REL.search(t) else None
    p = published
    if _TODAY.search(t):
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
            return _week(p - _dt.timedelta(weeks=n))
        if unit == "month":
            y, mo = _shift_months(p, -n)
            return f"{y:04d}-{mo:02d}"
        return f"{p.year - n:04d}"
    m = re.search(r"\b(earlier|later) this (week|month|year)\b", t)
    if m:
        return {"week": _week(p), "month": f"{p.year:04d}-{p.month:02d}", "year": f"{p.year:04d}"}[m.group(2)]
    m = _SEASON.search(t)
    if m:
        which, month = m.group(1), SEASONS[m.group(2)]
        if which == "past":
            return None
        if which in ("next", "coming"):
            return f"{p.year if month > p.month else p.year + 1:04d}"
        if which in ("last", "previous"):
            return f"{p.year if month + 2 < p.month else p.year - 1:04d}"
        return f"{p.year:04d}"
    m = _REL.search(t)
    if m:
        which, unit = m.group(1), m.group(2)
        if which == "past":
            return None  # "in the past year": a trailing window, not a calendar period
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}[which]
        if unit == "year":
            return f"{p.year + step:04d}"
        if unit == "month":
            y, mo = _shift_months(p, step)
            return f"{y:04d}-{mo:02d}"
        if unit == "week":
            return _week(p + _dt.timedelta(weeks=step))
        return None  # quarters depend on the company's fiscal calendar
    for name, wd in WEEKDAYS.items():
        m = re.search(rf"\b(?:(last|next|this)\s+)?{name}\b", t)
        if m:
            return _weekday(wd, p, tense, m.group(1)).isoformat()
    m = _BARE_MONTH.search(text.replace("’", "'"))
    if m and (m.group(2)[0].isupper() or m.group(1)) and not re.search(r"\bquarter\b", t):
        return _month(MONTHS[m.group(2).lower()], p, tense, (m.group(1) or "").lower())
    m = _YEAR.search(t)
    if m:
        return m.group(1)
    return None


def _week(d: _dt.date) -> str | None:
    """The calendar week (Monday to Sunday) holding ``d``, at the precision it fits: month, else year."""
    monday = d - _dt.timedelta(days=d.weekday())
    sunday = monday + _dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}"
    return f"{monday.year:04d}" if monday.year == sunday.year else None


def _weekday(wd: int, p: _dt.date, tense, which: str | None) -> _dt.date:
    """The weekday ``wd`` nearest ``p`` in the clause's direction; the same day counts (wire style)."""
    back = (p.weekday() - wd) % 7
    ahead = (wd - p.weekday()) % 7
    if which == "next":
        return p + _dt.timedelta(days=ahead or 7)
    if which == "last":
        return p - _dt.timedelta(days=back or 7)
    if tense == FUTURE or (tense is None and ahead < back):
        return p + _dt.timedelta(days=ahead)
    return p - _dt.timedelta(days=back)


def _month(month: int, p: _dt.date, tense, which: str = "") -> str:
    """A month named without a year: the last one (past), the next one (future), else the nearest."""
    here = p.year * 12 + p.month - 1
    cands = [(p.year + dy) * 12 + month - 1 for dy in (-1, 0, 1)]
    if which == "last":
        pick = max(c for c in cands if c < here)
    elif which == "next":
        pick = min(c for c in cands if c > here)
    elif which == "this":
        pick = p.year * 12 + month - 1
    elif tense == PAST:
        pick = max(c for c in cands if c <= here)
    elif tense == FUTURE:
        pick = min(c for c in cands if c >= here)
    else:
        pick = min(cands, key=lambda c: (abs(c - here), c > here))
    return f"{pick // 12:04d}-{pick % 12 + 1:02d}"


def _day(year: int | None, month: int, day: int, published: _dt.date | None, tense) -> str | None:
    """A calendar day; without a year, the one nearest the article date in the clause's direction.

    A week's slack either way allows for an article dated a little after it was written.
    """
    if year is None:
        if published is None:
            return None
        cands = []
        for y in (published.year - 1, published.year, published.year + 1):
            try:
                cands.append(_dt.date(y, month, day))
            except ValueError:
                continue
        if not cands:
            return None
        slack = _dt.timedelta(days=7)
        if tense == PAST:
            ok = [c for c in cands if c <= published + slack]
            return max(ok).isoformat() if ok else None
        if tense == FUTURE:
            ok = [c for c in cands if c >= published - slack]
            return min(ok).isoformat() if ok else None
        return min(cands, key=lambda c: (abs((c - published).days), c > published)).isoformat()
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


# --------------------------------------------------------------------------- reading a parse
# The functions below take spaCy tokens, spans and sentences (duck-typed: this
# module never imports spaCy).

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
#: Verbs and noun modifiers whose date is the date something is due ("scheduled for April 9").
_PLANNED = {"schedule", "plan", "expect", "intend", "aim", "due", "upcoming", "forthcoming"}
#: Verbs whose object is something foreseen: a date on it lies ahead ("expect a cut in May").
_FORESEEING = {"expect", "forecast", "predict", "project", "anticipate", "plan", "schedule", "propose"}
#: Cue words before a date that make it the baseline of a comparison ("up 4% on the period in 2012").
_BASELINE_CUES = {"than", "compared", "comparison", "versus", "vs", "vs.", "against"}
_CHANGE_WORDS = {"rise", "increase", "fall", "drop", "decline", "growth", "gain", "jump", "climb", "dip", "decrease",
                 "surge", "slump", "up", "down", "higher", "lower"}
#: Prepositions naming a target date, which a past-tense verb does not place in the past.
_TARGET_PREPS = {"for", "until", "till", "by"}
_CLAUSE_BREAK = {",", ";", ":", "—", "–", "(", ")", "while", "whereas", "but"}
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "parataxis", "appos", "pcomp"})
_YEAR_TOKEN = re.compile(r"^(?:1[89]|20)\d\d(?:/\d{1,2}|-\d{2})?$")
_YEAR_PREPS = {"in", "since", "during", "by", "until", "till", "from", "for", "of"}
_NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


def tense_at(tok) -> str | None:
    """``"past"``, ``"future"`` or None for the clause a date token hangs on.

    Climbs from the date through its prepositions to the word it modifies: a verb
    with "will"/"to"/"scheduled" looks forward, a past-tense or perfect verb looks
    back, anything else (present tense, a noun such as "his conviction") is unknown.
    """
    head = tok.head
    for _ in range(3):
        if head.pos_ != "ADP" or head.head.i == head.i:
            break
        if head.lower_ in _TARGET_PREPS:
            return None  # "was set for Jan. 30", "adjourned until May 2": a past verb, a date either side
        head = head.head
    if head.pos_ in ("NOUN", "PROPN", "ADJ"):
        if head.lemma_.lower() in _PLANNED or any(c.dep_ == "amod" and c.lemma_.lower() in _PLANNED for c in head.children):
            return FUTURE
        if head.pos_ == "NOUN":
            # "kept the lead with a win on Saturday": an event noun in a past clause is past; in a
            # future clause ("will appeal his conviction in May") the noun may still be past: unknown
            verb = head.head
            for _ in range(3):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX") and verb_tense(verb) == PAST:
                return PAST
            if verb.pos_ == "VERB" and verb.lemma_.lower() in _FORESEEING:
                return FUTURE  # "analysts expect the first cut in September"
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    return verb_tense(head)


def verb_tense(v) -> str | None:
    """The time a verb looks at: "will open"/"to open"/"is scheduled" future; "opened"/"has opened" past."""
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in aux) or any(a.tag_ == "TO" for a in aux):
        return FUTURE
    if v.lemma_.lower() in _PLANNED:
        return FUTURE
    if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return PAST
    if v.tag_ == "VBN" and (not aux or any(a.lemma_ == "have" for a in aux)):
        return PAST
    if not aux and v.tag_ in ("VBG", "VB") and v.dep_ in ("advcl", "conj") and v.head.pos_ in ("VERB", "AUX") \
            and v.head.i != v.i:
        # "kept the lead, opening a gap on Saturday" / "will open in May and hire staff": the tense
        # of the clause the participle or bare conjunct hangs on
        return verb_tense(v.head)
    return None


_BASELINE_WORDS = re.compile(r"\b(same|year-earlier|year-ago|prior|previous)\b", re.I)
_PAST_WORD = re.compile(r"\bpast\b", re.I)


def is_baseline(ent) -> bool:
    """The date is what a figure is compared with ("down from 5% in March", "than last year"), not when it happened."""
    cache = ent.doc.user_data.setdefault("factcheck_baseline", {})  # asked for every claim of the sentence
    key = (ent.start, ent.end)
    if key not in cache:
        cache[key] = _is_baseline(ent)
    return cache[key]


def _is_baseline(ent) -> bool:
    if _BASELINE_WORDS.search(span_text(ent)):
        return True
    if _PAST_WORD.search(span_text(ent)):
        return False  # "losses over the past year": a window, not a comparison
    doc = doc_tokens(ent.doc)
    i = ent.start - 1
    window = []
    stop = max(ent.sent.start, ent.start - 12)  # the cue stands near the date ("down from 5% in March")
    while i >= stop and doc[i].lower_ not in _CLAUSE_BREAK:
        window.append(doc[i])
        i -= 1
    window.reverse()
    for k, w in enumerate(window):
        low = w.lower_
        rest = window[k + 1:]
        if low in _BASELINE_CUES and rest and rest[0].lower_ == "when":
            return True  # "52% more than when the party took office in 1997"
        if any(x.pos_ in ("VERB", "AUX") for x in rest):
            continue  # "shorter than the term prosecutors sought in May": the date has a verb of its own
        if low in _BASELINE_CUES:
            return True
        if low == "from" and any(_is_number(x) for x in rest):
            return True
        if low in ("on", "over") and k and window[k - 1].lemma_.lower() in _CHANGE_WORDS and window[k - 1].pos_ != "VERB":
            return True
    return False


_ANAPHORIC = re.compile(r"\b(?:previous|preceding|prior)\s+(month|year)\b", re.I)
_WEEKDAY_WORD = re.compile(r"^(?:" + "|".join(WEEKDAYS) + r")s?$", re.I)


def refers(ent) -> bool:
    """The entity names a time, not a kind of thing: "the Saturday classes" is not a date."""
    head = ent.root.head
    if len(ent) == 1 and _WEEKDAY_WORD.match(span_text(ent)) and ent.root.dep_ in ("compound", "amod", "nmod") \
            and head.pos_ == "NOUN" and head.ent_type_ not in ("DATE", "TIME") \
            and head.lower_ not in ("morning", "afternoon", "evening", "night"):
        return False
    return True


def _anaphoric(ent, match, published) -> str | None:
    """"the previous month" is the month before the time the sentence is about, not before publication."""
    unit = match.group(1).lower()
    for other in sent_ents(ent.sent):
        if other.label_ != "DATE" or other.start == ent.start or _ANAPHORIC.search(other.text):
            continue
        iso = resolve_ent(other, published)
        if not iso:
            continue
        if unit == "year":
            return f"{int(iso[:4]) - 1:04d}"
        if len(iso) >= 7:
            y, mo = _shift_months(_dt.date(int(iso[:4]), int(iso[5:7]), 1), -1)
            return f"{y:04d}-{mo:02d}"
    return None


def resolve_ent(ent, published: _dt.date | None) -> str | None:
    """The ISO date a DATE/TIME entity points at, its tense read from the parse (once per entity)."""
    cache = ent.doc.user_data.setdefault("factcheck_resolved_dates", {})
    key = (ent.start, ent.end, published)
    if key not in cache:
        cache[key] = _resolve_ent(ent, published)
    return cache[key]


def _resolve_ent(ent, published: _dt.date | None) -> str | None:
    if not refers(ent):
        return None
    m = _ANAPHORIC.search(span_text(ent))
    if m:
        return _anaphoric(ent, m, published)
    tense = tense_at(ent.root)
    head = ent.root.head.head if ent.root.head.pos_ == "ADP" else ent.root.head
    if tense is None and head.pos_ == "NOUN" and any(w in span_text(ent).lower() for w in WEEKDAYS):
        # "... with a 2-0 win on Saturday": a weekday on a noun takes the sentence's tense
        root = ent.root.sent.root
        tense = verb_tense(root) if root.pos_ in ("VERB", "AUX") else None
    return resolve(span_text(ent), published, tense=tense)


def _is_number(t) -> bool:
    return bool(t.like_num or any(c.isdigit() for c in t.text) or t.ent_type_ in _NUMBER_LABELS)


def _time_ents(tokens):
    """DATE/TIME entities starting among ``tokens`` that name a calendar time.

    Read off the tokens' entity tags rather than ``doc.ents``, so the cost is the
    claim's length, not the paragraph's entity count (a 20 MB article streams).
    """
    points = None
    for t in tokens:
        if points is None:
            points = _time_points(t.doc)
            if not points:
                return
        ent = points.get(t.i)
        if ent is not None:
            yield ent


def _time_points(doc) -> dict:
    """The paragraph's DATE/TIME entities that name a calendar time, by first token (built once)."""
    points = doc.user_data.get("factcheck_time_points")
    if points is None:
        points = doc.user_data["factcheck_time_points"] = {
            e.start: e for e in doc_ents(doc)
            if e.label_ in ("DATE", "TIME") and is_time_point(span_text(e)) and refers(e)}
    return points


def _on_verb(ent) -> bool:
    head = ent.root.head
    while head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head.pos_ in ("VERB", "AUX") and head.i != ent.root.i


@lru_cache(maxsize=8)
def _label_ids(strings, labels: frozenset) -> frozenset:
    return frozenset(strings[label] for label in labels)


def _in_main_clause(ent) -> bool:
    """No subordinate clause (relative, adverbial, ...) between the entity and the sentence's root."""
    doc = ent.doc
    heads, deps = head_indices(doc), dep_ids(doc)
    subordinate = _label_ids(doc.vocab.strings, _SUBORDINATE)
    i = ent.root.i
    while heads[i] != i:  # up the heads as indices: no token objects made
        if deps[i] in subordinate:
            return False
        i = heads[i]
    return True


def _ranked(ents, published: _dt.date | None) -> list[tuple]:
    """(entity, ISO date or None) for the event dates, the claim's own time first.

    Ranked by: in the main clause before in a subordinate one ("extended the strike on
    Wednesday after talks broke down on Tuesday"); on a verb before on a noun; between
    dates on nouns, the more precise ("the 2024-25 budget ... on Tuesday night"); then
    reading order.
    """
    cache = None

    def key(pair):
        nonlocal cache
        e = pair[0]
        if cache is None:
            cache = e.doc.user_data.setdefault("factcheck_rank_keys", {})
        k = cache.get((e.start, e.end))
        if k is None:
            on_verb = _on_verb(e)
            # precision only between dates on nouns: on verbs, the content's verb comes first in reading order
            # ("fell to 4% in May, the bureau said on Friday"); precision is the phrase's, not the article's
            precise = 0 if on_verb else len(resolve(span_text(e), _ANY_DAY, tense=None) or "")
            k = cache[(e.start, e.end)] = (not _in_main_clause(e), not on_verb, -precise, e.start)
        return k

    return sorted(((e, resolve_ent(e, published)) for e in ents if not is_baseline(e)), key=key)


#: Any publication day: to measure a phrase's precision even when the article has no date.
_ANY_DAY = _dt.date(2001, 6, 15)


def main_time(sent, published: _dt.date | None) -> tuple[bool, str | None]:
    """Whether the sentence's main clause names a time, and the date it resolves to (None if it cannot)."""
    cache = sent.doc.user_data.setdefault("factcheck_main_time", {})  # asked once per claim of the sentence
    key = (sent.start, published)
    if key not in cache:
        ranked = _ranked([e for e in _time_ents(tokens(sent)) if _in_main_clause(e)], published)
        cache[key] = (True, ranked[0][1]) if ranked else (False, None)
    return cache[key]


def aspect(tokens) -> str:
    """``"past"`` (something happened), ``"verbless"`` (a statistics line), or ``"other"`` (future, present)."""
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return "verbless"
    if any(t.tag_ == "MD" and t.lower_ in _FUTURE_AUX for t in tokens) or any(
            t.tag_ == "TO" and t.head.pos_ == "VERB" and t.head.head.lemma_ == "go" for t in tokens):
        return "other"
    if any(t.tag_ == "VBD" or (t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children))
           for t in tokens):
        return PAST
    return "other"


@dataclass(frozen=True)
class Frame:
    """The time a stretch of an article is about, threaded through its sentences.

    ``paragraph``: the date the current paragraph's main clauses last named
    ("The port handled 61,000 containers in June." sets June for the rest of the
    paragraph); ``paragraph_named`` is True once a sentence of the
    paragraph named a time at all, even one that cannot be resolved ("over the
    past year"), which then stops the article frames from applying.
    ``period``: the reporting period (a month) a statistics lead names;
    ``event``: the day an event lead names. Both are set by the article's first
    sentence only, and only when it carries a figure.
    """

    paragraph: str | None = None
    paragraph_named: bool = False
    period: str | None = None
    event: str | None = None
    lead_seen: bool = False

    def next_paragraph(self) -> Frame:
        return replace(self, paragraph=None, paragraph_named=False)


def advance(frame: Frame, sent, published: _dt.date | None) -> Frame:
    """The frame after reading ``sent`` (call once per sentence, in order)."""
    named, iso = main_time(sent, published)
    if named:
        frame = replace(frame, paragraph=iso, paragraph_named=True)
    if not frame.lead_seen and any(not t.is_space for t in sent):
        frame = replace(frame, lead_seen=True)
        if iso and any(_is_number(t) and t.ent_type_ not in ("DATE", "TIME") for t in sent):
            if len(iso) == 10:
                frame = replace(frame, event=iso)
            elif len(iso) == 7:  # a bare year in a lead is as often history as a reporting period
                frame = replace(frame, period=iso)
    return frame


#: How ``--explain`` names where an inherited date came from (``claim_date``'s second value).
SOURCE_LABELS = {"sentence": "the sentence", "paragraph": "the paragraph",
                 "period": "the article's reporting period", "event": "the lead's event"}


def claim_date(tokens, published: _dt.date | None, frame: Frame | None = None, *, sent=None) -> tuple[str | None, str]:
    """The date a claim carries, and where it came from.

    In order: the claim's own time phrase (not a comparison baseline; ranked as
    in ``_ranked``) -> ``"own"``; a claim whose own
    time cannot be resolved gets None (``"own, unresolved"``) and inherits nothing.
    Else the main-clause date of its sentence (a split-off part keeps its
    sentence's time; "X will do Y, Z announced today") -> ``"sentence"``. Else,
    only for something that happened (past tense, or a verbless figures line):
    the paragraph's date -> ``"paragraph"``; if the paragraph named no time, the
    reporting period of a statistics article, for claims with a figure ->
    ``"period"``; the day of the lead's event, for verbless figures lines only ->
    ``"event"``. Otherwise None (``"none"``): future and timeless statements are
    not stamped.
    """
    frame = frame or Frame()
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return None, "none"
    own = _ranked(_time_ents(toks), published)
    if not own:
        year = next((t for t in toks if _YEAR_TOKEN.match(t.text) and t.head.lower_ in _YEAR_PREPS
                     and t.ent_type_ not in ("DATE", "TIME")), None)
        if year is not None:  # "In 2003/4, ..." which the tagger took for a plain number
            return year.text[:4], "own"
    if own:  # the first-ranked time is the claim's; a later one is another fact's ("$5m this year, $7m in 2027")
        iso = own[0][1]
        return (iso, "own") if iso else (None, "own, unresolved")
    if sent is not None:
        named, iso = main_time(sent, published)
        if iso:
            return iso, "sentence"
    kind = aspect(toks)
    if kind == "other":
        return None, "none"
    if frame.paragraph_named:
        return (frame.paragraph, "paragraph") if frame.paragraph else (None, "none")
    has_figure = any(_is_number(t) and t.ent_type_ not in ("DATE", "TIME") for t in toks)
    # a statistic is written in digits ("4.1%", "3,200"); "two of the plants" is not the period's figure
    statistic = any(any(c.isdigit() for c in t.text) and t.ent_type_ not in ("DATE", "TIME") for t in toks)
    if statistic and frame.period:
        return frame.period, "period"
    if has_figure and kind == "verbless" and frame.event:
        return frame.event, "event"
    return None, "none"


def count_relative(sent) -> int:
    """How many time phrases in ``sent`` need a publication date to resolve."""
    return sum(1 for e in _time_ents(tokens(sent))
               if needs_published(span_text(e)) and resolve(span_text(e), None) is None)


def undated_warning(count: int) -> str:
    """What to tell the user, once per article, when relative dates stay unresolved for want of a publication date."""
    return (f"no publication date: {count} relative date{'s' if count != 1 else ''} left unresolved; "
            f"pass --date YYYY-MM-DD")
