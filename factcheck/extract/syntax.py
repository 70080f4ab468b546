"""Small helpers over spaCy's parse shared by the steps: subtrees, trimming, tense."""

from __future__ import annotations

import bisect
import re

from .vocab import (
    CLAUSE_BREAKS,
    DISCOURSE_MARKERS,
    EDGE_PUNCT,
    FORWARD_VERBS,
    FUTURE_MODALS,
    IRREGULAR_PAST,
    TOPIC_OPENERS,
)

#: openers that take a topic phrase ("Regarding X,", "On X,"), made once
_TOPIC_PREPS = TOPIC_OPENERS | {"on", "as", "in"}


def doc_text(doc) -> str:
    """The paragraph's text (given by the pipeline when it parses; else built once from the tokens)."""
    text = doc.user_data.get("factcheck_text")
    if text is None:
        text = doc.user_data["factcheck_text"] = doc.text
    return text


def sent_text(sent) -> str:
    """The sentence's text, cut from the paragraph's (``sent.text`` rebuilds it token by token)."""
    return doc_text(sent.doc)[sent.start_char:sent.end_char]


def span_text(span) -> str:
    """A span's text (an entity's), cut from the paragraph's: the same as ``span.text``, which joins its tokens."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_ents(doc) -> list:
    """The paragraph's entities, built once (``doc.ents`` makes a new span for each on every call)."""
    ents = doc.user_data.get("factcheck_ents")
    if ents is None:
        ents = doc.user_data["factcheck_ents"] = list(doc.ents)
    return ents


def sent_ents(sent) -> list:
    """The sentence's entities (those inside it), built once per sentence. Read it, never change it."""
    cache = sent.doc.user_data.setdefault("factcheck_sent_ents", {})
    ents = cache.get(sent.start)
    if ents is None:
        ents = cache[sent.start] = [e for e in doc_ents(sent.doc) if e.start >= sent.start and e.end <= sent.end]
    return ents


def _quote_events(doc) -> tuple[list, list]:
    """Where the paragraph's quotation state changes: (offsets, mark open after each), once per doc.

    “ opens, ” closes either kind ('"Peace and Security.”' mixes them), a new line ends all. A
    straight mark opens after a space (or the start) before a word, closes after a word, and is
    no quotation mark after a digit (12").
    """
    cached = doc.user_data.get("factcheck_quote_events")
    if cached is None:
        pos, states, mark = [], [], None
        text = doc_text(doc)
        for m in re.finditer(r'[“”"\n]', text):
            ch, k = m.group(0), m.start()
            if ch == "“":
                mark = "“"
            elif ch == '"':
                prev = text[k - 1] if k else " "
                nxt = text[k + 1] if k + 1 < len(text) else " "
                if prev.isdigit():
                    continue
                if mark is None:
                    if not ((prev.isspace() or prev in "([{—–-") and not nxt.isspace()):
                        continue  # a stray mark that opens nothing
                    mark = '"'
                else:
                    if prev.isspace():
                        continue
                    mark = None
            else:
                mark = None
            pos.append(k)
            states.append(mark)
        cached = doc.user_data["factcheck_quote_events"] = (pos, states)
    return cached


def open_quotation_at(doc, offset: int) -> str | None:
    """The mark of a quotation open just before character ``offset`` ("“" or '"'), or None."""
    pos, after = _quote_events(doc)
    k = bisect.bisect_left(pos, offset)
    return after[k - 1] if k else None


def in_quotation(tok) -> bool:
    """Whether the token stands inside quotation marks (the one tracker: ``open_quotation_at``)."""
    return open_quotation_at(tok.doc, tok.idx) is not None and tok.text not in ('"', "“", "”")


def token_attrs(doc) -> dict:
    """Per-token attributes the scores read, for tokens read before in this paragraph: index ->
    (text, lower, lemma lower, tag, dep, pos, entity type, like_num, is_alpha, is_stop).
    A claim and its sentence share most tokens, and each spaCy attribute read costs a lookup."""
    cache = doc.user_data.get("factcheck_attrs")
    if cache is None:
        cache = doc.user_data["factcheck_attrs"] = {}
    return cache


def attrs_of(t, cache: dict) -> tuple:
    a = cache.get(t.i)
    if a is None:
        a = cache[t.i] = (t.text, t.lower_, t.lemma_.lower(), t.tag_, t.dep_, t.pos_, t.ent_type_, t.like_num,
                          t.is_alpha, t.is_stop)
    return a


def doc_tokens(doc) -> list:
    """The paragraph's tokens as a list, made once (``doc[i]`` and iterating a span make a new token
    object each time). Shared: read it, never change it."""
    toks = doc.user_data.get("factcheck_tokens")
    if toks is None:
        toks = doc.user_data["factcheck_tokens"] = list(doc)
    return toks


