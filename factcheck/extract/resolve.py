"""Step: resolve. Referring expressions to the names the article gave earlier.

``Memory`` learns the article's names sentence by sentence (people by surname,
the last organisation, the last plural subject); ``resolve_token`` replaces
he/she/his/her/its/they, role descriptions ("the Azerbaijani president", "the
company") and bare surnames with those names, and gives relative dates their
resolved date in brackets (through ``dates``). Each replacement is reported so
``--explain`` can show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import dates as datesmod
from .syntax import (
    attrs_of,
    doc_ents,
    doc_tokens,
    in_quotation,
    sent_ents,
    span_text,
    subtree_ids,
    token_attrs,
    tokens,
    words,
)
from .vocab import (
    AGENT_SUFFIXES,
    BUSINESS_NOUNS,
    CHANGE_NOMINALS,
    COURT_ROLES,
    DOCUMENT_NOUNS,
    EVENT_NOUNS,
    GENERIC_DOCUMENT_NOUNS,
    GENERIC_MODIFIERS,
    INSTITUTION_WORDS,
    NAME_PARTICLES,
    NAME_TITLES,
    NOT_AGENT_WORDS,
    NOT_PERSON_HEADS,
    ORG_ATTRIBUTES,
    PAIR_NOUNS,
    PAIR_PLURALS,
    PAIR_POSSESSED,
    PARTNER_NOUNS,
    PARTY_LABELS,
    PERIOD_BACK_MODIFIERS,
    PERIOD_NOUNS,
    PERSON_NOUNS,
    PERSON_POSSESSIVES,
    PERSON_PRONOUNS,
    PLACE_LABELS,
    PLACE_NOUNS,
    QUARTER_ORDINALS,
    RAISING_VERBS,
    REPORTING,
    ROLE_BLOCKING_WORDS,
    ROLE_ORG,
    ROLE_PERSON,
    TIME_NOUNS,
    TITLE_MODIFIERS,
)

# unions asked for on every candidate token: made once, here
#: words that may point back to a name given before ("there" to a place)
_POINTING_BACK = frozenset({"he", "she", "his", "her", "its", "it", "their", "there"})
#: nouns of a description that can point back ("the company", "the city", "the pair")
_BACK_NOUNS = ROLE_PERSON | ROLE_ORG | PLACE_NOUNS | PAIR_NOUNS
_REFERRING_NOUNS = _BACK_NOUNS | COURT_ROLES
_PERSON_WORDS = PERSON_PRONOUNS | PERSON_POSSESSIVES | {"him"}
_PAIR_POSSESSED_ANY = PAIR_POSSESSED | {x.rstrip("s") for x in PAIR_POSSESSED}


def org_matches(noun: str, org: str | None) -> bool:
    """Whether a description ("the company") can stand for ``org`` ("the company" is not a university)."""
    if not org:
        return False
    words = set(org.lower().split())
    if noun in INSTITUTION_WORDS:
        return noun in words  # "the ministry" only for a ministry
    # a court or a council is not "the company", "the charity" or "the bank"
    return not (noun in _NONPUBLIC_NOUNS and words & INSTITUTION_WORDS)


def ent_text(ent) -> str:
    """An entity's text without a leading "the" or a possessive ending ("Acme's Jo Tan" is "Jo Tan")."""
    cache = ent.doc.user_data.setdefault("factcheck_ent_text", {})  # asked again and again per entity
    key = (ent.start, ent.end)
    text = cache.get(key)
    if text is None:
        text = cache[key] = _ent_text(ent)
    return text


def _ent_text(ent) -> str:
    inner = [t for t in ent if t.tag_ == "POS" and t.i < ent.end - 1]
    if inner:
        ent = ent.doc[inner[-1].i + 1:ent.end]
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
    return "".join(t.text_with_ws for t in toks).strip()


