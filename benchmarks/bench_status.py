"""`factcheck status` on 1,000 worksheets: seconds per hundred worksheets.

Runs the real command as a subprocess (start-up included), best of 3, and
prints the time per 100 worksheets (target: well under 1 s) and the ratio to a
bare CSafeLoader load of the same files in this process.

    python benchmarks/bench_status.py [--n 1000]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from bench_check import make_sheets  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="factcheck-status-"))
    try:
        paths = make_sheets(folder, args.n)
        exe = str(Path(sys.executable).with_name("factcheck"))
        best = {}
        for label, extra in (("status", []), ("status --by assignee", ["--by", "assignee"]), ("status --format json", ["--format", "json"])):
            t_best = float("inf")
            for _ in range(3):
                t0 = time.perf_counter()
                proc = subprocess.run([exe, "status", str(folder), *extra], capture_output=True, text=True, cwd=folder)
                t_best = min(t_best, time.perf_counter() - t0)
                assert proc.returncode == 0, proc.stderr
            best[label] = t_best
        t0 = time.perf_counter()
        for p in paths:
            yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        tb = time.perf_counter() - t0
        print(f"{args.n} worksheets x 20 claims; bare CSafeLoader load in-process: {tb:.2f} s")
        for label, t in best.items():
            print(f"factcheck {label:22} {t:6.2f} s  = {t / args.n * 100:.3f} s per 100 worksheets  ratio to bare load {t / tb:.2f}")
    finally:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
