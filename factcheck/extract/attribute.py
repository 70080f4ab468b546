"""Step: attribute. Who a sentence's statement belongs to.

A reporting verb ("said", "added", "estimates", ...) with a clausal complement
marks an attributed statement; its subject, resolved to a name, is the claim's
``speaker``. "According to X" names a source; a paragraph that is only a
quotation inherits the last speaker, or the one named after it ("'...,' said X").
"""

from __future__ import annotations

from dataclasses import dataclass

from .resolve import description, ent_text, in_quotation
from .syntax import open_quotation_at, subtree_ids, trim, words
from .vocab import (
    AUTHORING_VERBS,
    COMMITMENT_VERBS,
    FINDERS_OF_RECORD,
    FIRST_SECOND_PERSON,
    NOT_SPEAKER_LABELS,
    PLEA_VERBS,
    PRONOUN_START,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    REPORTING,
    ROLE_ORG,
    ROLE_PERSON,
    SPEAKER_LABELS,
    SPEECH_ROOTS,
    STATEMENT_VERBS,
)


@dataclass
class Attribution:
    """The attribution found in one sentence."""

    verb: object = None  # the reporting verb with a clausal complement
    content: object = None  # the root of what is reported
    subj: object = None  # the speaker's token
    speech_verb: object = None  # the reporting verb, or a speech-verb root without a complement
    speaker: str | None = None
    ids: frozenset = frozenset()  # tokens of the attribution itself ("police said")
    quote_para: bool = False  # a quotation paragraph continuing or anticipating a speaker


