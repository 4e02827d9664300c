/**
 * @module learners/anomaly/isolation-forest
 * The isolation forest estimator (`isolation_forest`, Liu, Ting & Zhou 2008), as
 * scikit-learn's IsolationForest: n_estimators trees, each grown on max_samples rows drawn
 * without replacement (and max_features columns), to depth ⌈log2 max_samples⌉. Anomalies are
 * isolated in few splits, so their mean path length is short and their score high.
 * Preprocessing imputes and one-hot encodes but does not standardise: random thresholds
 * between a column's min and max do not depend on its scale.
 */
import { Rng } from '../../common/random.js';
import { InvalidParamError } from '../../errors.js';
import { resolveParams } from '../../params/resolve.js';
import type { FitOptions, UnlabelledSet } from '../estimator.js';
import type { UnsupervisedDefinition, UnsupervisedEstimator } from '../unsupervised.js';
import { Preprocessor } from '../unsupervised/preprocess.js';
import { IsolationForestModel } from './isolation-forest-model.js';
import { growIsolationTree, type IsolationTree } from './isolation-tree.js';
import { ISOLATION_FOREST_PARAMS, type IsolationForestParams, parseContamination } from './params.js';

/** The q-quantile of `values` with linear interpolation (numpy's default percentile). */
export function quantile(values: Float64Array, q: number): number {
  const s = Float64Array.from(values).sort();
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export class IsolationForest implements UnsupervisedEstimator<IsolationForestParams, IsolationForestModel> {
  readonly kind = 'isolation_forest';
  readonly params: Readonly<IsolationForestParams>;

  /** @example new IsolationForest({ contamination: '0.01', seed: 1 }).fit({ X: frame }) */
  constructor(params: Readonly<Record<string, unknown>> = {}) {
    const given = { ...params };
    if (typeof given.contamination === 'number') given.contamination = String(given.contamination);
    const p = resolveParams(ISOLATION_FOREST_PARAMS, given, 'isolation_forest');
    parseContamination(p.contamination);
    this.params = Object.freeze(p);
  }

  withParams(p: Partial<IsolationForestParams>): IsolationForest {
    return new IsolationForest({ ...this.params, ...p });
  }

  async fit(data: UnlabelledSet, opts: FitOptions = {}): Promise<IsolationForestModel> {
    if (data.weight) {
      throw new InvalidParamError('MW_PARAM_INVALID', 'isolation_forest does not use sample weights: random splits ignore them (as in scikit-learn, where they have no effect on the scores).', {
        hint: 'Fit without weights.',
      });
    }
    const p = this.params;
    const prep = Preprocessor.fit(data.X, { standardize: false }, 'isolation_forest');
    const n = data.X.nRows;
    const d = prep.width;
    const M = prep.matrix(data.X, 'isolation_forest');
    const psi = Math.max(1, p.max_samples <= 1 ? Math.floor(p.max_samples * n) : Math.min(Math.floor(p.max_samples), n));
    const nFeatures = Math.max(1, p.max_features <= 1 ? Math.floor(p.max_features * d) : Math.min(Math.floor(p.max_features), d));
    const maxDepth = Math.ceil(Math.log2(Math.max(psi, 2)));
    const rng = new Rng(p.seed);
    const all = Int32Array.from({ length: d }, (_, j) => j);
    const trees: IsolationTree[] = [];
    for (let t = 0; t < p.n_estimators; t++) {
      opts.signal?.throwIfAborted();
      const treeRng = rng.fork();
      const rows = p.bootstrap ? Int32Array.from({ length: psi }, () => treeRng.nextInt(n)) : treeRng.sampleIndices(n, psi);
      const columns = nFeatures === d ? all : treeRng.sampleIndices(d, nFeatures);
      trees.push(growIsolationTree(M, d, rows, columns, maxDepth, treeRng));
      if ((t + 1) % 10 === 0 || t + 1 === p.n_estimators) opts.onProgress?.(t + 1, p.n_estimators, `${t + 1} trees`);
    }
    const contamination = parseContamination(p.contamination);
    const draft = new IsolationForestModel(p, prep, trees, psi, 0.5);
    if (contamination === 'auto') return draft;
    // The training quantile at 1 − contamination: that share of training rows scores above it.
    const threshold = quantile(draft.scoreMatrix(M, n), 1 - contamination);
    return new IsolationForestModel(p, prep, trees, psi, threshold);
  }
}

export const ISOLATION_FOREST_DEFINITION: UnsupervisedDefinition<IsolationForestModel> = {
  kind: 'isolation_forest',
  description: 'Isolation forest anomaly detection (score in (0, 1], higher = more anomalous).',
  tags: { tasks: ['anomaly'], handlesMissing: true, handlesCategorical: true, deterministic: true, unseenCategory: 'as-missing' },
  paramSchema: ISOLATION_FOREST_PARAMS,
  create: (params) => new IsolationForest(params) as unknown as UnsupervisedEstimator<Record<string, unknown>, IsolationForestModel>,
  load: (state) => IsolationForestModel.fromJSON(state),
};
