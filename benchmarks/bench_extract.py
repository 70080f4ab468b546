"""Extraction throughput as a ratio to a bare ``nlp.pipe`` of the same text.

Builds a synthetic corpus (>= 1 MB by default), then in one process and with
one loaded model: (1) parses every paragraph with ``nlp.pipe`` and does nothing
else; (2) runs factcheck's extraction over the same articles. Prints both
rates and extraction/bare as a ratio (1.0 = extraction costs nothing over
parsing; the target is >= 0.8). Runs each twice and keeps the faster, to
dampen noise on a shared machine.

    python benchmarks/bench_extract.py [--mb 1.0]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.article import read_article  # noqa: E402
from factcheck.extract import segment  # noqa: E402
from factcheck.extract.model import load_model  # noqa: E402
from factcheck.extract.pipeline import extract_articles  # noqa: E402

from corpus import corpus  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1.0)")
    args = ap.parse_args()
    texts = corpus(int(args.mb * 1_000_000))
    articles = [read_article(Path(f"bench-{i}.txt"), data=t) for i, t in enumerate(texts)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    nlp = load_model()
    paras = [p.text for a in articles for p in segment.paragraphs(a.text, a.body_start)]
    nlp(paras[0])  # warm up

    def bare():
        for _ in nlp.pipe(paras, batch_size=64):
            pass

    def full():
        return extract_articles([read_article(Path(f"bench-{i}.txt"), data=t) for i, t in enumerate(texts)], nlp)

    timings = {"bare": [], "extract": []}
    claims = 0
    for _ in range(2):
        for name, fn in (("bare", bare), ("extract", full)):
            t0 = time.perf_counter()
            out = fn()
            timings[name].append(time.perf_counter() - t0)
            if out:
                claims = sum(len(r.claims) for r in out)
    tb, te = min(timings["bare"]), min(timings["extract"])
    print(f"corpus: {size / 1e6:.2f} MB, {len(texts)} articles, {len(paras)} paragraphs, {claims} claims")
    print(f"bare nlp.pipe:  {tb:7.2f} s  {size / tb / 1e3:8.1f} kB/s")
    print(f"extraction:     {te:7.2f} s  {size / te / 1e3:8.1f} kB/s")
    print(f"throughput ratio extraction/bare: {tb / te:.3f} (target >= 0.8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
