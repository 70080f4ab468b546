"""Stable claim ids, derived from what a claim says rather than where it sits.

An id is up to two key words of the claim's normalised text plus four hex
digits of the SHA-1 of that text, e.g. ``cargo-traffic-3fa2``: short enough to
read, copy and type, and never wrapped in a table. (Worksheets made before
this kept three words; ids in a worksheet never change once written.) The
same claim text gets the same id on every run, and editing other paragraphs
does not change it. If two claims would share an id, the later one gets
``-2``, ``-3``, ... in the order they appear.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_STOP = {
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by", "with", "that",
    "this", "is", "was", "are", "were", "be", "been", "has", "have", "had", "it", "its", "as", "said", "says",
    "say", "added", "adds", "told", "will", "would", "not", "he", "she", "they", "his", "her", "their", "than",
    "into", "over", "about", "also", "which", "who", "after", "before", "since", "during", "per", "cent",
}


def normalise(text: str) -> str:
    """Lower case, accents and punctuation dropped, whitespace collapsed."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).lower()
    t = re.sub(r"[^a-z0-9%]+", " ", t)
    return " ".join(t.split())


def claim_id(text: str, taken: set[str], speaker: str | None = None) -> str:
    norm = normalise(text)
    skip = set(normalise(speaker).split()) if speaker else set()
    words = [w.replace("%", "pct") for w in norm.split() if w not in _STOP and w not in skip and len(w) > 1]
    digest = hashlib.sha1(norm.encode("utf-8")).hexdigest()[:4]
    base = "-".join(words[:2] + [digest]) if words else f"claim-{digest}"
    cid, n = base, 2
    while cid in taken:
        cid = f"{base}-{n}"
        n += 1
    taken.add(cid)
    return cid
