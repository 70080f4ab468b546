"""Fit the two scores shipped as factcheck/extract/scorer.json + scorer.npz, and compare them.

Data: the ClaimBuster sentences (Arslan, Hassan, Li, Tremayne, "A Benchmark Dataset of
Check-worthy Factual Claims", ICWSM 2020; CC BY 4.0) in ``../shared/data/claimbuster/``
(or ``--data DIR``): ``train.json`` (check-worthy factual sentence or not) and
``three_class.json`` (non-factual / unimportant factual / check-worthy factual).
Sentences are deduplicated on their text.

* ``checkworthiness``: check-worthy factual sentences (label 1 in either file) against the rest.
* ``verifiable``: factual sentences (unimportant or check-worthy) against non-factual ones.
  Only ``three_class.json`` tells the two kinds of negatives apart; ``train.json`` adds what
  it knows: its check-worthy sentences are factual, and its other sentences, about 4 in 5 of
  them non-factual, count as non-factual examples with a small weight (chosen below). The
  score is measured on three-class sentences only.

Split: by contiguous ranges of ``sentence_id`` (100 ids per range; of every 20 ranges, 14
train, 3 validation, 3 test), so neighbouring sentences of one debate stay on one side.

Models:

1. the shipped one: over hashed word unigrams + bigrams, lemmas, tags and the explainable
   features, computed by ``factcheck.extract.scorer`` from the same spaCy tokens the
   extractor has, the average of the logits of two L2-penalised logistic regressions (L-BFGS
   written here in numpy), a plain one and one on features scaled by their Naive Bayes
   log-count ratio (NBSVM, Wang & Manning 2012). Both are linear in the same features, so the
   average is one linear model: no extra cost at run time, and ``--explain`` still adds up;
2. spaCy's own ``textcat`` (bag-of-words architecture, unigrams + bigrams; epochs chosen
   on validation);
3. baseline: TF-IDF + logistic regression from scikit-learn.

The penalties (and the weight of ``train.json``'s uncertain negatives) of (1) and ``C`` of (3)
are chosen by average precision (AP) over 5 folds of train + validation, the folds again by
sentence-id range; the threshold with the best F1 on those out-of-fold scores is kept (on
1,500-7,800 sentences it is steadier than on the validation part alone). The model family is
chosen on the validation part: each model fitted on the training part, AP on validation.
The chosen settings are refitted on train + validation and scored once on the test part.
The winner of (1) and (2) on validation AP is the one that can ship; only (1) has a numpy
runtime (``--explain`` needs named weights), so if (2) wins the script says so and exits 1
without writing.

Everything is deterministic (sorted inputs, fixed seeds, one BLAS thread, weights rounded
before writing, zip entries with a fixed date): running it twice writes identical bytes.

    pip install -e '.[train]'     # scikit-learn, for the baseline only
    python scripts/train_checkworthiness.py [--data DIR] [--out-dir DIR]
    python scripts/claimbuster_tsv.py OUT_PREFIX    # the test part as TSV for score_sentences.py
"""

from __future__ import annotations

import os

# One BLAS thread: sums in the same order on every run, and leaves the shared cores alone.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "claimbuster"
DEFAULT_OUT = ROOT / "factcheck" / "extract"

RANGE = 100  # sentence ids per contiguous range
#: Penalties tried for each of the two averaged models (the verifiable data are fewer and noisier).
L2_GRID = {"checkworthiness": (3e-4, 1e-3, 3e-3), "verifiable": (1e-3, 3e-3, 1e-2)}
#: Weight of a two-class sentence that is not check-worthy, as a non-factual example for ``verifiable``.
NEG_WEIGHTS = {"checkworthiness": (0.0,), "verifiable": (0.1, 0.3)}
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
TEXTCAT_EPOCHS = 8
SEED = 13
FOLDS = 5  # cross-validation folds over train + validation, by sentence-id range
TRAIN_VAL = ("train", "validation")


