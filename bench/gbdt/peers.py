#!/usr/bin/env python3
"""The Python side of the gbdt benchmark: XGBoost `hist` or scikit-learn
HistGradientBoostingClassifier on the data written by bench/gbdt/make-data.ts.

    /usr/bin/python3 bench/gbdt/peers.py --lib xgboost --dir DIR --threads 2

Each library runs in its own process (peak RSS via resource.getrusage is then its own).
Loading the files is not timed; training time includes DMatrix / binning construction, as
ours includes binning. Prints one JSON line.

Parameters match ours (LightGBM defaults): 100 iterations, 31 leaves grown leaf-wise,
255 bins, learning rate 0.1, no L2, min hessian 1e-3 (XGBoost) / 20 rows per leaf (sklearn).
scikit-learn 1.2 accepts categorical features of at most max_bins (255) levels, so its
1000-level feature is given as its integer code (ordinal), documented in the results.
"""
import argparse
import json
import os
import resource
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lib", choices=["xgboost", "sklearn"], required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    # Thread pools read these when the libraries load.
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    import numpy as np
    import pandas as pd
    from sklearn.metrics import roc_auc_score

    meta = json.load(open(os.path.join(args.dir, "meta.json")))

    def col(part, name):
        return np.fromfile(os.path.join(args.dir, f"{part}_{name}.f64"), dtype="<f8")

    def frame(part, categorical_limit):
        data = {}
        cat_mask = []
        for c in meta["columns"]:
            v = col(part, c["name"])
            if c["kind"] == "categorical" and c["levels"] <= categorical_limit:
                codes = np.where(np.isnan(v), -1, v).astype(np.int32)
                data[c["name"]] = pd.Categorical.from_codes(codes, categories=list(range(c["levels"])))
                cat_mask.append(True)
            else:
                data[c["name"]] = v
                cat_mask.append(False)
        return pd.DataFrame(data), np.array(cat_mask), col(part, "y")

    if args.lib == "xgboost":
        import xgboost as xgb

        Xtr, _, ytr = frame("train", 10**9)
        Xte, _, yte = frame("test", 10**9)
        params = {
            "objective": "binary:logistic", "tree_method": "hist", "grow_policy": "lossguide", "max_leaves": 31,
            "max_depth": 0, "max_bin": 255, "eta": 0.1, "min_child_weight": 1e-3, "lambda": 0.0, "nthread": args.threads,
        }
        t0 = time.perf_counter()
        dtrain = xgb.DMatrix(Xtr, ytr, enable_categorical=True, nthread=args.threads)
        booster = xgb.train(params, dtrain, 100)
        train_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        dtest = xgb.DMatrix(Xte.iloc[:200000], enable_categorical=True, nthread=args.threads)
        booster.predict(dtest)
        predict_seconds = time.perf_counter() - t0
        p = booster.predict(xgb.DMatrix(Xte, enable_categorical=True, nthread=args.threads))
        version = xgb.__version__
        note = "categoricals via enable_categorical (pandas category dtype)"
    else:
        import sklearn
        from sklearn.ensemble import HistGradientBoostingClassifier

        Xtr, mask, ytr = frame("train", 255)
        Xte, _, yte = frame("test", 255)
        # sklearn wants categorical features as integer codes with NaN for missing.
        to_np = lambda X: np.column_stack([X[c].cat.codes.replace(-1, np.nan).to_numpy(float) if str(X[c].dtype) == "category" else X[c].to_numpy(float) for c in X.columns])
        Atr, Ate = to_np(Xtr), to_np(Xte)
        clf = HistGradientBoostingClassifier(
            max_leaf_nodes=31, max_iter=100, learning_rate=0.1, early_stopping=False, max_bins=255,
            categorical_features=mask, l2_regularization=0.0, min_samples_leaf=20,
        )
        t0 = time.perf_counter()
        clf.fit(Atr, ytr)
        train_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        clf.predict_proba(Ate[:200000])
        predict_seconds = time.perf_counter() - t0
        p = clf.predict_proba(Ate)[:, 1]
        version = sklearn.__version__
        note = "categoricals native for <= 255 levels; the 1000-level feature as its integer code"
    n_pred = min(200000, len(yte))
    print(json.dumps({
        "library": f"{args.lib} {version}",
        "trainSeconds": train_seconds,
        "testAuc": float(roc_auc_score(yte, p)),
        "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "predictRowsPerSecond": n_pred / predict_seconds,
        "threads": args.threads,
        "note": note,
    }))


if __name__ == "__main__":
    main()
