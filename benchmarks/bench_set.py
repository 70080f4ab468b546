"""``factcheck set`` on a large worksheet against ``factcheck validate`` of the same file.

An edit must not cost more than a validate (issue 10, case 8). Each command
runs in its own process; the script prints wall time and peak RSS of both and
their ratio.

    python benchmarks/bench_set.py            # 20,000 claims (about 13 MB)
    python benchmarks/bench_set.py 74592      # about 50 MB, the size in the issue
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLE = "The town council approved a budget of $4.2 million on Monday, officials said.\n"


def make_sheet(folder: Path, n: int) -> Path:
    (folder / "article.txt").write_text(ARTICLE)
    parts = ["factcheck: 1\narticle:\n  path: article.txt\n  published: 2024-03-05\nclaims:\n"]
    for i in range(n):
        parts.append(
            f"  - id: budget-claim-{i}\n"
            f"    text: The town council approved a budget of $4.2 million on Monday, number {i}.\n"
            f"    quote: approved a budget of $4.2 million\n"
            f"    span: [17, 50]\n"
            f"    speaker: Town council spokesperson\n"
            f"    type: quantity\n"
            f"    date: 2024-03-04\n"
            f"    checkworthiness: 0.87\n"
            f"    reasons: [number, named entity, attribution]\n"
            f"    status: unchecked\n"
            f"    verdict: null\n"
            f"    sources:\n"
            f"      - url: https://example.org/minutes/{i}\n"
            f"        title: Council minutes, page {i % 40}\n"
            f"        accessed: 2024-03-06\n"
            f"    notes: |-\n"
            f"      Called the press office about item {i}; waiting for the full budget tables.\n"
            f"      Second line of the note.\n"
            f"    assignee: ana\n\n"
        )
    path = folder / "big.yaml"
    path.write_text("".join(parts))
    return path


def run(args: list[str], cwd: Path) -> tuple[float, int, int]:
    code = (
        "import resource, sys\n"
        "from factcheck.cli import app\n"
        "try:\n    app(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
        "sys.stderr.write('EXIT=%s RSS_MB=%d\\n' % (code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))\n"
    )
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    tail = p.stderr.strip().splitlines()[-1]
    exit_code = int(tail.split("EXIT=")[1].split()[0])
    rss = int(tail.split("RSS_MB=")[1])
    return elapsed, rss, exit_code


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sheet = make_sheet(folder, n)
        size = sheet.stat().st_size / 2**20
        v_time, v_rss, v_code = run(["validate", "big.yaml"], folder)
        mid = f"budget-claim-{n // 2}"
        s_time, s_rss, s_code = run(["set", "big.yaml", mid, "--verdict", "true", "--note", "Confirmed.",
                                     "--source", "https://example.org/budget"], folder)
        print(f"worksheet: {n} claims, {size:.1f} MB")
        print(f"validate: {v_time:.1f} s, {v_rss} MB peak RSS (exit {v_code})")
        print(f"set:      {s_time:.1f} s, {s_rss} MB peak RSS (exit {s_code})")
        print(f"set / validate: time {s_time / v_time:.2f}x, memory {s_rss / v_rss:.2f}x")


if __name__ == "__main__":
    main()