def part(sentence_id: int) -> str:
    r = (sentence_id // RANGE) % 20
    return "train" if r < 14 else "validation" if r < 17 else "test"


# -- data ----------------------------------------------------------------------------


def load_rows(data_dir: Path) -> list[dict]:
    """One row per distinct text: sentence_id, text, cfs (0/1), factual (0/1 or None), part."""
    two = json.loads((data_dir / "train.json").read_text(encoding="utf-8"))
    three = json.loads((data_dir / "three_class.json").read_text(encoding="utf-8"))
    by_text: dict[str, dict] = {}
    for r in sorted(two, key=lambda r: (r["sentence_id"], r["text"])):
        row = by_text.setdefault(r["text"], {"sentence_id": r["sentence_id"], "text": r["text"], "cfs": 0,
                                             "factual": None, "three": False})
        row["cfs"] = max(row["cfs"], int(r["label"] == 1))
    for r in sorted(three, key=lambda r: (r["sentence_id"], r["text"])):
        row = by_text.setdefault(r["text"], {"sentence_id": r["sentence_id"], "text": r["text"], "cfs": 0,
                                             "factual": None, "three": False})
        row["sentence_id"] = min(row["sentence_id"], r["sentence_id"])
        row["cfs"] = max(row["cfs"], int(r["label"] == 1))
        row["factual"] = int(r["label"] >= 0)
        row["three"] = True
    rows = sorted(by_text.values(), key=lambda r: (r["sentence_id"], r["text"]))
    for r in rows:
        r["part"] = part(r["sentence_id"])
    return rows


def parse(rows: list[dict]):
    """Features of every sentence, from one spaCy pass (the pipeline factcheck runs)."""
    from factcheck.extract.model import load_model, model_label
    from factcheck.extract.scorer import named_features, ngrams
    from factcheck.extract.vocab import REPORTING

    nlp = load_model()
    named, grams = [], []
    for doc in nlp.pipe([r["text"] for r in rows], batch_size=256):
        toks = [t for t in doc if not t.is_space]
        root = next((t for t in toks if t.dep_ == "ROOT"), None)
        speaker = None
        if root is not None and root.lemma_.lower() in REPORTING and any(c.dep_ == "nsubj" for c in root.children):
            speaker = "x"
        named.append(named_features(toks, list(doc.ents), speaker=speaker))
        grams.append(ngrams(toks))
    return named, grams, model_label(nlp)


# -- the hashed logistic regression ----------------------------------------------------------


class Sparse:
    """Rows of (column, value) pairs as three flat arrays; enough for X @ w and X.T @ r."""

    def __init__(self, rows, cols, vals, n, d):
        self.rows, self.cols, self.vals, self.n, self.d = rows, cols, vals, n, d

    def dot(self, w):
        import numpy as np

        return np.bincount(self.rows, weights=self.vals * w[self.cols], minlength=self.n)

    def tdot(self, r):
        import numpy as np

        return np.bincount(self.cols, weights=self.vals * r[self.rows], minlength=self.d)


def design(named, grams, names: list[str], idx: list[int]) -> Sparse:
    import numpy as np

    from factcheck.extract.scorer import HASH_BITS, bucket

    base = 1 << HASH_BITS
    col_of = {n: base + k for k, n in enumerate(names)}
    rows, cols, vals = [], [], []
    for r, i in enumerate(idx):
        seen = set()
        for g in grams[i]:
            b = bucket(g)
            if b not in seen:
                seen.add(b)
                rows.append(r)
                cols.append(b)
                vals.append(1.0)
        for k, v in named[i].items():
            if k in col_of and v:
                rows.append(r)
                cols.append(col_of[k])
                vals.append(float(v))
    d = base + len(names)
    return Sparse(np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(vals), len(idx), d)


def fit_lr(X: Sparse, y, l2: float, iters: int = 300, weights=None):
    """Weighted mean logistic loss + l2/2 |w|^2 (bias unpenalised), minimised by L-BFGS with backtracking.

    ``weights`` (one per row, default 1) let the noisier rows count for less.
    """
    import numpy as np

    sw = np.ones(X.n) if weights is None else np.asarray(weights, dtype=float)
    n = float(sw.sum())
    ys = 2.0 * y - 1.0

    def f_grad(theta):
        w, b = theta[:-1], theta[-1]
        z = X.dot(w) + b
        m = -ys * z
        loss = np.logaddexp(0.0, m)
        s = sw * -ys / (1.0 + np.exp(-m))  # d loss / d z, weighted
        f = float(sw @ loss) / n + 0.5 * l2 * float(w @ w)
        g = np.empty_like(theta)
        g[:-1] = X.tdot(s) / n + l2 * w
        g[-1] = s.sum() / n
        return f, g

    theta = np.zeros(X.d + 1)
    f, g = f_grad(theta)
    hist: list = []
    for _ in range(iters):
        q = g.copy()
        alphas = []
        for s, yv, rho in reversed(hist):
            a = rho * float(s @ q)
            alphas.append(a)
            q -= a * yv
        if hist:
            s, yv, _ = hist[-1]
            q *= float(s @ yv) / float(yv @ yv)
        for (s, yv, rho), a in zip(hist, reversed(alphas), strict=True):
            bcoef = rho * float(yv @ q)
            q += s * (a - bcoef)
        d = -q
        gd = float(g @ d)
        if gd >= 0:
            hist.clear()
            d = -g
            gd = float(g @ d)
        t = 1.0
        while True:
            new = theta + t * d
            fn, gn = f_grad(new)
            if fn <= f + 1e-4 * t * gd or t < 1e-8:
                break
            t *= 0.5
        s, yv = new - theta, gn - g
        sy = float(s @ yv)
        if sy > 1e-12:
            hist.append((s, yv, 1.0 / sy))
            if len(hist) > 10:
                hist.pop(0)
        done = f - fn < 1e-9 * max(1.0, abs(f))
        theta, f, g = new, fn, gn
        if done or float(np.max(np.abs(g))) < 1e-6:
            break
    return theta


def quantise(theta, names: list[str]):
    """What ships: n-gram weights as float16, named weights and bias rounded to 4 places."""
    import numpy as np

    from factcheck.extract.scorer import HASH_BITS

    base = 1 << HASH_BITS
    hashed = theta[:base].astype(np.float16)
    buckets = np.flatnonzero(hashed).astype(np.uint32)
    weights = hashed[buckets]
    named = {n: round(float(theta[base + k]), 4) for k, n in enumerate(names) if round(float(theta[base + k]), 4)}
    bias = round(float(theta[-1]), 4)
    shipped = np.zeros_like(theta)
    shipped[buckets] = weights.astype(np.float64)
    for k, n in enumerate(names):
        shipped[base + k] = named.get(n, 0.0)
    shipped[-1] = bias
    return shipped, buckets, weights, named, bias


def predict_lr(theta, X: Sparse):
    import numpy as np

    z = X.dot(theta[:-1]) + theta[-1]
    return 1.0 / (1.0 + np.exp(-z))


def scaled(X: Sparse, r) -> Sparse:
    """``X`` with every column multiplied by ``r`` (the design an NB-weighted regression sees)."""
    return Sparse(X.rows, X.cols, X.vals * r[X.cols], X.n, X.d)


def nb_ratio(X: Sparse, y, weights, alpha: float = 1.0):
    """Each column's log-count ratio between the classes (Wang & Manning 2012, "NBSVM"), add-one smoothed."""
    import numpy as np

    p = X.tdot(weights * y) + alpha
    q = X.tdot(weights * (1.0 - y)) + alpha
    return np.log(p / p.sum()) - np.log(q / q.sum())


def members(X: Sparse, y, weights, l2s, l2s_nb):
    """The two linear models whose logits the shipped score averages, for each penalty of a grid.

    A plain logistic regression, and one fitted on the columns scaled by their Naive Bayes
    log-count ratio (its weights are mapped back onto the plain columns, so it is a linear
    model over the same features). The average of two linear logits is one linear model:
    what ships costs no more to score than either, and ``--explain`` still adds up.
    """
    r = nb_ratio(X, y, weights)
    Xs = scaled(X, r)
    lr = {a: fit_lr(X, y, a, weights=weights) for a in l2s}
    nb = {}
    for b in l2s_nb:
        t = fit_lr(Xs, y, b, weights=weights)
        t[:-1] *= r
        nb[b] = t
    return lr, nb


def average(lr, nb):
    return (lr + nb) / 2.0


# -- spaCy textcat (bag of words) ----------------------------------------------------------


def textcat_runs(texts_train, y_train, evals, epochs: int):
    """Train a bow textcat; after each epoch, yield the scores of each list in ``evals``."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    tc = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
        "no_output_layer": False, "length": 262144}})
    tc.add_label("POS")
    examples = [Example.from_dict(nlp.make_doc(t), {"cats": {"POS": float(y)}}) for t, y in zip(texts_train, y_train, strict=True)]
    optimizer = nlp.initialize(lambda: examples)
    eval_docs = [[nlp.make_doc(t) for t in texts] for texts in evals]
    rng = random.Random(SEED)
    order = list(range(len(examples)))
    for _ in range(epochs):
        rng.shuffle(order)
        for batch in minibatch([examples[i] for i in order], size=32):
            nlp.update(batch, sgd=optimizer, drop=0.0)
        yield [[d.cats["POS"] for d in tc.pipe(docs)] for docs in eval_docs]


# -- baseline --------------------------------------------------------------------------------


def baseline(texts_train, y_train, texts_eval, c: float):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    Xt = vec.fit_transform(texts_train)
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    clf.fit(Xt, y_train)
    return [clf.predict_proba(vec.transform(t))[:, 1] for t in texts_eval]


# -- metrics ---------------------------------------------------------------------------------


def average_precision(y, p) -> float:
    """AP as ``score_sentences.py`` computes it (ties ranked pessimistically)."""
    pairs = sorted(zip(p, y, strict=True), key=lambda x: (-x[0], x[1]))
    hits, total, s = 0, sum(y), 0.0
    for i, (_, lab) in enumerate(pairs, 1):
        if lab:
            hits += 1
            s += hits / i
    return s / total if total else 0.0


def prf(y, p, threshold: float):
    tp = sum(1 for a, b in zip(y, p, strict=True) if a and b >= threshold)
    pp = sum(1 for b in p if b >= threshold)
    P = tp / pp if pp else 0.0
    R = tp / sum(y) if sum(y) else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return P, R, F


def weighted_f1(y, p, threshold: float) -> float:
    """F1 of each class weighted by its support (how ClaimBuster papers report it), for comparison."""
    pos = prf(y, p, threshold)[2]
    neg = prf([1 - a for a in y], [-b for b in p], -threshold + 1e-12)[2]
    n1 = sum(y)
    return (pos * n1 + neg * (len(y) - n1)) / len(y) if y else 0.0


def best_threshold(y, p) -> float:
    """The threshold (a score rounded to 3 places) with the best F1; the lowest of equals."""
    import numpy as np

    y = np.asarray(y, dtype=bool)
    p = np.asarray(p, dtype=float)
    cands = np.array(sorted({round(float(x), 3) for x in p}))
    if not len(cands):
        return 0.5
    if not y.any():
        return float(cands[0])
    order = np.argsort(p, kind="stable")
    ps, ys = p[order], y[order]
    tp_from = np.concatenate([np.cumsum(ys[::-1])[::-1], [0]])  # positives at or above each sorted position
    start = np.searchsorted(ps, cands, side="left")
    pp = len(ps) - start
    tp = tp_from[start].astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        P = np.where(pp > 0, tp / np.maximum(pp, 1), 0.0)
        R = tp / y.sum()
        F = np.where(P + R > 0, 2 * P * R / np.where(P + R > 0, P + R, 1.0), 0.0)
    return float(cands[int(np.argmax(F))])


# -- writing ---------------------------------------------------------------------------------


def write_npz(path: Path, arrays: dict) -> None:
    """``np.savez_compressed`` with a fixed date on every entry, so equal weights give equal bytes."""
    import numpy as np

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            one = io.BytesIO()
            np.save(one, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, one.getvalue())
    path.write_bytes(buf.getvalue())


# -- main ------------------------------------------------------------------------------------


def fold(row: dict) -> int:
    """Cross-validation fold of a sentence: by its 100-id range, so a debate's neighbours stay together."""
    return (row["sentence_id"] // RANGE) % FOLDS


class Task:
    """What one score learns from and is measured on.

    ``fit``: rows the model is fitted on, with labels and weights; ``measure``: rows it is
    scored on (for ``verifiable``, only sentences with the three-way label).
    ``checkworthiness``: every sentence, check-worthy or not. ``verifiable``: the three-class
    sentences (factual or not, weight 1), plus the two-class sentences that only ``train.json``
    has: check-worthy ones are factual (weight 1), the others are mostly non-factual (about 4 in 5
    in ``three_class.json``), so they count as non-factual with a small weight ``neg_weight``.
    """

    def __init__(self, rows, name: str, neg_weight: float = 0.0):
        self.name, self.neg_weight = name, neg_weight
        self.label, self.weight, self.measured = {}, {}, set()
        for i, r in enumerate(rows):
            if name == "checkworthiness":
                self.label[i], self.weight[i] = r["cfs"], 1.0
                self.measured.add(i)
            elif r["factual"] is not None:
                self.label[i], self.weight[i] = r["factual"], 1.0
                self.measured.add(i)
            elif r["cfs"] or neg_weight > 0:
                self.label[i], self.weight[i] = r["cfs"], 1.0 if r["cfs"] else neg_weight
        self.rows = rows

    def fit_rows(self, parts: tuple[str, ...], skip_fold: int | None = None) -> list[int]:
        return [i for i in self.label if self.rows[i]["part"] in parts and fold(self.rows[i]) != skip_fold]

    def measure_rows(self, parts: tuple[str, ...], only_fold: int | None = None) -> list[int]:
        return [i for i in sorted(self.measured) if self.rows[i]["part"] in parts
                and (only_fold is None or fold(self.rows[i]) == only_fold)]

    def arrays(self, idx):
        import numpy as np

        return (np.array([self.label[i] for i in idx], dtype=float), np.array([self.weight[i] for i in idx]))


def logits(theta, X):
    return X.dot(theta[:-1]) + theta[-1]


def sigmoid(z):
    import numpy as np

    return 1.0 / (1.0 + np.exp(-np.asarray(z)))


def cross_validate(task: Task, named, grams, names, l2s, l2s_nb) -> tuple[list[int], dict]:
    """Out-of-fold logits of every setting (l2, l2_nb) on the measured train + validation rows."""
    import numpy as np

    measured = task.measure_rows(TRAIN_VAL)
    pos = {i: k for k, i in enumerate(measured)}
    oof = {(a, b): np.zeros(len(measured)) for a in l2s for b in l2s_nb}
    for k in range(FOLDS):
        fit_on = task.fit_rows(TRAIN_VAL, skip_fold=k)
        held = task.measure_rows(TRAIN_VAL, only_fold=k)
        if not held:
            continue
        y, w = task.arrays(fit_on)
        lr, nb = members(design(named, grams, names, fit_on), y, w, l2s, l2s_nb)
        Xh = design(named, grams, names, held)
        where = [pos[i] for i in held]
        zl = {a: logits(t, Xh) for a, t in lr.items()}
        zn = {b: logits(t, Xh) for b, t in nb.items()}
        for a in l2s:
            for b in l2s_nb:
                oof[(a, b)][where] = (zl[a] + zn[b]) / 2.0
    return measured, oof


def fit_setting(task: Task, named, grams, names, parts, l2, l2_nb):
    y, w = task.arrays(idx := task.fit_rows(parts))
    lr, nb = members(design(named, grams, names, idx), y, w, (l2,), (l2_nb,))
    return average(lr[l2], nb[l2_nb])


def baseline_cv(task: Task, texts, c: float):
    """Out-of-fold baseline probabilities on the measured train + validation rows (fitted on measured rows only)."""
    import numpy as np

    measured = task.measure_rows(TRAIN_VAL)
    out = np.zeros(len(measured))
    for k in range(FOLDS):
        held = [n for n, i in enumerate(measured) if fold(task.rows[i]) == k]
        fit_on = [i for i in measured if fold(task.rows[i]) != k]
        if held:
            (p,) = baseline([texts[i] for i in fit_on], [task.label[i] for i in fit_on],
                            [[texts[measured[n]] for n in held]], c)
            out[held] = p
    return out


def main() -> int:

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with train.json and three_class.json")
    ap.add_argument("--out-dir", type=Path, default=DEFAULT_OUT, help="where scorer.json and scorer.npz go")
    ap.add_argument("--no-compare", action="store_true", help="skip textcat and the baseline (faster; for tests)")
    args = ap.parse_args()
    missing = [p for p in (args.data / "train.json", args.data / "three_class.json") if not p.exists()]
    if missing:
        print(f"{missing[0]}: not found. The ClaimBuster sentences live in ../shared/data/claimbuster/ "
              f"next to this repository; pass --data DIR to use another copy.", file=sys.stderr)
        return 2
    if not args.no_compare:
        try:
            import sklearn  # noqa: F401
        except ImportError:
            print("scikit-learn is needed for the baseline: pip install -e '.[train]' (or pass --no-compare)",
                  file=sys.stderr)
            return 2
    started = time.monotonic()
    rows = load_rows(args.data)
    named, grams, nlp_label = parse(rows)
    names = sorted({k for f in named for k in f})
    texts = [r["text"] for r in rows]
    print(f"{len(rows)} distinct sentences, parsed in {time.monotonic() - started:.0f} s; "
          f"parts: " + ", ".join(f"{p} {sum(r['part'] == p for r in rows)}" for p in ("train", "validation", "test")),
          file=sys.stderr)

    table = []  # (score, model, val AP, cv AP, cv F1, test AP, test P, test R, test F1, test weighted F1, threshold)
    shipped = {}
    for name in ("checkworthiness", "verifiable"):
        # settings: the penalties of both members (and the weight of the uncertain negatives) with the best
        # cross-validated AP on train + validation; the threshold with the best F1 on those out-of-fold scores
        best = None
        for neg_weight in NEG_WEIGHTS[name]:
            task = Task(rows, name, neg_weight)
            measured, oof = cross_validate(task, named, grams, names, L2_GRID[name], L2_GRID[name])
            y_cv = [task.label[i] for i in measured]
            for (a, b), z in oof.items():
                p = sigmoid(z).tolist()
                ap_cv = average_precision(y_cv, p)
                print(f"  {name:15} neg weight {neg_weight:g}, l2 {a:g} / {b:g}: cross-validated AP {ap_cv:.3f}",
                      file=sys.stderr)
                if best is None or ap_cv > best[0] + 1e-9:
                    best = (ap_cv, neg_weight, a, b, y_cv, p)
        cv_ap, neg_weight, l2, l2_nb, y_cv, p_cv = best
        thr = best_threshold(y_cv, p_cv)
        cv_f1 = prf(y_cv, p_cv, thr)[2]
        task = Task(rows, name, neg_weight)
        va_rows, te_rows = task.measure_rows(("validation",)), task.measure_rows(("test",))
        yva = [task.label[i] for i in va_rows]
        yte = [task.label[i] for i in te_rows]
        # the same settings fitted on the training part alone and scored on validation: the figure textcat is compared on
        theta_train = fit_setting(task, named, grams, names, ("train",), l2, l2_nb)
        val_ap = average_precision(yva, sigmoid(logits(theta_train, design(named, grams, names, va_rows))).tolist())
        theta = fit_setting(task, named, grams, names, TRAIN_VAL, l2, l2_nb)
        q, buckets, weights, named_w, bias = quantise(theta, names)
        pte = sigmoid(logits(q, design(named, grams, names, te_rows))).tolist()
        P, R, F = prf(yte, pte, thr)
        lr_row = (name, "hashed n-grams + features, LR+NB-LR", val_ap, cv_ap, cv_f1, average_precision(yte, pte),
                  P, R, F, weighted_f1(yte, pte, thr), thr)
        table.append(lr_row)
        settings = {"l2": l2, "l2_nb": l2_nb, **({"neg_weight": neg_weight} if name == "verifiable" else {})}
        shipped[name] = {**settings, "threshold": thr, "bias": bias, "weights": dict(sorted(named_w.items())),
                         "buckets": buckets, "hashed": weights,
                         "validation": {"ap": round(val_ap, 4), "cv_ap": round(cv_ap, 4), "cv_f1": round(cv_f1, 4)},
                         "test": {"ap": round(lr_row[5], 4), "precision": round(P, 4), "recall": round(R, 4),
                                  "f1": round(F, 4), "sentences": len(yte), "positive": sum(yte)}}
        if args.no_compare:
            continue
        tr_rows = task.measure_rows(("train",))
        tr_texts = [texts[i] for i in tr_rows]
        tr_y = [task.label[i] for i in tr_rows]
        va_texts = [texts[i] for i in va_rows]
        te_texts = [texts[i] for i in te_rows]
        refit = task.measure_rows(TRAIN_VAL)
        # spaCy textcat: epochs chosen on validation (five folds of it would take too long), then refitted on
        # train + validation
        best_tc = None
        for ep, (pv,) in enumerate(textcat_runs(tr_texts, tr_y, [va_texts], TEXTCAT_EPOCHS), 1):
            a = average_precision(yva, pv)
            print(f"  {name:15} textcat epoch {ep}: validation AP {a:.3f}", file=sys.stderr)
            if best_tc is None or a > best_tc[0] + 1e-9:
                best_tc = (a, ep, pv)
        tc_ap, tc_ep, tc_pv = best_tc
        tc_thr = best_threshold(yva, tc_pv)
        *_, (tc_pte,) = textcat_runs([texts[i] for i in refit], [task.label[i] for i in refit], [te_texts], tc_ep)
        P, R, F = prf(yte, tc_pte, tc_thr)
        table.append((name, f"spaCy textcat bow ({tc_ep} epochs)", tc_ap, None, prf(yva, tc_pv, tc_thr)[2],
                      average_precision(yte, tc_pte), P, R, F, weighted_f1(yte, tc_pte, tc_thr), tc_thr))
        # baseline: C and threshold by the same cross-validation as the hashed model
        best_b = None
        for c in C_GRID:
            pv = baseline_cv(task, texts, c).tolist()
            a = average_precision(y_cv, pv)
            if best_b is None or a > best_b[0] + 1e-9:
                best_b = (a, c, pv)
        b_cv_ap, b_c, b_pv = best_b
        b_thr = best_threshold(y_cv, b_pv)
        (b_va,) = baseline(tr_texts, tr_y, [va_texts], b_c)
        (b_pte,) = baseline([texts[i] for i in refit], [task.label[i] for i in refit], [te_texts], b_c)
        b_pte = b_pte.tolist()
        P, R, F = prf(yte, b_pte, b_thr)
        table.append((name, f"baseline TF-IDF + LR (C={b_c:g})", average_precision(yva, b_va.tolist()), b_cv_ap,
                      prf(y_cv, b_pv, b_thr)[2], average_precision(yte, b_pte), P, R, F, weighted_f1(yte, b_pte, b_thr),
                      b_thr))
        shipped[name]["test"]["baseline_ap"] = round(table[-1][5], 4)
        shipped[name]["test"]["baseline_f1"] = round(F, 4)
        if tc_ap > val_ap:
            shipped[name]["winner"] = "textcat"

    print()
    print(f"{'score':16}{'model':37}{'val AP':>7}{'cv AP':>7}{'cv F1':>7}{'test AP':>8}"
          f"{'P':>7}{'R':>7}{'F1':>7}{'wF1':>7}{'thr':>7}")
    for name, model, va, ca, cf, ta, P, R, F, wf, thr in table:
        cvap = f"{ca:7.3f}" if ca is not None else f"{'-':>7}"
        print(f"{name:16}{model:37}{va:7.3f}{cvap}{cf:7.3f}{ta:8.3f}{P:7.3f}{R:7.3f}{F:7.3f}{wf:7.3f}{thr:7.3f}")
    print("val AP: fitted on the training part, scored on validation (how the model family is chosen); "
          "cv AP, cv F1: 5 folds by sentence-id range over train + validation (how penalties and the threshold "
          "are chosen; textcat: on validation, cv F1 is its validation F1); P, R, F1: the positive class on the "
          "test part at that threshold (thr), fitted on train + validation; wF1: F1 of both classes weighted by support")
    for name in ("verifiable", "checkworthiness"):
        t = shipped[name]["test"]
        print(f"{name}: test part {t['sentences']} sentences ({t['positive']} positive)")
    if any(s.get("winner") == "textcat" for s in shipped.values()):
        print("spaCy textcat won on validation; it has no numpy runtime here, so nothing was written.", file=sys.stderr)
        return 1

    meta = {
        "about": "Two logistic scores (verifiable, checkworthiness) over hashed word n-grams and explainable features, "
                 "fitted by scripts/train_checkworthiness.py on the ClaimBuster sentences (Arslan, Hassan, Li, "
                 "Tremayne, ICWSM 2020), CC BY 4.0.",
        "nlp": nlp_label,
        "hash_bits": __import__("factcheck.extract.scorer", fromlist=["HASH_BITS"]).HASH_BITS,
        "sentences": len(rows),
        "split": f"sentence_id ranges of {RANGE}: of every 20, 14 train, 3 validation, 3 test",
        "scores": {name: {k: v for k, v in s.items() if k not in ("buckets", "hashed", "winner")}
                   for name, s in shipped.items()},
    }
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "scorer.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    arrays = {}
    for name, s in shipped.items():
        arrays[f"{name}_buckets"] = s["buckets"]
        arrays[f"{name}_weights"] = s["hashed"]
    write_npz(args.out_dir / "scorer.npz", arrays)
    print(f"wrote {args.out_dir / 'scorer.json'} and scorer.npz "
          f"({sum(len(s['buckets']) for s in shipped.values())} n-gram weights) in {time.monotonic() - started:.0f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
