#!/usr/bin/env python3
"""The Python peer of the serve benchmark: a Flask app serving a scikit-learn
HistGradientBoostingClassifier trained on the same data as ours (bench/gbdt/make-data.ts),
with the same settings: 100 iterations, 31 leaves, 255 bins, learning rate 0.1.

    /usr/bin/python3 bench/serve/flask_server.py --dir DATA_DIR --port 8091

Trains, pickles the model into DATA_DIR/sklearn-model.pkl (the benchmark's temp directory,
nothing else), loads it back as a deployment would, then serves POST /predict with the same
body as ours ({"rows": [{x0: …, c0: "L3", …}]}) and answers {"predictions": [{"prediction",
"probabilities"}]}. It runs on Flask's own threaded server (Debian python3-flask 2.2, Werkzeug;
no gunicorn in Debian's default set), request logging off. Prints READY when listening.

scikit-learn 1.2 accepts categorical features of at most max_bins (255) levels, so the
1000-level feature is given as its integer code (ordinal), as in bench/gbdt/peers.py.
"""
import argparse
import json
import logging
import os
import pickle
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    import numpy as np
    from flask import Flask, jsonify, request
    from sklearn.ensemble import HistGradientBoostingClassifier

    meta = json.load(open(os.path.join(args.dir, "meta.json")))
    names = [c["name"] for c in meta["columns"]]
    categorical = [c["kind"] == "categorical" and c["levels"] <= 255 for c in meta["columns"]]

    def col(part, name):
        return np.fromfile(os.path.join(args.dir, f"{part}_{name}.f64"), dtype="<f8")

    path = os.path.join(args.dir, "sklearn-model.pkl")
    t0 = time.perf_counter()
    X = np.column_stack([col("train", n) for n in names])
    y = col("train", "y")
    clf = HistGradientBoostingClassifier(
        max_iter=100, max_leaf_nodes=31, max_bins=255, learning_rate=0.1, l2_regularization=0.0,
        early_stopping=False, categorical_features=np.array(categorical), random_state=0,
    ).fit(X, y)
    train_seconds = time.perf_counter() - t0
    with open(path, "wb") as f:
        pickle.dump(clf, f)
    with open(path, "rb") as f:
        model = pickle.load(f)
    classes = [str(int(c)) for c in model.classes_]

    def value(name, v):
        if v is None:
            return np.nan
        if isinstance(v, str):  # categories arrive as their labels, 'L<k>'
            return float(v[1:])
        return float(v)

    app = Flask(__name__)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)

    @app.post("/predict")
    def predict():
        rows = request.get_json()["rows"]
        X = np.array([[value(n, r.get(n)) for n in names] for r in rows], dtype=np.float64)
        proba = model.predict_proba(X)
        out = [
            {"prediction": classes[int(p.argmax())], "probabilities": {c: float(p[j]) for j, c in enumerate(classes)}}
            for p in proba
        ]
        return jsonify({"predictions": out})

    @app.get("/healthz")
    def health():
        return jsonify({"status": "ok"})

    print(json.dumps({"ready": True, "trainSeconds": train_seconds, "sklearn": __import__("sklearn").__version__,
                      "flask": __import__("flask").__version__, "python": sys.version.split()[0]}), flush=True)
    app.run(host="127.0.0.1", port=args.port, threaded=True)


if __name__ == "__main__":
    main()
