"""Step: resolve. Referring expressions to the names the article gave earlier.

``Memory`` learns the article's names sentence by sentence (people by surname,
the last organisation, the last plural subject); ``resolve_token`` replaces
he/she/his/her/its/they, role descriptions ("the Azerbaijani president", "the
company") and bare surnames with those names, and gives relative dates their
resolved date in brackets (through ``dates``). Each replacement is reported so
``--explain`` can show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import dates as datesmod
from .vocab import (
    BUSINESS_NOUNS,
    GENERIC_MODIFIERS,
    INSTITUTION_WORDS,
    NAME_PARTICLES,
    NOT_PERSON_HEADS,
    ORG_ATTRIBUTES,
    PAIR_NOUNS,
    PERSON_POSSESSIVES,
    PERSON_PRONOUNS,
    PLACE_LABELS,
    PLACE_NOUNS,
    RAISING_VERBS,
    REPORTING,
    ROLE_ORG,
    ROLE_PERSON,
)


def org_matches(noun: str, org: str | None) -> bool:
    """Whether a description ("the company") can stand for ``org`` ("the company" is not a university)."""
    if not org:
        return False
    words = set(org.lower().split())
    if noun in INSTITUTION_WORDS:
        return noun in words  # "the ministry" only for a ministry
    return not (noun in BUSINESS_NOUNS and words & INSTITUTION_WORDS)


def ent_text(ent) -> str:
    """An entity's text without a leading "the" or a possessive ending."""
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
    return "".join(t.text_with_ws for t in toks).strip()


