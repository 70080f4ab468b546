"""Running extraction over one article or a batch, in bounded memory.

The steps, each a module of its own, run in this order:

1. ``segment``: the article body as paragraphs; headlines, bylines, datelines
   and page furniture are classified without being parsed.
2. ``attribute``: who each sentence's statement belongs to.
3. ``select``: sentences with nothing checkable in what they assert are skipped.
4. ``splitters``: the sentence cut into atomic drafts, one construct at a time
   (``splitters.REGISTRY``).
5. ``render`` with ``resolve``: drafts to text, referring expressions and
   relative dates resolved; ``select`` then keeps check-worthy claims.
6. ``dedupe``: one claim per fact across the article.

Every paragraph of every article goes through one ``nlp.pipe`` stream, so the
model is loaded once per batch and a 20 MB file never has to fit in spaCy's
``max_length``. Claims are built as each parsed paragraph arrives; only the
claims are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from ..article import Article
from ..bounds import bounded
from . import attribute as attribution
from . import dates as datesmod
from . import score as S
from . import scorer, segment, select, splitters
from .context import Context
from .dedupe import dedupe, numbers, signature
from .guard import text_problem
from .records import Claim, Decision, Draft
from .render import finish
from .resolve import Memory
from .splitters import speech_clause
from .syntax import doc_ents, doc_tokens, sent_ents, sent_text, words


@dataclass
class ArticleResult:
    article: Article
    claims: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    #: relative time phrases left unresolved because the article has no publication date
    unresolved_dates: int = 0


def _stream(articles: list[Article], results: list[ArticleResult]):
    for ai, art in enumerate(articles):
        first_start = None  # the first paragraph parsed: where a "Place:" dateline can stand
        for para in bounded(segment.paragraphs(art.text, art.body_start)):  # bounded work per paragraph
            if para.skip:
                results[ai].decisions.append(Decision(para.start, para.start + len(para.text), [], para.skip))
                continue
            cut = segment.strip_dateline(para.text, first=first_start is None) \
                if para.start - art.body_start < 400 and not para.author and not para.lead else 0
            first_start = para.start if first_start is None else first_start
            text = para.text[cut:]
            yield text, (ai, para.start + cut, para.author, para.lead, text)


def extract_articles(articles: list[Article], nlp, *, on_article_done=None, batch_size: int = 64,
                     registry=None, explain: bool = False) -> list[ArticleResult]:
    """Extract claims from every article, parsing all paragraphs in one stream.

    ``explain`` keeps on every claim what moved its scores (for ``--explain``; it costs memory).

    ``registry`` replaces ``splitters.REGISTRY`` (the constructs to split on).
    """
    results = [ArticleResult(a) for a in articles]
    memories = [Memory.for_text(a.text) for a in articles]  # roles read from the whole article, once
    frames = [datesmod.Frame() for _ in articles]  # the time each article is about, sentence by sentence
    finished = 0  # articles before this index are complete

    def complete_until(stop: int) -> None:
        nonlocal finished
        while finished < stop:
            results[finished].claims = dedupe(results[finished].claims)
            art = results[finished].article
            if art.published is None and results[finished].unresolved_dates:
                art.warnings.append(datesmod.undated_warning(results[finished].unresolved_dates))
            if on_article_done:
                on_article_done(results[finished])
            finished += 1

    for doc, (ai, offset, author, lead, text) in nlp.pipe(_stream(articles, results), as_tuples=True,
                                                          batch_size=batch_size):
        complete_until(ai)
        doc.user_data["factcheck_text"] = text  # what was parsed, so no step rebuilds it from tokens
        if lead and not _has_clause(doc):
            _list_item(doc, offset, results[ai], memories[ai], frames[ai], lead, explain)
        else:
            frames[ai] = _process_doc(doc, offset, results[ai], memories[ai], registry, frames[ai], explain, author)
        # the per-paragraph caches hold tokens, and tokens hold the doc: emptied here, the doc is freed
        # at once instead of by the cyclic collector (which otherwise costs ~10% of extraction time)
        doc.user_data.clear()
    complete_until(len(articles))
    return results


#: The lead-in's verdict for a list item: the item is read as part of it.
_LEAD_IN = SimpleNamespace(verifiable=1.0)


def _has_clause(doc) -> bool:
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc)


def _list_item(doc, offset: int, result: ArticleResult, mem: Memory, frame, lead: str, explain: bool) -> None:
    """A verbless list item ("North: 16.4%") is a claim when read with the sentence that introduces the
    list: "Rates varied across the regions: North: 16.4%." Kept when it states a figure or a date."""
    art = result.article
    toks = [t for t in doc if not t.is_space]
    if not toks:
        return
    start, end = offset + toks[0].idx, offset + toks[-1].idx + len(toks[-1].text)
    ctx = Context(mem, art.published, doc_ents(doc))
    made = []
    if select.strong_anchors(toks, ctx.ents):
        d = Draft(toks, prefix=lead.rstrip(" :") + ": ", kind="list-item")
        d.steps.append("list item read with the sentence introducing the list")
        claim, _sc = _build(ctx, d, offset, art, part=True, whole=lambda: _LEAD_IN, sent=None, frame=frame,
                            explain=explain)
        if claim is not None:
            made.append(claim)
    decision = Decision(start, end, made, None if made else "list item without a figure or date")
    for c in made:
        c.decision = decision
    result.decisions.append(decision)
    result.claims.extend(made)


def _process_doc(doc, offset: int, result: ArticleResult, mem: Memory, registry=None,
                 frame: datesmod.Frame | None = None, explain: bool = False,
                 author: str | None = None) -> datesmod.Frame:
    art = result.article
    frame = (frame or datesmod.Frame()).next_paragraph()  # each doc is one paragraph
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        if not sent_text(sent).strip():
            continue
        ents = sent_ents(sent)
        start = offset + sent.start_char
        end = offset + sent.end_char
        mem.observe_before_pronouns(sent)
        ctx = Context(mem, art.published, ents)
        drafts, why = _drafts(sent, sents[k + 1:k + 4], ctx, art, registry, author)
        made, low = _build_all(ctx, drafts, offset, art, sent, frame, explain)
        if drafts and len(drafts) > 1:
            bad = next((p for p in (text_problem(c.text) for c in made) if p), None)
            if bad:  # the guard: a broken split falls back to the whole sentence
                drafts, why = _drafts(sent, sents[k + 1:k + 4], ctx, art, [], author)
                made, low = _build_all(ctx, drafts, offset, art, sent, frame, explain)
                for c in made:
                    c.steps.append(f"guard: a split claim {bad}; whole sentence kept")
        mem.observe(sent)
        frame = datesmod.advance(frame, sent, art.published)
        if art.published is None:
            result.unresolved_dates += datesmod.count_relative(sent)
        if drafts and not made:
            why = select.not_worthy_reason(low) if low is not None else "nothing left to claim"
        decision = Decision(start, end, made, why)
        for claim in made:
            claim.decision = decision
        result.decisions.append(decision)
        result.claims.extend(made)
    return frame


def _drafts(sent, following, ctx: Context, art: Article, registry=None, author: str | None = None):
    """(drafts, None) for a sentence, or (None, why it is skipped).

    ``author``: the sentence is from a post embedded in the page, word for word theirs.
    """
    why = select.sentence_skip(sent)
    if why:
        return None, why
    if author:
        drafts = splitters.split(sent, attribution.Attribution(speaker=author), ctx, [])
        for d in drafts:
            d.speaker, d.kind = author, "quote"
            d.prefix, d.suffix = f"{author} posted: “", "”"
            d.steps.append("embedded post attributed to its author")
        return drafts, None
    quote_speaker = None
    inside = attribution.quotation_state(sent)[0] is not None
    if inside:
        registry = []  # a sentence inside someone's quotation is theirs, word for word: never split
    if attribution.opens_quote(sent) or inside:
        for later in following:  # who the quotation is attributed to, a few sentences on
            quote_speaker = attribution.quoted_by(later, Context(ctx.mem, art.published, sent_ents(later)))
            if quote_speaker or any(t.text in ('"', "”") for t in later):
                break
    attr = attribution.attribute(sent, ctx, quote_speaker)
    content = [t for t in words(sent) if t.i not in attr.ids]
    # "'Rhetoric,' X said, adding that <fact>": the added statement can carry the sentence
    added = speech_clause.statement_tokens(sent, attr)
    content_anchored = select.has_anchor(content, ctx.ents)
    drafts = splitters.split(sent, attr, ctx, registry)
    attribution.apply(drafts, attr, sent, ctx)
    if not content_anchored and select.has_anchor(added, ctx.ents) and len(drafts) > 1:
        drafts = drafts[1:]  # the statement itself is opinion or colour; only what was added to it is a claim
    return drafts, None


def _build_all(ctx: Context, drafts, offset: int, art: Article, sent=None, frame=None, explain: bool = False):
    """Claims for the drafts that are verifiable, and the scores of the most verifiable one left out."""
    made, low = [], None
    whole = None
    if drafts and sent is not None and (len(drafts) > 1 or drafts[0].kind != "sentence"):
        whole = scorer.Lazy(scorer.scores, sent, ctx.ents, speaker=drafts[0].speaker)  # parts judged by it too
    for d in drafts or ():
        claim, sc = _build(ctx, d, offset, art, part=len(drafts) > 1, whole=whole, sent=sent, frame=frame,
                           explain=explain)
        if claim is None:
            if sc is not None and (low is None or sc.verifiable > low.verifiable):
                low = sc
            continue
        made.append(claim)
    return made, low


_AFTER_THAT = re.compile(r"^[^\"“]*? that ([A-Z][\w'’-]*)")


def _uncapitalise_after_that(text: str, sent) -> str:
    """"Police said that three men ...": the word opening the original sentence loses its capital
    (unless it is a name) once a reporting clause stands before it."""
    m = _AFTER_THAT.match(text)
    if not m:
        return text
    toks = [t for t in words(sent) if not t.is_punct]
    first = toks[0] if toks else None
    # the word must be the sentence's own opening, not a capital inside it ("said that The Guardian")
    opening = "".join(t.text_with_ws for t in toks[:2]).strip()
    if first is None or not text[m.start(1):].startswith(opening) or first.pos_ == "PROPN" or first.text == "I" \
            or first.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "LAW"):
        return text
    return text[:m.start(1)] + text[m.start(1)].lower() + text[m.start(1) + 1:]


def _build(ctx: Context, d: Draft, offset: int, art: Article, part: bool = False, whole=None, sent=None,
           frame=None, explain: bool = False):
    toks = [t for t in d.tokens if not t.is_space]
    if not toks:
        return None, None
    ents = ctx.ents
    sc = scorer.scores(toks, ents, speaker=d.speaker, explain=explain)  # first: a part left out is not rendered
    if not select.worth_keeping(sc, whole) and not (part and select.named(toks, ents)):
        return None, sc
    notes: list = []
    unresolved: list = []
    body = ctx.render(toks, replacements=d.reps, notes=notes, unresolved=unresolved)
    if d.prefix.endswith(" that ") and body[:5].lower() == "that ":
        body = body[5:]  # "X said that " + "that it would ..." (a second reported clause keeps its "that")
    # an opening mark given back to a quotation's later sentence belongs to the quoted words
    text = finish((_uncapitalise_after_that(d.prefix + body, sent or toks[0].sent) if d.prefix else d.prefix + body)
                  + d.suffix,
                  prefix_len=len(d.prefix.rstrip("“\"")))
    qtoks = [t for t in (d.quote_tokens or toks) if not t.is_space]
    first_q, last_q = min(qtoks, key=lambda t: t.i), max(qtoks, key=lambda t: t.i)  # in any order given
    start = offset + first_q.idx
    end = offset + last_q.idx + len(last_q.text)
    if d.kind == "sentence":
        # keep closing quote marks that belong to the quoted words
        while end < len(art.text) and art.text[end] in "\"”’" and art.text[start:end].count("“") > art.text[start:end].count("”"):
            end += 1
    quote = art.text[start:end]
    f = sc.features
    tok_ids = {t.i for t in toks} | set(d.extra_ids)
    date, source = datesmod.claim_date([doc_tokens(toks[0].doc)[i] for i in sorted(tok_ids)], art.published, frame, sent=sent)
    if date and source in datesmod.SOURCE_LABELS:
        notes.append(f"date from {datesmod.SOURCE_LABELS[source]}: {date}")
    claim = Claim(
        text=text, quote=quote, start=start, end=end, speaker=d.speaker,
        type=S.claim_type(f, toks, art.published.year if art.published else None), date=date,
        reasons=list(sc.reasons), score=round(sc.checkworthiness, 2), verifiable=round(sc.verifiable, 2),
        scores=sc if explain else None,
        sig=signature(toks), nums=numbers(toks),
        steps=d.steps + [n for n in notes if n not in d.steps], unresolved=unresolved,
    )
    return claim, sc
