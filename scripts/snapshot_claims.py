"""Dump every claim of a fixed set of articles, to show a change leaves extraction output unchanged.

    python scripts/snapshot_claims.py before.json [SHARED_EVAL]   # on the old code
    python scripts/snapshot_claims.py after.json       # on the new code
    cmp before.json after.json                         # a speed change must print nothing

Articles: the in-repo regression set, the held-out sets, ``../shared/eval/articles`` (or the
evaluation directory given second) when it is there, and a 300 kB synthetic corpus from ``benchmarks/corpus.py``. Every field a
worksheet or deduplication uses is written: text, speaker, date, unresolved, both scores, type,
span, steps, ``also``, signature and numbers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from factcheck.article import read_article  # noqa: E402
from factcheck.extract.model import load_model  # noqa: E402
from factcheck.extract.pipeline import extract_articles  # noqa: E402

from corpus import corpus  # noqa: E402


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: python scripts/snapshot_claims.py OUT.json [SHARED_EVAL_DIR]", file=sys.stderr)
        return 2
    shared = Path(sys.argv[2]) if len(sys.argv) == 3 else ROOT.parent / "shared" / "eval"
    dirs = [shared / "articles", ROOT / "tests" / "regression" / "articles",
            ROOT / "benchmarks" / "heldout" / "articles", ROOT / "benchmarks" / "heldout2" / "articles"]
    paths = [p for d in dirs if d.is_dir() for p in sorted(d.glob("*.txt"))]
    arts = [read_article(p) for p in paths]
    arts += [read_article(Path(f"bench-{i}.txt"), data=t) for i, t in enumerate(corpus(300_000))]
    out = []
    for r in extract_articles(arts, load_model()):
        for c in r.claims:
            out.append([r.article.path.name, c.text, c.speaker, c.date, list(c.unresolved), c.score, c.verifiable,
                        c.type, c.start, c.end, c.steps, c.also, sorted(c.sig), sorted(c.nums)])
    Path(sys.argv[1]).write_text(json.dumps(out, indent=0, ensure_ascii=False), encoding="utf-8")
    print(f"{len(out)} claims from {len(arts)} articles -> {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