def party_text(ent) -> str:
    """A party's name for a pair: a body or a country keeps its "the" ("the United States"), a person has none."""
    text = ent_text(ent)
    if (ent.label_ != "PERSON" or ent.root.tag_ == "NNPS") and (ent[0].lower_ == "the" or ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the"
                                   and ent.doc[ent.start - 1].dep_ == "det"):
        return "the " + text
    return text


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
    last_site: str | None = None  # the last place of any kind named ("at Dunmore Docks"), for "there"
    _org_subject: str | None = None  # the last organisation a clause was about, for "the company"
    #: organisation -> how many times a clause was about it: the one the article is about, for "the company"
    org_subject_counts: dict = field(default_factory=dict)
    last_chamber: str | None = None  # the last body seen passing a bill ("the Lok Sabha approved the Bill"), for "the House"
    last_change: str | None = None  # the previous sentence's change as a noun phrase ("the rise in sales"), for "This"
    last_country_subject: str | None = None  # the last country a sentence was about, for "the country"
    last_subject_thing: str | None = None  # the previous sentence's subject when a thing ("the furnace at X"), for "It"
    last_event: str | None = None  # the previous sentence's subject when an event ("A fire swept ..."), for "It"
    #: head noun -> the last fuller mention of it ("talks" -> "six-party talks"), for "the talks"
    mentions: dict = field(default_factory=dict)
    #: document noun -> its last fuller mention ("budget" -> "Marlow Bay's $412 million budget"), for "the plan"
    documents: dict = field(default_factory=dict)
    #: person's full name -> "m" or "f", from pronouns resolved to them ("Tom Lee said he"), for he/she
    genders: dict = field(default_factory=dict)
    #: people in the order they were last the person a sentence was about (the latest last), for he/she
    people_seen: list = field(default_factory=list)
    #: person's full name -> the one organisation the article ties them to ("chief executive of Velmar")
    person_orgs: dict = field(default_factory=dict)
    shares_of: str | None = None  # the last company whose shares were named ("shares of Velmar"), for "the stock"
    #: role noun -> the name last given it in apposition or as a title ("contractor" -> "Dale Pruitt")
    roles: dict = field(default_factory=dict)
    #: word of an organisation's name -> the name ("council" -> "the National Council on Youth Health")
    org_words: dict = field(default_factory=dict)
    #: what the whole article says about roles and organisations, read once before its first sentence
    article: ArticleRoles = field(default_factory=lambda: ArticleRoles())
    last_quarter: str | None = None  # the last quarter named ("the third quarter"), for "the latest quarter"
    last_month: str | None = None  # the last month named on its own ("October"), for "the month"
    #: the previous sentence's figures [(text, unit lemma)] ("5 million phones", "phone"), for "That is a record"
    last_figures: list = field(default_factory=list)
    sentences: int = 0  # sentences observed so far; with the two below, which group was named last
    plural_at: int = -1
    current: int = 0  # the number of the sentence being observed
    plural_object: bool = False  # whether the last sentence had a plural object (then "them" is not clear)
    #: the one counted group of the last sentence ("the 14 protesters"), for "them" and "eleven of them"
    last_counted: str | None = None
    counted_alone: bool = False  # ... and it was the only plural noun there (then a bare "them" is it too)
    pair_at: int = -1
    pair_persons: bool = False  # whether the last pair is two people (for "the two rivals")

    @property
    def last_org_subject(self) -> str | None:
        return self._org_subject

    @last_org_subject.setter
    def last_org_subject(self, name: str | None) -> None:
        self._org_subject = name
        if name:
            self.org_subject_counts[name] = self.org_subject_counts.get(name, 0) + 1

    def main_org(self) -> str | None:
        """The organisation the article is about so far: the most frequent clause subject (of a tie, the latest)."""
        if not self.org_subject_counts:
            return None
        best = max(self.org_subject_counts.values())
        return [o for o, n in self.org_subject_counts.items() if n == best][-1]

    @classmethod
    def for_text(cls, text: str) -> Memory:
        """A memory for an article whose whole text is ``text`` (its roles read once, before any sentence)."""
        return cls(article=ArticleRoles.read(text))

    def role(self, noun: str) -> str | None:
        """The name a role noun stands for: the last one given it so far, else the one the article gives it."""
        return self.roles.get(noun) or self.article.roles.get(noun)

    def is_org(self, ent) -> bool:
        """Whether a name the tagger took for a person is an organisation ("chief executive of X", "X said it")."""
        if ent_text(ent).lower() in self.article.orgs:
            return True
        root = ent.root
        if root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and root.head.head.lemma_.lower() in ROLE_PERSON:
            return True
        if root.dep_ in ("nsubj", "nsubjpass") and root.i < root.head.i:
            # "X revealed that it had ...", not "'... it needs no equipment,' said X"
            return any(g.lower_ in ("it", "its") and g.dep_ in ("nsubj", "nsubjpass", "poss") and not in_quotation(g)
                       for c in root.head.children if c.dep_ in ("ccomp", "xcomp") and c.i > root.head.i
                       for g in c.children)
        return False

    def observe(self, sent, upto: int | None = None) -> None:
        """Learn the names in ``sent`` (only those before token ``upto`` if given)."""
        person_before = self.last_person
        self._observe(sent, upto)
        if self.last_person and self.last_person != person_before:
            if self.last_person in self.people_seen:
                self.people_seen.remove(self.last_person)
            self.people_seen.append(self.last_person)

    def _observe(self, sent, upto: int | None = None) -> None:
        subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # what "the bank" as this sentence's subject stood for, before its own names are learnt
        org_before = description(subj, self) if upto is None and subj is not None and subj.pos_ == "NOUN" and (
            subj.lemma_.lower() in ROLE_ORG) else None
        toks = tokens(sent)
        # (text, lower, lemma, tag, dep, pos, entity, like_num, ...) per token, shared with the scores
        cache = token_attrs(sent.doc)
        attrs = [attrs_of(t, cache) for t in toks]
        lemmas = {a[2] for a in attrs}  # one pass: which of the rarer constructs can be here
        if upto is None and subj is not None and subj.tag_ in ("NNS", "NNPS") and subj.pos_ != "PRON" and (
                subj.lemma_.lower() not in TIME_NOUNS and subj.lemma_.lower() not in _MEASURE_NOUNS):
            # ("Fifty minutes a night adds up ...": a span of time is no group "they" can be)
            words = [t for t in subj.subtree if not t.is_punct or t.text in "-'’"]
            if 1 <= len(words) <= 8 and not any(t.dep_ in ("relcl", "acl") for t in words):
                text = "".join(t.text_with_ws for t in words).strip()
                self.last_plural = text[0].lower() + text[1:] if words[0].lower_ == "the" else text
                if words[0].pos_ == "NUM":  # "Fourteen protesters were held. A judge released them"
                    self.last_plural = "the " + (text[0].lower() + text[1:] if words[0].is_alpha else text)
                self.plural_at = self.sentences + 1  # this sentence (counted just below)
        if upto is None:
            self.sentences += 1
        self.current = self.sentences + (0 if upto is None else 1)  # this sentence's number
        if upto is None:
            # "Police arrested 14 protesters. Eleven of them ...": a plural object could be "them" too
            self.plural_object = any(a[3] in ("NNS", "NNPS") and a[4] in ("dobj", "pobj") for a in attrs)
            self.last_figures = _figures(sent) if any(a[7] for a in attrs) else []
            plural = [t for t, a in zip(toks, attrs, strict=True) if a[3] in ("NNS", "NNPS")]
            self.last_counted, self.counted_alone = _counted_group(plural) if plural else (None, False)
        orgs_here = set()
        for ent in sent_ents(sent):
            if upto is not None and ent.end > upto:
                continue
            text = ent_text(ent)
            parts = text.split()
            if not parts:
                continue
            is_subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            if ent.label_ == "PERSON" and self.is_org(ent):
                orgs_here.add(text.lower())
                self.persons.pop(parts[-1].lower(), None)
                if ent.root.dep_ not in ("compound", "appos"):
                    self.last_org = text
                    if is_subject:
                        self.last_org_subject = text
                continue
            if ent.label_ in ("PERSON", "ORG"):
                self._learn_role(ent, text)
            if parts[-1].lower() in self.persons and len(parts) == 1:
                if is_subject:
                    self.last_person = self.persons[parts[-1].lower()]
                continue
            if ent.label_ == "PERSON" and len(parts) == 1 and is_subject and any(c.dep_ == "appos" for c in ent.root.children):
                self.last_person = text  # "Maureen, wife of Tom Reyes, was also convicted. She ..."
                continue
            if ent.label_ == "PERSON" and len(parts) >= 2 and parts[-1].lower() not in NOT_PERSON_HEADS and all(
                t.text[0].isupper() for t in ent if t.is_alpha and t.lower_ not in NAME_PARTICLES
            ):
                self.persons[parts[-1].lower()] = text
                if is_subject or ent.root.dep_ == "appos" and ent.root.head.dep_ in ("nsubj", "nsubjpass"):
                    self.last_person = text
            elif ent.label_ == "ORG" and len(parts) == 1 and parts[0].lower() in self.persons:
                continue  # "Diallo": a person the tagger took for a body
            elif ent.label_ == "ORG" and (ent.root.dep_ not in ("compound", "appos") or (
                    ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in ROLE_PERSON)):
                self.last_org = text
                if is_subject:
                    self.last_org_subject = text
                self._index_org(ent)
            elif ent.label_ == "ORG" and ent.root.dep_ == "appos" and ent.root.head.dep_ in ("nsubj", "nsubjpass"):
                self.last_org = self.last_org_subject = text  # "The operators' association, Harbor Partners, said"
                self._index_org(ent)
        # names the tagger missed: a proper-noun subject is a person when a role
        # noun or a reporting verb says so ("Council member Ana Ruiz disagreed"),
        # otherwise taken for an organisation ("Facebook was expected to ...")
        for tok in toks:
            if upto is not None and tok.i >= upto:
                break
            if self.article.orgs and tok.pos_ == "PROPN" and tok.dep_ == "pobj" and not tok.ent_type_:
                full = " ".join(c.text for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN") + " " + tok.text
                if full.strip().lower() in self.article.orgs:
                    self.last_org = full.strip()  # "chief executive of Hollis Brandt", untagged
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and tok.text[:1].isupper() and (
                    tok.lower_ in self.persons) and not any(c.dep_ in ("det", "compound") for c in tok.children):
                self.last_person = self.persons[tok.lower_]  # "Haines conceded": a surname the tagger took for a noun
                continue
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
            if full.lower() in orgs_here or full.lower() in self.article.orgs:
                self.last_org = self.last_org_subject = full  # "Hollis Brandt said it ...": a company
                continue
            kin = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN" and (
                c.lemma_.lower() in PARTNER_NOUNS or c.lemma_.lower() in ROLE_PERSON)]
            if len(names) == 1 and kin:
                self.last_person = full  # "Maureen, wife of Tom Reyes, was convicted. She ..."
                continue
            looks_person = len(names) >= 2 and all(c.text[:1].isupper() for c in names) and (
                roles & ROLE_PERSON or tok.head.lemma_.lower() in REPORTING or tok.ent_type_ == "PERSON")
            if looks_person:
                self.persons[tok.lower_] = full
                self.last_person = full
            elif tok.ent_type_ in ("", "ORG", "PRODUCT"):
                self.last_org = self.last_org_subject = full
        self._observe_groups(sent, upto, lemmas)
        if lemmas & PERIOD_CUES:
            self._observe_periods(sent, upto)
        chamber = _chamber(sent, upto) if lemmas & CHAMBER_VERBS else None
        if chamber:
            self.last_chamber = chamber
        if upto is None:
            self.last_subject_thing = _thing(subj) if subj is not None else None
            # "A fire swept through ...", which the tagger may parse as a noun with a participle
            headline = sent.root if sent.root.pos_ == "NOUN" and any(
                c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i == sent.root.i + 1 for c in sent.root.children) else None
            event = subj if subj is not None else headline
            self.last_event = _event(event) if event is not None else None
            self.last_change = _change(toks) if lemmas.intersection(CHANGE_NOMINALS) else None
        if upto is None and subj is not None and subj.lower_ != "it":
            place = next((e for e in sent_ents(sent) if e.start <= subj.i < e.end and e.label_ == "GPE"), None) \
                if subj.ent_type_ == "GPE" else None
            if subj.pos_ == "PROPN" and place is not None:
                self.last_subject_org = ent_text(place)  # "Norland said ... . It praised ..."
                self.last_country_subject = self.last_subject_org
            elif subj.pos_ == "PROPN" and subj.lower_ not in self.persons and (
                    subj.ent_type_ in ("ORG", "") or self.last_org and subj.text in self.last_org.split()):
                self.last_subject_org = self.last_org
            elif subj.pos_ == "NOUN" and subj.lemma_.lower() in ROLE_ORG and any(c.lower_ == "the" for c in subj.children):
                self.last_subject_org = org_before
            else:
                self.last_subject_org = None

    def _observe_groups(self, sent, upto: int | None, lemmas: set = frozenset({"with"})) -> None:
        """Pairs of names, places, and fuller mentions of common nouns, for later descriptions."""
        for ent in sent_ents(sent):
            if upto is not None and ent.end > upto:
                continue
            if ent.label_ in ("GPE", "LOC", "FAC") and (not span_text(ent)[:1].isupper() or ent_text(ent).split()[-1].lower()
                                                         in self.persons):
                continue  # "outstrip", "Adeyemi": the tagger's places that are not
            if ent.label_ == "GPE" and ent.root.dep_ != "compound":
                self.last_place = ent_text(ent)
            if ent.label_ in ("GPE", "LOC", "FAC") and ent.root.dep_ != "compound" or (
                    ent.label_ == "ORG" and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "at"):
                self.last_site = ent_text(ent)  # "a depot at Dunmore Docks ... 120 people there"
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and ent.root.dep_ != "conj":
                conj = [c for c in ent.root.children if c.dep_ == "conj" and c.ent_type_ in PARTY_LABELS
                        and (c.ent_type_ == "PERSON") == (ent.label_ == "PERSON")]
                if len(conj) == 1 and not any(c.dep_ == "conj" for c in conj[0].children):
                    other = next((e for e in sent_ents(sent) if e.start <= conj[0].i < e.end), None)
                    if other is not None:
                        self._pair(f"{party_text(ent)} and {party_text(other)}", ent.label_ == "PERSON")
        if lemmas & PAIR_PREPS:
            self._observe_with_pair(sent, upto)
        if lemmas & TWO_PARTY_VERBS:
            self._observe_two_party(sent, upto)
        for tok in tokens(sent):
            if (upto is not None and tok.i >= upto) or tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN":
                continue
            def name(t):
                return " ".join(x.text for x in [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
                                + [t])
            conj = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
            if len(conj) == 1 and not any(c.dep_ == "conj" for c in conj[0].children):
                self._pair(f"{name(tok)} and {name(conj[0])}", tok.ent_type_ == "PERSON")
                continue
            # "Ana Ruiz and her husband were charged": the two, for "the couple"
            partner = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.lemma_.lower() in PARTNER_NOUNS
                       and any(p.dep_ == "poss" and p.lower_ in PERSON_POSSESSIVES for p in c.children)]
            if len(partner) == 1 and len([c for c in tok.children if c.dep_ == "conj"]) == 1:
                first = self.persons.get(tok.lower_, name(tok)) if len(name(tok).split()) == 1 else name(tok)
                own = "".join(x.text_with_ws for x in partner[0].subtree if x.i <= partner[0].i).strip()
                self._pair(f"{first} and {own}", True)
        if upto is not None or not sent.doc.has_annotation("DEP"):
            # noun phrases are learnt once the sentence is done (and not at all without a parser)
            return
        for chunk, head in _noun_phrases(sent):
            if upto is not None and head.i >= upto or head.pos_ != "NOUN":
                continue
            author = _author(head) if head.lemma_.lower() in STUDY_NOUNS and head.tag_ == "NN" else None
            if author:
                # "a study by researchers at the University of Harwick" -> "the University of Harwick's study"
                self.mentions[head.lemma_.lower()] = self.mentions[STUDY_KEY] = (author, STUDY_KEY, head.tag_)
                continue
            if head.lemma_.lower() in ("share", "stock") and (head.tag_ == "NNS" or head.lower_ == "stock"):
                company = _shares_owner(head)
                if company:
                    self.shares_of = company
                    continue
            if head.tag_ == "NN" and head.lemma_.lower() in DOCUMENT_NOUNS:
                fuller = _document(chunk, head)
                if fuller:
                    self.documents[head.lemma_.lower()] = fuller
                elif any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
                    self.documents[head.lemma_.lower()] = None  # "proposed a new plan": another document, unnamed
            mods = [t for t in chunk if t.i < head.i and t.dep_ in ("compound", "poss", "nummod", "amod", "npadvmod")
                    and t.lower_ not in GENERIC_MODIFIERS and t.pos_ != "PRON"]
            # what tells this one apart: a name, a possessor, a noun compound, a hyphenated
            # modifier ("six-party talks"); a count ("three libraries") does not
            specific = [t for t in mods if t.pos_ == "PROPN" or t.dep_ in ("compound", "poss") or "-" in t.text]
            owner = _owner(head)
            if not specific and not owner:
                continue
            words = [t for t in chunk if not (t.dep_ == "det" and t.head == head)]
            if any(t.pos_ == "PRON" for t in words):
                continue  # "its budget" is no fuller than "the budget"
            text = "".join(t.text_with_ws for t in words).strip()
            if words[0].is_sent_start and words[0].pos_ != "PROPN":
                text = text[:1].lower() + text[1:]  # "Six-party talks began ..." -> "the six-party talks"
            if owner and not specific:
                # "Acme has a trio of mobile apps" -> "Acme's mobile apps", for "the apps"
                self.mentions[head.lemma_.lower()] = (f"{owner}'s {text}", True, head.tag_)
            elif 1 < len(words) <= 8:
                self.mentions[head.lemma_.lower()] = (text, any(t.dep_ == "poss" or t.tag_ == "POS" for t in words),
                                                      head.tag_)

    def _index_org(self, ent) -> None:
        """Index an organisation's name by its common words: "the chamber" -> "the Norland Chamber of Commerce"."""
        if len(ent) < 2:
            return
        name = ent_text(ent)
        for w in ent:
            if w.pos_ == "PROPN" and w.text[:1].isupper() and w.ent_iob_ != "" and w.lower_ not in NAME_PARTICLES:
                self.org_words[w.lower_] = name

    def _pair(self, text: str, persons: bool) -> None:
        self.last_pair = text
        self.pair_persons = persons
        self.pair_at = self.current

    def _observe_two_party(self, sent, upto: int | None) -> None:
        """"Hallmark Foods agreed to buy rival Corra Dairies": the buyer and the bought are "the two
        companies" after it (a verb between two parties of one kind, subject and object)."""
        ents = sent_ents(sent)
        for v in tokens(sent):
            if (upto is not None and v.i >= upto) or v.pos_ != "VERB" or v.lemma_.lower() not in TWO_PARTY_VERBS:
                continue
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            doer = v
            while subj is None and doer.dep_ in ("xcomp", "conj") and doer.head != doer:
                doer = doer.head  # "agreed to buy": the subject of the verb it depends on
                subj = next((c for c in doer.children if c.dep_ == "nsubj"), None)
            if obj is None or subj is None:
                continue
            one = next((e for e in ents if e.start <= subj.i < e.end and e.label_ in PARTY_LABELS), None)
            other = next((e for e in ents if e.start <= obj.i < e.end and e.label_ in PARTY_LABELS), None)
            if one is None or other is None or one == other or (one.label_ == "PERSON") != (other.label_ == "PERSON"):
                continue
            self._pair(f"{party_text(one)} and {party_text(other)}", one.label_ == "PERSON")

    def _observe_with_pair(self, sent, upto: int | None) -> None:
        """"Norland reached a deal with Sudria": the two, for "the two sides"."""
        main = None
        for w in tokens(sent):
            if (upto is not None and w.i >= upto) or w.dep_ != "prep":
                continue
            contest = w.head.pos_ == "NOUN" and w.head.lemma_.lower() in CONTEST_NOUNS and w.lower_ in (
                "to", "against", "over", "with", "between")
            if w.lower_ != "with" and not contest:
                continue
            obj = next((c for c in w.children if c.dep_ == "pobj"), None)
            if obj is None or obj.ent_type_ not in PARTY_LABELS:
                continue
            other = next((e for e in sent_ents(sent) if e.start <= obj.i < e.end), None)
            if other is None:
                continue
            if main is None:
                subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                main = next((e for e in sent_ents(sent) if subj is not None and e.start <= subj.i < e.end
                             and e.label_ in PARTY_LABELS), None)
            verb = w.head
            while verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
                verb = verb.head
            owner = next((c for c in w.head.children if c.dep_ == "poss"), None) if contest else None
            if contest and owner is None and w.lower_ != "with":
                continue  # "X scored in a win over Y": the scorer is not a party to the contest
            vsubj = owner or next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if vsubj is None:
                continue
            if vsubj.pos_ == "PRON" and vsubj.lower_ in ("it", "he", "she", "its", "his", "her", "their", "they"):
                one = main  # "Norland said it had reached a deal with Sudria", "Rovers ... since their loss to City"
            else:
                one = next((e for e in sent_ents(sent) if e.start <= vsubj.i < e.end and e.label_ in PARTY_LABELS), None)
            if one is None or one == other or (not contest and (one.label_ == "PERSON") != (other.label_ == "PERSON")):
                continue
            self._pair(f"{party_text(one)} and {party_text(other)}", one.label_ == "PERSON")

    def _learn_role(self, ent, text: str) -> None:
        """Roles given to a name in this sentence: "the contractor, Dale Pruitt", "Pruitt, a contractor", "contractor Dale Pruitt"."""
        root = ent.root
        roles = []
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            roles.append(root.head)
        roles += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        roles += [c for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < ent.start
                  and (_is_agent(c.lower_) or c.lemma_.lower() in ROLE_ORG)]  # "contractor Dale Pruitt"
        if "\n" in text:
            return
        for r in roles:
            lemma = r.lemma_.lower()
            if r.tag_ == "NN" and lemma not in TIME_NOUNS:
                if ent.label_ == "PERSON" and len(text.split()) == 1 and text.lower() in self.persons:
                    text = self.persons[text.lower()]
                self.roles[lemma] = text

    def _observe_periods(self, sent, upto: int | None) -> None:
        """The last quarter ("third-quarter profit") and the last month on its own ("in October") named."""
        for t in tokens(sent):
            if upto is not None and t.i >= upto:
                break
            if t.lower_ == "quarter":
                prev = t.doc[t.i - 1] if t.i > 0 else None
                if prev is not None and prev.text in ("-", "–") and t.i > 1:
                    prev = t.doc[t.i - 2]
                if prev is not None and prev.lower_ in QUARTER_ORDINALS:
                    self.last_quarter = f"the {prev.lower_} quarter"
                elif prev is not None and prev.text.lower() in datesmod.MONTHS and prev.text[:1].isupper():
                    self.last_quarter = f"the {prev.text} quarter"
        for ent in (sent_ents(sent) if any(t.ent_type_ == "DATE" and t.lower_ in datesmod.MONTHS for t in tokens(sent)) else ()):
            if ent.label_ != "DATE" or (upto is not None and ent.end > upto):
                continue
            words = [w for w in ent if w.lower_ not in ("in", "the", "of", "during", "for")]
            if words and words[0].lower_ in datesmod.MONTHS and words[0].text[:1].isupper() and all(
                    w.i == words[0].i or w.like_num and len(w.text) == 4 for w in words) and not datesmod.is_baseline(ent):
                self.last_month = "".join(w.text_with_ws for w in words).strip()

    def period(self, head) -> str | None:
        """The named period a description of one stands for ("the latest quarter" -> "the third quarter")."""
        kind = period_kind(head)
        return self.last_quarter if kind == "quarter" else self.last_month if kind == "month" else None

    def mention(self, head) -> str | None:
        """The fuller earlier mention a bare definite description ("the study") points back to."""
        found = self.mentions.get(head.lemma_.lower())
        if found is None and head.lemma_.lower() in STUDY_NOUNS:
            found = self.mentions.get(STUDY_KEY)  # "a trial led by X ... The study, published ..."
        if found is None:
            return None
        text, has_poss, tag = found
        if tag != head.tag_:
            return None  # "the library" does not point back to "the city's libraries"
        if has_poss == STUDY_KEY:
            return f"{text}'s {head.lower_}"  # the research by its author, under the name used now ("the paper")
        return text if has_poss else "the " + text

    def gender(self, name: str | None) -> str | None:
        """"m"/"f" when the article has shown the person's gender (a pronoun resolved to them, "Mr"/"Ms")."""
        if not name:
            return None
        return self.genders.get(name) or self.article.genders.get(name.split()[-1].lower())

    def person_fits(self, pronoun, name: str | None) -> bool:
        """Whether he/she/his/her can stand for ``name``: not a person already called by the other pronoun.

        Reads memory only: a guess never teaches a gender (a wrong one would turn every later pronoun).
        """
        want = PRONOUN_GENDER.get(pronoun.lower_)
        if want is None or not name:
            return True
        known = self.gender(name)
        return not (known and known != want)

    def learn_gender(self, pronoun, name: str | None) -> None:
        """``name`` is "he"/"she": learnt from a pronoun the sentence itself binds ("Tom Lee said he ..."),
        outside quotations (where "he" may be anyone)."""
        want = PRONOUN_GENDER.get(pronoun.lower_)
        if want and name and not in_quotation(pronoun) and not self.gender(name):
            self.genders[name] = want

    def person_for(self, pronoun) -> str | None:
        """The person he/she/his/her stands for: the last one named, unless the article called them by the
        other pronoun; then the latest person before them it has called by this one ("Haines ... he said")."""
        if self.person_fits(pronoun, self.last_person):
            return self.last_person
        want = PRONOUN_GENDER.get(pronoun.lower_)
        return next((p for p in reversed(self.people_seen) if self.gender(p) == want), None)

    def shares(self, head) -> str | None:
        """"the shares" / "the stock" as the shares of the company last named with its shares."""
        if not self.shares_of or any(c.dep_ == "prep" for c in head.children):
            return None  # "the share of voters" is no stock
        if head.lower_ == "shares":
            return f"{self.shares_of}'s shares"
        if head.lower_ == "stock":
            return f"{self.shares_of}'s stock"
        return None

    def document(self, head) -> str | None:
        """The document a bare "the plan" / "the measure" stands for: the same noun's fuller mention, or for a
        generic one the only document the article has named so far (a bill and a budget: only an exact match)."""
        lemma = head.lemma_.lower()
        if head.tag_ != "NN" or lemma not in DOCUMENT_NOUNS:
            return None
        if lemma in self.documents:
            return self.documents[lemma]
        if lemma in GENERIC_DOCUMENT_NOUNS and len(self.documents) == 1:
            return next(iter(self.documents.values()))  # the one document named so far (None when unnamed)
        return None

    def observe_before_pronouns(self, sent) -> None:
        """Learn the names that come before the sentence's first back-pointing pronoun."""
        cache = token_attrs(sent.doc)  # the lower-case forms, read once and shared with the later steps
        first = next((t.i for t in tokens(sent) if (low := attrs_of(t, cache)[1]) in _POINTING_BACK
                      or (low == "the" and t.head.pos_ == "NOUN" and t.i > sent.start
                          and t.head.tag_ == "NN"  # "the member states" points back to no one
                          and t.head.lemma_.lower() in _BACK_NOUNS)), None)
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


