/**
 * @module bench/metrics/metrics
 * Time of the metrics that AutoML and early stopping call by name, on seeded data of early-
 * stopping size (default 100k rows), against scikit-learn on the same arrays in the same run
 * when Debian's /usr/bin/python3 is present. One process, a few repetitions; the fastest
 * repetition is reported for both sides because the machine is shared and other processes only
 * ever add time. Read the numbers as orders of magnitude.
 *
 *   npx tsx bench/metrics/metrics.bench.ts [rows]      → bench/results/metrics.json
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../src/common/random.js';
import { writeFileAtomicSync } from '../../src/io/atomic-write.js';
import { getMetric, type MetricArray, type MetricOptions } from '../../src/metrics/index.js';

const n = Number(process.argv[2] ?? 100_000);
const K = 5;
const REPS = 7;
const rng = new Rng(2024);

const yBin = Int32Array.from({ length: n }, () => rng.nextInt(2));
const pBin = Float64Array.from(yBin, (y) => Math.round((0.3 * y + 0.7 * rng.next()) * 1e4) / 1e4); // 4 decimals: realistic ties
const yMc = Int32Array.from({ length: n }, () => rng.nextInt(K));
const pMc = new Float64Array(n * K);
for (let i = 0; i < n; i++) {
  let s = 0;
  for (let c = 0; c < K; c++) s += pMc[i * K + c] = rng.next() + (c === yMc[i] ? 0.7 : 0);
  for (let c = 0; c < K; c++) pMc[i * K + c] /= s;
}
const yReg = Float64Array.from({ length: n }, () => rng.normal() * 3 + 10);
const pReg = Float64Array.from(yReg, (y) => y + rng.normal());
const rel = Float64Array.from({ length: n }, () => rng.nextInt(4));
const score = Float64Array.from(rel, (r) => r + 3 * rng.next());
const group = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 10));

interface Job { metric: string; yTrue: MetricArray; pred: MetricArray; opts?: MetricOptions }
const jobs: Job[] = [
  { metric: 'roc_auc', yTrue: yBin, pred: pBin },
  { metric: 'average_precision', yTrue: yBin, pred: pBin },
  { metric: 'log_loss', yTrue: yBin, pred: pBin },
  { metric: 'accuracy', yTrue: yBin, pred: pBin },
  { metric: 'f1', yTrue: yBin, pred: pBin },
  { metric: 'roc_auc_ovr', yTrue: yMc, pred: pMc },
  { metric: 'log_loss', yTrue: yMc, pred: pMc },
  { metric: 'f1_macro', yTrue: yMc, pred: pMc },
  { metric: 'rmse', yTrue: yReg, pred: pReg },
  { metric: 'r2', yTrue: yReg, pred: pReg },
  { metric: 'median_absolute_error', yTrue: yReg, pred: pReg },
  { metric: 'ndcg@10', yTrue: rel, pred: score, opts: { group } },
];


// Warm-up round over every job so that shared code (sorting, curves) is optimised before timing.
for (const job of jobs) for (let r = 0; r < 3; r++) getMetric(job.metric).compute(job.yTrue, job.pred, job.opts);

const rows = jobs.map((job) => {
  const spec = getMetric(job.metric);
  const times: number[] = [];
  let value = NaN;
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    value = spec.compute(job.yTrue, job.pred, job.opts);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const task = job.yTrue === yMc ? 'multiclass' : job.yTrue === yBin ? 'binary' : job.yTrue === rel ? 'ranking' : 'regression';
  return { metric: job.metric, task, ms: Math.min(...times.slice(1)), value };
});

/** The same calls in scikit-learn, on the same arrays, timed the same way. */
function sklearnTimes(): Record<string, { ms: number; value: number }> | null {
  if (!existsSync('/usr/bin/python3')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'mw-bench-'));
  try {
    for (const [name, arr] of Object.entries({ yBin, pBin, yMc, pMc, yReg, pReg, rel, score, group })) {
      writeFileAtomicSync(join(dir, `${name}.bin`), new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
    }
    const py = `
import numpy as np, time, json, sys, warnings
warnings.filterwarnings("ignore")
from sklearn import metrics as M
d = sys.argv[1]; K = ${K}
L = lambda n, t: np.fromfile(f"{d}/{n}.bin", dtype=t)
yBin, pBin = L("yBin", np.int32), L("pBin", np.float64)
yMc, pMc = L("yMc", np.int32), L("pMc", np.float64).reshape(-1, K)
yReg, pReg = L("yReg", np.float64), L("pReg", np.float64)
rel, score, group = L("rel", np.float64), L("score", np.float64), L("group", np.int32)
lab = (pBin > 0.5).astype(int); labMc = pMc.argmax(axis=1)
R, S = rel.reshape(-1, 10), score.reshape(-1, 10)
jobs = {
 "binary roc_auc": lambda: M.roc_auc_score(yBin, pBin),
 "binary average_precision": lambda: M.average_precision_score(yBin, pBin),
 "binary log_loss": lambda: M.log_loss(yBin, pBin),
 "binary accuracy": lambda: M.accuracy_score(yBin, lab),
 "binary f1": lambda: M.f1_score(yBin, lab),
 "multiclass roc_auc_ovr": lambda: M.roc_auc_score(yMc, pMc, multi_class="ovr"),
 "multiclass log_loss": lambda: M.log_loss(yMc, pMc),
 "multiclass f1_macro": lambda: M.f1_score(yMc, labMc, average="macro"),
 "regression rmse": lambda: M.mean_squared_error(yReg, pReg, squared=False),
 "regression r2": lambda: M.r2_score(yReg, pReg),
 "regression median_absolute_error": lambda: M.median_absolute_error(yReg, pReg),
 "ranking ndcg@10": lambda: M.ndcg_score(R, S, k=10),
}
out = {}
for k, f in jobs.items():
    ts = []
    for _ in range(${REPS}):
        t0 = time.perf_counter(); v = f(); ts.append((time.perf_counter() - t0) * 1e3)
    out[k] = {"ms": min(ts[1:]), "value": float(v)}
print(json.dumps(out))
`;
    return JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, dir], { encoding: 'utf8' })) as Record<string, { ms: number; value: number }>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sk = sklearnTimes();
// The values double as a large-n check (radix-sort path) against sklearn on the same arrays.
const table = rows.map((r) => {
  const ref = sk?.[`${r.task} ${r.metric}`];
  return { ...r, sklearnMs: ref?.ms ?? null, sklearnValue: ref?.value ?? null, absDiff: ref === undefined ? null : Math.abs(ref.value - r.value) };
});
let sha = 'unknown';
try {
  sha = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
const result = {
  command: `npx tsx bench/metrics/metrics.bench.ts ${n}`,
  gitSha: sha,
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, loadAverage1m: loadavg()[0], node: process.version, platform: process.platform },
  rows: n,
  repetitions: REPS,
  note: 'fastest repetition after the first (shared machine); ms per call; ndcg@10 on n/10 queries of 10 rows; label metrics in Modelwright include thresholding the probabilities',
  results: table,
};
writeFileAtomicSync('bench/results/metrics.json', `${JSON.stringify(result, null, 2)}\n`);
for (const r of table) {
  console.log(`${`${r.task} ${r.metric}`.padEnd(36)} ${r.ms.toFixed(2).padStart(8)} ms   sklearn ${r.sklearnMs === null ? '-' : r.sklearnMs.toFixed(2).padStart(8)} ms   |Δvalue| ${r.absDiff ?? '-'}`);
}
