/**
 * @module learners/cluster/minibatch-kmeans
 * Mini-batch k-means (Sculley 2010) for large data, as scikit-learn's MiniBatchKMeans: each
 * step draws `batchSize` rows, assigns them, and moves each centre toward its rows with a
 * per-centre learning rate 1/count. Stops when the smoothed batch inertia has not improved
 * for `maxNoImprovement` steps (or after maxIter passes over the data). Centres that attract
 * almost no rows are re-seeded on random rows now and then, so no centre stays dead.
 * Initial centres: the best of nInit k-means++ runs on 3·batchSize sampled rows, judged on
 * another sample. Final labels and inertia are computed on all rows.
 */
import type { Rng } from '../../common/random.js';
import { kmeansPlusPlus, randomRows } from './kmeans-init.js';
import { finish, type KMeansRun } from './lloyd.js';
import { nearestCenters } from './nearest-center.js';

export interface MiniBatchOptions {
  readonly batchSize: number;
  readonly maxIter: number;
  readonly nInit: number;
  readonly init: 'k-means++' | 'random';
  readonly maxNoImprovement: number;
  readonly weight?: Float64Array;
  readonly signal?: AbortSignal;
}

/** scikit-learn's default reassignment_ratio: a centre with < 1 % of the top count is re-seeded. */
const REASSIGNMENT_RATIO = 0.01;

function sampleRows(X: Float64Array, d: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, i) => out.set(X.subarray(r * d, (r + 1) * d), i * d));
  return out;
}

function randomRowIds(n: number, size: number, rng: Rng): Int32Array {
  const ids = new Int32Array(size);
  for (let i = 0; i < size; i++) ids[i] = rng.nextInt(n);
  return ids;
}

function bestInitialCenters(X: Float64Array, n: number, d: number, k: number, opts: MiniBatchOptions, rng: Rng): Float64Array {
  const initSize = Math.min(n, Math.max(3 * opts.batchSize, 3 * k));
  const validRows = randomRowIds(n, initSize, rng);
  const valid = sampleRows(X, d, validRows);
  const validWeight = opts.weight ? Float64Array.from(validRows, (r) => opts.weight![r]) : undefined;
  let best: Float64Array | undefined;
  let bestInertia = Number.POSITIVE_INFINITY;
  for (let run = 0; run < opts.nInit; run++) {
    const sample = sampleRows(X, d, randomRowIds(n, initSize, rng));
    const centers = opts.init === 'random' ? randomRows(sample, initSize, d, k, rng) : kmeansPlusPlus(sample, initSize, d, k, rng);
    const inertia = nearestCenters(valid, initSize, d, centers, k, new Int32Array(initSize), validWeight);
    if (inertia < bestInertia) (bestInertia = inertia), (best = centers);
  }
  return best!;
}

/** Fit mini-batch k-means on the row-major n × d matrix X. */
export function miniBatchKMeans(X: Float64Array, n: number, d: number, k: number, opts: MiniBatchOptions, rng: Rng): KMeansRun {
  const centers = bestInitialCenters(X, n, d, k, opts, rng);
  const batchSize = Math.min(opts.batchSize, n);
  const counts = new Float64Array(k);
  const batchLabels = new Int32Array(batchSize);
  const batch = new Float64Array(batchSize * d);
  const batchWeight = opts.weight ? new Float64Array(batchSize) : undefined;
  const nSteps = Math.floor((opts.maxIter * n) / batchSize);
  const alpha = Math.min(1, (batchSize * 2) / (n + 1));
  let ewa: number | undefined;
  let ewaMin: number | undefined;
  let noImprovement = 0;
  let sinceReassign = 0;
  let step = 0;
  while (step < nSteps) {
    opts.signal?.throwIfAborted();
    for (let b = 0; b < batchSize; b++) {
      const r = rng.nextInt(n);
      batch.set(X.subarray(r * d, (r + 1) * d), b * d);
      if (batchWeight) batchWeight[b] = opts.weight![r];
    }
    batchLabels.fill(-1);
    const inertia = nearestCenters(batch, batchSize, d, centers, k, batchLabels, batchWeight) / batchSize;
    // Per-centre running means: centre ← (centre·count + Σ w·x) / (count + Σ w).
    const sums = new Float64Array(k * d);
    const mass = new Float64Array(k);
    for (let b = 0; b < batchSize; b++) {
      const c = batchLabels[b];
      const w = batchWeight ? batchWeight[b] : 1;
      mass[c] += w;
      for (let j = 0; j < d; j++) sums[c * d + j] += w * batch[b * d + j];
    }
    for (let c = 0; c < k; c++) {
      if (mass[c] === 0) continue;
      const total = counts[c] + mass[c];
      for (let j = 0; j < d; j++) centers[c * d + j] = (centers[c * d + j] * counts[c] + sums[c * d + j]) / total;
      counts[c] = total;
    }
    sinceReassign += batchSize;
    if (counts.some((v) => v === 0) || sinceReassign >= 10 * k) {
      sinceReassign = 0;
      reassignLowCountCenters(centers, counts, batch, batchSize, d, k, rng);
    }
    step++;
    if (step === 1) continue; // the first batch's inertia reflects the initialisation only
    ewa = ewa === undefined ? inertia : ewa * (1 - alpha) + inertia * alpha;
    if (ewaMin === undefined || ewa < ewaMin) (ewaMin = ewa), (noImprovement = 0);
    else if (++noImprovement >= opts.maxNoImprovement) break;
  }
  return finish(X, n, d, k, centers, new Int32Array(n).fill(-1), opts.weight, step);
}

/** Move centres whose count is below 1 % of the largest onto random rows of the batch. */
function reassignLowCountCenters(centers: Float64Array, counts: Float64Array, batch: Float64Array, batchSize: number, d: number, k: number, rng: Rng): void {
  let max = 0;
  for (const v of counts) if (v > max) max = v;
  let low: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] < REASSIGNMENT_RATIO * max) low.push(c);
  if (low.length === 0) return;
  // Never re-seed more than half the batch's worth of centres at once (scikit-learn's cap).
  if (low.length > 0.5 * batchSize) low = low.sort((a, b) => counts[a] - counts[b] || a - b).slice(0, Math.floor(0.5 * batchSize));
  const rows = rng.sampleIndices(batchSize, low.length);
  const lowSet = new Set(low);
  let minKept = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c++) if (!lowSet.has(c) && counts[c] < minKept) minKept = counts[c];
  low.forEach((c, i) => {
    centers.set(batch.subarray(rows[i] * d, (rows[i] + 1) * d), c * d);
    counts[c] = Number.isFinite(minKept) ? minKept : 0;
  });
}