#: Dependency labels of a noun phrase's head (as spaCy's English ``noun_chunks`` has them).
_NP_DEPS = frozenset({"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"})


def _noun_phrases(sent):
    """(tokens up to the head, head) for each common-noun phrase of the sentence, as spaCy's
    ``noun_chunks`` would give them, read from the sentence's own tokens (``noun_chunks`` walks
    the whole paragraph and builds a span for every phrase, nouns or not)."""
    doc = doc_tokens(sent.doc)
    cache = token_attrs(sent.doc)  # parts of speech and labels read once per paragraph
    prev_end = -1
    for t in words(sent):
        a = attrs_of(t, cache)
        if a[5] not in ("NOUN", "PROPN", "PRON"):
            continue
        left = t.left_edge.i
        if left <= prev_end:
            continue
        dep = a[4]
        if dep not in _NP_DEPS:
            if dep != "conj":
                continue
            head = t.head
            while head.dep_ == "conj" and head.head.i < head.i:
                head = head.head
            if head.dep_ not in _NP_DEPS:
                continue
        prev_end = t.i
        if a[5] == "NOUN":
            yield doc[left:t.i + 1], t


def period_kind(head) -> str | None:
    """"quarter" or "month" when ``head`` heads a description pointing back to a reporting period.

    "the latest quarter", "the three-month period" (a quarter), "the month"; not
    "the same quarter" (a comparison), "the first quarter" (named) or "the month of May".
    """
    lemma = head.lemma_.lower()
    if head.tag_ != "NN" or lemma not in PERIOD_NOUNS:
        return None
    if any(c.dep_ == "prep" or c.dep_ in ("relcl", "acl") for c in head.children):
        return None
    span = list(head.doc[head.left_edge.i:head.i])
    if not span or span[0].lower_ != "the":
        return None
    mods = [x for x in span[1:] if x.text not in ("-", "–")]
    months = [x for x in mods if x.lower_ in ("three", "3") or x.lower_ == "month"]
    if any(x.lower_ not in PERIOD_BACK_MODIFIERS and x not in months for x in mods):
        return None
    if lemma == "quarter" and not months or lemma == "period" and len(months) == 2:
        return "quarter"
    if lemma == "month" and not months:
        return "month"
    return None


