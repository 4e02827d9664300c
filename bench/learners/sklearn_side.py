#!/usr/bin/python3
"""scikit-learn side of bench/learners (run with Debian's /usr/bin/python3, which has sklearn).

  prepare --dataset NAME --out DIR   write DIR/train.csv, DIR/test.csv, DIR/meta.json: a fixed,
                                     seeded 75/25 split (stratified for classification) that
                                     both sides read, so they see exactly the same rows
  run --dir DIR --config NAME --out FILE
                                     fit + predict one scikit-learn counterpart on that split and
                                     write timings, peak RSS and test predictions as JSON

Each `run` is its own process so that ru_maxrss is the peak of that one model. The bench
starts it with OPENBLAS/OMP/MKL_NUM_THREADS=1: both sides then run single-threaded, and CPU
time (process_time) measures the same thing on both sides.
"""
import argparse
import json
import os
import resource
import sys
import time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier, RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

DATASETS = "/work/shared/datasets"
# name → (file, target, task, rows kept (None = all)); subsampling keeps the run short on 2 cores.
SPECS = {
    "adult": ("adult.csv", "class", "binary", 10000),
    "credit_g": ("credit_g.csv", "class", "binary", None),
    "segment": ("segment.csv", "class", "multiclass", None),
    "vehicle": ("vehicle.csv", "Class", "multiclass", None),
    "california_housing": ("california_housing.csv", "median_house_value", "regression", 10000),
    "cpu_act": ("cpu_act.csv", "usr", "regression", None),
}


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def prepare(name, out):
    file, target, task, keep = SPECS[name]
    df = pd.read_csv(os.path.join(DATASETS, file), na_values=["", "?"], keep_default_na=False)
    df = df[df[target].notna()]
    if keep is not None and len(df) > keep:
        df = df.sample(n=keep, random_state=0)
    strat = df[target] if task != "regression" else None
    train, test = train_test_split(df, test_size=0.25, random_state=0, stratify=strat)
    os.makedirs(out, exist_ok=True)
    train.to_csv(os.path.join(out, "train.csv"), index=False)
    test.to_csv(os.path.join(out, "test.csv"), index=False)
    features = [c for c in df.columns if c != target]
    categorical = [c for c in features if df[c].dtype == object]
    classes = sorted(str(c) for c in df[target].unique()) if task != "regression" else None
    meta = {"dataset": name, "file": file, "target": target, "task": task, "rows": len(df), "trainRows": len(train),
            "testRows": len(test), "features": features, "categorical": categorical, "classes": classes,
            "missingCells": int(df[features].isna().sum().sum())}
    with open(os.path.join(out, "meta.json"), "w") as f:
        json.dump(meta, f)


def dense_prep(meta, scale, dense=False):
    """Impute median + indicators (→ scale) for numbers, one-hot for categories: the same
    preprocessing the Modelwright learners bring inside their models. The output stays
    scikit-learn's default (sparse when mostly zeros) unless `dense` (GaussianNB needs it)."""
    num = [c for c in meta["features"] if c not in meta["categorical"]]
    num_steps = [("impute", SimpleImputer(strategy="median", add_indicator=True))]
    if scale:
        num_steps.append(("scale", StandardScaler()))
    cat = make_pipeline(SimpleImputer(strategy="constant", fill_value="__missing__"),
                        OneHotEncoder(handle_unknown="ignore", max_categories=32))
    return ColumnTransformer([("num", Pipeline(num_steps), num), ("cat", cat, meta["categorical"])],
                             sparse_threshold=0.0 if dense else 0.3)


def tree_prep(meta):
    """scikit-learn 1.2 forests take no NaN: impute numbers, ordinal-encode categories."""
    num = [c for c in meta["features"] if c not in meta["categorical"]]
    cat = make_pipeline(SimpleImputer(strategy="constant", fill_value="__missing__"),
                        OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1))
    return ColumnTransformer([("num", SimpleImputer(strategy="median"), num), ("cat", cat, meta["categorical"])])


