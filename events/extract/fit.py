"""Refit the confidence weights (confidence.json) on an annotated set's train split.

    python -m events.extract.fit EVAL_DIR          # EVAL_DIR holds articles/, gold.jsonl, split.json
    python -m events.extract.fit EVAL_DIR --out FILE

Every candidate event of the train articles is labelled by the gold with the scorer's rule (same
article and type, within 50 km, dates agreeing at the coarser granularity, one-to-one). A
logistic regression (scikit-learn, needed only here) is fitted on the binary features of
events/extract/confidence.py; its regularisation and threshold are chosen by cross-validation
over articles, repeated on ten shuffles, maximising whole-event F1 on articles each fold did not
see. The validation articles are never opened.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

from geopy.distance import great_circle

from events.articles import read_path
from events.export import to_record
from events.extract.confidence import WEIGHTS_PATH
from events.extract.pipeline import Extractor

MATCH_KM = 50.0  # the scorer's place tolerance
C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(t / 20 for t in range(1, 12))
CV_REPEATS = 10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args(argv)
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        print("fitting needs scikit-learn: pip install scikit-learn", file=sys.stderr)
        return 2

    rows, labels, groups, gold_total = training_events(args.eval_dir)
    matrix = DictVectorizer()
    features = matrix.fit_transform([dict.fromkeys(r, 1) for r in rows])
    # A few hundred candidates make one cross-validation's F1 noisy: a single flipped candidate
    # could move the choice of C and threshold far. So every choice is scored over repeated
    # splits, and the threshold follows decision theory rather than the noise of a flat curve:
    mean_f1 = _cross_validated_f1(features, labels, groups, gold_total)
    best = max(mean_f1.values())
    # the threshold that maximises F1 for calibrated probabilities is half the F1 reached
    # (Lipton et al. 2014, "Thresholding classifiers to maximize F1 score"), rounded to the grid;
    threshold = min(THRESHOLDS, key=lambda t: abs(t - best / 2))
    # C is then the one that does best around that threshold (within 0.1 of it), so that a tie at
    # the threshold itself is not decided by noise.
    near = [t for t in THRESHOLDS if abs(t - threshold) <= 0.1 + 1e-9]
    c = max(C_GRID, key=lambda c: sum(mean_f1[c, t] for t in near))
    f1 = mean_f1[c, threshold]
    model = LogisticRegression(C=c, max_iter=5000).fit(features, labels)
    weights = {name: round(float(w), 4) for name, w in zip(matrix.feature_names_, model.coef_[0], strict=True)
               if abs(w) >= 1e-4}
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 4)
    unfiltered = 2 * sum(labels) / (len(labels) + gold_total)
    args.out.write_text(json.dumps({
        "fitted_on": "train split of the development set, by python -m events.extract.fit",
        "candidates": len(labels), "matching_gold": sum(labels), "gold_events": gold_total,
        "C": c, "threshold": threshold,
        "cross_validated_f1": round(f1, 3), "f1_without_the_model": round(unfiltered, 3),
        "weights": dict(sorted(weights.items())),
    }, indent=1) + "\n", encoding="utf-8")
    print(f"{len(labels)} candidate events ({sum(labels)} match the gold's {gold_total}) in "
          f"{len(set(groups))} train articles; C={c}, threshold={threshold}: cross-validated event F1 "
          f"{f1:.3f} (without the model {unfiltered:.3f}) -> {args.out}")
    return 0


def _cross_validated_f1(features, labels: list[int], groups: list[str],
                        gold_total: int) -> dict[tuple[float, float], float]:
    """Mean event F1 for each (C, threshold), over CV_REPEATS shuffled five-fold
    cross-validations grouped by article."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    runs: dict[tuple[float, float], list[float]] = defaultdict(list)
    for c in C_GRID:
        for repeat in range(CV_REPEATS):
            folds = GroupKFold(n_splits=5, shuffle=True, random_state=repeat)
            scores = cross_val_predict(LogisticRegression(C=c, max_iter=5000), features, labels, groups=groups,
                                       cv=folds, method="predict_proba")[:, 1]
            for threshold in THRESHOLDS:
                kept = [y for s, y in zip(scores, labels, strict=True) if s >= threshold]
                runs[c, threshold].append(2 * sum(kept) / (len(kept) + gold_total))
    return {k: statistics.mean(v) for k, v in runs.items()}


def training_events(eval_dir: Path) -> tuple[list[list[str]], list[int], list[str], int]:
    """Features, labels and article ids of every candidate event of the train articles, and the
    number of gold events there."""
    train = set(json.loads((eval_dir / "split.json").read_text(encoding="utf-8"))["train"])
    gold: dict[str, list[dict]] = {}
    for line in (eval_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and (event := json.loads(line))["article"] in train:
            gold.setdefault(event["article"], []).append(event)
    extractor = Extractor(confidence=False)
    rows, labels, groups = [], [], []
    # The set names each file for its article (articles/<id>.txt): validation files stay unopened.
    for path in sorted(p for p in (eval_dir / "articles").glob("*.txt") if p.stem in train):
        for article in read_path(path):
            candidates, _ = extractor.candidates(article)
            matched = _matches([to_record(e) for e, _ in candidates], gold.get(article.id, []))
            for i, (_, features) in enumerate(candidates):
                rows.append(features)
                labels.append(int(i in matched))
                groups.append(article.id)
    return rows, labels, groups, sum(len(events) for events in gold.values())


def _matches(predicted: list[dict], gold: list[dict]) -> set[int]:
    """Indices of the predictions the scorer would match one-to-one, nearest pairs first."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if p["type"] == g["type"] and p["lat"] is not None and g.get("lat") is not None \
                    and _dates_agree(p, g):
                km = great_circle((p["lat"], p["lon"]), (g["lat"], g["lon"])).km
                if km <= MATCH_KM:
                    pairs.append((km, i, j))
    used_p, used_g = set(), set()
    for _, i, j in sorted(pairs):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return used_p


def _dates_agree(p: dict, g: dict) -> bool:
    a, b = p.get("date"), g.get("date")
    if a is None or b is None:
        return a is None and b is None
    n = min(len(a), len(b))
    return a[:n] == b[:n]


if __name__ == "__main__":
    sys.exit(main())
