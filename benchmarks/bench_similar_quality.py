"""How well `factcheck similar` finds a claim already checked: recall@1, recall@5, precision.

Reads the labelled topics of benchmarks/data/similar_pairs.yaml (each: a claim
that goes into an archive, its paraphrase, a different fact on the same topic)
and derives two more look-ups per topic: the claim and its paraphrase with one
figure changed. The archive holds the topic claims among synthetic filler
claims (bench_similar_archive.py); every look-up runs through the library as
`similar` does (FTS5 candidates, rapidfuzz score, figure guard).

Printed:
* recall@1 / recall@5: the paraphrase finds its claim first / in the top 5;
* numbers flagged: a changed figure is reported as "different numbers" on the
  right claim, never as a plain match;
* precision at the threshold: of all suggestions shown (score >= threshold,
  up to 3 per claim), the share that are right (right claim, right relation);
* a threshold sweep, and the threshold chosen on even topics scored on odd ones.

    python benchmarks/bench_similar_quality.py [--filler 3000] [-v]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402
from bench_similar_archive import synthetic_texts, write_sheet  # noqa: E402

from factcheck.memory.index import ClaimIndex  # noqa: E402
from factcheck.memory.match import SHOWN, THRESHOLD, similar  # noqa: E402
from factcheck.worksheet import load  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "similar_pairs.yaml"
_NUM = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?")


def change_number(text: str) -> str | None:
    """The text with one figure changed: the first that is not a year, else the first year."""
    found = list(_NUM.finditer(text))
    if not found:
        return None
    years = [m for m in found if re.fullmatch(r"(19|20)\d\d", m.group(0))]
    m = next((m for m in found if m not in years), found[0])
    raw = m.group(0)
    if m in years:
        new = str(int(raw) + 1)
    elif "." in raw:
        whole, frac = raw.split(".")
        new = f"{whole}.{(int(frac) + 3) % (10 ** len(frac)) or 1:0{len(frac)}d}"
    else:
        value = int(raw.replace(",", ""))
        bumped = value + max(1, round(value * 0.15))
        new = f"{bumped:,}" if "," in raw else str(bumped)
    return text[:m.start()] + new + text[m.end():]


def queries(topics: list[dict]) -> list[tuple[int, str, str]]:
    """(topic, kind, text): kinds are same, different, numbers."""
    out = []
    for t, topic in enumerate(topics):
        out.append((t, "same", topic["paraphrase"]))
        out.append((t, "different", topic["other_fact"]))
        for base in (topic["claim"], topic["paraphrase"]):
            changed = change_number(base)
            if changed is not None and changed != base:
                out.append((t, "numbers", changed))
    return out


def run(filler: int, verbose: bool) -> int:
    topics = yaml.safe_load(DATA.read_text(encoding="utf-8"))["topics"]
    qs = queries(topics)
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for i in range(0, len(topics), 5):  # the topic claims, 5 to a worksheet
            write_sheet(root / "claims" / f"topics-{i:03d}.yaml", [t["claim"] for t in topics[i:i + 5]], rng, "t")
        texts = synthetic_texts(filler, seed=3)
        for i in range(0, len(texts), 20):
            write_sheet(root / "claims" / "filler" / f"f{i:05d}.yaml", texts[i:i + 20], rng, "f")
        qpath = write_sheet(root / "queries" / "q.yaml", [q[2] for q in qs], rng, "q")
        ws = load(qpath, check_article=False).worksheet
        with ClaimIndex(root) as idx:
            stats = idx.refresh()
            results = similar(idx, ws, limit=max(5, SHOWN), threshold=0)
        anchor = {t: f"claims/topics-{(t // 5) * 5:03d}.yaml#t-{t % 5}" for t in range(len(topics))}
        rows = []
        for (t, kind, text), r in zip(qs, results, strict=True):
            rows.append((t, kind, text, [(m.row.ref, m.score, m.relation, m.row.text) for m in r.matches]))

    print(f"labelled set: {len(topics)} topics, {len(qs)} pairs "
          f"({sum(1 for q in qs if q[1] == 'same')} paraphrases, {sum(1 for q in qs if q[1] == 'different')} "
          f"same topic / different fact, {sum(1 for q in qs if q[1] == 'numbers')} changed figures); "
          f"archive: {stats.claims} claims ({stats.claims - len(topics)} synthetic filler)")

    def evaluate(rows, threshold):
        same = [r for r in rows if r[1] == "same"]
        at1 = sum(1 for t, _, _, ms in same if ms and ms[0][0] == anchor[t]) / len(same)
        at5 = sum(1 for t, _, _, ms in same if any(m[0] == anchor[t] for m in ms[:5])) / len(same)
        shown = right = 0
        found = {"same": 0, "numbers": 0}
        wrong_plain_numbers = 0
        for t, kind, _, ms in rows:
            for ref, sc, rel, _ in ms[:SHOWN]:
                if sc < threshold:
                    continue
                shown += 1
                ok = ref == anchor[t] and ((kind == "same" and rel == "same") or (kind == "numbers" and rel != "same"))
                right += ok
                if ok:
                    found[kind] += 1
                if kind == "numbers" and ref == anchor[t] and rel == "same":
                    wrong_plain_numbers += 1
        n_same = len(same)
        n_num = sum(1 for r in rows if r[1] == "numbers")
        return {"recall@1": at1, "recall@5": at5, "precision": right / shown if shown else 1.0,
                "suggested": found["same"] / n_same, "numbers": found["numbers"] / n_num if n_num else 1.0,
                "shown": shown, "plain_on_changed": wrong_plain_numbers}

    m = evaluate(rows, THRESHOLD)
    print(f"recall@1 {m['recall@1']:.3f}   recall@5 {m['recall@5']:.3f}   (paraphrase finds its claim)")
    print(f"at the threshold {THRESHOLD}: precision {m['precision']:.3f} over {m['shown']} suggestions; "
          f"paraphrases suggested {m['suggested']:.3f}; changed figures flagged as different numbers "
          f"{m['numbers']:.3f}; changed figures shown as a plain match: {m['plain_on_changed']}")
    print("threshold sweep:  threshold  precision  paraphrases-suggested  numbers-flagged")
    for th in range(60, 96, 2):
        e = evaluate(rows, th)
        print(f"                  {th:9d}  {e['precision']:9.3f}  {e['suggested']:21.3f}  {e['numbers']:15.3f}")
    even = [r for r in rows if r[0] % 2 == 0]
    odd = [r for r in rows if r[0] % 2 == 1]

    def best(part):  # highest recall with precision >= 0.9, ties to the higher threshold
        cands = [(evaluate(part, th), th) for th in range(40, 100)]
        ok = [(e["suggested"] + e["numbers"], th) for e, th in cands if e["precision"] >= 0.9]
        return max(ok)[1] if ok else 99

    th = best(even)
    e = evaluate(odd, th)
    print(f"held out: threshold {th} chosen on even topics -> odd topics: precision {e['precision']:.3f}, "
          f"paraphrases suggested {e['suggested']:.3f}, numbers flagged {e['numbers']:.3f}")
    if verbose:
        for t, kind, text, ms in rows:
            top = ms[0] if ms else None
            ok = top and top[0] == anchor[t]
            if kind == "same" and (not ok or top[1] < THRESHOLD) or kind == "different" and top and top[1] >= THRESHOLD \
                    or kind == "numbers" and (not ok or top[2] == "same" or top[1] < THRESHOLD):
                print(f"  [{kind}] {text}\n      top: {top[1] if top else '-'} {top[2] if top else ''} "
                      f"{top[3] if top else ''}\n      want: {topics[t]['claim']}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--filler", type=int, default=3000, help="synthetic claims around the topic claims")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the look-ups that went wrong")
    args = ap.parse_args()
    return run(args.filler, args.verbose)


if __name__ == "__main__":
    raise SystemExit(main())
