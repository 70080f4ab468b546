"""`factcheck check` on 10,000 worksheets against a bare CSafeLoader load.

Generates N worksheets of 20 claims (default 10,000; each with its own small
article so the quote rule does real work), then in one process times:

* baseline: ``yaml.load(text, Loader=yaml.CSafeLoader)`` of every file -- the
  floor for any YAML-based tool;
* ``factcheck check DIR --format json`` run in-process (output discarded).

Prints both times and check/baseline (target <= 1.5). Also prints the start-up
of ``factcheck --help`` as a ratio to ``python -c "import typer"`` (best of 5
runs each, as subprocesses).

    python benchmarks/bench_check.py [--n 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from factcheck.worksheet import render_new  # noqa: E402

STATUSES = ["unchecked", "in-progress", "checked", "checked", "skipped"]


def make_sheets(folder: Path, n: int, claims: int = 20) -> list[Path]:
    paths = []
    for i in range(n):
        sentences = [f"Exports of item {j} rose {j + i % 50}% to ${j * 3 + 1} million in {2000 + j}." for j in range(claims)]
        article = folder / f"a{i:05d}.txt"
        text = "date 2025-01-01\n\n" + "\n\n".join(sentences) + "\n"
        article.write_text(text)
        cl = []
        for j, sent in enumerate(sentences):
            quote = sent[:-1]
            start = text.index(quote)
            status = STATUSES[(i + j) % len(STATUSES)]
            cl.append({
                "id": f"exports-item-{j}-{i:05d}", "text": sent, "quote": quote, "span": [start, start + len(quote)],
                "speaker": None, "type": "quantity", "date": str(2000 + j), "checkworthiness": 0.8,
                "reasons": ["number", "percentage", "money", "date"], "status": status,
                "verdict": "true" if status == "checked" else None,
                "sources": [{"url": "https://example.org/stats", "title": "Statistics", "accessed": "2025-01-02"}]
                if status == "checked" else [],
                "notes": None, "assignee": "ana" if j % 3 else None,
            })
        meta = {"path": article.name, "published": "2025-01-01", "sha256": None, "extracted": "2025-01-01T00:00:00Z",
                "extractor": "bench"}
        p = folder / f"w{i:05d}.yaml"
        p.write_text(render_new(meta, cl))
        paths.append(p)
    return paths


def best_of(n: int, argv: list[str]) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    paths = make_sheets(folder, args.n)
    print(f"generated {len(paths)} worksheets x 20 claims in {time.perf_counter() - t0:.1f} s")

    import os

    from factcheck.cli import app

    os.chdir(folder)  # no factcheck.yaml above: the default policy

    def baseline():
        for p in paths:
            with open(p, encoding="utf-8") as fh:
                yaml.load(fh.read(), Loader=yaml.CSafeLoader)

    def check(*extra):
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                app(["check", str(folder), "--format", "json", *extra])
            except SystemExit as exc:
                assert exc.code == 1, exc.code  # the generated worksheets have unchecked claims

    runs = (("baseline", baseline), ("check", check), ("check1", lambda: check("--jobs", "1")))
    times: dict = {name: [] for name, _ in runs}
    for _ in range(2):
        for name, fn in runs:
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    tb, tc, t1 = (min(times[k]) for k in ("baseline", "check", "check1"))
    print(f"bare yaml.load (CSafeLoader):     {tb:6.2f} s")
    print(f"factcheck check (all cores):      {tc:6.2f} s")
    print(f"factcheck check --jobs 1:         {t1:6.2f} s")
    print(f"ratio check/baseline: {tc / tb:.2f} (target <= 1.5); single process: {t1 / tb:.2f}")
    exe = str(Path(sys.executable).with_name("factcheck"))
    th = best_of(5, [exe, "--help"])
    tt = best_of(5, [sys.executable, "-c", "import typer"])
    print(f"factcheck --help: {th * 1000:.0f} ms; python -c 'import typer': {tt * 1000:.0f} ms; ratio {th / tt:.2f}")
    if not args.keep:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
