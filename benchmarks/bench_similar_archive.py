"""A synthetic archive of checked claims for the claim-memory benchmarks (written for this project).

Claims are assembled from the templates of ``corpus.py`` (names, places,
figures and years drawn at random), so thousands of claims share most of their
words and differ in their figures: a hard case for full-text search, where
common words match everything.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.worksheet import render_new  # noqa: E402

from corpus import sentence  # noqa: E402

VERDICTS = ["true", "mostly-true", "mixed", "mostly-false", "false"]


def claim_dict(cid: str, text: str, rng: random.Random) -> dict:
    checked = rng.random() < 0.6
    return {
        "id": cid, "text": text, "quote": text.rstrip("."), "speaker": None, "type": "quantity",
        "checkworthiness": 0.8, "reasons": ["number"], "status": "checked" if checked else "unchecked",
        "verdict": rng.choice(VERDICTS) if checked else None,
        "sources": [{"url": f"https://example.org/{cid}", "title": None, "accessed": "2025-01-02"}] if checked else [],
        "notes": None, "assignee": None,
    }


def write_sheet(path: Path, texts: list[str], rng: random.Random, prefix: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    claims = [claim_dict(f"{prefix}-{j}", t, rng) for j, t in enumerate(texts)]
    meta = {"path": path.with_suffix(".txt").name, "published": "2025-01-01", "sha256": None,
            "extracted": "2025-01-01T00:00:00Z", "extractor": "bench"}
    path.write_text(render_new(meta, claims), encoding="utf-8")
    return path


def synthetic_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [sentence(rng) for _ in range(n)]


def make_archive(folder: Path, sheets: int, per_sheet: int, seed: int = 11) -> list[Path]:
    """``sheets`` worksheets of ``per_sheet`` claims each under ``folder``; returns their paths."""
    rng = random.Random(seed)
    texts = synthetic_texts(sheets * per_sheet, seed)
    paths = []
    for i in range(sheets):
        chunk = texts[i * per_sheet:(i + 1) * per_sheet]
        paths.append(write_sheet(folder / f"{i // 500:02d}" / f"w{i:05d}.yaml", chunk, rng, f"w{i:05d}"))
    return paths