def is_predicate(head) -> bool:
    """Whether a noun is what something is, not who it is ("emerged as the leader", "is the coach")."""
    return head.dep_ in ("attr", "oprd") or (head.dep_ == "pobj" and head.head.lower_ == "as")


def pair_noun(head, mem: Memory) -> bool:
    """Whether "the two <noun>" can stand for the last pair named ("the two rivals", not "the two bills")."""
    if head.tag_ != "NNS" or not any(c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in head.children):
        return False
    lemma = head.lemma_.lower()
    if mem.pair_persons:
        return lemma in PAIR_PLURALS or lemma in ROLE_PERSON or _is_agent(lemma)
    return lemma in PAIR_PLURALS or lemma in ROLE_ORG or lemma in PLACE_NOUNS


def description(head, mem: Memory) -> str | None:
    """Resolve "the Azerbaijani president" / "the company" / "the contractor" to a name."""
    if is_predicate(head):
        return None  # "Acme emerged as the leader": a predicate, never a person
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
        if head.tag_ != "NN" or any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in head.children):
            return None  # "the German capital" names its place
        if lemma in ("country", "nation") and mem.last_country_subject:
            return mem.last_country_subject  # "North Korea ... the impoverished country", not the US it met
        return mem.last_place
    if lemma in PAIR_NOUNS or (lemma in ("two", "both") and head.pos_ == "NUM") or pair_noun(head, mem):
        return mem.last_pair
    role = mem.role(lemma) if head.tag_ == "NN" and lemma not in TIME_NOUNS else None
    if role:
        return role  # "the contractor" -> the name the article gives the contractor
    named = mem.org_words.get(head.lower_) if head.tag_ == "NN" else None
    if named:
        return named  # "the chamber" -> "the Norland Chamber of Commerce"
    if head.tag_ != "NN":
        return None  # "the operators' association", "the researchers": not one person or body
    if lemma in COURT_ROLES:
        return None  # "the judge" is not whoever was named last; only a person given the role (above)
    if lemma in ROLE_PERSON:
        known = {r for r, n in list(mem.roles.items()) + list(mem.article.roles.items()) if n == mem.last_person}
        if known and lemma not in known:
            return None  # the last person named is the spokesman, not "the prime minister"
        return mem.last_person
    if lemma in ROLE_ORG:
        # the organisation the article was last about, before one only mentioned since ("a report by X");
        # "the team" or "the group" only for one that was itself a subject
        main = mem.main_org()
        main = main if main and mem.org_subject_counts[main] >= 2 else None  # about it more than once
        for org in (main, mem.last_org_subject) + (() if lemma in ("team", "group") else (mem.last_org,)):
            if org_matches(lemma, org):
                return org
        study = mem.mentions.get(STUDY_KEY)
        if lemma == "team" and study:
            author = study[0][4:] if study[0].startswith("the ") else study[0]
            return f"the {author} team"  # "a study by researchers at X ... The team plans ..."
    return None


#: Proper nouns that, after "the", name an institution the article never names in full ("the House").
INSTITUTION_NAMES = frozenset({"house", "senate", "chamber", "assembly", "parliament", "congress", "court",
                               "commission", "council", "cabinet", "board", "league", "federation", "union"})
#: Nouns of a contest between two parties: "their loss to City" pairs them for "the two teams".
CONTEST_NOUNS = frozenset({"loss", "defeat", "win", "victory", "draw", "match", "game", "tie", "clash", "fight",
                           "bout", "race", "final", "dispute", "battle", "rivalry", "war", "talks", "deal"})
#: Verbs with which a sentence-initial "That" moves a total by the previous sentence's figure ("That brings ...").
FIGURE_VERBS = frozenset({"bring", "take", "push", "lift", "raise"})


def _figures(sent) -> list:
    """The amounts a sentence states: (text, unit noun, whether it is a level reached with "to"/"at").

    [("5 million phones", "phone", False), ("41 points from 17 games", "point", True)]
    """
    out = []
    for ent in sent_ents(sent):
        if ent.label_ not in ("CARDINAL", "MONEY", "QUANTITY") or not any(t.like_num for t in ent):
            continue
        end, unit = ent.end, ""
        if ent.root.dep_ == "nummod" and ent.root.head.pos_ == "NOUN" and ent.root.head.i >= ent.end:
            noun = ent.root.head
            end, unit = noun.i + 1, noun.lemma_.lower()  # "5 million phones"
            per = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "in", "per")
                        and any(x.like_num for x in c.subtree)), None)
            if per is not None and per.right_edge.i - noun.i <= 5:
                end = per.right_edge.i + 1  # "41 points from 17 games"
        head = sent.doc[end - 1] if end == ent.end else noun
        words = [t for t in sent.doc[ent.start:end] if not (t.i == ent.start and t.lower_ == "the")]
        level = head.dep_ == "pobj" and head.head.lower_ in ("to", "at")  # "took them to 41 points": a level reached
        out.append(("".join(t.text_with_ws for t in words).strip(), unit, level))
    return out


def figure_for(t, figures: list) -> str | None:
    """The one figure of the previous sentence a figure demonstrative stands for, or None when it is not clear.

    The figure counted in what the sentence says about it ("41 points" for "the
    highest points total"; of several, a total is the level reached, "to 41
    points", not a margin), else the previous sentence's only figure.
    """
    said = {x.lemma_.lower() for c in t.head.children if c.dep_ in ("attr", "dobj", "acomp") for x in c.subtree}
    same = [f for f in figures if f[1] and f[1] in said]
    if len({f[0] for f in same}) > 1 and "total" in said:
        same = [f for f in same if f[2]]  # a total is a level reached ("to 41 points"), not a margin ("6 points clear")
    if len({f[0] for f in same}) == 1:
        return same[0][0]
    if not same and len(figures) == 1:
        return figures[0][0]
    return None


def figure_demonstrative(t) -> bool:
    """Whether ``t`` is a sentence-opening "That"/"This" that stands for the previous sentence's figure.

    "That is the highest total ..." (a copula with a superlative or a record) and
    "That brings the total to ..." (a verb moving a total).
    """
    if t.lower_ not in ("that", "this") or t.pos_ != "PRON" or t.dep_ != "nsubj" or not t.is_sent_start:
        return False
    verb = t.head
    if verb.lemma_ == "be":
        return any(c.dep_ == "attr" and (c.lemma_ == "record" or any(g.tag_ in ("JJS", "RBS") for g in c.subtree))
                   for c in verb.children)
    return verb.lemma_ in FIGURE_VERBS and any(c.dep_ == "dobj" for c in verb.children)


#: Nouns for a piece of research, which an article calls by any of them ("a trial ... The study ...").
STUDY_NOUNS = frozenset({"study", "trial", "survey", "report", "analysis", "poll", "review", "paper", "research"})
_WRITTEN_NOUNS = STUDY_NOUNS | DOCUMENT_NOUNS
STUDY_KEY = "<study>"  # the mentions key of the last piece of research with a named author


