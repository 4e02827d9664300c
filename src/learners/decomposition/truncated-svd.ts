/**
 * @module learners/decomposition/truncated-svd
 * Truncated SVD (`truncated_svd`, latent semantic analysis), as scikit-learn's TruncatedSVD:
 * the leading right singular vectors of the encoded matrix *without* centring it, which keeps
 * sparse count data (one-hot, bag of words) meaningful. explained_variance_ is the variance of
 * each score column (ddof 0), and the ratio divides by the total variance of the columns.
 */
import { columnMeans, scatterMatrix } from '../../common/linalg/gram.js';
import { randomizedSvd } from '../../common/linalg/randomized-svd.js';
import { symmetricEigen } from '../../common/linalg/symmetric-eigen.js';
import { Rng } from '../../common/random.js';
import { resolveParams } from '../../params/resolve.js';
import type { FitOptions, UnlabelledSet } from '../estimator.js';
import type { UnsupervisedDefinition, UnsupervisedEstimator } from '../unsupervised.js';
import { Preprocessor } from '../unsupervised/preprocess.js';
import { FULL_SOLVER_MAX_COLUMNS, TRUNCATED_SVD_PARAMS, type TruncatedSvdParams } from './params.js';
import { componentCount } from './pca.js';
import { ProjectionModel } from './projection-model.js';
import { flipSigns } from './sign-flip.js';

/** Population variance of each column of the row-major n × m matrix (row-wise passes: cache-friendly). */
function columnVariances(M: Float64Array, n: number, m: number): Float64Array {
  const mean = columnMeans(M, n, m);
  const out = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const t = M[i * m + j] - mean[j];
      out[j] += t * t;
    }
  }
  for (let j = 0; j < m; j++) out[j] /= n;
  return out;
}

export class TruncatedSvd implements UnsupervisedEstimator<TruncatedSvdParams, ProjectionModel> {
  readonly kind = 'truncated_svd';
  readonly params: Readonly<TruncatedSvdParams>;

  /** @example new TruncatedSvd({ n_components: 10 }).fit({ X: frame }) */
  constructor(params: Readonly<Record<string, unknown>> = {}) {
    this.params = Object.freeze(resolveParams(TRUNCATED_SVD_PARAMS, params, 'truncated_svd'));
  }

  withParams(p: Partial<TruncatedSvdParams>): TruncatedSvd {
    return new TruncatedSvd({ ...this.params, ...p });
  }

  async fit(data: UnlabelledSet, opts: FitOptions = {}): Promise<ProjectionModel> {
    const p = this.params;
    const prep = Preprocessor.fit(data.X, { standardize: p.standardize }, 'truncated_svd');
    const n = data.X.nRows;
    const d = prep.width;
    const k = componentCount(p.n_components, n, d, 'truncated_svd');
    const M = prep.matrix(data.X, 'truncated_svd');
    const zero = new Float64Array(d);
    const algorithm = p.algorithm === 'auto' ? (d <= FULL_SOLVER_MAX_COLUMNS ? 'full' : 'randomized') : p.algorithm;
    let components: Float64Array;
    let singularValues: Float64Array;
    if (algorithm === 'full') {
      const eig = symmetricEigen(scatterMatrix(M, n, d), d);
      components = eig.vectors.slice(0, k * d);
      singularValues = Float64Array.from(eig.values.subarray(0, k), (v) => Math.sqrt(Math.max(v, 0)));
    } else {
      const svd = randomizedSvd(M, n, d, k, new Rng(p.seed), { oversamples: p.n_oversamples, powerIterations: p.n_iter });
      components = svd.components;
      singularValues = svd.singularValues;
    }
    opts.signal?.throwIfAborted();
    flipSigns(M, n, d, zero, components, k);
    const model = new ProjectionModel('truncated_svd', p, prep, {
      center: zero,
      components,
      explainedVariance: new Float64Array(k),
      explainedVarianceRatio: new Float64Array(k),
      singularValues,
      whiten: false,
    });
    const explainedVariance = columnVariances(model.project(M, n), n, k);
    const total = columnVariances(M, n, d).reduce((a, b) => a + b, 0);
    const explainedVarianceRatio = Float64Array.from(explainedVariance, (v) => (total > 0 ? v / total : 0));
    return new ProjectionModel('truncated_svd', p, prep, { center: zero, components, explainedVariance, explainedVarianceRatio, singularValues, whiten: false });
  }
}

export const TRUNCATED_SVD_DEFINITION: UnsupervisedDefinition<ProjectionModel> = {
  kind: 'truncated_svd',
  description: 'Truncated SVD (no centring; for sparse counts and one-hot data).',
  tags: { tasks: ['decomposition'], handlesMissing: true, handlesCategorical: true, deterministic: true, unseenCategory: 'as-missing' },
  paramSchema: TRUNCATED_SVD_PARAMS,
  create: (params) => new TruncatedSvd(params) as unknown as UnsupervisedEstimator<Record<string, unknown>, ProjectionModel>,
  load: (state) => ProjectionModel.fromJSON(state),
};
