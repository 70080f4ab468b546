"""Claim extraction: articles in, worksheet claims out.

Importing this package does not import spaCy; ``model.load_model`` does.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from .. import __version__
from ..article import Article
from ..ids import claim_id


def claim_dicts(result) -> list[dict]:
    """Worksheet entries for an article's extracted claims, in article order."""
    taken: set[str] = set()
    out = []
    for c in sorted(result.claims, key=lambda c: (c.start, c.end)):
        out.append({
            "id": claim_id(c.text, taken, c.speaker),
            "text": c.text,
            "quote": c.quote,
            "span": [c.start, c.end],
            "also_quoted": [list(s) for s in c.also],
            "speaker": c.speaker,
            "type": c.type,
            "date": c.date,
            "checkworthiness": c.score,
            "reasons": c.reasons,
            **({"unresolved": list(c.unresolved)} if c.unresolved else {}),
            "status": "unchecked",
            "verdict": None,
            "sources": [],
            "notes": None,
            "assignee": None,
        })
    return out


def article_meta(article: Article, worksheet_path: Path, model_label: str, *, now: _dt.datetime | None = None) -> dict:
    now = now or _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    if article.path is not None and str(article.path) != "-":
        rel = os.path.relpath(Path(article.path).resolve(), Path(worksheet_path).resolve().parent)
    else:
        rel = Path(worksheet_path).with_suffix(".txt").name
    return {
        "path": rel,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "sha256": article.sha256,
        "extracted": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "extractor": extractor_label(model_label),
    }


def extractor_label(model_label: str) -> str:
    return f"factcheck {__version__}, {model_label}"
