"""From parsed sentences to atomic, self-contained claims.

The method, in the order it runs on each sentence:

1. **Attribution.** A reporting verb ("said", "added", "estimates", ...) with a
   clausal complement marks an attributed statement; its subject, resolved to a
   name, is the claim's ``speaker``. Standalone quotation paragraphs inherit the
   last speaker.
2. **Splitting.** A sentence is split only where each part carries its own
   *anchor* -- a number or a specific date -- so that every claim stays
   checkable: coordinated verbs ("exports gas to 14 countries and is developing
   ..., with renewables accounting for 40% by 2030"), participle clauses
   (", preventing ... 1.7 gigatons"), "adding that ..." clauses, reduced relative
   clauses (", held in Baku in 1926,") and "during ..." adjuncts.
3. **Resolution.** He/she/his/her/its, role descriptions ("the Azerbaijani
   president", "the company") and bare surnames are replaced by the names the
   article gave earlier; relative dates get their resolved date in brackets
   and in the claim's ``date`` field.
4. **Selection.** Sentences without an anchor in their asserted content (no
   number, date, name or place) are skipped as opinion or colour, as are
   questions, headlines, bylines and page furniture.
5. **Deduplication** across the article keeps the fuller of two statements of
   the same fact and records the other's span.

Every decision is recorded as a reason so ``--explain`` can show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import dates as datesmod

REPORTING = {
    "say", "add", "tell", "announce", "state", "claim", "argue", "note", "explain", "estimate", "forecast",
    "predict", "stress", "emphasize", "emphasise", "highlight", "underline", "warn", "report", "confirm",
    "insist", "write", "declare", "reveal", "suggest", "believe", "acknowledge", "admit", "deny", "assert",
    "maintain", "propose", "project", "tweet", "testify", "contend", "point", "indicate", "show",
}
SPEECH_VBG = {"add", "say", "note", "stress", "cite", "tell", "warn", "explain", "claim", "insist", "argue", "emphasize", "emphasise"}
ROLE_PERSON = {
    "president", "minister", "spokesman", "spokeswoman", "spokesperson", "ceo", "chief", "chairman",
    "chairwoman", "chair", "leader", "premier", "chancellor", "secretary", "governor", "mayor", "senator",
    "official", "director", "officer", "founder", "executive", "economist", "king", "queen", "prince",
    "ambassador", "commissioner", "lawmaker", "congressman", "congresswoman", "candidate", "coach", "manager",
    "member", "councillor", "councilor", "judge", "prosecutor", "general", "analyst", "professor", "researcher",
}
ROLE_ORG = {
    "company", "firm", "group", "bank", "government", "ministry", "agency", "organization", "organisation",
    "bloc", "alliance", "party", "union", "startup", "corporation", "giant", "retailer", "carmaker",
    "automaker", "insurer", "lender", "airline", "regulator", "operator", "manufacturer", "producer",
    "club", "team", "university", "institute", "charity", "newspaper", "broadcaster", "network",
}
BUSINESS_NOUNS = {"company", "firm", "corporation", "startup", "retailer", "carmaker", "automaker", "insurer",
                  "lender", "airline", "operator", "manufacturer", "producer", "giant", "network", "business"}
INSTITUTION_WORDS = {"university", "ministry", "council", "government", "party", "agency", "office", "department",
                     "commission", "court", "school", "hospital", "union", "institute", "organization",
                     "organisation", "authority", "committee", "police", "army", "statistics", "states", "nations"}
ORG_ATTRIBUTES = {"shares", "share", "stock", "revenue", "revenues", "profit", "profits", "sales", "earnings", "ceo",
                  "chief", "employees", "workers", "staff", "headquarters", "plant", "factory", "stores", "customers",
                  "subscribers", "users", "products", "suppliers", "board", "executives", "debt", "loss", "losses",
                  "budget", "spokesman", "spokeswoman", "members", "leader", "president", "website", "app", "apps"}
NUMBER_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}


def org_matches(noun: str, org: str | None) -> bool:
    """Whether a description ("the company") can stand for ``org`` ("the company" is not a university)."""
    if not org:
        return False
    words = set(org.lower().split())
    if noun in INSTITUTION_WORDS:
        return noun in words  # "the ministry" only for a ministry
    return not (noun in BUSINESS_NOUNS and words & INSTITUTION_WORDS)
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}
IRREGULAR_PAST = {
    "be": "was", "have": "had", "do": "did", "say": "said", "make": "made", "go": "went", "take": "took",
    "come": "came", "see": "saw", "know": "knew", "get": "got", "give": "gave", "find": "found",
    "think": "thought", "tell": "told", "become": "became", "show": "showed", "leave": "left", "feel": "felt",
    "bring": "brought", "begin": "began", "keep": "kept", "hold": "held", "write": "wrote", "stand": "stood",
    "hear": "heard", "let": "let", "mean": "meant", "set": "set", "meet": "met", "run": "ran", "pay": "paid",
    "sit": "sat", "speak": "spoke", "lie": "lay", "lead": "led", "read": "read", "grow": "grew", "lose": "lost",
    "fall": "fell", "send": "sent", "build": "built", "understand": "understood", "draw": "drew",
    "break": "broke", "spend": "spent", "cut": "cut", "rise": "rose", "drive": "drove", "buy": "bought",
    "wear": "wore", "choose": "chose", "seek": "sought", "throw": "threw", "catch": "caught", "deal": "dealt",
    "win": "won", "sell": "sold", "hit": "hit", "put": "put", "shut": "shut", "fly": "flew", "forecast": "forecast",
    "beat": "beat", "sink": "sank", "shrink": "shrank", "slide": "slid", "swing": "swung", "bid": "bid",
    "strike": "struck", "spread": "spread", "split": "split", "quit": "quit", "cost": "cost", "hurt": "hurt",
}
_DATELINE = re.compile(
    r"\A(?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*)(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?\s*"
    r"(?:\([A-Za-z ]+\)\s*)?(?:[—–-]{1,2}|:)\s+"
)
_DATELINE_CAPS = re.compile(r"\A((?:[A-Z]{2,}[.'’\-]?\s+){1,3})(?=[A-Z][a-z])")
_BYLINE = re.compile(r"\A\s*(?:[-–—•]\s*|by\s+)[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,4}", re.I)
_FURNITURE = re.compile(
    r"^\s*(click to (play|watch|see|view|expand)|watch|listen|advertisement|sponsored|read more|read next|"
    r"related|share( this)?|follow us|sign up|subscribe|photo|image|video|caption|getty images|reuters|ap photo|"
    r"copyright|©|all rights reserved|more:|see also|trending)\b",
    re.I,
)
_END_PUNCT = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
QUOTE_OPEN = ("\"", "“", "‘", "'")
PRONOUN_START = re.compile(r"^\W*(he|she|it|they|we|i|this|that|these|those|his|her|its|their|our)\b", re.I)


# --------------------------------------------------------------------------- paragraphs


@dataclass
class Paragraph:
    start: int  # offset in the article text of ``text``
    text: str
    skip: str | None = None  # why the paragraph is not parsed


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
            for line in lines:
                mark = _BULLET.match(line)
                skip = mark.end() if mark else len(line) - len(line.lstrip())
                if line.strip():
                    out.extend(_classify(Paragraph(pos + skip, line[skip:].rstrip()), bullet=bool(mark)))
                pos += len(line) + 1
            continue
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            out.extend(_classify(Paragraph(block_start + lead, body)))
    return out


def _looks_byline(body: str) -> bool:
    words = body.split()
    return bool(_BYLINE.match(body)) and len(words) <= 10 and not _END_PUNCT.search(body) and not any(
        ch.isdigit() for ch in body) and (body.lstrip().lower().startswith("by ") or "@" in body or words[-1].isupper())


def _classify(p: Paragraph, bullet: bool = False) -> list[Paragraph]:
    body = p.text
    words = body.split()
    if _FURNITURE.match(body) and len(words) < 12:
        p.skip = "page furniture (navigation, media or sharing text)"
    elif _looks_byline(body):
        p.skip = "byline"
    elif not _END_PUNCT.search(body) and len(words) <= 25 and not (bullet and len(words) >= 4):
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


def strip_dateline(text: str) -> int:
    """Length of a leading dateline ("WATERLOO, Ont. —", "SAN FRANCISCO") to skip."""
    m = _DATELINE.match(text)
    if m and len(m.group(0)) < 60 and any(c.isalpha() for c in m.group(0)):
        return m.end()
    m = _DATELINE_CAPS.match(text)
    if m and len(m.group(1).replace(" ", "")) >= 5:
        return m.end()
    return 0


# --------------------------------------------------------------------------- memory


@dataclass
class Memory:
    """Names the article has introduced so far, for resolving later mentions."""

    persons: dict = field(default_factory=dict)  # surname (lower) -> full name
    last_person: str | None = None
    last_org: str | None = None
    last_speaker: str | None = None
    last_plural: str | None = None  # the last plural subject ("the researchers"), for "they"
    last_subject_org: str | None = None  # the organisation the last sentence was about, for "it"

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
            text = _ent_text(ent)
            parts = text.split()
            if not parts:
                continue
            is_subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            if parts[-1].lower() in self.persons and len(parts) == 1:
                if is_subject:
                    self.last_person = self.persons[parts[-1].lower()]
                continue
            if ent.label_ == "PERSON" and len(parts) >= 2 and parts[-1].lower() not in NOT_PERSON_HEADS and all(
                t.text[0].isupper() for t in ent if t.is_alpha and t.lower_ not in ("de", "van", "von", "al", "bin")
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
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "NORP", "LOC", "FAC"):
                continue
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
            roles = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN"}
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
        if upto is None and subj is not None and subj.lower_ != "it":
            if subj.pos_ == "PROPN" and (subj.ent_type_ in ("ORG", "") and subj.lower_ not in self.persons):
                self.last_subject_org = self.last_org
            elif subj.pos_ == "NOUN" and subj.lemma_.lower() in ROLE_ORG and any(c.lower_ == "the" for c in subj.children):
                self.last_subject_org = org_before if org_matches(subj.lemma_.lower(), org_before) else None
            else:
                self.last_subject_org = None

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


NOT_PERSON_HEADS = {"corridor", "river", "street", "road", "group", "square", "bridge", "house", "park", "avenue",
                    "center", "centre", "institute", "university", "company", "bank", "party", "council", "fund"}


def _ent_text(ent) -> str:
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
    return "".join(t.text_with_ws for t in toks).strip()


# --------------------------------------------------------------------------- claims


@dataclass
class Draft:
    """One claim in the making: which tokens it shows and how to render them."""

    tokens: list  # spaCy tokens, in order
    prefix: str = ""
    speaker: str | None = None
    kind: str = "sentence"  # sentence, conjunct, clause, relative, adjunct, quote
    suffix: str = ""
    reasons: list = field(default_factory=list)
    quote_tokens: list | None = None
    reps: dict = field(default_factory=dict)  # token index -> replacement text
    extra_ids: list = field(default_factory=list)  # tokens rendered in the suffix (e.g. a date)

    def with_replacement(self, i: int, text: str) -> Draft:
        self.reps[i] = text
        return self


@dataclass
class Claim:
    text: str
    quote: str
    start: int
    end: int
    speaker: str | None
    type: str
    date: str | None
    reasons: list
    also: list = field(default_factory=list)
    score: float = 0.0  # checkworthiness
    verifiable: float | None = None
    scores: object = None  # the scorer.Scores behind both, for --explain
    sig: frozenset = frozenset()  # content lemmas, for deduplication
    nums: frozenset = frozenset()  # the numbers it states, for deduplication
    decision: object = None  # the Decision of its sentence, for --explain


@dataclass
class Decision:
    """What happened to one sentence, for ``--explain``."""

    start: int  # offsets in the article text
    end: int
    claims: list
    skipped: str | None = None


def subtree_ids(tok) -> set:
    return {t.i for t in tok.subtree}


def _is_anchor_date(ent) -> bool:
    t = ent.text.lower()
    if any(ch.isdigit() for ch in t):
        return True
    if any(w in t for w in datesmod.WEEKDAYS) or re.search(r"\b(" + "|".join(datesmod.MONTHS) + r")\b", t):
        return True
    return bool(re.search(r"\b(ago|last|next|this|yesterday|today|tomorrow)\b", t)) and "recent" not in t


def strong_anchors(tokens, ents) -> set:
    """Numbers and specific dates among ``tokens`` (as token indices)."""
    ids = {t.i for t in tokens}
    found = set()
    for ent in ents:
        if ent.start not in ids and ent.end - 1 not in ids:
            continue
        if ent.label_ in NUMBER_LABELS:
            if ent.label_ == "CARDINAL" and ent.text.lower() in ("one", "a", "an"):
                continue
            found.add(ent.start)
        elif ent.label_ in ("DATE", "TIME") and _is_anchor_date(ent):
            found.add(ent.start)
    for t in tokens:
        if t.like_num and t.ent_type_ == "" and t.text not in ("one",) and any(c.isdigit() for c in t.text):
            found.add(t.i)
    return found


def _past(tok) -> str:
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


class SentenceAnalyser:
    """Turns one spaCy sentence into claim drafts (see the module docstring)."""

    def __init__(self, memory: Memory, published, ents_by_sent):
        self.mem = memory
        self.published = published
        self.ents = ents_by_sent

    # -- attribution -------------------------------------------------------
    def attribution(self, sent):
        """(reporting verb, content root, speaker tokens) or (None, None, None)."""
        root = sent.root
        for verb in [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"]:
            if verb.lemma_.lower() not in REPORTING:
                continue
            comp = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if comp and subj:
                return verb, comp[0], subj[0]
            if comp and not subj and verb.i > comp[0].i:
                # "X rose 12%, the library's director, Paul Okoro, said": the parser
                # sometimes hangs the speaker on the content verb, after it
                late = [c for c in comp[0].children if c.dep_ == "nsubj" and c.i > comp[0].i]
                if late:
                    return verb, comp[0], late[-1]
        # "X rose 5%, the company said" parsed with the content as root
        for c in root.children:
            if c.dep_ in ("parataxis", "conj", "advcl") and c.lemma_.lower() in REPORTING and c.i > root.i:
                subj = [s for s in c.children if s.dep_ == "nsubj"]
                if subj and not [x for x in c.children if x.dep_ in ("ccomp", "dobj")]:
                    return c, root, subj[0]
        return None, None, None

    def speaker_name(self, subj) -> str | None:
        if subj is None:
            return None
        if subj.lower_ in ("he", "she", "him"):
            return self.mem.last_person
        if subj.lower_ in ("it", "they"):
            return self.mem.last_org
        if subj.lower_ in ("i", "we", "you"):
            return None
        sub = list(subj.subtree)
        for t in sub:
            full = self.mem.surname(t)
            if full:
                return full
        desc = self.description(subj)
        if desc:
            return desc
        inside = [e for e in self.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")
                  and e.start >= sub[0].i and e.end <= sub[-1].i + 1]
        inside.sort(key=lambda e: e.label_ != "PERSON")  # a person before the organisation they speak for
        if inside:
            return _ent_text(inside[0])
        props = [t for t in sub if t.pos_ == "PROPN"]
        if props:
            return " ".join(t.text for t in props)
        return None

    def according_to(self, toks) -> str | None:
        """The named source of "according to X" / "X estimates" style attributions."""
        for t in toks:
            if t.lower_ == "according" and t.dep_ == "prep":
                to = next((c for c in t.children if c.lower_ == "to"), None)
                obj = next((c for c in (to.children if to is not None else []) if c.dep_ == "pobj"), None)
                if obj is not None and any(x.ent_type_ in ("PERSON", "ORG") or x.pos_ == "PROPN" for x in obj.subtree):
                    return self.speaker_name(obj)
        return None

    def description(self, head) -> str | None:
        """Resolve "the Azerbaijani president" / "the company" to a name."""
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
        if lemma in ROLE_PERSON:
            return self.mem.last_person
        if lemma in ROLE_ORG:
            org = self.mem.last_org
            return org if org_matches(lemma, org) else None
        return None

    # -- splitting ---------------------------------------------------------
    def analyse(self, sent, quote_speaker: str | None = None):
        """Drafts for the sentence, or (None, reason) when it is skipped.

        ``quote_speaker`` is who a quotation opened in this sentence is attributed
        to later in the paragraph ("'We finished in 2023. It cost $40m,' said X").
        """
        toks = [t for t in sent if not t.is_space]
        words = [t for t in toks if t.is_alpha]
        if len(words) < 4:
            return None, "too short to be a claim"
        text = sent.text.strip()
        if text.rstrip("\"'”’)").endswith("?"):
            return None, "question"
        verb, content, subj = self.attribution(sent)
        speech_verb = verb
        if verb is None and sent.root.lemma_.lower() in REPORTING | SPEECH_VBG | {"announce", "propose", "cite"}:
            speech_verb = sent.root
            subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        speaker = self.speaker_name(subj) if speech_verb is not None and subj is not None else None
        attribution_ids: set = set()
        if verb is not None:
            content_ids = subtree_ids(content)
            if subj is not None and subj.i in content_ids:
                content_ids -= subtree_ids(subj)
            attribution_ids = {t.i for t in toks if t.i not in content_ids}
        quote_para = False
        if speaker is None and toks[0].text in QUOTE_OPEN and (quote_speaker or self.mem.last_speaker):
            # a quotation attributed later in the paragraph, or a paragraph that is only
            # a quotation and so continues the last speaker
            speaker = quote_speaker or self.mem.last_speaker
            quote_para = True
        if speaker is None:
            speaker = self.according_to(toks)
        drafts = self.split(sent, toks, verb, content, subj, attribution_ids, speech_verb)
        for d in drafts:
            d.speaker = speaker
        main = drafts[0]
        if verb is not None and speaker and not quote_para and content.i < verb.i:
            # "'...,' he said" / "X rose, the company said": speaker first reads on its own
            quoted = toks[0].text in QUOTE_OPEN or any(t.text in ('"', "”") for t in toks if t.i < verb.i)
            starts_pronoun = bool(PRONOUN_START.match(toks[0].text if not quoted else toks[1].text))
            if quoted or starts_pronoun:
                main.tokens = _trim([t for t in main.tokens if t.i < verb.i and t.i not in subtree_ids(subj)])
                while main.tokens and main.tokens[-1].text in (",", "—", "–"):
                    main.tokens = main.tokens[:-1]
                main.prefix = f"{speaker} {verb.text}: " if quoted else f"{speaker} {verb.text} that "
        if quote_para:
            for d in drafts:
                d.prefix = f"{speaker} said: "
                d.kind = "quote"
        if speaker and speech_verb is not None:
            self.mem.last_speaker = speaker
        return drafts, None

    def quoted_by(self, sent) -> str | None:
        """If ``sent`` ends a quotation with an attribution ("...,' said X."), who X is."""
        verb, content, subj = self.attribution(sent)
        if verb is None or subj is None or content.i > verb.i:
            return None
        if not any(t.text in ('"', "”") for t in sent if t.i < verb.i):
            return None
        return self.speaker_name(subj)

    def has_anchor(self, toks) -> bool:
        """A name, place, number or specific date among ``toks``."""
        ids = {t.i for t in toks}
        for ent in self.ents:
            if ent.start in ids and (ent.label_ in NAME_LABELS or ent.label_ in NUMBER_LABELS or
                                     (ent.label_ == "DATE" and _is_anchor_date(ent))):
                return True
        return any(t.like_num and any(c.isdigit() for c in t.text) for t in toks) or any(
            t.pos_ == "PROPN" and not t.is_sent_start for t in toks
        )

    def split(self, sent, toks, verb, content, subj, attribution_ids, speech_verb=None):
        all_ids = [t.i for t in toks]
        doc = sent.doc
        pieces: list[Draft] = []
        removed: set = set()
        core = content if content is not None else sent.root

        def remainder_has_anchor(cut: set) -> bool:
            rest = [doc[i] for i in all_ids if i not in removed and i not in cut and i not in attribution_ids]
            return bool(strong_anchors(rest, self.ents))

        subject_np = self.subject_text(core)
        source = self.source_label(subj) if speech_verb is not None else ""
        prefix = ""
        if source:
            verb_text = speech_verb.text if speech_verb.tag_ != "VBG" else _past(speech_verb)
            prefix = f"{source} {verb_text} that "

        candidates = []
        for t in toks:
            if t.i in attribution_ids and not (t.dep_ == "advcl" and t.head == verb):
                continue
            # ", adding that ..." / ", citing ..." (speech participles of the reporting verb)
            if t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() in SPEECH_VBG and speech_verb is not None and t.head == speech_verb:
                candidates.append(("speech", t))
            elif t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.pos_ in ("VERB", "AUX") and _comma_before(t):
                candidates.append(("participle", t))
            elif t.dep_ == "acl" and t.tag_ == "VBN" and _comma_before(t):
                candidates.append(("relative", t))
            elif t.dep_ == "relcl" and _comma_before(t.doc[min(subtree_ids(t))]) and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who", "that") for c in t.children
            ):
                candidates.append(("relcl", t))
            elif t.dep_ == "advcl" and t.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in t.children
            ) and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                candidates.append(("contrast", t))
            elif t.dep_ == "prep" and t.lower_ == "during" and t.head.pos_ == "VERB":
                candidates.append(("during", t))
            elif t.dep_ == "prep" and t.lower_ == "with" and _comma_before(t) and any(
                c.tag_ == "VBG" for c in t.subtree if c.dep_ in ("acl", "pcomp")
            ):
                candidates.append(("with", t))
        for kind, t in candidates:
            cut = subtree_ids(t) - removed
            if kind != "during" and t.i - 1 >= 0 and doc[min(subtree_ids(t)) - 1].text == ",":
                cut.add(min(subtree_ids(t)) - 1)
                after = max(subtree_ids(t)) + 1
                if kind in ("relative", "relcl") and after < len(doc) and doc[after].text == ",":
                    cut.add(after)
            part = [doc[i] for i in sorted(cut) if i not in attribution_ids or kind == "speech"]
            if not strong_anchors(part, self.ents) or not remainder_has_anchor(cut):
                continue
            draft = self.detached(kind, t, part, self.subject_text(t.head) if kind == "during" else subject_np, prefix,
                                  source)
            if draft is None:
                continue
            removed |= cut
            pieces.extend(draft if isinstance(draft, list) else [draft])
        # independent clauses joined by a semicolon, each with its own verb and anchor
        semis = [t.i for t in toks if t.text == ";" and t.i not in removed]
        if semis:
            bounds = [toks[0].i - 1] + semis + [toks[-1].i + 1]
            parts = [[doc[i] for i in all_ids if a < i < b and i not in removed] for a, b in zip(bounds, bounds[1:], strict=False)]
            good = all(strong_anchors(p, self.ents) and any(t.pos_ in ("VERB", "AUX") for t in p) for p in parts)
            if good and len(parts) > 1:
                for part in parts[1:]:
                    ids = {t.i for t in part}
                    pre = "" if (speech_verb is not None and speech_verb.i in ids) or not prefix else prefix
                    pieces.append(Draft(_trim([t for t in part if t.i not in attribution_ids or pre == ""]),
                                        prefix=pre, kind="clause", reasons=["split: semicolon"]))
                    removed |= ids
                removed |= set(semis)
        # coordinated verbs within the asserted content
        avail = {i for i in all_ids if i not in removed and i not in attribution_ids}
        conj_drafts, conj_cut = self.split_conjuncts(core, avail, prefix, subject_np)
        removed |= conj_cut
        pieces.extend(conj_drafts)
        main = _trim([doc[i] for i in all_ids if i not in removed])
        drafts = [Draft(main, kind="sentence")] + pieces
        if pieces:
            drafts[0].reasons.append("split: main clause")
        return drafts

    def split_conjuncts(self, head, avail: set, prefix: str, subject_np: str):
        """Verbs coordinated with ``head`` as separate drafts, where each part keeps an anchor.

        Returns (drafts, token ids they took from the clause).
        """
        doc = head.doc
        drafts: list[Draft] = []
        taken: set = set()
        for c in [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i in avail]:
            cut = subtree_ids(c) & avail
            # the coordinating word and the comma before the conjunct go with it
            cut |= {x.i for x in head.children if x.dep_ in ("cc", "punct") and head.i < x.i < c.i and x.i not in taken}
            part = [doc[i] for i in sorted(cut) if not (doc[i].head == head and doc[i].dep_ in ("cc", "punct"))]
            rest = [doc[i] for i in sorted(avail - taken - cut)]
            if not strong_anchors(part, self.ents) or not strong_anchors(rest, self.ents):
                continue
            has_subj = any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
            pre = prefix + ("" if has_subj or not subject_np else subject_np + " ")
            drafts.append(Draft(_trim(part), prefix=pre, kind="conjunct", reasons=["split: coordinated clause"]))
            taken |= cut
        return drafts, taken

    def subject_text(self, verb) -> str:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            return ""
        return self.render(list(subj[0].subtree), resolve=True).rstrip(".")

    def source_label(self, subj) -> str:
        """Who a detached clause is attributed to: the speaker's name, else the subject as written."""
        if subj is None:
            return ""
        return self.speaker_name(subj) or self.render(list(subj.subtree), resolve=True)

    def detached(self, kind, t, part, subject_np, prefix, source=""):
        if kind == "speech":
            body = [p for p in part if p.i > t.i]
            body = [p for p in body if not (p.dep_ == "mark" and p.head.head == t and p.i == body[0].i)]
            if not source:
                return None
            head = f"{source} {_past(t)} "
            if t.lemma_.lower() != "cite":
                head += "that "
            return Draft(_trim(body), prefix=head, kind="clause", reasons=[f"split: '{t.text}' clause"],
                         quote_tokens=_trim(part))
        if kind == "participle":
            if not subject_np:
                return None
            body = [p for p in part if p.i > t.i]
            return Draft(_trim(body), prefix=prefix + f"{subject_np} {_past(t)} ", kind="clause",
                         reasons=[f"split: participle clause '{t.text}'"], quote_tokens=_trim(part))
        if kind == "relative":
            noun = t.head
            np = [x for x in noun.subtree if x.i not in subtree_ids(t)]
            np_text = self.render(_trim(np), resolve=True).rstrip(".,")
            aux = "were" if noun.tag_ in ("NNS", "NNPS") else "was"
            return Draft(_trim(part), prefix=f"{_capitalise(np_text)} {aux} ", kind="relative",
                         reasons=["split: relative clause"])
        if kind == "relcl":
            noun = t.head
            np = [x for x in noun.subtree if x.i not in subtree_ids(t) and x.i < t.i]
            np_text = self.render(_trim(np), resolve=True).rstrip(".,")
            body = [p for p in part if not (p.head == t and p.dep_ in ("nsubj", "nsubjpass") and p.lower_ in ("which", "who", "that"))]
            return Draft(_trim(body), prefix=f"{_capitalise(np_text)} ", kind="relative", reasons=["split: relative clause"])
        if kind == "contrast":
            body = [p for p in part if not (p.head == t and p.dep_ == "mark")]
            avail = {p.i for p in body}
            conj, taken = self.split_conjuncts(t, avail, prefix, self.subject_text(t))
            own = [p for p in body if p.i not in taken]
            return [Draft(_trim(own), prefix=prefix, kind="clause", reasons=["split: contrasting clause"])] + conj
        if kind == "with":
            vbg = next((c for c in t.subtree if c.tag_ == "VBG" and c.dep_ in ("acl", "pcomp")), None)
            if vbg is None:
                return None
            body = [p for p in part if p.i != t.i and p.text != ","]
            future = any(e.label_ == "DATE" and _future_year(e.text, self.published) for e in self.ents
                         if e.start in {b.i for b in body})
            verb_form = f"will {vbg.lemma_}" if future else _past(vbg)
            return Draft(_trim(body), prefix=prefix, kind="clause", reasons=["split: 'with' clause"],
                         quote_tokens=_trim(part), suffix="").with_replacement(vbg.i, verb_form)
        if kind == "during":
            obj = [c for c in t.children if c.dep_ == "pobj"]
            if not obj or not subject_np:
                return None
            body = [p for p in part if p.i != t.i]
            owner = subject_np
            repl = {}
            for p in body:
                if p.dep_ == "poss" and p.head == obj[0] and p.lower_ in ("his", "her", "its", "their"):
                    repl[p.i] = ""
                    root_subj = self.subject_text(t.sent.root)
                    if p.lower_ in ("his", "her"):
                        owner = self.mem.last_person or root_subj or owner
                    elif root_subj:
                        owner = root_subj
            d = Draft(_trim(body), prefix=f"{owner}'s " if repl else f"{owner}: ", kind="adjunct",
                      reasons=["split: 'during' adjunct"], quote_tokens=_trim(part))
            for i, r in repl.items():
                d.with_replacement(i, r)
            root = t.sent.root
            dated = [e for e in self.ents if e.label_ == "DATE" and root.i in (e.root.head.i, e.root.head.head.i)]
            if dated and repl:
                d.suffix = " took place " + self.render(self._with_prep(dated[0]))
                d.extra_ids = [x.i for x in dated[0]]
            elif repl:
                d.suffix = " took place"
            return d
        return None

    def _with_prep(self, ent):
        toks = list(ent)
        head = ent.root.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            toks = [head] + toks
        return toks

    # -- rendering ---------------------------------------------------------
    def render(self, tokens, resolve: bool = True, replacements: dict | None = None) -> str:
        """Tokens to text, with names resolved and relative dates annotated."""
        replacements = replacements or {}
        out = []
        skip_until = -1
        ids = {t.i for t in tokens}
        first = tokens[0].i if tokens else 0
        for k, t in enumerate(tokens):
            if t.i <= skip_until:
                continue
            text = t.text
            if t.i in replacements:
                text = replacements[t.i]
            elif resolve:
                text, skip_until = self.resolve_token(t, ids, first, "".join(out))
            ws = t.whitespace_
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and nxt.i != t.i + 1 and skip_until < nxt.i - 1:
                ws = " " if not nxt.is_punct or nxt.text in "\"“(‘" else ""
            if skip_until > t.i:
                last = t.doc[skip_until]
                ws = last.whitespace_ if (nxt is None or nxt.i == skip_until + 1) else " "
            out.append(text + ws)
        s = "".join(out)
        return _tidy(s)

    def resolve_token(self, t, ids, first, so_far: str = ""):
        """Replacement text for token ``t`` and the last token index it covers."""
        low = t.lower_

        def fresh(name: str | None) -> bool:
            return bool(name) and name.split()[-1] not in so_far

        if low in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and fresh(self.mem.last_person):
            return self.mem.last_person, t.i
        if low == "it" and t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ != "be" and not any(
            c.dep_ in ("ccomp", "xcomp") and c.i > t.head.i and any(m.lower_ in ("that", "to") for m in c.children)
            for c in t.head.children if t.head.lemma_ in ("seem", "appear", "remain", "become")
        ) and fresh(self.mem.last_subject_org):
            return self.mem.last_subject_org, t.i
        if low == "they" and t.dep_ in ("nsubj", "nsubjpass") and fresh(self.mem.last_plural):
            return self.mem.last_plural, t.i
        if low in ("his", "her") and t.dep_ == "poss" and fresh(self.mem.last_person):
            return self.mem.last_person + "'s", t.i
        if low == "its" and t.dep_ == "poss" and (t.i - first <= 2 or t.head.lower_ in ORG_ATTRIBUTES) and fresh(self.mem.last_org):
            return self.mem.last_org + "'s", t.i
        if t.i == first and low in ("that", "this") and t.dep_ == "det":
            return "The" if t.text[0].isupper() else "the", t.i
        if t.dep_ == "det" and low == "the" and t.head.pos_ == "NOUN" and t.head.dep_ in ("nsubj", "nsubjpass", "poss", "pobj"):
            name = self.description(t.head)
            if name and fresh(name):
                head = t.head
                span = [x for x in head.subtree if x.i <= head.i]
                right = [x for x in head.subtree if x.i > head.i and not x.is_punct and x.tag_ != "POS"]
                if all(x.i in ids for x in span) and span[0].i == t.i:
                    if not right:
                        return name, head.i
                    words = "".join(x.text_with_ws for x in span).strip()
                    return f"{words} ({name})", head.i
        full = self.mem.surname(t)
        if full and fresh(full.split()[0]):
            return full, t.i
        if t.ent_type_ == "DATE" and t.ent_iob_ == "B" and self.published is not None:
            ent = next((e for e in self.ents if e.start == t.i), None)
            if ent is not None and datesmod.is_relative(ent.text) and all(x.i in ids for x in ent):
                iso = datesmod.resolve(ent.text, self.published, future=_is_future(ent.root))
                if iso:
                    last = t.doc[ent.end - 1]
                    return ent.text + f" ({datesmod.humanise(iso)})", last.i
        return t.text, t.i