@dataclass
class Memory:
    """Names the article has introduced so far, for resolving later mentions."""

    persons: dict = field(default_factory=dict)  # surname (lower) -> full name
    last_person: str | None = None
    last_org: str | None = None
    last_speaker: str | None = None
    last_plural: str | None = None  # the last plural subject ("the researchers"), for "they"
    last_subject_org: str | None = None  # the organisation the last sentence was about, for "it"
    last_pair: str | None = None  # the last two names given together ("Ana Ruiz and Tom Lee"), for "the two"
    last_place: str | None = None  # the last town, state or country named, for "the city" and "there"
    #: head noun -> the last fuller mention of it ("talks" -> "six-party talks"), for "the talks"
    mentions: dict = field(default_factory=dict)

    def observe(self, sent, upto: int | None = None) -> None:
        """Learn the names in ``sent`` (only those before token ``upto`` if given)."""
        subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        org_before = self.last_org
        if upto is None and subj is not None and subj.tag_ in ("NNS", "NNPS") and subj.pos_ != "PRON":
            words = [t for t in subj.subtree if not t.is_punct or t.text in "-'’"]
            if 1 <= len(words) <= 8 and not any(t.dep_ in ("relcl", "acl") for t in words):
                text = "".join(t.text_with_ws for t in words).strip()
                self.last_plural = text[0].lower() + text[1:] if words[0].lower_ == "the" else text
        for ent in sent.ents:
            if upto is not None and ent.end > upto:
                continue
            text = ent_text(ent)
            parts = text.split()
            if not parts:
                continue
            is_subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            if parts[-1].lower() in self.persons and len(parts) == 1:
                if is_subject:
                    self.last_person = self.persons[parts[-1].lower()]
                continue
            if ent.label_ == "PERSON" and len(parts) >= 2 and parts[-1].lower() not in NOT_PERSON_HEADS and all(
                t.text[0].isupper() for t in ent if t.is_alpha and t.lower_ not in NAME_PARTICLES
            ):
                self.persons[parts[-1].lower()] = text
                if is_subject or ent.root.dep_ == "appos" and ent.root.head.dep_ in ("nsubj", "nsubjpass"):
                    self.last_person = text
            elif ent.label_ == "ORG" and (ent.root.dep_ not in ("compound", "appos") or (
                    ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in ROLE_PERSON)):
                self.last_org = text
        # names the tagger missed: a proper-noun subject is a person when a role
        # noun or a reporting verb says so ("Council member Ana Ruiz disagreed"),
        # otherwise taken for an organisation ("Facebook was expected to ...")
        for tok in sent:
            if upto is not None and tok.i >= upto:
                break
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN" or tok.ent_type_ in PLACE_LABELS:
                continue
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
            roles = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod") and (
                c.pos_ == "NOUN" or c.lower_ in ROLE_PERSON)}
            if tok.lower_ in self.persons:
                if len(names) == 1:
                    self.last_person = self.persons[tok.lower_]
                continue
            full = " ".join(c.text for c in names)
            looks_person = len(names) >= 2 and all(c.text[:1].isupper() for c in names) and (
                roles & ROLE_PERSON or tok.head.lemma_.lower() in REPORTING or tok.ent_type_ == "PERSON")
            if looks_person:
                self.persons[tok.lower_] = full
                self.last_person = full
            elif tok.ent_type_ in ("", "ORG", "PRODUCT"):
                self.last_org = full
        self._observe_groups(sent, upto)
        if upto is None and subj is not None and subj.lower_ != "it":
            if subj.pos_ == "PROPN" and (subj.ent_type_ in ("ORG", "") and subj.lower_ not in self.persons):
                self.last_subject_org = self.last_org
            elif subj.pos_ == "NOUN" and subj.lemma_.lower() in ROLE_ORG and any(c.lower_ == "the" for c in subj.children):
                self.last_subject_org = org_before if org_matches(subj.lemma_.lower(), org_before) else None
            else:
                self.last_subject_org = None

    def _observe_groups(self, sent, upto: int | None) -> None:
        """Pairs of names, places, and fuller mentions of common nouns, for later descriptions."""
        for ent in sent.ents:
            if upto is not None and ent.end > upto:
                continue
            if ent.label_ == "GPE" and ent.root.dep_ != "compound":
                self.last_place = ent_text(ent)
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and ent.root.dep_ != "conj":
                conj = [c for c in ent.root.children if c.dep_ == "conj" and c.ent_type_ == ent.label_]
                if len(conj) == 1 and not any(c.dep_ == "conj" for c in conj[0].children):
                    other = next((e for e in sent.ents if e.start <= conj[0].i < e.end), None)
                    if other is not None:
                        self.last_pair = f"{ent_text(ent)} and {ent_text(other)}"
        for tok in sent:
            if (upto is not None and tok.i >= upto) or tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN":
                continue
            conj = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
            if len(conj) == 1 and not any(c.dep_ == "conj" for c in conj[0].children):
                def name(t):
                    return " ".join(x.text for x in [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
                                    + [t])
                self.last_pair = f"{name(tok)} and {name(conj[0])}"
        if upto is not None or not sent.doc.has_annotation("DEP"):
            # noun phrases are learnt once the sentence is done (and not at all without a parser)
            return
        chunks = sent.doc.user_data.get("factcheck_chunks")
        if chunks is None:  # the paragraph's noun phrases, found once for all its sentences
            chunks = sent.doc.user_data["factcheck_chunks"] = [c for c in sent.doc.noun_chunks if c.root.pos_ == "NOUN"]
        for chunk in (c for c in chunks if sent.start <= c.start and c.end <= sent.end):
            head = chunk.root
            if upto is not None and head.i >= upto or head.pos_ != "NOUN":
                continue
            mods = [t for t in chunk if t.i < head.i and t.dep_ in ("compound", "poss", "nummod", "amod", "npadvmod")
                    and t.lower_ not in GENERIC_MODIFIERS and t.pos_ != "PRON"]
            # what tells this one apart: a name, a possessor, a noun compound, a hyphenated
            # modifier ("six-party talks"); a count ("three libraries") does not
            specific = [t for t in mods if t.pos_ == "PROPN" or t.dep_ in ("compound", "poss") or "-" in t.text]
            if not specific:
                continue
            words = [t for t in chunk if not (t.dep_ == "det" and t.head == head)]
            if any(t.pos_ == "PRON" for t in words):
                continue  # "its budget" is no fuller than "the budget"
            text = "".join(t.text_with_ws for t in words).strip()
            if words[0].is_sent_start and words[0].pos_ != "PROPN":
                text = text[:1].lower() + text[1:]  # "Six-party talks began ..." -> "the six-party talks"
            if 1 < len(words) <= 8:
                self.mentions[head.lemma_.lower()] = (text, any(t.dep_ == "poss" or t.tag_ == "POS" for t in words),
                                                      head.tag_)

    def mention(self, head) -> str | None:
        """The fuller earlier mention a bare definite description ("the study") points back to."""
        found = self.mentions.get(head.lemma_.lower())
        if found is None:
            return None
        text, has_poss, tag = found
        if tag != head.tag_:
            return None  # "the library" does not point back to "the city's libraries"
        return text if has_poss else "the " + text

    def observe_before_pronouns(self, sent) -> None:
        """Learn the names that come before the sentence's first back-pointing pronoun."""
        first = next((t.i for t in sent if t.lower_ in ("he", "she", "his", "her", "its", "it", "their", "there")
                      or (t.lower_ == "the" and t.head.pos_ == "NOUN" and t.i > sent.start
                          and t.head.tag_ == "NN"  # "the member states" points back to no one
                          and t.head.lemma_.lower() in ROLE_PERSON | ROLE_ORG | PLACE_NOUNS | PAIR_NOUNS)), None)
        if first is not None:
            self.observe(sent, upto=first)

    def surname(self, tok) -> str | None:
        """The full name for a bare surname token, if the article introduced it."""
        if tok.pos_ != "PROPN" or tok.lower_ not in self.persons:
            return None
        doc = tok.doc
        if tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].whitespace_:
            return None
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and tok.whitespace_:
            return None
        full = self.persons[tok.lower_]
        return full if full != tok.text else None