def make_model(config, meta):
    cls = meta["task"] != "regression"
    if config == "rf":
        est = RandomForestClassifier(n_estimators=100, max_features="sqrt", random_state=0, n_jobs=1) if cls else \
            RandomForestRegressor(n_estimators=100, max_features=1.0, random_state=0, n_jobs=1)
        return make_pipeline(tree_prep(meta), est)
    if config == "extratrees":
        est = ExtraTreesClassifier(n_estimators=100, max_features="sqrt", random_state=0, n_jobs=1) if cls else \
            ExtraTreesRegressor(n_estimators=100, max_features=1.0, random_state=0, n_jobs=1)
        return make_pipeline(tree_prep(meta), est)
    if config == "linear":
        est = LogisticRegression(C=1.0, max_iter=1000) if cls else Ridge(alpha=1.0)
        return make_pipeline(dense_prep(meta, True), est)
    if config == "linear_l1":
        return make_pipeline(dense_prep(meta, True), Lasso(alpha=1.0, max_iter=1000))
    if config == "linear_elasticnet":
        return make_pipeline(dense_prep(meta, True), ElasticNet(alpha=1.0, l1_ratio=0.5, max_iter=1000))
    if config == "knn":
        est = KNeighborsClassifier(n_neighbors=5) if cls else KNeighborsRegressor(n_neighbors=5)
        return make_pipeline(dense_prep(meta, True), est)
    if config == "mlp":
        kw = dict(hidden_layer_sizes=(100,), alpha=1e-4, batch_size=200, learning_rate_init=1e-3, max_iter=200,
                  early_stopping=True, validation_fraction=0.1, n_iter_no_change=10, tol=1e-4, random_state=0)
        if cls:
            return make_pipeline(dense_prep(meta, True), MLPClassifier(**kw))
        # The Modelwright MLP standardises the target inside; do the same here.
        return make_pipeline(dense_prep(meta, True), TransformedTargetRegressor(regressor=MLPRegressor(**kw), transformer=StandardScaler()))
    if config == "naive_bayes":
        return make_pipeline(dense_prep(meta, False, dense=True), GaussianNB())
    raise SystemExit(f"unknown config {config}")


def run(directory, config, out):
    with open(os.path.join(directory, "meta.json")) as f:
        meta = json.load(f)
    dtypes = {c: str for c in meta["categorical"]}
    train = pd.read_csv(os.path.join(directory, "train.csv"), dtype=dtypes, keep_default_na=False, na_values=[""])
    test = pd.read_csv(os.path.join(directory, "test.csv"), dtype=dtypes, keep_default_na=False, na_values=[""])
    target = meta["target"]
    Xtr, Xte = train[meta["features"]].copy(), test[meta["features"]].copy()
    for c in meta["categorical"]:
        Xtr[c] = Xtr[c].astype(object).where(Xtr[c].notna(), np.nan)
        Xte[c] = Xte[c].astype(object).where(Xte[c].notna(), np.nan)
    ytr = train[target].astype(str) if meta["task"] != "regression" else train[target].astype(float)
    # A first, untimed fit + predict on the full training set (its time is the cold time, its
    # RSS rise the model's memory), then the timed one — as the Modelwright side does, where
    # the first run also lets the JIT compile the hot loops.
    base = rss_mb()
    w0 = time.perf_counter()
    cold = make_model(config, meta).fit(Xtr, ytr)
    (cold.predict if meta["task"] == "regression" else cold.predict_proba)(Xte)
    warmup = time.perf_counter() - w0
    del cold
    # The same extra untimed runs as the Modelwright side (while under ~2 s, at most 4 more).
    spent, rep = warmup, 0
    while rep < 4 and spent < 2:
        r0 = time.perf_counter()
        extra = make_model(config, meta).fit(Xtr, ytr)
        (extra.predict if meta["task"] == "regression" else extra.predict_proba)(Xte)
        spent += time.perf_counter() - r0
        rep += 1
        del extra
    model = make_model(config, meta)
    c0, t0 = time.process_time(), time.perf_counter()
    model.fit(Xtr, ytr)
    c1, t1 = time.process_time(), time.perf_counter()
    if meta["task"] == "regression":
        pred = model.predict(Xte).tolist()
    else:
        proba = model.predict_proba(Xte)
        order = [list(model.classes_).index(c) for c in meta["classes"]]
        pred = proba[:, order].tolist()
    c2, t2 = time.process_time(), time.perf_counter()
    result = {"side": "sklearn", "config": config, "warmupSeconds": warmup, "fitSeconds": t1 - t0, "predictSeconds": t2 - t1,
              "fitCpuSeconds": c1 - c0, "predictCpuSeconds": c2 - c1,
              "baseRssMb": base, "peakRssMb": rss_mb(), "predictions": pred}
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")  # convergence notes are reported by the numbers, not here
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["prepare", "run", "versions"])
    ap.add_argument("--dataset")
    ap.add_argument("--dir")
    ap.add_argument("--config")
    ap.add_argument("--out")
    a = ap.parse_args()
    if a.command == "prepare":
        prepare(a.dataset, a.out)
    elif a.command == "run":
        run(a.dir, a.config, a.out)
    else:
        import sklearn
        print(json.dumps({"python": sys.version.split()[0], "sklearn": sklearn.__version__, "numpy": np.__version__}))
