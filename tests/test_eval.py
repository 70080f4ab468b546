"""The shared development set, scored against issue 9's targets (opt-in: ``pytest -m eval``).

The set lives outside the repository, in ``../shared/eval`` beside the checkout
(articles, gold claims and ``score.py``). The test runs that scorer with this
checkout's ``factcheck`` first on PATH, prints its overall line and fails below
any target. Without the folder it is skipped, so a fresh clone passes without it.
Nothing from that set is copied into the repository.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"

#: Issue 9, "Targets on ../shared/eval": shares at or above these.
TARGETS = {
    "recall": 0.95,
    "precision": 0.92,
    "clean": 0.90,
    "usable": 0.85,
    "speaker": 0.95,
    "date": 0.90,
    "contained": 0.85,
}
#: ... and no claim opening on an unresolved pronoun.
PRONOUN_MAX = 0

_FIGURE = re.compile(r"(\w+) (\d+(?:\.\d+)?|n/a)\b")


def parse_overall(output: str) -> dict[str, float | None]:
    """The figures of score.py's last line ("overall recall 0.910 precision ... pronoun 5 claims 123")."""
    lines = [ln for ln in output.splitlines() if ln.startswith("overall ")]
    if not lines:
        raise ValueError(f"score.py printed no overall line:\n{output[-2000:]}")
    return {k: None if v == "n/a" else float(v) for k, v in _FIGURE.findall(lines[-1][len("overall "):])}


def shortfalls(figures: dict[str, float | None]) -> list[str]:
    """Every target the figures miss, as "name value < target"."""
    out = []
    for name, target in TARGETS.items():
        got = figures.get(name)
        if got is None or got < target:
            out.append(f"{name} {got if got is not None else 'n/a'} < {target}")
    pron = figures.get("pronoun")
    if pron is None or pron > PRONOUN_MAX:
        out.append(f"pronoun {pron if pron is not None else 'n/a'} > {PRONOUN_MAX}")
    return out


def test_parse_overall_and_shortfalls():
    """The parsing the opt-in eval relies on (runs by default: it needs no shared data)."""
    output = ("ots-summit-2025   recall 13/13 ...\n"
              "overall recall 0.960 precision 0.970 f1 0.965 atomic 0.990 clean 0.910 usable 0.840 "
              "speaker 0.950 date n/a contained 0.900 dupes 3 pronoun 1 claims 200\n")
    figures = parse_overall(output)
    assert figures == {"recall": 0.96, "precision": 0.97, "f1": 0.965, "atomic": 0.99, "clean": 0.91,
                       "usable": 0.84, "speaker": 0.95, "date": None, "contained": 0.9, "dupes": 3.0,
                       "pronoun": 1.0, "claims": 200.0}
    assert shortfalls(figures) == ["usable 0.84 < 0.85", "date n/a < 0.9", "pronoun 1.0 > 0"]
    with pytest.raises(ValueError, match="no overall line"):
        parse_overall("command failed (2)\n")


def test_eval_is_opt_in():
    """The default run (make test) leaves the eval out; `pytest -m eval` selects it."""

    def collected(*args):
        proc = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                               *args, "tests/test_eval.py"], cwd=ROOT, capture_output=True, text=True, timeout=300)
        return [ln for ln in proc.stdout.splitlines() if "::" in ln]

    eval_test = "tests/test_eval.py::test_shared_eval_meets_the_targets"
    default = collected()
    assert "tests/test_eval.py::test_eval_is_opt_in" in default and eval_test not in default
    assert collected("-m", "eval") == [eval_test]


@pytest.mark.eval
def test_shared_eval_meets_the_targets():
    if not (SHARED_EVAL / "score.py").is_file():
        pytest.skip(f"no shared development set at {SHARED_EVAL} (expected ../shared/eval beside the checkout "
                    f"with score.py, articles/ and gold/); nothing to score")
    env = dict(os.environ)
    # score.py runs `factcheck` from PATH: make it this checkout's.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("FACTCHECK_SPACY_MODEL", None)
    proc = subprocess.run([sys.executable, str(SHARED_EVAL / "score.py"), str(SHARED_EVAL)],
                          capture_output=True, text=True, env=env, timeout=1800)
    print()
    print(proc.stdout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "command failed" not in proc.stderr, proc.stderr[-2000:]
    missed = shortfalls(parse_overall(proc.stdout))
    assert missed == [], "below issue 9's targets: " + "; ".join(missed)