def reporting_clause(sent):
    """(reporting verb, content root, speaker token) or (None, None, None)."""
    root = sent.root
    for verb in [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"]:
        if verb.lemma_.lower() not in REPORTING:
            continue
        if any(c.dep_ == "auxpass" for c in verb.children):
            continue  # "Revenue is estimated to reach ...": a passive report names no speaker
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
            continue  # "... but did not say whether ...": nothing said to attribute
        comp = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")
                and not (c.dep_ == "xcomp" and verb.lemma_.lower() in COMMITMENT_VERBS)]  # "agreed to buy": an act
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subj) > 1 and subj[0].pos_ == "NOUN" and subj[1].pos_ == "PROPN":
            subj = subj[1:]  # "the utility Valcor Energy said", parsed as two subjects: the name
        if not subj and verb is not root and not any(c.dep_ == "nsubjpass" for c in verb.children):
            # "Mayor Ruiz called the budget painful and said the town would ...": the shared subject
            # ("The treasurer was arrested in May and said she would fight the charges": a passive one too)
            subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
        if verb.lemma_.lower() == "find" and subj and subj[0].lemma_.lower() in FINDERS_OF_RECORD:
            continue  # a verdict is reported as a fact of record
        if comp and subj:
            if verb is not root and comp[0].i < verb.i and verb.dep_ == "conj":
                # "A won 40%, and B came second, the officer announced": the tag covers both clauses
                return verb, root, subj[0]
            return verb, comp[0], subj[0]
        if comp and not subj and verb.i > comp[0].i:
            # "X rose 12%, the library's director, Paul Okoro, said": the parser
            # sometimes hangs the speaker on the content verb, after it
            late = [c for c in comp[0].children if c.i > comp[0].i and (
                c.dep_ == "nsubj" or (c.dep_ == "npadvmod" and c.pos_ == "PROPN"))]
            if late:
                return verb, comp[0], late[-1]
            # "X will rise 3%, Acme Research forecasts": the trailing verb tagged as a
            # plural noun, its subject as compounds of it
            names = [c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if verb.pos_ == "NOUN" and names:
                return verb, comp[0], names[-1]
    # "X rose 5%, the company said" parsed with the content as root
    for c in root.children:
        if c.dep_ in ("parataxis", "conj", "advcl") and c.lemma_.lower() in REPORTING and c.i > root.i:
            if [x for x in c.children if x.dep_ in ("ccomp", "dobj")]:
                continue
            subj = [s for s in c.children if s.dep_ == "nsubj"]
            if subj:
                return c, root, subj[0]
            # "..., the city's director, Ana Ruiz, said": the speaker left hanging on the root
            loose = [x for x in root.children if root.i < x.i < c.i and x.dep_ in ("npadvmod", "appos", "nsubj")
                     and x.pos_ in ("NOUN", "PROPN") and x.ent_type_ not in NOT_SPEAKER_LABELS]
            if c.dep_ == "conj" and loose:
                return c, root, loose[-1]
    tag = trailing_noun_tag(sent)
    if tag is not None:
        return tag
    # "The utility posted a notice saying the fault was fixed": the speaker is the
    # subject of the clause the speech participle hangs on
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for c in root.children:
        if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in REPORTING and subj is not None:
            comp = [x for x in c.children if x.dep_ == "ccomp" and x.pos_ in ("VERB", "AUX")]
            if comp:
                return c, comp[0], subj
    return None, None, None


def trailing_noun_tag(sent):
    """"X will rise 3%, Acme Research forecasts.": a closing reporting verb the tagger read as a
    plural noun, its speaker as compounds of it. (verb, content root, speaker token) or None."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < 4:
        return None
    last = words[-1]
    if last.pos_ != "NOUN" or last.tag_ != "NNS" or last.lemma_.lower() not in REPORTING or last == sent.root:
        return None
    names = [c for c in last.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names:
        return None
    first = min(subtree_ids(last))
    if first == 0 or sent.doc[first - 1].text != ",":
        return None  # only a tag set off by a comma after the statement
    return last, sent.root, names[-1]


def noun_phrase(head, *, keep_det: bool = False) -> list:
    """The tokens of ``head``'s noun phrase up to the head: possessors, compounds, modifiers.

    What follows the head (prepositional phrases, relative clauses, appositions)
    is left out: "the harbour's chief engineer, who ..." -> "the harbour's chief engineer".
    """
    # only the contiguous stretch of the subtree ending at the head (an opening clause is not part of it)
    ids = subtree_ids(head)
    doc = head.doc
    i = head.i
    while i - 1 in ids:
        i -= 1
    out = [doc[k] for k in range(i, head.i + 1)]
    while out and (out[0].is_punct or (not keep_det and out[0].dep_ == "det" and out[0].head == head)):
        out = out[1:]
    return out


def phrase_text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _person_in(tok, ctx) -> str | None:
    """The full name of the person ``tok`` is part of, if it is one."""
    full = ctx.mem.surname(tok)
    if full:
        return full
    if tok.ent_type_ == "PERSON":
        ent = next((e for e in ctx.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return ent_text(ent)
    return None


def _with_alias(ent) -> str:
    """An organisation's name with the short form the article gives beside it ("Acme Data Corp or ADC")."""
    name = ent_text(ent)
    alias = next((c for c in ent.root.children if c.dep_ == "conj" and c.is_upper and len(c.text) >= 2
                  and any(x.lower_ == "or" for x in ent.root.children if x.dep_ == "cc")), None)
    return f"{name} ({alias.text})" if alias is not None else name


def _skip_clauses(tok) -> list:
    """``tok``'s subtree without the relative and participle clauses inside it (once per token)."""
    cache = tok.doc.user_data.setdefault("factcheck_skip_clauses", {})
    if tok.i not in cache:
        cache[tok.i] = _walk_skipping_clauses(tok)
    return cache[tok.i]


def _walk_skipping_clauses(tok) -> list:
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl"))
    return sorted(out, key=lambda t: t.i)


def speaker_name(subj, ctx) -> str | None:
    """The name a speaker token stands for (pronouns and descriptions resolved).

    In order: a pronoun's antecedent; a person named in the subject ("the
    envoy, Ana Ruiz,"); the body a proper-noun subject names ("Norland's Energy
    Ministry", not "research firm"); a description resolved to a name ("the
    company"); the author of "a report by X" / "a spokeswoman for X"; else the
    noun phrase as written ("police", "the county's auditors").
    """
    if subj is None:
        return None
    if subj.lower_ in ("he", "she", "him"):
        # not a person the article already called by the other pronoun (resolve.Memory.person_fits)
        return ctx.mem.person_for(subj)
    if subj.lower_ in ("it", "they"):
        # "The agency opened three clinics ..., it said": the statement's own subject, when it names a body
        verb = subj.head
        stated = [verb.sent.root] + [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < subj.i]
        own = next((c for v in stated for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < subj.i
                    and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("PERSON", "GPE", "LOC")
                    and (c.pos_ == "PROPN" or c.lemma_.lower() in ROLE_ORG)), None)
        if own is not None and own.i != subj.i:
            name = speaker_name(own, ctx)
            if name:
                return name
        return ctx.mem.last_org
    if subj.lower_ in FIRST_SECOND_PERSON:
        return None
    own = _skip_clauses(subj)
    ids = {t.i for t in own}
    for t in own:
        name = _person_in(t, ctx)
        if name:
            return name
    named = next((c for c in subj.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
    if subj.pos_ == "NOUN" and named is not None and not any(c.dep_ in ("det", "poss") for c in subj.children):
        return speaker_name(named, ctx)  # "Owner and operator Harbor Lines AG": the body, not the roles
    if subj.pos_ == "PROPN":
        org = next((e for e in ctx.ents if e.start <= subj.i < e.end and e.label_ == "ORG"), None)
        if org is not None and not any(t.dep_ == "poss" for t in noun_phrase(subj)):
            return _with_alias(org)  # "Owner and operator Harbor Lines" -> "Harbor Lines"
        np = noun_phrase(subj)
        while np and np[0].pos_ not in ("PROPN",) and np[0].dep_ != "poss":
            np = np[1:]  # "research firm Acme" -> "Acme"
        if np:
            return phrase_text(np)
    if subj.pos_ == "NOUN":
        # "the utility Valcor Energy said": the body named in apposition, not its description
        for app in (c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
            org = next((e for e in ctx.ents if e.start <= app.i < e.end and e.label_ in ("ORG", "NORP")), None)
            if org is not None:
                return _with_alias(org)
    desc = description(subj, ctx.mem)
    if desc:
        return desc
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "for", "of", "at")):
        names = [e for e in ctx.ents if e.label_ in SPEAKER_LABELS and e.start > prep.i and e.end - 1 in ids]
        if names:
            return _with_alias(names[0])
    np = noun_phrase(subj)
    if subj.pos_ == "NOUN" and any(c.lower_ == "the" for c in subj.children) and len(np) == 1:
        fuller = ctx.mem.mention(subj)  # "the survey" -> "the Institute's survey"
        if fuller:
            return fuller
    names = [e for e in ctx.ents if e.label_ in ("ORG", "NORP") and np and e.start >= np[0].i and e.end <= subj.i + 1]
    if names and subj.lemma_.lower() in ROLE_PERSON:
        return ent_text(names[0])  # "an Acme spokeswoman" speaks for Acme
    if np and subj.pos_ in ("NOUN", "PROPN"):
        the = [c for c in subj.children if c.dep_ == "det" and c.lower_ == "the"]
        return phrase_text(the + np)  # "the report", "police"
    return None


def source_label(subj, ctx) -> str:
    """Who a detached clause is attributed to: the speaker's name, else the subject as written."""
    if subj is None:
        return ""
    return speaker_name(subj, ctx) or ctx.render(list(subj.subtree), resolve=True)


def according_to(toks, ctx) -> str | None:
    """The source named by "according to X": a name, the author of "a report by X", or X as written."""
    for t in toks:
        if t.lower_ == "according" and t.dep_ == "prep":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            obj = next((c for c in (to.children if to is not None else []) if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            if obj.pos_ == "NOUN":
                # "a report by X", "data from X", "a trial led by X", "a survey carried out by X"
                made = [c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                        and c.lemma_.lower() in AUTHORING_VERBS]
                by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None) or next(
                    (c for m in made for c in m.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")),
                    None)
                author = next((c for c in (by.children if by is not None else []) if c.dep_ == "pobj"), None)
                if author is not None:
                    return speaker_name(author, ctx)
            return speaker_name(obj, ctx)
    return None


def quoted_by(sent, ctx) -> str | None:
    """If ``sent`` ends a quotation with an attribution ("...,' said X."), who X is."""
    verb, content, subj = reporting_clause(sent)
    if verb is None or subj is None or content.i > verb.i:
        return None
    if not any(t.text in QUOTE_CLOSE for t in sent if t.i < verb.i):
        return None
    return speaker_name(subj, ctx)


def quotation_state(sent) -> tuple[str | None, str | None]:
    """(mark open when the sentence starts, mark open when it ends) within its paragraph.

    A quotation of several sentences ('"A," said X. "B. C."') leaves its middle and last
    sentences without one of their marks; a claim made of one is given them back.
    """
    cache = sent.doc.user_data.setdefault("factcheck_quotation_state", {})
    state = cache.get(sent.start)
    if state is None:
        state = cache[sent.start] = (open_quotation_at(sent.doc, sent.start_char), open_quotation_at(sent.doc, sent.end_char))
    return state


def opens_quote(sent) -> bool:
    """The sentence opens a quotation it does not close."""
    toks = words(sent)
    return bool(toks) and toks[0].text in QUOTE_OPEN and not any(t.text in QUOTE_CLOSE for t in toks[1:])


def attribute(sent, ctx, quote_speaker: str | None = None) -> Attribution:
    """Find who the sentence's statement belongs to.

    ``quote_speaker`` is who a quotation opened in this sentence is attributed
    to later in the paragraph ("'We finished in 2023. It cost $40m,' said X").
    """
    toks = words(sent)
    verb, content, subj = reporting_clause(sent)
    if verb is not None and in_quotation(verb):
        verb = content = subj = None  # "“We sat down and said: ...”": speech inside a quotation is quoted
    speech_verb = verb
    if verb is None and sent.root.lemma_.lower() in SPEECH_ROOTS and not in_quotation(sent.root) \
            and sent.root.lemma_.lower() not in PLEA_VERBS:
        # the active subject only: "Revenue is estimated to ...", "Smith was told ..." name no speaker
        subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        # "Acme reported a loss" / "He added: '...'" / "Mayor Ruiz stressed the deal";
        # not "Acme maintained its lead"
        if (sent.root.lemma_.lower() in STATEMENT_VERBS
                or any((t.text in QUOTE_OPEN or t.text == ":") and t.i > sent.root.i for t in toks)
                or (subj is not None and (subj.lower_ in ("he", "she") or _person_in(subj, ctx))
                    and sent.root.lemma_.lower() != "add")):  # "He added a second goal" is no statement
            speech_verb = sent.root
        else:
            subj = None
    speaker = speaker_name(subj, ctx) if speech_verb is not None and subj is not None else None
    ids: set = set()
    if verb is not None:
        content_ids = subtree_ids(content)
        if verb.i in content_ids:  # the reporting verb parsed as part of the content ("X rose, Y said" as conj)
            content_ids -= subtree_ids(verb)
            # ... with the clause before it that it reports ("..., and B came second, the officer announced")
            content_ids |= {i for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i for i in subtree_ids(c)}
        if subj is not None and subj.i in content_ids:
            content_ids -= subtree_ids(subj)
        ids = {t.i for t in toks if t.i not in content_ids}
    quote_para = False
    inside = quotation_state(sent)[0] is not None
    if speaker is None and (toks[0].text in QUOTE_OPEN or inside) and (quote_speaker or ctx.mem.last_speaker):
        # a quotation attributed later in the paragraph, or a paragraph that is only
        # a quotation and so continues the last speaker
        speaker = quote_speaker or ctx.mem.last_speaker
        quote_para = True
    if speaker is None:
        speaker = according_to(toks, ctx)
    return Attribution(verb, content, subj, speech_verb, speaker, frozenset(ids), quote_para)


def _reported(draft) -> bool:
    """A draft that is itself a reported statement ("..., adding that X") keeps its speaker."""
    return any(step == "split: speech-clause" for step in draft.steps)


def _closing_adjunct(draft, sent) -> bool:
    """The draft was split from an adjunct set off by a comma at the sentence's end."""
    if draft.kind != "adjunct":
        return False
    toks = sorted((t for t in (draft.quote_tokens or draft.tokens) if not t.is_space), key=lambda t: t.i)
    if not toks or toks[0].i == 0 or sent.doc[toks[0].i - 1].text != ",":
        return False
    return all(t.is_punct or t.is_space for t in sent if t.i > toks[-1].i)


def _articles_own(draft, attr: Attribution, sent) -> bool:
    """Whether a part split from an attributed sentence is the article's own statement, not the source's.

    - it lies outside what is reported ("..., said X during a visit to Y"; "X, which opened in 2019, said");
    - it is about the source itself ("..., according to the institute, founded in 1990");
    - it is a relative clause inside reported speech, which describes what the article takes as given
      ("Ruiz proposed that the congress, held in 1926, be marked"; data "according to X" stay X's);
    - it is an adjunct set off by a comma closing the sentence, which hangs on the saying ("X proposed
      that ..., during his address at the summit"; the parser often sinks it into the reported clause).
    """
    toks = words(sent)
    if attr.content is not None and not _reported(draft):
        content_ids = subtree_ids(attr.content)
        if attr.verb is not None and attr.verb.i in content_ids:
            content_ids -= subtree_ids(attr.verb)
        if not any(t.i in content_ids for t in draft.tokens):
            return True
    if attr.verb is None and not attr.quote_para:
        source_ids = next((subtree_ids(t) for t in toks if t.lower_ == "according" and t.dep_ == "prep"), set())
    else:
        source_ids = subtree_ids(attr.subj) if attr.subj is not None else set()
    if all(t.i in source_ids for t in draft.tokens):
        return True
    return attr.verb is not None and (draft.kind == "relative" or _closing_adjunct(draft, sent))


def _relative_speaker(draft, ctx) -> str | None:
    """"Among them was Ruth Malm, who said the bill did too little": the clause split off is what
    its noun said."""
    for v in draft.tokens:
        if v.dep_ == "relcl" and v.lemma_.lower() in REPORTING and any(c.dep_ == "ccomp" for c in v.children) and any(
                c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in v.children):
            return speaker_name(v.head, ctx)
    return None


def apply(drafts, attr: Attribution, sent, ctx) -> None:
    """Give the drafts their speaker, and put the speaker first where the attribution trails."""
    toks = words(sent)
    speaker, verb = attr.speaker, attr.verb
    for k, d in enumerate(drafts):
        d.speaker = None if k > 0 and d.tokens and _articles_own(d, attr, sent) else speaker
        if d.speaker is None and d.kind == "relative":
            d.speaker = _relative_speaker(d, ctx)
    main = drafts[0]
    if verb is not None and speaker and speaker[:1].isupper() and not attr.quote_para and attr.content.i < verb.i:
        # "'...,' he said" / "X rose, the company said": speaker first reads on its own
        quoted = toks[0].text in QUOTE_OPEN or any(t.text in QUOTE_CLOSE for t in toks if t.i < verb.i)
        starts_pronoun = bool(PRONOUN_START.match(toks[0].text if not quoted else toks[1].text))
        if quoted or starts_pronoun:
            main.tokens = trim([t for t in main.tokens if t.i < verb.i and t.i not in subtree_ids(attr.subj)])
            while main.tokens and main.tokens[-1].text in (",", "—", "–"):
                main.tokens = main.tokens[:-1]
            main.prefix = f"{speaker} {verb.text}: " if quoted else f"{speaker} {verb.text} that "
            main.steps.append("attribution moved first")
    starts, ends = quotation_state(sent)
    if attr.quote_para or (starts and speaker):
        for d in drafts:
            d.prefix = f"{speaker} said: " + (starts or "")
            d.kind = "quote"
            d.steps.append("quotation attributed to its speaker")
    if ends and (attr.quote_para or starts or len(drafts) == 1):
        for d in drafts:
            d.suffix += "”" if ends == "“" else '"'  # the quotation goes on in the next sentence
    if speaker and attr.speech_verb is not None:
        ctx.mem.last_speaker = speaker
