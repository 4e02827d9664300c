"""Default-parameter peers for bench/automl: XGBoost (hist) and scikit-learn's
HistGradientBoosting, trained and scored on exactly the folds Modelwright used.

usage: /usr/bin/python3 bench/automl/peers.py DATA.csv TARGET TASK FOLDS.json
prints one JSON line: {"xgboost": [score per fold], "hgb": [...], "seconds": {...}}
Metric: ROC AUC (binary), log loss (multiclass), RMSE (regression), as in AMLB.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import log_loss, mean_squared_error, roc_auc_score

path, target, task, folds_path = sys.argv[1:5]
df = pd.read_csv(path, na_values=["", "?"], keep_default_na=True)
folds = np.asarray(json.load(open(folds_path)))
y_raw = df.pop(target)
keep = ~y_raw.isna().to_numpy()
df, y_raw, folds = df[keep].reset_index(drop=True), y_raw[keep].reset_index(drop=True), folds[keep]

cat_cols = [c for c in df.columns if df[c].dtype == object]
for c in cat_cols:
    df[c] = df[c].astype("category")
if task == "regression":
    y = y_raw.astype(float).to_numpy()
else:
    classes = sorted(y_raw.astype(str).unique())
    y = y_raw.astype(str).map({c: i for i, c in enumerate(classes)}).to_numpy()

# HGB in sklearn 1.2 takes categoricals as ordinal codes below max_bins (255); wider ones stay numeric codes.
hgb_X = df.copy()
hgb_mask = []
for c in df.columns:
    if c in cat_cols:
        codes = hgb_X[c].cat.codes.astype(float)
        codes[codes < 0] = np.nan
        hgb_X[c] = codes
        hgb_mask.append(len(df[c].cat.categories) < 255)
    else:
        hgb_mask.append(False)
hgb_X = hgb_X.to_numpy(dtype=float)


def score(y_true, out):
    if task == "binary":
        return roc_auc_score(y_true, out[:, 1])
    if task == "multiclass":
        return log_loss(y_true, out, labels=list(range(len(classes))))
    return mean_squared_error(y_true, out) ** 0.5


res = {"xgboost": [], "hgb": [], "seconds": {"xgboost": 0.0, "hgb": 0.0}}
for f in sorted(set(folds.tolist())):
    tr, te = folds != f, folds == f
    t0 = time.perf_counter()
    if task == "regression":
        m = xgb.XGBRegressor(tree_method="hist", enable_categorical=True, n_jobs=2)
        m.fit(df[tr], y[tr])
        out = m.predict(df[te])
    else:
        m = xgb.XGBClassifier(tree_method="hist", enable_categorical=True, n_jobs=2)
        m.fit(df[tr], y[tr])
        out = m.predict_proba(df[te])
    res["seconds"]["xgboost"] += time.perf_counter() - t0
    res["xgboost"].append(score(y[te], out))
    t0 = time.perf_counter()
    mask = hgb_mask if any(hgb_mask) else None
    if task == "regression":
        h = HistGradientBoostingRegressor(categorical_features=mask, random_state=0)
        h.fit(hgb_X[tr], y[tr])
        out = h.predict(hgb_X[te])
    else:
        h = HistGradientBoostingClassifier(categorical_features=mask, random_state=0)
        h.fit(hgb_X[tr], y[tr])
        out = h.predict_proba(hgb_X[te])
        if out.shape[1] < len(classes):  # a class absent from this training fold
            full = np.full((out.shape[0], len(classes)), 1e-15)
            full[:, h.classes_] = out
            out = full / full.sum(axis=1, keepdims=True)
    res["seconds"]["hgb"] += time.perf_counter() - t0
    res["hgb"].append(score(y[te], out))
print(json.dumps(res))