def description(head, mem: Memory) -> str | None:
    """Resolve "the Azerbaijani president" / "the company" to a name."""
    if head.pos_ == "NUM" and head.lower_ == "two" and any(c.lower_ == "the" for c in head.children):
        return mem.last_pair  # "the two"
    if head.pos_ != "NOUN":
        return None
    dets = [c for c in head.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")]
    if not dets:
        return None
    if any(c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG") for c in head.subtree):
        return None
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children):
        return None  # "the transport ministry" names a specific body; it does not point back
    lemma = head.lemma_.lower()
    if lemma in PLACE_NOUNS:
        return mem.last_place if head.tag_ == "NN" else None
    if lemma in PAIR_NOUNS or (lemma in ("two", "both") and head.pos_ == "NUM"):
        return mem.last_pair
    if lemma in ROLE_PERSON:
        return mem.last_person
    if lemma in ROLE_ORG:
        org = mem.last_org
        return org if org_matches(lemma, org) else None
    return None


def in_quotation(t) -> bool:
    """Whether token ``t`` stands inside quotation marks (a quotation may run over sentences of its paragraph)."""
    quoted = t.doc.user_data.get("factcheck_quoted")
    if quoted is None:
        inside, quoted = False, set()
        for x in t.doc:
            if x.text in ("“", "”", '"'):
                inside = (x.text == "“") or (x.text == '"' and not inside)
                continue
            if x.text in ("\n\n",) or (x.is_space and "\n" in x.text):
                inside = False
            if inside:
                quoted.add(x.i)
        t.doc.user_data["factcheck_quoted"] = quoted
    return t.i in quoted


def _clause_subject(t):
    """The subject of the clause ``t`` stands in, and whether ``t`` is inside that subject."""
    node = t
    while node.head != node and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return node, True
        node = node.head
    subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj, False


#: Pronouns that point back to something named earlier (first and second person are the speaker's own).
BACK_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "hers", "theirs"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def referring(t) -> tuple[str, int] | None:
    """(the expression, its last token) if ``t`` starts a referring expression a reader cannot resolve alone.

    Pronouns ("he", "its"), demonstratives ("this", "that surge"), "the two",
    "there", and descriptions of a person, body or place ("the company", "the
    minister", "the city") without a name in them.
    """
    low = t.lower_
    if low in BACK_PRONOUNS and t.pos_ == "PRON" and t.dep_ != "expl":
        if low == "it" and t.dep_ in ("nsubj", "nsubjpass") and (
                t.head.lemma_ == "be" and any(c.dep_ in ("ccomp", "xcomp", "acomp") for c in t.head.children)
                or any(c.dep_ in ("ccomp", "xcomp") and c.i > t.head.i for c in t.head.children
                       if t.head.lemma_ in RAISING_VERBS)):
            return None  # "it is likely that ...", "it seems to ..."
        return t.text, t.i
    if low in DEMONSTRATIVES:
        if t.dep_ == "det" and t.head.pos_ == "NOUN":
            return "".join(x.text_with_ws for x in t.doc[t.i:t.head.i + 1]).strip(), t.head.i
        if t.pos_ == "PRON" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return t.text, t.i
        return None
    if low == "there" and t.dep_ == "advmod":
        return t.text, t.i
    if low == "the" and t.dep_ == "det":
        head = t.head
        span = [x for x in head.subtree if x.i <= head.i]
        if span[0].i != t.i or any(x.pos_ == "PROPN" or x.ent_type_ in ("PERSON", "ORG", "GPE") for x in span):
            return None
        lemma = head.lemma_.lower()
        if (head.pos_ == "NUM" and lemma in ("two", "three")) or (
                head.pos_ == "NOUN" and lemma in ROLE_PERSON | ROLE_ORG | PLACE_NOUNS | PAIR_NOUNS
                and not any(c.dep_ == "compound" for c in head.children)):
            return "".join(x.text_with_ws for x in span).strip(), head.i
    return None


def resolve_token(t, ids, first, so_far, mem: Memory, ents, published):
    """Replacement for token ``t``: (text, last token index it covers, what was resolved or None).

    Inside a quotation nothing is rewritten: the resolution follows in square
    brackets ("he [Ana Ruiz] said").
    """
    text, last, note = _resolve(t, ids, first, so_far, mem, ents, published)
    if note and in_quotation(t) and note.startswith(("pronoun", "possessive")):
        # in a quotation "he" is seldom the last person named (often it is the speaker's
        # subject, never the speaker): leave it, recorded as unresolved
        return t.text, t.i, None
    if note and in_quotation(t):
        original = "".join(x.text_with_ws for x in t.doc[t.i:last + 1]).strip()
        resolved = text[len(original):].strip(" ()") if text.startswith(original) else text
        return f"{original} [{resolved}]", last, note
    return text, last, note


def _resolve(t, ids, first, so_far, mem: Memory, ents, published):
    low = t.lower_

    def fresh(name: str | None) -> bool:
        return bool(name) and name.split()[-1] not in so_far

    if low in PERSON_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass") and fresh(mem.last_person):
        return mem.last_person, t.i, f"pronoun '{t.text}' -> {mem.last_person}"
    if low == "it" and t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ != "be" and not any(
        c.dep_ in ("ccomp", "xcomp") and c.i > t.head.i and any(m.lower_ in ("that", "to") for m in c.children)
        for c in t.head.children if t.head.lemma_ in RAISING_VERBS
    ) and fresh(mem.last_subject_org):
        return mem.last_subject_org, t.i, f"pronoun '{t.text}' -> {mem.last_subject_org}"
    if low == "they" and t.dep_ in ("nsubj", "nsubjpass"):
        group = mem.last_plural or mem.last_pair
        if fresh(group):
            return group, t.i, f"pronoun '{t.text}' -> {group}"
    if low in PERSON_POSSESSIVES and t.dep_ == "poss" and fresh(mem.last_person):
        return mem.last_person + "'s", t.i, f"possessive '{t.text}' -> {mem.last_person}"
    if low == "their" and t.dep_ == "poss" and fresh(mem.last_pair) and not mem.last_plural:
        return mem.last_pair + "'s", t.i, f"possessive '{t.text}' -> {mem.last_pair}"
    if low == "its" and t.dep_ == "poss" and fresh(mem.last_org):
        subj, within = _clause_subject(t)
        # "its" in a claim about something else points back to the organisation last named
        # ("Traffic at its airports rose"); "Acme raised its prices" needs nothing
        if t.i - first <= 2 or t.head.lower_ in ORG_ATTRIBUTES or within or (
                subj is not None and subj.pos_ in ("NOUN", "PRON") and subj.ent_type_ == ""):
            return mem.last_org + "'s", t.i, f"possessive '{t.text}' -> {mem.last_org}"
    if low == "there" and t.dep_ == "advmod" and fresh(mem.last_place):
        prep = t.i > 0 and t.doc[t.i - 1].dep_ == "prep" and t.doc[t.i - 1].head == t.head
        return (mem.last_place if prep else f"in {mem.last_place}"), t.i, f"place 'there' -> {mem.last_place}"
    if t.i == first and low in ("that", "this") and t.dep_ == "det":
        return ("The" if t.text[0].isupper() else "the"), t.i, None
    if t.dep_ == "det" and low == "the" and t.head.pos_ in ("NOUN", "NUM") and t.head.dep_ in (
            "nsubj", "nsubjpass", "poss", "pobj", "dobj", "attr", "conj"):
        head = t.head
        span = list(t.doc[head.left_edge.i:head.i + 1])  # the phrase up to its noun (edges, not a subtree walk)
        if span[0].i == t.i and all(x.i in ids for x in span):
            words = "".join(x.text_with_ws for x in span).strip()
            name = description(head, mem)
            if name and fresh(name):
                note = f"description '{words}' -> {name}"
                right = [x for x in t.doc[head.i + 1:head.right_edge.i + 1] if not x.is_punct and x.tag_ != "POS"]
                if not right:
                    return name, head.i, note
                return f"{words} ({name})", head.i, note
            bare = all(x.i == head.i or x.i == t.i or (x.dep_ == "amod" and x.lower_ in GENERIC_MODIFIERS)
                       for x in span)
            fuller = mem.mention(head) if bare and head.pos_ == "NOUN" else None
            if fuller and fuller.lower() != words.lower() and fresh(fuller):
                return fuller, head.i, f"description '{words}' -> {fuller}"
    full = mem.surname(t)
    if full and fresh(full.split()[0]):
        return full, t.i, f"surname '{t.text}' -> {full}"
    if t.ent_type_ == "DATE" and t.ent_iob_ == "B" and published is not None:
        ent = next((e for e in ents if e.start == t.i), None)
        if ent is not None and datesmod.is_relative(ent.text) and all(x.i in ids for x in ent):
            iso = datesmod.resolve_ent(ent, published)
            if iso:
                last = t.doc[ent.end - 1]
                text = ent.text
                after = t.doc[ent.end] if ent.end < len(t.doc) else None
                if after is not None and after.i in ids and (
                        after.tag_ == "POS" or after.lower_ in ("morning", "afternoon", "evening", "night")):
                    # "Thursday's (8 February 2024) decision"; "on Wednesday afternoon (7 February 2024)"
                    last = after
                    text += t.doc[ent.end - 1].whitespace_ + after.text
                return text + f" ({datesmod.humanise(iso)})", last.i, f"date '{ent.text}' -> {iso}"
    return t.text, t.i, None
