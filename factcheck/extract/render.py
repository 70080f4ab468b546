"""Step: render. Tokens to claim text: names resolved, spacing tidied, quotes balanced.

``render_tokens`` writes a draft's tokens with each referring expression
replaced (through ``resolve``); ``finish`` joins prefix, body and suffix into
one sentence with a capital and a full stop, closing any quotation a split
left open.
"""

from __future__ import annotations

import re

from .resolve import referring, resolve_token
from .syntax import attrs_of, token_attrs

#: Parts of speech that never start a referring expression or a relative date (adverbs do: "there").
_NEVER_REFERRING = frozenset({"VERB", "AUX", "ADP", "ADJ", "CCONJ", "SCONJ", "PART", "PUNCT", "SYM", "SPACE"})


def render_tokens(tokens, ctx, resolve: bool = True, replacements: dict | None = None, notes: list | None = None,
                  unresolved: list | None = None) -> str:
    """Tokens to text, with names resolved and relative dates annotated.

    What was resolved is appended to ``notes`` when given, and referring
    expressions left as written ("the two", "it") to ``unresolved``.
    """
    replacements = replacements or {}
    out = []
    skip_until = -1
    idx = [t.i for t in tokens]
    ids = set(idx)
    first = idx[0] if idx else 0
    cache = token_attrs(tokens[0].doc) if tokens else {}
    for k, t in enumerate(tokens):
        i = idx[k]
        if i <= skip_until:
            continue
        a = attrs_of(t, cache)  # (text, lower, lemma, tag, dep, pos, entity type, ...), read once per paragraph
        text = a[0]
        if i in replacements:
            text = replacements[i]
        elif resolve and a[5] in _NEVER_REFERRING and a[6] not in ("DATE", "TIME"):
            pass  # verbs, prepositions, adjectives, punctuation: nothing to resolve (most tokens)
        elif resolve:
            text, skip_until, note = resolve_token(t, ids, first, "".join(out), ctx.mem, ctx.ents, ctx.published)
            if note and notes is not None:
                notes.append("resolved " + note)
            elif not note and unresolved is not None and text.lower() in (t.lower_, "the"):
                ref = referring(t)
                if ref is not None and all(i in ids for i in range(t.i, ref[1] + 1)) and ref[0] not in unresolved:
                    unresolved.append(ref[0])
        ws = t.whitespace_
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and idx[k + 1] != i + 1 and skip_until < idx[k + 1] - 1:
            ws = " " if not nxt.is_punct or nxt.text in "\"“(‘" else ""
        if skip_until > i:
            last = t.doc[skip_until]
            ws = last.whitespace_ if (nxt is None or idx[k + 1] == skip_until + 1) else " "
        out.append(text + ws)
    s = "".join(out)
    return tidy(s)


_SPACES = re.compile(r"\s{2,}|[^\S ]")  # a run of spaces, or any one space that is not " " (few matches)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?%])")
_DOUBLE_COMMA = re.compile(r",\s*,")
_SPACE_AFTER_OPENER = re.compile(r"([(\[“])\s+")
_PLURAL_POSSESSIVE = re.compile(r"\b([A-Z][A-Za-z]*[^s\W]s)([’'])s\b")


def tidy(s: str) -> str:
    s = _SPACES.sub(" ", s).strip()
    s = _SPACE_BEFORE_PUNCT.sub(r"\1", s)
    s = _DOUBLE_COMMA.sub(",", s)
    s = _SPACE_AFTER_OPENER.sub(r"\1", s)
    s = s.replace(" ’s", "’s").replace(" 's", "'s")
    if "s’s" not in s and "s's" not in s:
        return s
    return _PLURAL_POSSESSIVE.sub(r"\1\2", s)  # "Turkic States’s" -> "Turkic States’" ("Moss's" stays)


def capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


_OPENERS = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[\"“‘]")
_CLOSERS = re.compile(r"[\"”’](?=$|[\s.,;:!?)\]—–-])")


def balance_quotes(body: str) -> str:
    """Close a quotation a split left open, or open one it left closed."""
    opens = len(_OPENERS.findall(body))
    # ’ is an apostrophe ("States’ summit", "don’t") unless the text opened a ‘ quotation
    closes = len([m for m in _CLOSERS.finditer(body) if m.group(0) != "’" or "‘" in body])
    if opens > closes:
        last = _OPENERS.findall(body)[-1]
        closer = {"“": "”", "‘": "’"}.get(last, '"')
        m = re.search(r"[.!?]$", body)
        return body[: m.start()] + closer + body[m.start():] if m else body + closer
    if closes > opens:
        first = _CLOSERS.search(body).group(0)
        return {"”": "“", "’": "‘"}.get(first, '"') + body
    return body


def finish(text: str, prefix_len: int = 0) -> str:
    if prefix_len:
        text = text[:prefix_len] + balance_quotes(tidy(text[prefix_len:]).rstrip(",;:—– "))
    text = tidy(text).rstrip(",;:—– ")
    text = re.sub(r"[,;:]\s*([”\"’])$", r"\1", text)
    if text and not re.search(r"[.!?][\"”’)]*$", text):
        if re.search(r"[\"”’]$", text):
            text = text[:-1] + "." + text[-1]
        else:
            text += "."
    return capitalise(text)
