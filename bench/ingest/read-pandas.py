"""The pandas side of bench/ingest: one warm-up read_csv, then RUNS timed reads (perf_counter,
inside Python so interpreter start-up is not counted); prints one JSON line.
Usage: /usr/bin/python3 bench/ingest/read-pandas.py FILE [RUNS]"""
import json
import resource
import sys
import time

import pandas as pd

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3

df = pd.read_csv(path)
times, cpu = [], []
for _ in range(runs):
    c0, t0 = time.process_time(), time.perf_counter()
    df = pd.read_csv(path)
    times.append(time.perf_counter() - t0)
    cpu.append(time.process_time() - c0)
dtypes = {}
for dt in df.dtypes:
    dtypes[str(dt)] = dtypes.get(str(dt), 0) + 1
print(json.dumps({
    "times": times,
    "cpu": cpu,
    # ru_maxrss is in kilobytes on Linux.
    "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "shape": {"rows": int(df.shape[0]), "columns": int(df.shape[1]), "dtypes": dtypes},
    "pandas": pd.__version__,
}))
