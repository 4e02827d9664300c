/**
 * @module learners/cluster/dbscan
 * DBSCAN (Ester et al. 1996) as scikit-learn's: a row with at least min_samples rows within
 * eps (itself included; with weights, that much weight) is a core point; clusters are the
 * connected groups of core points plus the non-core rows within eps of them; the rest is
 * noise (-1). Clusters are numbered in order of their lowest core row and a border row
 * reachable from two clusters joins the first, exactly as scikit-learn's `dbscan_inner`.
 *
 * Neighbourhoods come from a k-d tree and are never stored: a first pass only counts (and
 * stops at min_samples), the expansion queries each core point once. Memory stays O(n)
 * where scikit-learn keeps every neighbourhood list.
 */
import { InvalidParamError } from '../../errors.js';
import { resolveParams } from '../../params/resolve.js';
import type { FitOptions, UnlabelledSet } from '../estimator.js';
import type { UnsupervisedDefinition, UnsupervisedEstimator } from '../unsupervised.js';
import { Preprocessor } from '../unsupervised/preprocess.js';
import { DbscanModel } from './dbscan-model.js';
import { KdTree } from './kd-tree.js';
import { DBSCAN_PARAMS, type DbscanParams } from './params.js';

export interface DbscanResult {
  /** Cluster per row, -1 for noise. */
  readonly labels: Int32Array;
  /** 1 for core rows. */
  readonly core: Uint8Array;
  readonly nClusters: number;
}

/** DBSCAN on the row-major n × d matrix X. */
export function dbscanLabels(X: Float64Array, n: number, d: number, eps: number, minSamples: number, opts: { leafSize?: number; weight?: Float64Array; signal?: AbortSignal } = {}): DbscanResult {
  const tree = new KdTree(X, n, d, opts.leafSize ?? 32);
  const core = new Uint8Array(n);
  const w = opts.weight;
  for (let i = 0; i < n; i++) {
    if (w) {
      let mass = 0;
      tree.radius(X, i, eps, (j) => (mass += w[j]) >= minSamples);
      core[i] = mass >= minSamples ? 1 : 0;
    } else core[i] = tree.countWithin(X, i, eps, minSamples) >= minSamples ? 1 : 0;
    if ((i & 4095) === 0) opts.signal?.throwIfAborted();
  }
  const labels = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let cluster = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== -1 || !core[i]) continue;
    stack.push(i);
    while (stack.length > 0) {
      const j = stack.pop()!;
      if (labels[j] !== -1) continue;
      labels[j] = cluster;
      if (!core[j]) continue;
      tree.radius(X, j, eps, (m) => {
        if (labels[m] === -1) stack.push(m);
      });
    }
    cluster++;
  }
  return { labels, core, nClusters: cluster };
}

export class Dbscan implements UnsupervisedEstimator<DbscanParams, DbscanModel> {
  readonly kind = 'dbscan';
  readonly params: Readonly<DbscanParams>;

  /** @example new Dbscan({ eps: 0.8, min_samples: 10 }).fit({ X: frame }) */
  constructor(params: Readonly<Record<string, unknown>> = {}) {
    this.params = Object.freeze(resolveParams(DBSCAN_PARAMS, params, 'dbscan'));
  }

  withParams(p: Partial<DbscanParams>): Dbscan {
    return new Dbscan({ ...this.params, ...p });
  }

  async fit(data: UnlabelledSet, opts: FitOptions = {}): Promise<DbscanModel> {
    const p = this.params;
    if (data.weight?.some((v) => !(v >= 0))) {
      throw new InvalidParamError('MW_PARAM_INVALID', 'dbscan sample weights must be non-negative numbers.');
    }
    const prep = Preprocessor.fit(data.X, { standardize: p.standardize }, 'dbscan');
    const n = data.X.nRows;
    const d = prep.width;
    const X = prep.matrix(data.X, 'dbscan');
    const { labels, core, nClusters } = dbscanLabels(X, n, d, p.eps, p.min_samples, { leafSize: p.leaf_size, weight: data.weight, signal: opts.signal });
    let nCore = 0;
    for (const c of core) nCore += c;
    const corePoints = new Float64Array(nCore * d);
    const coreLabels = new Int32Array(nCore);
    for (let i = 0, t = 0; i < n; i++) {
      if (!core[i]) continue;
      corePoints.set(X.subarray(i * d, (i + 1) * d), t * d);
      coreLabels[t++] = labels[i];
    }
    opts.onProgress?.(1, 1, `${nClusters} clusters, ${nCore} core rows`);
    return new DbscanModel(p, prep, nClusters, corePoints, coreLabels, labels);
  }
}

export const DBSCAN_DEFINITION: UnsupervisedDefinition<DbscanModel> = {
  kind: 'dbscan',
  description: 'DBSCAN density clustering (eps, min_samples; noise labelled -1), k-d tree neighbourhoods.',
  tags: { tasks: ['clustering'], handlesMissing: true, handlesCategorical: true, deterministic: true, unseenCategory: 'as-missing' },
  paramSchema: DBSCAN_PARAMS,
  create: (params) => new Dbscan(params) as unknown as UnsupervisedEstimator<Record<string, unknown>, DbscanModel>,
  load: (state) => DbscanModel.fromJSON(state),
};
