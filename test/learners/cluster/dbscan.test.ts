/** DBSCAN and its k-d tree: equal to a brute-force reference and to scikit-learn's labels. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { Dbscan, dbscanLabels } from '../../../src/learners/cluster/dbscan.js';
import { DbscanModel } from '../../../src/learners/cluster/dbscan-model.js';
import { estimateEps } from '../../../src/learners/cluster/eps-estimate.js';
import { KdTree } from '../../../src/learners/cluster/kd-tree.js';
import { Preprocessor } from '../../../src/learners/unsupervised/preprocess.js';
import { adjustedRandIndex, blobs, hasDatasets, readNumericCsv, sklearnReference } from '../unsupervised/helpers.js';

function dist2(X: Float64Array, d: number, i: number, j: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) s += (X[i * d + t] - X[j * d + t]) ** 2;
  return s;
}

/** DBSCAN with O(n²) neighbourhoods, written after scikit-learn's dbscan_inner. */
function bruteForceDbscan(X: Float64Array, n: number, d: number, eps: number, minSamples: number): Int32Array {
  const nb = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j).filter((j) => dist2(X, d, i, j) <= eps * eps));
  const core = nb.map((l) => l.length >= minSamples);
  const labels = new Int32Array(n).fill(-1);
  let label = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== -1 || !core[i]) continue;
    const stack = [i];
    while (stack.length) {
      const j = stack.pop()!;
      if (labels[j] !== -1) continue;
      labels[j] = label;
      if (core[j]) for (const m of nb[j]) if (labels[m] === -1) stack.push(m);
    }
    label++;
  }
  return labels;
}

/** Clumps, a ring of sparse points and a few duplicates: every DBSCAN case at once. */
function messyData(n: number, d: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const clump = rng.nextInt(4);
    for (let j = 0; j < d; j++) X[i * d + j] = clump < 3 ? clump * 3 + rng.normal() * 0.6 : (rng.next() - 0.5) * 16;
  }
  for (let i = 0; i < 10; i++) X.copyWithin((i + 1) * d, 0, d); // rows 1..10 duplicate row 0
  return X;
}

describe('kd-tree', () => {
  const n = 700;
  const d = 3;
  const X = messyData(n, d, 3);
  const tree = new KdTree(X, n, d, 8);
  it('radius queries equal a linear scan', () => {
    for (const q of [0, 5, 123, 699]) {
      for (const r of [0, 0.3, 1, 4]) {
        const got: number[] = [];
        tree.radius(X, q, r, (j) => void got.push(j));
        const want = Array.from({ length: n }, (_, j) => j).filter((j) => dist2(X, d, q, j) <= r * r);
        expect(got.sort((a, b) => a - b)).toEqual(want);
      }
    }
  });
  it('k-nearest queries equal a sort of all distances', () => {
    for (const q of [0, 42, 600]) {
      const got = tree.nearest(X, q, 7);
      const want = Array.from({ length: n }, (_, j) => dist2(X, d, q, j)).sort((a, b) => a - b).slice(0, 7);
      expect(Array.from(got.dist2)).toEqual(want);
    }
  });
});

describe('dbscan', () => {
  it('equals the brute-force reference', () => {
    for (const [seed, d, eps, minSamples] of [[1, 2, 0.5, 5], [2, 3, 0.8, 4], [3, 2, 0.25, 3], [4, 5, 1.5, 10]] as const) {
      const n = 500;
      const X = messyData(n, d, seed);
      const got = dbscanLabels(X, n, d, eps, minSamples, { leafSize: 16 });
      expect(Array.from(got.labels)).toEqual(Array.from(bruteForceDbscan(X, n, d, eps, minSamples)));
    }
  });

  it.skipIf(!hasDatasets)("equals scikit-learn's labels on vehicle (standardised, eps 1.5)", async () => {
    const ref = sklearnReference().dbscan_vehicle;
    const { X } = readNumericCsv('vehicle.csv', 'Class');
    const model = await new Dbscan({ eps: ref.eps, min_samples: ref.min_samples }).fit({ X });
    expect(Array.from(model.labels!)).toEqual(ref.labels);
  });

  it('labels new rows by their nearest core point within eps', async () => {
    const { X, labels } = blobs(300, 3, 2, 8, 10);
    const model = await new Dbscan({ eps: 0.4, min_samples: 5 }).fit({ X });
    expect(model.nClusters).toBe(3);
    expect(adjustedRandIndex(model.labels!.filter((l) => l >= 0), labels.filter((_, i) => model.labels![i] >= 0))).toBe(1);
    const pred = model.predict(X);
    for (let i = 0; i < X.nRows; i++) if (model.labels![i] === -1) expect(pred[i]).toBe(-1);
    const back = DbscanModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(back.predict(X))).toEqual(Array.from(pred));
  });

  it('an eps from the k-distance knee separates blobs', async () => {
    const { X, labels } = blobs(600, 3, 2, 13, 10);
    const prep = Preprocessor.fit(X, { standardize: true });
    const est = estimateEps(prep.matrix(X), X.nRows, prep.width, 5, new Rng(0));
    expect(est.coreShare).toBeGreaterThan(0.8);
    const model = await new Dbscan({ eps: est.eps, min_samples: 5 }).fit({ X });
    expect(model.nClusters).toBe(3);
    const kept = Array.from({ length: X.nRows }, (_, i) => i).filter((i) => model.labels![i] >= 0);
    expect(kept.length).toBeGreaterThan(0.9 * X.nRows);
    expect(adjustedRandIndex(kept.map((i) => model.labels![i]), kept.map((i) => labels[i]))).toBe(1);
  });
});
