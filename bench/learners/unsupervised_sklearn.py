"""scikit-learn side of bench/learners/unsupervised: fit and apply one learner on one case in
its own process, best of --repeats timings, and print one JSON line (same shape as
unsupervised-run.ts). Standardisation (StandardScaler) is inside the timed fit and predict,
as Modelwright's preprocessing is inside its models; isolation forest gets raw values.

    /usr/bin/python3 bench/learners/unsupervised_sklearn.py --case kmeans-lloyd --cases-json '<BENCH_CASES as JSON>' --cache-dir DIR
"""
import argparse
import json
import os
import resource
import sys
import time

import numpy as np
from sklearn.cluster import DBSCAN, KMeans, MiniBatchKMeans
from sklearn.decomposition import PCA
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score
from sklearn.mixture import GaussianMixture
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(case):
    p = dict(case["params"])
    seed = p.pop("seed", 0)
    learner = case["learner"]
    if learner == "kmeans":
        algo = p.pop("algorithm")
        if algo == "auto":
            algo = "lloyd"  # scikit-learn's default (its own 'auto' is deprecated and means lloyd)
        if algo == "minibatch":
            return make_pipeline(StandardScaler(), MiniBatchKMeans(n_clusters=p["n_clusters"], n_init=p["n_init"], batch_size=p["batch_size"], random_state=seed))
        return make_pipeline(StandardScaler(), KMeans(n_clusters=p["n_clusters"], n_init=p["n_init"], algorithm=algo, random_state=seed))
    if learner == "gmm":
        return make_pipeline(StandardScaler(), GaussianMixture(n_components=p["n_components"], covariance_type=p["covariance_type"], random_state=seed))
    if learner == "dbscan":
        return make_pipeline(StandardScaler(), DBSCAN(eps=p["eps"], min_samples=p["min_samples"]))
    if learner == "pca":
        return make_pipeline(StandardScaler(), PCA(n_components=p["n_components"], svd_solver=p["svd_solver"], random_state=seed))
    if learner == "iforest":
        return IsolationForest(n_estimators=p["n_estimators"], max_samples=p["max_samples"], random_state=seed)
    raise ValueError(learner)


PREDICT_CALLS = 5


def predict(case, model, X):
    """What is timed as predict: predict / transform / score_samples on the training rows."""
    learner = case["learner"]
    if learner in ("kmeans", "gmm"):
        model.predict(X)
    elif learner == "pca":
        model.transform(X)
    elif learner == "iforest":
        model.score_samples(X)


def quality_of(case, model, X, y):
    """Untimed: numbers to check both sides fitted the same thing."""
    learner = case["learner"]
    last = model[-1] if hasattr(model, "steps") else model
    if learner == "kmeans":
        return {"inertia": float(last.inertia_), "n_iter": int(last.n_iter_)}
    if learner == "gmm":
        return {"mean_log_likelihood": float(last.score(model[0].transform(X))), "n_iter": int(last.n_iter_)}
    if learner == "dbscan":
        labels = last.labels_
        return {"n_clusters": int(labels.max() + 1), "noise": int((labels < 0).sum())}
    if learner == "pca":
        return {"explained_variance_ratio_sum": float(last.explained_variance_ratio_.sum())}
    return {"roc_auc": float(roc_auc_score(y, -model.score_samples(X)))} if y is not None else {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", required=True)
    ap.add_argument("--cases-json", required=True)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--cache-dir", required=True)
    a = ap.parse_args()
    case = next(c for c in json.loads(a.cases_json) if c["name"] == a.case)
    # The binary form written by unsupervised-data.ts: float64 columns, one after another.
    meta = json.load(open(os.path.join(a.cache_dir, case["name"] + ".json")))
    # Filled column by column so that only one copy of the data is ever held (a low baseline).
    X = np.empty((meta["rows"], len(meta["columns"])))
    with open(os.path.join(a.cache_dir, case["name"] + ".bin"), "rb") as f:
        for j in range(X.shape[1]):
            X[:, j] = np.fromfile(f, dtype=np.float64, count=meta["rows"])
    y = np.array(meta["target"]) if meta.get("target") else None
    base = rss_mb()
    fit_s, pred_s, quality, first_fit = float("inf"), float("inf"), {}, None
    for rep in range(a.repeats):
        model = build(case)
        t0 = time.perf_counter()
        model.fit(X)
        t1 = time.perf_counter()
        # Best of PREDICT_CALLS calls, as on the Modelwright side.
        pred = float("inf")
        for _ in range(PREDICT_CALLS):
            p0 = time.perf_counter()
            predict(case, model, X)
            pred = min(pred, time.perf_counter() - p0)
        quality = quality_of(case, model, X, y)
        if rep == 0:
            first_fit = t1 - t0
        fit_s = min(fit_s, t1 - t0)
        pred_s = None if case["learner"] == "dbscan" else min(pred_s, pred)
    print(json.dumps({"side": "sklearn", "case": case["name"], "rows": int(X.shape[0]), "columns": int(X.shape[1]), "fitSeconds": fit_s, "firstFitSeconds": first_fit, "predictSeconds": pred_s, "baseRssMb": base, "peakRssMb": rss_mb(), "quality": quality}))


if __name__ == "__main__":
    sys.exit(main())
