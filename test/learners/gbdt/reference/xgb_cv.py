#!/usr/bin/env python3
"""5-fold CV scores of XGBoost `hist` at parameters matched to our gbdt defaults-for-comparison.

Writes test/learners/gbdt/reference/xgb_cv.json, which test/learners/gbdt/xgb-compare.test.ts
reads: it trains our gbdt on exactly the same rows and folds and checks that our mean score is
within noise of XGBoost's.

Run (Debian's python with xgboost, sklearn, pandas):
    /usr/bin/python3 test/learners/gbdt/reference/xgb_cv.py [--datasets ../shared/datasets]

Shared protocol (the TypeScript test re-implements it from the JSON):
- rows: datasets over MAX_ROWS rows keep every `stride`-th row (stride = ceil(n / MAX_ROWS));
- folds: the k-th kept row belongs to fold k % 5 (a fixed, language-independent split);
- missing: only empty fields are missing; the manifest's categorical columns are categorical;
- classes: the target's distinct texts, sorted; binary AUC uses the second class as positive;
- metrics: binary AUC, multiclass log loss, regression RMSE, on each held-out fold.
"""
import argparse
import json
import math
import os
import time

import numpy as np
import pandas as pd
import sklearn
import xgboost as xgb
from sklearn.metrics import log_loss, mean_squared_error, roc_auc_score

DATASETS = [
    ("phoneme", "binary"),
    ("credit-g", "binary"),
    ("adult", "binary"),
    ("vehicle", "multiclass"),
    ("segment", "multiclass"),
    ("cpu_act", "regression"),
    ("california_housing", "regression"),
]
MAX_ROWS = 10000
FOLDS = 5
ROUNDS = 100
# XGBoost side. lossguide + max_leaves=31 + max_depth=0 is leaf-wise growth like ours;
# lambda=1 / min_child_weight=1 are XGBoost's defaults and are matched on our side by
# lambda_l2=1 / min_sum_hessian_in_leaf=1 (with min_data_in_leaf=0: XGBoost has no row-count rule).
XGB_PARAMS = {
    "tree_method": "hist",
    "grow_policy": "lossguide",
    "max_leaves": 31,
    "max_depth": 0,
    "max_bin": 255,
    "eta": 0.1,
    "min_child_weight": 1.0,
    "lambda": 1.0,
    "alpha": 0.0,
    "nthread": 1,
    "seed": 0,
}
OUR_PARAMS = {
    "num_iterations": ROUNDS,
    "learning_rate": 0.1,
    "num_leaves": 31,
    "max_depth": -1,
    "max_bin": 255,
    "min_sum_hessian_in_leaf": 1.0,
    "lambda_l2": 1.0,
    "lambda_l1": 0.0,
    "min_data_in_leaf": 0,
}
METRIC = {"binary": "auc", "multiclass": "multi_logloss", "regression": "rmse"}


def load(root, entry):
    df = pd.read_csv(os.path.join(root, entry["file"]), keep_default_na=False, na_values=[""], dtype=str)
    n = len(df)
    stride = max(1, math.ceil(n / MAX_ROWS))
    df = df.iloc[::stride].reset_index(drop=True)
    target = entry["target"]
    cats = entry.get("categorical_column_names", [])
    X = pd.DataFrame(index=df.index)
    for col in df.columns:
        if col == target:
            continue
        if col in cats:
            X[col] = df[col].astype("category")
        else:
            X[col] = pd.to_numeric(df[col]).astype(float)
    y = df[target]
    return X, y, stride, n


def score(task, y_true, pred, classes):
    if task == "binary":
        return roc_auc_score(y_true, pred)
    if task == "multiclass":
        return log_loss(y_true, pred, labels=list(range(len(classes))))
    return math.sqrt(mean_squared_error(y_true, pred))


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
    ap.add_argument("--datasets", default=os.path.join(repo, "..", "shared", "datasets"))
    ap.add_argument("--out", default=os.path.join(here, "xgb_cv.json"))
    args = ap.parse_args()
    manifest = {d["name"]: d for d in json.load(open(os.path.join(args.datasets, "manifest.json")))}
    results = []
    for name, task in DATASETS:
        entry = manifest[name]
        X, y_text, stride, n = load(args.datasets, entry)
        classes = sorted(y_text.unique()) if task != "regression" else None
        y = y_text.map({c: i for i, c in enumerate(classes)}).to_numpy() if classes else pd.to_numeric(y_text).to_numpy(float)
        fold = np.arange(len(X)) % FOLDS
        scores = []
        t0 = time.time()
        for k in range(FOLDS):
            tr, te = fold != k, fold == k
            params = dict(XGB_PARAMS)
            if task == "binary":
                params["objective"] = "binary:logistic"
            elif task == "multiclass":
                params.update(objective="multi:softprob", num_class=len(classes))
            else:
                # xgboost 1.7 starts regression at 0.5; 2.x starts at the mean. Start at the mean.
                params.update(objective="reg:squarederror", base_score=float(y[tr].mean()))
            dtr = xgb.DMatrix(X[tr], y[tr], enable_categorical=True)
            dte = xgb.DMatrix(X[te], enable_categorical=True)
            booster = xgb.train(params, dtr, ROUNDS)
            scores.append(score(task, y[te], booster.predict(dte), classes))
        results.append({
            "name": name,
            "file": entry["file"],
            "target": entry["target"],
            "task": task,
            "categorical": entry.get("categorical_column_names", []),
            "rowsInFile": n,
            "stride": stride,
            "rows": len(X),
            "classes": classes,
            "metric": METRIC[task],
            "higherBetter": task == "binary",
            "folds": scores,
            "mean": float(np.mean(scores)),
            "std": float(np.std(scores, ddof=1)),
            "seconds": round(time.time() - t0, 2),
        })
        print(f"{name:20s} {METRIC[task]:14s} mean {np.mean(scores):.5f} std {np.std(scores, ddof=1):.5f}", flush=True)
    out = {
        "generatedBy": "test/learners/gbdt/reference/xgb_cv.py",
        "xgboost": xgb.__version__,
        "sklearn": sklearn.__version__,
        "pandas": pd.__version__,
        "protocol": {"maxRows": MAX_ROWS, "folds": FOLDS, "foldRule": "k-th kept row -> fold k % 5", "missing": "empty field"},
        "xgbParams": XGB_PARAMS,
        "ourParams": OUR_PARAMS,
        "datasets": results,
    }
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