def _comma_before(t) -> bool:
    return t.i > 0 and t.doc[t.i - 1].text in (",", "—", "–")


def _future_year(text: str, published) -> bool:
    m = re.search(r"\b(20\d\d|19\d\d)\b", text)
    if not m:
        return "next" in text.lower()
    return published is not None and int(m.group(1)) > published.year


def _is_future(tok) -> bool:
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
    return any(c.lower_ in ("will", "'ll", "shall") for c in head.children) or head.lemma_.lower() in (
        "plan", "schedule", "commemorate", "aim", "intend") or any(c.lower_ in ("next", "coming") for c in tok.subtree)


_EDGE_PUNCT = {",", ";", ":", ".", "—", "–", "-", "--", "…", "!"}


def _trim(tokens):
    """Drop leading/trailing separators and coordinators, and discourse markers."""
    toks = list(tokens)
    changed = True
    while toks and changed:
        changed = False
        if toks and (toks[0].text in _EDGE_PUNCT or toks[0].dep_ == "cc"):
            toks = toks[1:]
            changed = True
        elif toks and (toks[-1].text in _EDGE_PUNCT or toks[-1].dep_ == "cc"):
            toks = toks[:-1]
            changed = True
    # leading "Still," / "However," / "Regarding X," / "Concerning X,"
    if len(toks) > 3:
        first = toks[0]
        if first.lower_ in ("still", "however", "meanwhile", "also", "moreover", "furthermore", "but", "and", "yet", "so"):
            k = 1
            if len(toks) > 1 and toks[1].text == ",":
                k = 2
            toks = toks[k:]
        elif first.lower_ in ("regarding", "concerning", "on", "as", "in") and first.dep_ in ("prep", "advcl"):
            sub = subtree_ids(first)
            k = 0
            while k < len(toks) and toks[k].i in sub:
                k += 1
            if k < len(toks) and toks[k].text == "," and first.lower_ in ("regarding", "concerning") and k < 8:
                toks = toks[k + 1:]
    return toks


def _tidy(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s+([,.;:!?%])", r"\1", s)
    s = re.sub(r",\s*,", ",", s)
    s = re.sub(r"([(\[“])\s+", r"\1", s)
    s = s.replace(" ’s", "’s").replace(" 's", "'s")
    s = re.sub(r"\b([A-Z][A-Za-z]*s)([’'])s\b", r"\1\2", s)  # "Turkic States’s" -> "Turkic States’"
    return s


def _capitalise(s: str) -> str:
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
        text = text[:prefix_len] + balance_quotes(_tidy(text[prefix_len:]).rstrip(",;:—– "))
    text = _tidy(text).rstrip(",;:—– ")
    text = re.sub(r"[,;:]\s*([”\"’])$", r"\1", text)
    if text and not re.search(r"[.!?][\"”’)]*$", text):
        if re.search(r"[\"”’]$", text):
            text = text[:-1] + "." + text[-1]
        else:
            text += "."
    return _capitalise(text)
