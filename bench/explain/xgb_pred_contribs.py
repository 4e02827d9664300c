#!/usr/bin/python3
"""Python side of bench/explain/explain.bench.ts: train an XGBoost model of the benchmark's size
(100 trees x 31 leaves, leaf-wise, binary:logistic) on seeded synthetic data, save the model JSON and
the data (float32, row-major, little-endian) into OUT_DIR, and time XGBoost's exact TreeSHAP
(`pred_contribs`) on the rows. Prints one JSON line with the timings.

Usage: /usr/bin/python3 bench/explain/xgb_pred_contribs.py OUT_DIR [ROWS] [FEATURES] [TREES] [LEAVES] [REPEATS]
"""
import json
import os
import sys
import time

import numpy as np
import xgboost as xgb


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    feats = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    trees = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    leaves = int(sys.argv[5]) if len(sys.argv) > 5 else 31
    repeats = int(sys.argv[6]) if len(sys.argv) > 6 else 3
    rng = np.random.default_rng(7)
    X = rng.normal(size=(rows, feats)).astype(np.float32)
    X[rng.random(size=X.shape) < 0.05] = np.nan
    z = np.nan_to_num(X[:, 0]) + np.sin(2 * np.nan_to_num(X[:, 1])) + np.nan_to_num(X[:, 2]) * np.nan_to_num(X[:, 3])
    y = (z + 0.5 * rng.normal(size=rows) > 0).astype(np.float32)
    dtrain = xgb.DMatrix(X, label=y, missing=np.nan)
    params = {
        "objective": "binary:logistic", "tree_method": "hist", "grow_policy": "lossguide", "max_leaves": leaves,
        "max_depth": 0, "eta": 0.1, "min_child_weight": 1, "seed": 1,
    }
    booster = xgb.train(params, dtrain, trees)
    os.makedirs(out, exist_ok=True)
    booster.save_model(os.path.join(out, "model.json"))
    X.astype("<f4").tofile(os.path.join(out, "X.f32"))
    timings = {}
    for label, nthread in (("all_threads", os.cpu_count()), ("one_thread", 1)):
        booster.set_param({"nthread": nthread})
        best = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            contribs = booster.predict(dtrain, pred_contribs=True)
            best = min(best, time.perf_counter() - t0)
        timings[label] = {"threads": nthread, "seconds": best}
    np.asarray(contribs[:50], dtype="<f8").tofile(os.path.join(out, "contribs50.f64"))
    dump = json.loads(booster.save_raw("json"))
    n_leaves = [sum(1 for c in t["left_children"] if c < 0) for t in dump["learner"]["gradient_booster"]["model"]["trees"]]
    print(json.dumps({
        "xgboost": xgb.__version__, "rows": rows, "features": feats, "trees": trees, "max_leaves": leaves,
        "mean_leaves": sum(n_leaves) / len(n_leaves), "repeats": repeats, "pred_contribs": timings,
    }))


if __name__ == "__main__":
    main()
