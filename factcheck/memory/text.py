"""Normalising claim text for matching, and the figures that guard a match.

Two claims are compared twice, on purpose separately:

* their **words**, after normalisation: lower case, accents and punctuation
  dropped, light stemming ("exports", "exported" -> "export"), a small table of
  newsroom synonyms ("jobless" -> "unemployment", "per cent" -> "percent"),
  function words dropped, and every figure replaced by ``#`` so "40%" and "45%"
  read the same;
* their **figures**: numbers with their unit (percent, a scale word such as
  million), years and dates, in a canonical form ("1.2 million" = "1,200,000",
  "ten" = "10", "4.1 per cent" = "4.1%").

Words decide whether two claims say the same thing; figures decide whether
they say it with the same numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12,
}

#: Words that carry no claim on their own. Kept short: a negation or a
#: quantifier ("not", "no", "more", "less") changes a claim, so it stays.
STOPWORDS = frozenset("""
a an the and or of to in on at by for from with as into onto over than that this these those there their
its it is are was were be been being has have had do does did will would shall should can could may might
must said says say told tells according also which who whom whose what when where while about after before
since during per cent percent s he she they we i you his her them our your us him me just if could
""".split())

#: Newsroom synonyms mapped onto one word (applied after stemming).
SYNONYMS = {
    "jobless": "unemploy", "unemployment": "unemploy", "unemploy": "unemploy",
    "rise": "increas", "rose": "increas", "risen": "increas", "increase": "increas", "grow": "increas",
    "grew": "increas", "grown": "increas", "growth": "increas", "climb": "increas", "up": "increas",
    "gain": "increas", "jump": "increas", "jumped": "increas", "increas": "increas", "higher": "increas", "ris": "increas",
    "fall": "decreas", "fell": "decreas", "fallen": "decreas", "drop": "decreas", "dropp": "decreas",
    "decline": "decreas", "declin": "decreas", "decrease": "decreas", "decreas": "decreas", "down": "decreas",
    "shrink": "decreas", "shrank": "decreas", "lower": "decreas", "cut": "decreas", "slump": "decreas",
    "buy": "purchas", "bought": "purchas", "purchase": "purchas", "purchas": "purchas",
    "build": "construct", "built": "construct", "construct": "construct", "construction": "construct",
    "kid": "child", "children": "child", "people": "person", "persons": "person",
    "firm": "company", "compani": "company", "company": "company", "businesse": "company",
    "government": "govern", "govern": "govern", "administration": "govern",
    "approximately": "about", "roughly": "about", "nearly": "about", "almost": "about", "around": "about",
    "some": "about", "approx": "about",
    "doctor": "physician", "physician": "physician", "car": "vehicle", "vehicle": "vehicle",
    "begin": "start", "began": "start", "begun": "start", "start": "start", "launch": "start",
    "end": "finish", "ended": "finish", "finish": "finish",
    "annual": "year", "annually": "year", "yearly": "year", "year": "year",
    "monthly": "month", "month": "month",
    "earn": "income", "earning": "income", "income": "income", "salari": "wage", "salary": "wage", "pay": "wage",
    "wage": "wage", "price": "cost", "cost": "cost",
    "country": "country", "countri": "country", "nation": "country",
    "killed": "die", "die": "die", "died": "die", "death": "die",
}

_SCALE_WORDS = "thousand|million|billion|trillion|mn|bn|tn|m|b|k"
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?"
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

# One pass finds every figure; the alternatives are tried in this order.
_FIGURE = re.compile(
    rf"""
    (?P<iso>\b(?P<iy>1[89]\d\d|20\d\d)-(?P<im>0[1-9]|1[0-2])(?:-(?P<id>[0-3]\d))?\b)
  | (?P<dmy>\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_RE})\.?(?:,?\s+(?P<y1>1[89]\d\d|20\d\d))?\b)
  | (?P<mdy>\b(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>1[89]\d\d|20\d\d))?\b)
  | (?P<my>\b(?P<m3>{_MONTH_RE})\.?,?\s+(?:of\s+)?(?P<y3>1[89]\d\d|20\d\d)\b)
  | (?P<num>(?P<cur>[$€£¥]\s?)?(?<![\w.,])(?P<n>{_NUM}|\b(?:{"|".join(WORD_NUMBERS)})\b)
        (?:\s?(?P<scale>(?:{_SCALE_WORDS})\b))?
        (?:\s?(?P<pct>%|\s?per\s?cent\b|\s?percent\b|\s?percentage\s+points?\b|\s?points?\b))?)
    """,
    re.VERBOSE | re.IGNORECASE,
)

_WORD = re.compile(r"[a-z0-9#]+")


@dataclass(frozen=True)
class Figure:
    """One number or date in a claim: ``key`` compares, ``shown`` is what the claim wrote."""

    key: str
    shown: str
    is_date: bool = False


def _fold(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", " ")


def _number_key(m: re.Match) -> Figure | None:
    raw = m.group("n")
    low = raw.lower()
    if low in WORD_NUMBERS:
        value = float(WORD_NUMBERS[low])
    else:
        value = float(raw.replace(",", ""))
    scale = (m.group("scale") or "").lower()
    pct = (m.group("pct") or "").strip().lower()
    if scale in ("m", "b", "k") and not m.group("cur") and " " in m.group(0).strip():
        scale = ""  # "5m" and "$5 m" are millions; "12 m" may be metres
    if scale:
        value *= SCALES[scale]
    shown = m.group(0).strip()
    if not scale and not pct and not m.group("cur") and "," not in raw and "." not in raw \
            and low.isdigit() and len(low) == 4 and 1800 <= value <= 2100:
        return Figure(f"y{int(value)}", shown, True)
    unit = ""
    if pct:
        unit = "pp" if "point" in pct else "%"
    num = f"{value:.6g}" if value < 1e15 else repr(value)
    return Figure(f"{num}{unit}", shown)


def figures(text: str) -> list[Figure]:
    """Every number and date in ``text``, in order."""
    return _figures(_FIGURE.finditer(_fold(text)))


def _figures(matches) -> list[Figure]:
    out: list[Figure] = []
    for m in matches:
        if m.group("iso"):
            parts = [m.group("iy"), m.group("im"), m.group("id")]
            out.append(Figure("d" + "-".join(p for p in parts if p), m.group(0), True))
        elif m.group("dmy") or m.group("mdy"):
            month = MONTHS[(m.group("m1") or m.group("m2")).lower()]
            day = int(m.group("d1") or m.group("d2"))
            year = m.group("y1") or m.group("y2")
            if not 1 <= day <= 31:
                continue
            out.append(Figure(f"d{year or '*'}-{month:02d}-{day:02d}", m.group(0).strip(), True))
        elif m.group("my"):
            month = MONTHS[m.group("m3").lower()]
            out.append(Figure(f"d{m.group('y3')}-{month:02d}", m.group(0).strip(), True))
        else:
            f = _number_key(m)
            if f is not None:
                out.append(f)
    return out


def _date_parts(key: str) -> list[str]:
    return key[1:].split("-")


def _compatible(a: Figure, b: Figure) -> bool:
    """Whether two dates can name the same time: '2024' and '2024-03-05' can; '2024' and '2023' cannot."""
    if not (a.is_date and b.is_date):
        return False
    pa, pb = _date_parts(a.key), _date_parts(b.key)
    return all(x == y or "*" in (x, y) for x, y in zip(pa, pb, strict=False))


def figure_conflict(mine: list[Figure], theirs: list[Figure]) -> tuple[list[str], list[str]] | None:
    """The figures that disagree, as written in each claim, or None when nothing conflicts."""
    return compare_figures(mine, theirs)[1]


def compare_figures(mine: list[Figure], theirs: list[Figure]) -> tuple[int, tuple[list[str], list[str]] | None]:
    """How many figures two claims share, and the figures that disagree (or None).

    Figures present in both are set aside; so are dates that can name the same
    time. What is left on *both* sides is a conflict ("40%" vs "45%"). A figure
    only one claim mentions is not a conflict: one claim is simply more specific.
    """
    left = list(mine)
    right = list(theirs)
    for f in list(left):
        for g in right:
            if f.key == g.key:
                left.remove(f)
                right.remove(g)
                break
    for f in list(left):
        for g in right:
            if _compatible(f, g):
                left.remove(f)
                right.remove(g)
                break
    shared = len(mine) - len(left)
    if not left or not right:
        return shared, None
    # A number conflicts with a number, a date with a date; a lone year beside a percentage is no conflict.
    lnum = [f for f in left if not f.is_date]
    rnum = [f for f in right if not f.is_date]
    ldate = [f for f in left if f.is_date]
    rdate = [f for f in right if f.is_date]
    a: list[str] = []
    b: list[str] = []
    if lnum and rnum:
        a += [f.shown for f in lnum]
        b += [f.shown for f in rnum]
    if ldate and rdate:
        a += [f.shown for f in ldate]
        b += [f.shown for f in rdate]
    return shared, ((a, b) if a and b else None)


def _stem(word: str) -> str:
    if word in SYNONYMS:
        return SYNONYMS[word]
    w = word
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("es") and w[-3] in "sxz":
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return SYNONYMS.get(w, w)


def words(text: str) -> list[str]:
    """The normalised words of a claim, figures replaced by ``#`` (the text the fuzzy score compares)."""
    return analyse(text)[1]


def _words(masked: str) -> list[str]:
    masked = masked.lower().replace("'s ", " ").replace("-", " ")
    return [w if w == "#" else _stem(w) for w in _WORD.findall(masked) if w not in STOPWORDS]


def analyse(text: str) -> tuple[list[Figure], list[str], list[str]]:
    """(figures, words, search terms) of a claim in one pass over its text."""
    folded = _fold(text)
    matches = list(_FIGURE.finditer(folded))
    parts, pos = [], 0
    for m in matches:
        parts.append(folded[pos:m.start()])
        parts.append(" # ")
        pos = m.end()
    parts.append(folded[pos:])
    figs = _figures(matches)
    ws = _words("".join(parts))
    return figs, ws, [w for w in ws if w != "#"] + [figure_token(f) for f in figs]


def search_terms(text: str) -> list[str]:
    """Terms indexed in FTS5 for a claim: its normalised words (no '#') and its figures as tokens."""
    return analyse(text)[2]


def figure_token(f: Figure) -> str:
    """A figure as one FTS5 token (letters and digits only): 4.1% -> 'f4d1p'."""
    return "f" + f.key.replace(".", "d").replace("%", "p").replace("-", "x").replace("*", "z").replace("+", "e")