def tokens(span) -> list:
    """The span's tokens, spaces included (as ``list(span)``), from the paragraph's list: a new list."""
    return doc_tokens(span.doc)[span.start:span.end]


def words(sent) -> list:
    """The sentence's tokens, spaces left out (built once per sentence: tokens are costly to make).

    The list is shared: read it, never change it.
    """
    cache = sent.doc.user_data.get("factcheck_words")
    if cache is None:
        cache = sent.doc.user_data["factcheck_words"] = {}
    toks = cache.get(sent.start)
    if toks is None:
        toks = cache[sent.start] = [t for t in tokens(sent) if not t.is_space]
    return toks


def subtree_ids(tok) -> set:
    """Indices of ``tok``'s subtree (a fresh set; computed once per token and document)."""
    cache = tok.doc.user_data.get("factcheck_subtrees")
    if cache is None:
        cache = tok.doc.user_data["factcheck_subtrees"] = {}
    ids = cache.get(tok.i)
    if ids is None:
        kids = _children(tok.doc)
        out, stack = [tok.i], [tok.i]
        while stack:  # the subtree through the paragraph's children lists: no token objects made
            below = kids[stack.pop()]
            out.extend(below)
            stack.extend(below)
        ids = cache[tok.i] = frozenset(out)
    return set(ids)


def head_indices(doc) -> list:
    """Each token's head as an index (the root its own), read once per paragraph from the parse."""
    heads = doc.user_data.get("factcheck_heads")
    if heads is None:
        # offsets from each token, unsigned in the array: the cast gives them their sign back
        offsets = doc.to_array("HEAD").astype("int64").tolist()
        heads = doc.user_data["factcheck_heads"] = [i + off for i, off in enumerate(offsets)]
    return heads


def dep_ids(doc) -> list:
    """Each token's dependency label as the vocabulary's id (``doc.vocab.strings[label]``), once per paragraph."""
    deps = doc.user_data.get("factcheck_deps")
    if deps is None:
        deps = doc.user_data["factcheck_deps"] = doc.to_array("DEP").tolist()
    return deps


def _children(doc) -> list:
    """Each token's children as indices, from the heads (once per paragraph)."""
    kids = doc.user_data.get("factcheck_children")
    if kids is None:
        heads = head_indices(doc)
        kids = doc.user_data["factcheck_children"] = [[] for _ in heads]
        for i, h in enumerate(heads):
            if h != i:
                kids[h].append(i)
    return kids


def comma_before(t) -> bool:
    """The token follows a clause break (comma or dash)."""
    return t.i > 0 and doc_tokens(t.doc)[t.i - 1].text in CLAUSE_BREAKS


def subject_of(verb):
    """The verb's nominal subject token, or None."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def past(tok) -> str:
    """The simple past of a verb token's lemma ("adding" -> "added")."""
    lemma = tok.lemma_.lower()
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if re.search(r"^[^aeiou]*[aeiou][bdgmnprt]$", lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def future_year(text: str, published) -> bool:
    """A date phrase after the publication year, or one that says "next"."""
    m = re.search(r"\b(20\d\d|19\d\d)\b", text)
    if not m:
        return "next" in text.lower()
    return published is not None and int(m.group(1)) > published.year


def is_future(tok) -> bool:
    """Whether the clause around ``tok`` looks forward (will, plans to, next ...)."""
    head = tok
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX"):
            break
        if head.head == head:
            break
        head = head.head
    if head.tag_ in ("VBD",) or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    return any(c.lower_ in FUTURE_MODALS for c in head.children) or head.lemma_.lower() in FORWARD_VERBS or any(
        c.lower_ in ("next", "coming") for c in tok.subtree)


def trim(tokens):
    """Drop leading/trailing separators and coordinators, and discourse markers."""
    toks = list(tokens)
    changed = True
    while toks and changed:
        changed = False
        if toks and (toks[0].text in EDGE_PUNCT or toks[0].dep_ == "cc"):
            toks = toks[1:]
            changed = True
        elif toks and (toks[-1].text in EDGE_PUNCT or toks[-1].dep_ == "cc"):
            toks = toks[:-1]
            changed = True
    # leading "Still," / "However," / "Regarding X," / "Concerning X,"
    if len(toks) > 3:
        first = toks[0]
        if first.lower_ in DISCOURSE_MARKERS:
            k = 1
            if len(toks) > 1 and toks[1].text == ",":
                k = 2
            toks = toks[k:]
        elif first.lower_ in _TOPIC_PREPS and first.dep_ in ("prep", "advcl"):
            sub = subtree_ids(first)
            k = 0
            while k < len(toks) and toks[k].i in sub:
                k += 1
            if k < len(toks) and toks[k].text == "," and first.lower_ in TOPIC_OPENERS and k < 8:
                toks = toks[k + 1:]
    return toks
