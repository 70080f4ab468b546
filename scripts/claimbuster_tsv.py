"""Write the test part of the ClaimBuster split as the TSV that ``score_sentences.py`` reads.

The split is the training script's (contiguous ``sentence_id`` ranges), so these are the
sentences the shipped scores never saw. Two files, one per score:

* ``PREFIX-checkworthiness.tsv``: every test sentence; label 1 for check-worthy factual sentences;
* ``PREFIX-verifiable.tsv``: the test sentences of ``three_class.json``; label 1 for factual ones.

Each 100-id range of sentences (part of one debate, in order) becomes one group, i.e. one
article with one sentence per paragraph, so the whole worksheet path is measured.

    python scripts/claimbuster_tsv.py /tmp/cb-test [--data DIR]
    python ../shared/eval/score_sentences.py /tmp/cb-test-checkworthiness.tsv /tmp/cb-test-verifiable.tsv
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_checkworthiness import DEFAULT_DATA, RANGE, load_rows  # noqa: E402


def write_tsv(path: Path, rows: list[dict], label: str) -> int:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["group", "text", "label"])
        for r in rows:
            w.writerow([f"cb{r['sentence_id'] // RANGE:04d}", " ".join(r["text"].split()), r[label]])
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("prefix", help="output path prefix; -checkworthiness.tsv and -verifiable.tsv are appended")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with train.json and three_class.json")
    args = ap.parse_args(argv)
    missing = [p for p in (args.data / "train.json", args.data / "three_class.json") if not p.exists()]
    if missing:
        print(f"{missing[0]}: not found; pass --data DIR with the ClaimBuster files.", file=sys.stderr)
        return 2
    test = [r for r in load_rows(args.data) if r["part"] == "test"]
    for name, rows, label in (("checkworthiness", test, "cfs"),
                              ("verifiable", [r for r in test if r["factual"] is not None], "factual")):
        out = Path(f"{args.prefix}-{name}.tsv")
        n = write_tsv(out, rows, label)
        print(f"wrote {out} ({n} sentences, {sum(r[label] for r in rows)} positive)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
