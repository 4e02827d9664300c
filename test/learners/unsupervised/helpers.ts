/**
 * Shared helpers of the unsupervised learners' tests: seeded Gaussian blobs, a plain reader
 * for the shared all-numeric CSV datasets (independent of data/ingest, so these tests only
 * exercise the learners), the adjusted Rand index, and the scikit-learn reference fixture.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../../src/common/random.js';
import { float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';

export const DATASETS = '/work/shared/datasets';
export const hasDatasets = existsSync(join(DATASETS, 'segment.csv'));

/**
 * n rows around k centres in d dimensions, unit normal noise; labels = true blob. Centres are
 * the corners of a simplex (origin and `spread`·e_j) when k ≤ d + 1, else points `spread`
 * apart on a line; either way any two blobs are ≥ `spread` standard deviations apart, and a
 * seeded offset moves the whole layout.
 */
export function blobs(n: number, k: number, d: number, seed = 1, spread = 10): { X: Frame; labels: Int32Array; centers: number[][] } {
  const rng = new Rng(seed);
  const dir = Array.from({ length: d }, (_, j) => 1 / 2 ** j);
  const norm = Math.hypot(...dir);
  const offset = Array.from({ length: d }, () => rng.normal() * spread);
  const centers = Array.from({ length: k }, (_, c) =>
    k <= d + 1 ? dir.map((_, j) => (c > 0 && j === c - 1 ? spread : 0) + offset[j]) : dir.map((u, j) => (c * spread * u) / norm + offset[j]),
  );
  const cols = Array.from({ length: d }, () => new Float64Array(n));
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    labels[i] = c;
    for (let j = 0; j < d; j++) cols[j][i] = centers[c][j] + rng.normal();
  }
  return { X: Frame.fromColumns(cols.map((v, j) => float64Column(`x${j}`, v))), labels, centers };
}

/** An all-numeric CSV (no quotes) as a Frame of its feature columns plus the target's text. */
export function readNumericCsv(file: string, target: string): { X: Frame; y: string[] } {
  const lines = readFileSync(join(DATASETS, file), 'utf8').split('\n').filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const t = header.indexOf(target);
  const cols = header.map(() => [] as number[]);
  const y: string[] = [];
  for (const line of lines.slice(1)) {
    const fields = line.split(',');
    fields.forEach((v, j) => (j === t ? y.push(v) : cols[j].push(Number(v))));
  }
  const X = Frame.fromColumns(header.flatMap((h, j) => (j === t ? [] : [float64Column(h, Float64Array.from(cols[j]))])));
  return { X, y };
}

/** Adjusted Rand index (Hubert & Arabie 1985), as scikit-learn's adjusted_rand_score. */
export function adjustedRandIndex(a: ArrayLike<number | string>, b: ArrayLike<number | string>): number {
  const n = a.length;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const ka = String(a[i]);
    const kb = String(b[i]);
    table.set(`${ka}\u0000${kb}`, (table.get(`${ka}\u0000${kb}`) ?? 0) + 1);
    rows.set(ka, (rows.get(ka) ?? 0) + 1);
    cols.set(kb, (cols.get(kb) ?? 0) + 1);
  }
  const pairs = (m: number) => (m * (m - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += pairs(v);
  let sa = 0;
  for (const v of rows.values()) sa += pairs(v);
  let sb = 0;
  for (const v of cols.values()) sb += pairs(v);
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

export interface SklearnReference {
  kmeans_segment: { k: number; n_init: number; runs: { seed: number; inertia: number; ari: number }[] };
  pca_segment: { explained_variance: number[]; explained_variance_ratio: number[]; components: number[][]; first_rows_scores: number[][] };
  dbscan_vehicle: { eps: number; min_samples: number; labels: number[] };
  tsvd_vehicle: { singular_values: number[]; explained_variance: number[]; explained_variance_ratio: number[]; components: number[][] };
  iforest_creditcard: { n_estimators: number; max_samples: number; auc: number[]; auc_mean: number; auc_std: number };
}

/** The committed scikit-learn numbers (regenerate with test/fixtures/unsupervised/generate_fixtures.py). */
export function sklearnReference(): SklearnReference {
  return JSON.parse(readFileSync(new URL('../../fixtures/unsupervised/sklearn-reference.json', import.meta.url), 'utf8')) as SklearnReference;
}