def _author(head) -> str | None:
    """Who a piece of research is by: "a study by researchers at X", "a trial led by X", "a report from X"."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return None
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    preps += [g for c in head.children if c.dep_ == "acl" for g in c.children if g.dep_ == "agent" or (
        g.dep_ == "prep" and g.lower_ == "by")]
    for prep in preps:
        for t in prep.subtree:
            if t.ent_type_ in ("ORG", "PERSON") and t.ent_iob_ == "B":
                ent = next((e for e in doc_ents(t.doc) if e.start == t.i), None)
                if ent is not None:
                    return party_text(ent)
    return None


def _shares_owner(head) -> str | None:
    """The company whose shares ``head`` names: "shares of Velmar", "Velmar's shares", "Velmar shares"."""
    def name(tok):
        ent = next((e for e in doc_ents(tok.doc) if e.start <= tok.i < e.end), None)
        if ent is not None and ent.label_ == "ORG":
            return ent_text(ent)
        if ent is None and tok.pos_ == "PROPN":
            return " ".join(x.text for x in tok.subtree if x.pos_ == "PROPN" and x.i <= tok.i)
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return name(obj)
        if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN":
            return name(c)
    return None


def _document(chunk, head) -> str | None:
    """A document mention that tells it apart, as a phrase for "the plan": its owner, name or figure.

    "The Marlow Bay council approved a $412 million budget" -> "Marlow Bay's $412 million budget";
    "the city's budget" -> "the city's budget"; "a budget" (nothing more) -> None.
    """
    words = [t for t in chunk if not (t.dep_ == "det" and t.head == head)]
    if any(t.pos_ == "PRON" for t in words) or len(words) > 8 or any(t.dep_ in ("relcl", "acl") for t in words):
        return None
    text = "".join(t.text_with_ws for t in words).strip()
    if words[0].is_sent_start and words[0].pos_ != "PROPN":
        text = text[:1].lower() + text[1:]
    if any(t.dep_ == "poss" or t.tag_ == "POS" for t in words):
        return text  # "the city's budget"
    distinct = [t for t in words if t.i < head.i and t.lower_ not in GENERIC_MODIFIERS and (
        t.pos_ in ("PROPN", "NUM", "SYM") or t.dep_ == "compound" or "-" in t.text)]
    owner = None
    if head.dep_ == "dobj":
        subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            names = [t for t in subj.subtree if t.i <= subj.i and t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "GPE", "")]
            if names and names[-1].i - names[0].i == len(names) - 1:
                owner = " ".join(t.text for t in names)
                if names[-1] == subj and any(c.lower_ == "the" for c in subj.children):
                    owner = "the " + owner  # "the Senate's $12 billion farm bill"
    if owner and not any(t.pos_ == "PROPN" for t in distinct):
        return f"{owner}'s {text}"
    if distinct:
        return "the " + text
    return None


def _event(subj) -> str | None:
    """A subject that is a common-noun event, as "the <event>" for a next sentence's "It" ("A fire" -> "the fire")."""
    if subj.pos_ != "NOUN" or subj.tag_ != "NN" or subj.lemma_.lower() not in EVENT_NOUNS:
        return None
    words = [t for t in subj.subtree if t.i <= subj.i and not (t.dep_ == "det" and t.head == subj)]
    if any(t.pos_ in ("PRON", "NUM", "VERB") or t.is_punct for t in words) or len(words) > 4:
        return None
    return "the " + "".join(t.text_with_ws for t in words).strip()


def _thing(subj) -> str | None:
    """A subject as a phrase "it" can stand for: a definite singular thing named in full ("the furnace at the works")."""
    if subj.pos_ != "NOUN" or subj.tag_ != "NN" or subj.ent_type_:
        return None
    lemma = subj.lemma_.lower()
    if lemma in ROLE_PERSON or lemma in ROLE_ORG or lemma in TIME_NOUNS or lemma.endswith(("man", "woman", "person")):
        return None
    words = list(subj.subtree)
    if words[0].lower_ != "the" or not 2 < len(words) <= 8 or any(
            t.pos_ in ("PRON", "VERB", "AUX", "NUM") or t.dep_ in ("relcl", "acl", "appos", "cc") or t.is_punct for t in words):
        return None
    if not any(t.pos_ == "PROPN" or t.dep_ in ("compound", "poss") for t in words):
        return None  # "the result" says no more than "it"
    return "the " + "".join(t.text_with_ws for t in words[1:]).strip()


def _change(tokens) -> str | None:
    """The last change the tokens state, as a noun phrase: "Sales rose 5%" -> "the rise in sales"."""
    for v in reversed(tokens):
        if v.pos_ != "VERB" or v.lemma_.lower() not in CHANGE_NOMINALS:
            continue
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "NOUN":
            return None
        words = list(subj.subtree)
        if len(words) > 10 or any(t.pos_ == "PRON" or t.is_punct for t in words):
            return None
        text = "".join(t.text_with_ws for t in words).strip()
        text = text[:1].lower() + text[1:] if words[0].pos_ != "PROPN" else text
        return f"the {CHANGE_NOMINALS[v.lemma_.lower()]} in {text}"
    return None


def change_demonstrative(t) -> bool:
    """Whether ``t`` is a clause-opening "this"/"that" subject standing for a change just stated ("This lifted ...")."""
    if t.lower_ not in ("this", "that") or t.pos_ != "PRON" or t.dep_ != "nsubj" or t.head.pos_ != "VERB":
        return False
    prev = t.doc[t.i - 1] if t.i > 0 else None
    return t.is_sent_start or (prev is not None and prev.lower_ == "that" and prev.dep_ == "mark")


#: Verbs and objects of a legislature at work: "the Assembly approved the Bill".
CHAMBER_VERBS = frozenset({"approve", "pass", "adopt", "reject", "debate", "amend", "ratify", "enact"})
CHAMBER_OBJECTS = frozenset({"bill", "motion", "budget", "law", "amendment", "resolution", "act", "legislation"})
#: A chamber's generic name, which after "the" points back to the legislature named ("the House").
CHAMBER_WORDS = frozenset({"house", "chamber"})


#: What may stand between a count and its noun in a counted group ("14 young protesters", "3 million phones").
_COUNTED_MODIFIERS = frozenset({"nummod", "amod", "compound"})
#: Plural nouns of measure, not groups "them" can stand for ("within 2 weeks", "3 months").
_MEASURE_NOUNS = frozenset({"percent", "point", "per", "cent", "time", "kilometre", "kilometer", "mile", "metre",
                            "meter", "tonne", "ton", "litre", "liter", "hectare", "acre", "degree", "dollar",
                            "pound", "euro", "yen", "times"})
#: Words of a part of a group: "Eleven of them", "most of them", "half of them".
_PART_WORDS = frozenset({"most", "some", "all", "many", "few", "half", "both", "several", "none", "each",
                         "any", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


def _counted_group(toks) -> tuple[str | None, bool]:
    """The sentence's one counted group ("the 14 protesters", "the 3 million phones") and whether it is the
    only plural noun the sentence names, for "them" in the next one.

    A plural noun a number counts, with nothing but numbers, adjectives and compounds before it ("more
    than 3,200 people" is no phrase to restate as it is); nouns of time or measure ("2 weeks") count
    as plurals but are no group.
    """
    groups, plurals = [], 0
    for t in toks:
        if t.tag_ not in ("NNS", "NNPS") or t.pos_ not in ("NOUN", "PROPN"):
            continue
        plurals += 1
        lemma = t.lemma_.lower()
        if t.pos_ != "NOUN" or lemma in TIME_NOUNS or lemma in _MEASURE_NOUNS:
            continue
        if any(c.dep_ == "conj" for c in t.children) or t.dep_ == "conj":
            return None, False  # "12 buses and 4 trams": "them" is both
        left = [x for x in t.subtree if x.i < t.i]
        if not any(c.dep_ == "nummod" and c.like_num for c in t.children if c.i < t.i):
            continue
        if left and left[0].lower_ == "the":
            left = left[1:]
        if any(x.pos_ not in ("NUM", "ADJ", "NOUN", "PROPN") or x.dep_ not in _COUNTED_MODIFIERS for x in left):
            continue  # "more than 3,200 people", "a group of ..."
        if [x.i for x in left] != list(range(t.i - len(left), t.i)):
            continue  # the words before the noun must run up to it
        words = left + [t]
        text = "".join(w.text_with_ws for w in words).strip()
        if words[0].is_sent_start and words[0].pos_ == "NUM" and words[0].is_alpha:
            text = text[0].lower() + text[1:]  # "Fourteen protesters ..." -> "the fourteen protesters"
        groups.append("the " + text)
    if len(groups) != 1:
        return None, False
    return groups[0], plurals == 1


def _chamber(sent, upto: int | None = None) -> str | None:
    """The legislature a sentence shows at work: the named subject of "approved the Bill" ("the Lok Sabha")."""
    for v in tokens(sent):
        if upto is not None and v.i >= upto:
            break
        if v.pos_ != "VERB" or v.lemma_.lower() not in CHAMBER_VERBS:
            continue
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if obj is None or subj is None or subj.pos_ != "PROPN" or subj.ent_type_ == "GPE" or subj.lower_ in CHAMBER_WORDS:
            continue
        if not any(x.lower_ in CHAMBER_OBJECTS for x in sent.doc[obj.i:min(obj.i + 6, sent.end)]):
            continue  # "approved the Appropriation (No 2) Bill": the object is a bill, however parsed
        words = [c for c in subj.children if c.dep_ in ("det", "compound") and c.i < subj.i] + [subj]
        return "".join(t.text_with_ws for t in words).strip()
    return None


#: Bodies that are not public institutions: a court or a council is never "the charity" or "the bank".
PRIVATE_BODY_NOUNS = frozenset({"bank", "charity", "team", "club", "newspaper", "broadcaster", "network", "lender",
                                "insurer", "airline"})
#: Words without which a sentence names no period, and no pair through a preposition.
PERIOD_CUES = frozenset({"quarter"}) | frozenset(datesmod.MONTHS)
PAIR_PREPS = frozenset({"with", "to", "against", "over", "between"})
#: Verbs between two parties of one kind, subject and object: "the two" after them are both.
TWO_PARTY_VERBS = frozenset({"buy", "acquire", "purchase", "sue", "beat", "defeat", "absorb", "overtake"})
#: Verbs of having: "Acme owns three plants" makes them Acme's plants.
HAVING_VERBS = frozenset({"have", "own", "run", "operate"})
#: Nouns that name no public body (made once: asked for every description).
_NONPUBLIC_NOUNS = BUSINESS_NOUNS | PRIVATE_BODY_NOUNS


def _owner(head) -> str | None:
    """The named owner of what a having verb's object names ("Acme has a trio of apps" -> "Acme")."""
    obj = head
    if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ == "dobj":
        obj = obj.head.head  # "a trio of apps", "a network of depots"
    if obj.dep_ != "dobj" or obj.head.lemma_.lower() not in HAVING_VERBS:
        return None
    subj = next((c for c in obj.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "PROPN":
        return None
    ent = next((e for e in doc_ents(subj.doc) if e.start <= subj.i < e.end), None)
    if ent is None:  # a one-word name the tagger missed ("Acme")
        return None if any(t.dep_ == "compound" for t in subj.children) else subj.text
    if ent.label_ not in ("ORG", "PERSON") or ent.root != subj:
        return None
    return ent_text(ent)


#: First-person plural pronouns, which in a quotation stand for the speaker's organisation.
FIRST_PERSON_PLURAL = frozenset({"we", "our", "us", "ours"})


def _quote_speakers(doc) -> list:
    """The subjects of reporting verbs outside quotation marks in a paragraph, found once: [(verb index, subject)]."""
    found = doc.user_data.get("factcheck_quote_speakers")
    if found is None:
        found = doc.user_data["factcheck_quote_speakers"] = [
            (v.i, subj) for v in doc if v.lemma_.lower() in REPORTING and v.pos_ in ("VERB", "AUX") and not in_quotation(v)
            for subj in v.children if subj.dep_ in ("nsubj", "nsubjpass")]
    return found


def _org_of_person(subj, mem: Memory) -> str | None:
    """The one organisation a speaker's own phrase ties them to ("Ana Ruiz, chief executive of Velmar",
    "Velmar's spokeswoman", "Velmar manager Ana Ruiz"), or the one the article tied them to before."""
    doc = subj.doc
    words = list(subj.subtree)
    names = {ent_text(e) for e in doc_ents(doc) if e.label_ == "ORG" and words[0].i <= e.start and e.end <= words[-1].i + 1}
    person = next((e for e in doc_ents(doc) if e.label_ == "PERSON" and e.start <= subj.i < e.end), None)
    if person is not None:
        full = ent_text(person)
    elif subj.pos_ == "PROPN":  # a name the tagger missed ("said Ana Ruiz, ...")
        full = " ".join(c.text for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN") + " " + subj.text
        full = full.strip()
    else:
        full = None
    if full and len(full.split()) == 1:
        full = mem.persons.get(full.lower(), full)
    roles = any(t.pos_ == "NOUN" and (t.lemma_.lower() in ROLE_PERSON or _is_agent(t.lemma_.lower())) for t in words)
    if len(names) == 1 and roles:
        org = next(iter(names))
        if full:
            mem.person_orgs[full] = org
        return org
    return mem.person_orgs.get(full) if full and not names else None


def quoted_org(t, mem: Memory) -> str | None:
    """The organisation a quotation's "we" / "our" stands for: the speaker when an organisation ("the company
    said", "Velmar said"), or the one organisation the speaking person is tied to; None when not clear."""
    speakers = _quote_speakers(t.doc)
    if not speakers:
        return None
    same = [x for x in speakers if t.sent.start <= x[0] < t.sent.end]
    _, subj = same[0] if same else min(speakers, key=lambda x: abs(x[0] - t.i))
    if subj.pos_ == "PRON":
        return None
    if subj.pos_ == "NOUN" and subj.lemma_.lower() in ROLE_ORG:
        return description(subj, mem)
    ent = next((e for e in doc_ents(t.doc) if e.start <= subj.i < e.end), None)
    if ent is not None and ent.label_ == "ORG" and ent.root == subj:
        return ent_text(ent)
    if ent is not None and ent.label_ == "PERSON" and ent_text(ent).lower() in mem.article.orgs:
        return ent_text(ent)
    if subj.pos_ == "PROPN" and (ent is None or ent.label_ == "PERSON") or subj.pos_ == "NOUN":
        return _org_of_person(subj, mem)
    return None


def _clause_subject(t):
    """The subject of the clause ``t`` stands in, and whether ``t`` is inside that subject."""
    node = t
    while node.head != node and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return node, True
        node = node.head
    subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj, False


#: The gender a third-person pronoun gives the person it stands for.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
#: "Mr Lee", "Ms. Ruiz": a title that gives a surname's gender.
_GENDER_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.? ([A-Z][a-zA-Z'’-]+)")
_TITLE_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}

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
        if t.pos_ == "PRON" and t.tag_ != "WDT" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return t.text, t.i  # "That is a record" (a relative "that" points to the noun just before it)
        return None
    if low == "there" and t.dep_ == "advmod":
        return t.text, t.i
    if low == "the" and t.dep_ == "det":
        head = t.head
        span = [x for x in head.subtree if x.i <= head.i]
        if span[0].i != t.i or is_predicate(head) or head.dep_ == "appos":
            return None  # "Acme emerged as the leader", "Acme, the retailer,": not pointing back
        if len(span) == 2 and head.pos_ == "PROPN" and (head.tag_ == "NNPS" or head.lower_ in INSTITUTION_NAMES) and (
                head.ent_type_ not in ("GPE", "LOC", "NORP", "DATE")) and not any(c.dep_ == "prep" for c in head.children):
            return "".join(x.text_with_ws for x in span).strip(), head.i  # "the House", "the Rattlers": a nickname
        if any(x.pos_ == "PROPN" or x.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for x in span) or named_after(head):
            return None  # "the German capital", "the port city of Velmar": named by what they are
        lemma = head.lemma_.lower()
        if (head.pos_ == "NUM" and lemma in ("two", "three")) or (
                head.pos_ == "NOUN" and lemma in _REFERRING_NOUNS
                and not any(c.dep_ == "compound" for c in head.children)) or period_kind(head) or (
                head.pos_ == "NOUN" and lemma in _WRITTEN_NOUNS and len(span) == 2) or (
                head.tag_ == "NNS" and any(c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in head.children)):
            return "".join(x.text_with_ws for x in span).strip(), head.i
    return None


def named_after(head) -> bool:
    """The noun is named right after it: by an "of" phrase ("the port city of Velmar") or in apposition
    ("the retailer Dunmore Stores")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
               or c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i for c in head.children)


def _via_conjunct(t, top) -> bool:
    """The way up from ``t`` to ``top`` passes a coordinated clause ("X did A, and it did B"): a split can
    part the two, where it never parts a reported clause from its saying ("X said that it ...")."""
    node = t
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "conj":
            return True
        node = node.head
    return False


def _partitive(c) -> bool:
    """``c`` is a part of a group named in its "of" phrase ("Eleven of them", "most of the staff")."""
    return (c.like_num or c.lower_ in _PART_WORDS or c.text == "%") and any(
        x.dep_ == "prep" and x.lower_ == "of" for x in c.children)


def _partitive_group(c):
    """The plural noun of a subject that is a part of a group ("38% of the pupils", "most of the
    workers", "two of the men"), or None."""
    if c.dep_ not in ("nsubj", "nsubjpass") or not (c.like_num or c.lower_ in _PART_WORDS or c.text == "%"):
        return None
    of = next((x for x in c.children if x.dep_ == "prep" and x.lower_ == "of"), None)
    noun = next((x for x in of.children if x.dep_ == "pobj"), None) if of is not None else None
    return noun if noun is not None and noun.tag_ in ("NNS", "NNPS") else None


def _bound(t, mem: Memory | None = None):
    """The token a pronoun is bound to inside its own sentence ("Norland said it ...", "Tom Reyes and his wife").

    Up the parse from the pronoun: a name it is conjoined with or a clause subject
    before it, of the pronoun's kind (a person for he/his, a body or place for
    it/its), or a clause subject that is a description of one ("the retailer said it").
    """
    low = t.lower_
    person = low in ("he", "she", "him", "his", "her", "hers")
    plural = low in ("they", "them", "their", "theirs")
    if not person and not plural and low not in ("it", "its"):
        return None
    node = t
    own_verb = None  # "3,200 people took them": a verb's object is not its subject
    if t.dep_ in ("dobj", "pobj", "dative"):
        # the verb it is an object of, through prepositions and quantities ("discharged 31 of them")
        own_verb = t.head if t.dep_ != "pobj" else next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    while node.head != node:
        came_by = node.dep_
        if plural and came_by == "conj" and node.pos_ in ("VERB", "AUX"):
            return None  # "Ministers put motions ... and they were rejected": "they" need not be the subject
        node = node.head
        # the head itself only for "Tom Reyes and his wife" (a conjunct), not "North America, its market"
        cands = ([node] if came_by == "conj" else []) + [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")
                                                         and node != own_verb]
        if came_by == "nsubj" and node.lemma_.lower() in REPORTING:
            # "Harlow Bank cut 200 jobs, it said": the tag's pronoun is the statement's subject
            cands += [x for comp in node.children if comp.dep_ in ("ccomp", "parataxis") and comp.i < t.i
                      for x in comp.children if x.dep_ in ("nsubj", "nsubjpass")]
        for c in cands:
            if c.i >= t.i or (c is not node and t.i in subtree_ids(c) and _partitive(c)):
                continue  # after it, or the group it is a part of ("Eleven of them", "some of their staff")
            if plural:
                group = _partitive_group(c)
                if group is not None:
                    return group  # "38% of the pupils said they ...": the pupils
                if c.dep_ in ("nsubj", "nsubjpass") and (c.tag_ in ("NNS", "NNPS") or any(d.dep_ == "conj" for d in c.children)
                                                         or c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "GPE", "NORP")):
                    return c  # "The Rovers are 9-2 since their loss", "Acme and Zeta said they ..."
                continue
            if c.pos_ == "NOUN" and c.tag_ == "NN" and c.dep_ in ("nsubj", "nsubjpass") and any(
                    d.lower_ == "the" for d in c.children) and c.lemma_.lower() in (ROLE_PERSON if person else ROLE_ORG):
                return c
            if person and c.pos_ == "NOUN" and c.tag_ == "NN" and c.dep_ in ("nsubj", "nsubjpass") and (
                    c.lemma_.lower() in PERSON_NOUNS):
                return c  # "A man in his fifties was found ...": the man
            if c.pos_ == "PROPN" and (person and c.ent_type_ == "PERSON" or not person and (
                    c.ent_type_ in ("ORG", "GPE", "") or mem is not None and c.lower_ not in mem.persons)):
                return c
    return None


def resolve_token(t, ids, first, so_far, mem: Memory, ents, published):
    """Replacement for token ``t``: (text, last token index it covers, what was resolved or None).

    Inside a quotation nothing is rewritten: a resolved date follows in square
    brackets ("last year [2023]"); anything else is left as the speaker said it.
    """
    if t.lower_ in FIRST_PERSON_PLURAL and t.pos_ == "PRON" and in_quotation(t):
        org = quoted_org(t, mem)
        if org and org.split()[-1] not in so_far.split("“")[-1]:
            # "“This was our strongest quarter,” said the chief executive of Velmar" -> "our [Velmar's]"
            inserted = f"{org}'s" if t.lower_ in ("our", "ours") else org
            return f"{t.text} [{inserted}]", t.i, f"first person '{t.text}' in the quotation -> {org} (the speaker's organisation)"
    text, last, note = _resolve(t, ids, first, so_far, mem, ents, published)
    if note and text != t.text and not note.startswith("date") and in_quotation(t):
        # in a quotation "he" or "the team" is seldom the last one named (often it is the
        # speaker's own): leave it, recorded as unresolved
        return t.text, t.i, None
    if note and text != t.text and in_quotation(t):
        original = "".join(x.text_with_ws for x in t.doc[t.i:last + 1]).strip()
        resolved = text[len(original):].strip(" ()") if text.startswith(original) else text
        return f"{original} [{resolved}]", last, note
    if not note and text != t.text and in_quotation(t):
        return t.text, t.i, None  # a quotation keeps its words ("This bill ..." is not made "The bill")
    return text, last, note


def _resolve(t, ids, first, so_far, mem: Memory, ents, published):  # noqa: C901 (one branch per kind of expression)
    low = t.lower_

    def fresh(name: str | None) -> bool:
        return bool(name) and name.split()[-1] not in so_far

    if low in BACK_PRONOUNS and t.pos_ == "PRON":
        bound = _bound(t, mem)
        if bound is not None and (bound.pos_ == "NOUN" or bound.text in so_far):
            # "Norland said it ...", "The Rovers are 9-2 since their loss": the sentence says who
            if bound.ent_type_ == "PERSON" and low in PRONOUN_GENDER:
                mem.learn_gender(t, mem.persons.get(bound.lower_))  # "Tom Lee said he ...": Tom Lee is "he"
            return t.text, t.i, f"pronoun '{t.text}' points to '{bound.text}' before it in the claim"
        if bound is not None and bound.pos_ == "PROPN" and bound.i not in ids and bound.i < first and (
                _via_conjunct(t, bound.head)) and bound.head.lemma_.lower() not in REPORTING:
            # (a speaker's name is already in the part's "X said that" before it)
            # a split left the name the pronoun points to in another claim of the sentence:
            # "Kinsey has 41 miles of pipe, and it replaces 2 miles a year" -> "Kinsey replaces ..."
            ent = next((e for e in ents if e.start <= bound.i < e.end), None)
            name = ent_text(ent) if ent is not None else " ".join(
                [c.text for c in bound.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [bound.text])
            if ent is not None and ent.label_ == "PERSON":
                name = mem.persons.get(name.split()[-1].lower(), name)
            if name and fresh(name):
                text = name + "'s" if low in ("its", "his", "their") or (low == "her" and t.dep_ == "poss") else name
                return text, t.i, f"pronoun '{t.text}' -> {name} (named before it in the sentence)"

    person = mem.person_for(t) if low in _PERSON_WORDS else None
    if low in PERSON_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass") and fresh(person):
        return person, t.i, f"pronoun '{t.text}' -> {person}"
    if low == "it" and t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ != "be" and not any(
        c.dep_ in ("ccomp", "xcomp") and c.i > t.head.i and any(m.lower_ in ("that", "to") for m in c.children)
        for c in t.head.children if t.head.lemma_ in RAISING_VERBS
    ) and fresh(mem.last_subject_org):
        return mem.last_subject_org, t.i, f"pronoun '{t.text}' -> {mem.last_subject_org}"
    if low == "it" and t.is_sent_start and t.dep_ in ("nsubj", "nsubjpass") and mem.last_event and not any(
            c.dep_ in ("ccomp", "xcomp", "acomp") for c in t.head.children if t.head.lemma_ == "be") and fresh(
            mem.last_event):
        # "A fire swept through the plant on Monday. It is the deadliest accident since 2019."
        return mem.last_event, t.i, f"pronoun '{t.text}' -> {mem.last_event} (the event just reported)"
    if low == "it" and t.is_sent_start and t.dep_ in ("nsubj", "nsubjpass") and not mem.last_subject_org and not any(
            c.dep_ in ("ccomp", "xcomp", "acomp") for c in t.head.children if t.head.lemma_ == "be") and fresh(
            mem.last_subject_thing):
        # "The furnace at the Glassworks is at 1,150 degrees. It has not been switched off since 1987."
        return mem.last_subject_thing, t.i, f"pronoun '{t.text}' -> {mem.last_subject_thing}"
    if low == "them" and t.dep_ in ("dobj", "pobj") and mem.plural_at == mem.sentences and fresh(
            mem.last_plural) and not mem.plural_object:
        # "The classes bring in a third of revenue. 3,200 people took them." -> "took the classes"
        return mem.last_plural, t.i, f"pronoun '{t.text}' -> {mem.last_plural}"
    # "Eleven of them", "most of them": a part of a group, most likely the group just counted
    part_of = t.dep_ == "pobj" and (t.head.lower_ == "of" and (t.head.head.like_num or t.head.head.lower_ in _PART_WORDS)
                                    or t.head.lower_ == "among")  # "Among them was ..."
    if low == "them" and t.dep_ in ("dobj", "pobj") and fresh(mem.last_counted) and (part_of or mem.counted_alone):
        # "Police arrested 14 protesters. Eleven of them were released" -> "Eleven of the 14 protesters"
        return mem.last_counted, t.i, f"pronoun '{t.text}' -> {mem.last_counted} (the group counted just before)"
    if low == "they" and t.dep_ in ("nsubj", "nsubjpass"):
        group = mem.last_plural or mem.last_pair
        if fresh(group):
            return group, t.i, f"pronoun '{t.text}' -> {group}"
    if low in ("him", "her") and t.dep_ in ("dobj", "pobj", "dative") and fresh(person) and not any(
            x.ent_type_ == "PERSON" or x.lower_ in ("he", "she") or x.pos_ == "PROPN" for x in t.sent if x.i < t.i):
        # "Tom Reyes was convicted in 2023. The court fined him $4,000." (no one else named before it)
        return person, t.i, f"pronoun '{t.text}' -> {person}"
    if low in PERSON_POSSESSIVES and t.dep_ == "poss" and fresh(person):
        return person + "'s", t.i, f"possessive '{t.text}' -> {person}"
    if low == "their" and t.dep_ == "poss" and fresh(mem.last_pair) and (not mem.last_plural or mem.pair_at > mem.plural_at or (
            mem.pair_at == mem.plural_at and t.head.lemma_.lower() in _PAIR_POSSESSED_ANY)):
        # "Shipments from Acme and Zeta rose. Their market shares fell": the pair owns the shares
        return mem.last_pair + "'s", t.i, f"possessive '{t.text}' -> {mem.last_pair}"
    if low == "its" and t.dep_ == "poss" and fresh(mem.last_org):
        subj, within = _clause_subject(t)
        # "its" in a claim about something else points back to the organisation last named
        # ("Traffic at its airports rose"); "Acme raised its prices" needs nothing
        if t.i - first <= 2 or t.head.lower_ in ORG_ATTRIBUTES or within or (
                subj is not None and subj.pos_ in ("NOUN", "PRON") and subj.ent_type_ == ""):
            return mem.last_org + "'s", t.i, f"possessive '{t.text}' -> {mem.last_org}"
    site = mem.last_site or mem.last_place
    if low == "there" and t.dep_ == "advmod" and fresh(site):
        prep = t.i > 0 and t.doc[t.i - 1].dep_ == "prep" and t.doc[t.i - 1].head == t.head
        where = "at" if site != mem.last_place else "in"
        return (site if prep else f"{where} {site}"), t.i, f"place 'there' -> {site}"
    if low == "the" and t.dep_ == "det" and t.head.pos_ == "PROPN" and t.head.lower_ in CHAMBER_WORDS and t.head.i == t.i + 1 \
            and not any(c.dep_ in ("prep", "compound") for c in t.head.children) and mem.last_chamber:
        # "The Lok Sabha approved the Bill ... members before the House" -> "before the Lok Sabha"
        name = mem.last_chamber
        name = name[:1].lower() + name[1:] if name.startswith("The ") else name
        return name, t.head.i, f"description 'the {t.head.text}' -> {name}"
    figure = figure_for(t, mem.last_figures) if t.i == first and figure_demonstrative(t) else None
    if figure:
        # "Acme sold 5 million phones. That is a record." -> "5 million phones is a record."
        return figure, t.i, f"demonstrative '{t.text}' -> {figure}"
    if change_demonstrative(t):
        # "Sales rose 5%, adding that this lifted profit" -> "the rise in sales lifted profit"
        event = (_change([x for x in t.sent if x.i < t.i]) if not t.is_sent_start else None) or (
            mem.last_change if t.is_sent_start else None)
        if event and not fresh(event):
            return t.text, t.i, f"demonstrative '{t.text}' is {event}, stated before it in the claim"
        if event:
            return event, t.i, f"demonstrative '{t.text}' -> {event}"
    if t.i == first and low in ("that", "this") and t.dep_ == "det":
        return ("The" if t.text[0].isupper() else "the"), t.i, None
    if t.dep_ == "det" and low == "the" and t.head.pos_ in ("NOUN", "NUM") and t.head.dep_ in (
            "nsubj", "nsubjpass", "poss", "pobj", "dobj", "attr", "conj"):
        head = t.head
        span = list(t.doc[head.left_edge.i:head.i + 1])  # the phrase up to its noun (edges, not a subtree walk)
        if span[0].i == t.i and all(x.i in ids for x in span) and not named_after(head):
            words = "".join(x.text_with_ws for x in span).strip()
            named = mem.period(head)
            if named and named.lower() not in so_far.lower():
                # "For the three-month period, ..." -> "For the third quarter, ..."
                return named, head.i, f"period '{words}' -> {named}"
            name = description(head, mem)
            written = t.doc[first:t.i].text if first <= t.i else ""
            if name and not fresh(name) and name.split()[-1] in written:
                # "When Acme said ..., the company added ...": named right there, nothing to resolve
                return t.text, t.i, f"description '{words}' is {name}, named before it in the claim"
            # named before only by a resolution ("Its chief executive said the company ..."): name it again
            again = bool(name) and name.lower() in so_far.lower()
            if name and (fresh(name) or again):
                note = f"description '{words}' -> {name}"
                right = [x for x in t.doc[head.i + 1:head.right_edge.i + 1]
                         if not x.is_punct and x.tag_ != "POS" and x.i in ids]
                if not right or all(x.pos_ == "ADV" and x.head == head for x in right):
                    # (an adverb on the noun reads as well after the name: "the two companies together")
                    return name, head.i, note
                return f"{words} ({name})", head.i, note
            bare = all(x.i == head.i or x.i == t.i or (x.dep_ == "amod" and x.lower_ in GENERIC_MODIFIERS)
                       for x in span)
            fuller = (mem.document(head) or mem.shares(head) or mem.mention(head)) if bare and head.pos_ == "NOUN" \
                else None
            if fuller and fuller.lower() != words.lower() and fresh(fuller):
                return fuller, head.i, f"description '{words}' -> {fuller}"
    full = mem.surname(t)
    if full and fresh(full.split()[0]):
        return full, t.i, f"surname '{t.text}' -> {full}"
    if t.ent_type_ == "DATE" and t.ent_iob_ == "B" and published is not None:
        ent = next((e for e in ents if e.start == t.i), None)
        if ent is not None and datesmod.is_relative(span_text(ent)) and all(x.i in ids for x in ent):
            iso = datesmod.resolve_ent(ent, published)
            if iso:
                last = t.doc[ent.end - 1]
                text = span_text(ent)
                after = t.doc[ent.end] if ent.end < len(t.doc) else None
                if after is not None and after.i in ids and (
                        after.tag_ == "POS" or after.lower_ in ("morning", "afternoon", "evening", "night")):
                    # "Thursday's (8 February 2024) decision"; "on Wednesday afternoon (7 February 2024)"
                    last = after
                    text += t.doc[ent.end - 1].whitespace_ + after.text
                return text + f" ({datesmod.humanise(iso)})", last.i, f"date '{span_text(ent)}' -> {iso}"
    return t.text, t.i, None


# --------------------------------------------------------------------------- the article's roles, read once

_NAME_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-zA-Z'’-]*[a-zA-Z]|de|van|von|al|bin)"
_NAME = _NAME_WORD + r"(?: " + _NAME_WORD + r"){0,4}"
#: "The contractor, Dale Pruitt," (a role, then the name in apposition)
_ROLE_THEN_NAME = re.compile(r"\b([Tt]he) ((?:[a-z][a-z-]* ){0,2})([a-z]+), (" + _NAME + r"),")
#: "Pruitt, a contractor," / "Alex Baldock, the chief executive of Acme," (a name, then its role)
_NAME_THEN_ROLE = re.compile(r"(?<![\w-])(" + _NAME + r"), ((?:a|an|the) )?((?:[a-z][a-z-]* ){0,2}?)([a-z]+)"
                             r"(?=[,.;]| (?:of|who|at|from|in|for|with|and|based)\b)")
#: "contractor Dale Pruitt", "Judge Ana Ruiz" (a role written as a title)
_TITLE_NAME = re.compile(r"(?<![\w-])([A-Za-z]+) (" + _NAME + r")")
#: "chief executive of Acme", "Acme said that it" (cues that a name is an organisation)
_ORG_CUE = re.compile(r"\b(?:[Cc]hief [Ee]xecutive|CEO|[Cc]hairman|[Cc]hairwoman|[Ff]ounder|[Ss]pokes(?:man|woman|person)"
                      r"|[Pp]resident|[Ss]hares|[Cc]ustomers|[Ee]mployees) (?:of|at) (" + _NAME + r")")
#: "... revealed that it", found first; the name before it is then looked for in the few words before
_SAID_IT = re.compile(r"\b(?:said|says|revealed|announced|reported|confirmed|admitted|added)(?: that)? its?\b")
_NAME_BEFORE = re.compile(r"(" + _NAME + r") (?:\w+ ){0,2}$")


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 24):start])
    return m.group(1).lower() if m else ""


#: Capitalised words that open a sentence before a name ("In New York, ...", "But Ana Ruiz, ...").
_OPENERS = ROLE_BLOCKING_WORDS | {"the", "a", "an", "but", "when", "while", "however", "still", "meanwhile", "also",
                                  "then", "now", "as", "if", "so", "yet", "last", "next", "this", "that"}


def _clean_name(name: str) -> tuple[str, bool]:
    """The name without capitalised sentence openers; False when a preposition opened it ("In New York")."""
    words = name.split()
    ok = True
    while words and words[0].lower() in _OPENERS:
        ok = ok and words[0].lower() not in ROLE_BLOCKING_WORDS
        words = words[1:]
    while words and words[-1] in NAME_PARTICLES:
        words = words[:-1]
    return " ".join(words), ok


def _strip_title(name: str) -> tuple[str, str | None]:
    """("Ana Ruiz", "judge") for "Judge Ana Ruiz"; the name as it is when no title opens it."""
    words = name.split()
    role = None
    while len(words) > 2 and (words[0].lower() in NAME_TITLES or words[0].lower() in ROLE_PERSON
                              or words[0].lower() in TITLE_MODIFIERS):
        if words[0].lower() in ROLE_PERSON:
            role = words[0].lower()
        words = words[1:]
    return " ".join(words), role


#: Words that open no full name ("Prime Minister Lee" is not one).
_NOT_FIRST_NAMES = NAME_TITLES | ROLE_PERSON | TITLE_MODIFIERS


def _is_agent(word: str) -> bool:
    return (word in ROLE_PERSON or word.endswith(AGENT_SUFFIXES)) and word not in NOT_AGENT_WORDS and len(word) > 3


@dataclass
class ArticleRoles:
    """Who each role description stands for across the whole article, read once from its text.

    ``roles``: role noun -> the one name the article gives it ("contractor" ->
    "Dale Pruitt" from "The contractor, Dale Pruitt," or "Pruitt, a
    contractor," or "contractor Dale Pruitt"), before or after the description
    is used (a role given two different names is left out). ``orgs``: names the
    article shows to be organisations ("chief executive of X", "X said it").
    """

    roles: dict = field(default_factory=dict)
    orgs: set = field(default_factory=set)
    #: surname (lower) -> "m"/"f" from the titles the article gives it ("Mr Lee"); one surname given both is left out
    genders: dict = field(default_factory=dict)

    @classmethod
    def read(cls, text: str) -> ArticleRoles:
        found: dict = {}
        full_names: dict = {}  # surname -> the full names the article gives it
        for m in re.finditer(_NAME, text):
            words = _clean_name(m.group(0))[0].split()
            while words and words[0].lower() in _NOT_FIRST_NAMES:
                words = words[1:]  # "Prime Minister Lee" is no full name
            if len(words) >= 2:
                full_names.setdefault(words[-1], set()).add(" ".join(words))

        def add(role: str, name: str) -> None:
            name, _ = _strip_title(name.rstrip("."))
            if role in TIME_NOUNS or len(role) < 3 or not name:
                return
            if len(name.split()) == 1:
                if len(full_names.get(name, ())) != 1:
                    return  # one capitalised word is a name only if the article gives it in full, once
                name = next(iter(full_names[name]))
            found.setdefault(role, set()).add(name)

        for m in _ROLE_THEN_NAME.finditer(text):
            if m.group(1) == "the" and _prev_word(text, m.start()) in ROLE_BLOCKING_WORDS:
                continue
            name, ok = _clean_name(m.group(4))
            if ok:
                add(m.group(3), name)
        for m in _NAME_THEN_ROLE.finditer(text):
            name, ok = _clean_name(m.group(1))
            if ok and _prev_word(text, m.start()) not in ROLE_BLOCKING_WORDS and (m.group(2) or _is_agent(m.group(4))):
                add(m.group(4), name)
        for m in _TITLE_NAME.finditer(text):
            word = m.group(1)
            name, ok = _clean_name(m.group(2))
            if not ok:
                continue
            name, role = _strip_title(name)
            title = name.split()
            if len(title) == 2 and title[0].lower() in ROLE_PERSON and len(full_names.get(title[1], ())) == 1:
                add(title[0].lower(), title[1])  # "Prime Minister Lee", given in full elsewhere
            if word.islower() and _is_agent(word) and len(name.split()) >= 2:
                add(word, name)
            elif word[0].isupper() and word.lower() in ROLE_PERSON and len(name.split()) == 1 and name in full_names:
                add(word.lower(), name)  # "Prime Minister Minnis", the surname of a name given in full elsewhere
            elif word[0].isupper() and len(name.split()) >= 2 and (word.lower() in ROLE_PERSON or _is_agent(
                    word.lower()) and re.search(r"(?:^|[.!?]\s|\n)$", text[max(0, m.start() - 2):m.start()])):
                # "Judge Ana Ruiz", and at a sentence's start "Contractor Dale Pruitt"

                add(word.lower(), name)
            if role and len(name.split()) >= 2:
                add(role, name)
        roles = {}
        for role, names in found.items():
            # "Pruitt" and "Dale Pruitt" are one person
            longest = max(names, key=len)
            if all(n == longest or longest.endswith(" " + n) for n in names):
                roles[role] = longest
        orgs = {_clean_name(m.group(1))[0].lower() for m in _ORG_CUE.finditer(text)}
        for m in _SAID_IT.finditer(text):
            before = _NAME_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if before:
                orgs.add(_clean_name(before.group(1))[0].lower())
        orgs.discard("")
        seen: dict = {}
        for m in _GENDER_TITLE.finditer(text):
            seen.setdefault(m.group(2).lower(), set()).add(_TITLE_GENDER[m.group(1)])
        genders = {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}
        return cls(roles, orgs, genders)
