/**
 * @module learners/decomposition/pca
 * Principal component analysis (`pca`), as scikit-learn's PCA: centre the encoded data and
 * keep the directions of largest variance.
 *   full:       eigen-decomposition of the d × d covariance (Jacobi; exact, O(n·d² + d³));
 *   randomized: randomized SVD of the centred n × d matrix (for many encoded columns).
 * explained_variance_ uses n − 1 (sample variance) and the ratio divides by the total
 * variance of all columns, both as scikit-learn.
 */
import { columnMeans, scatterMatrix } from '../../common/linalg/gram.js';
import { randomizedSvd } from '../../common/linalg/randomized-svd.js';
import { symmetricEigen } from '../../common/linalg/symmetric-eigen.js';
import { Rng } from '../../common/random.js';
import { DataError } from '../../errors.js';
import { resolveParams } from '../../params/resolve.js';
import type { FitOptions, UnlabelledSet } from '../estimator.js';
import type { UnsupervisedDefinition, UnsupervisedEstimator } from '../unsupervised.js';
import { Preprocessor } from '../unsupervised/preprocess.js';
import { FULL_SOLVER_MAX_COLUMNS, PCA_PARAMS, type PcaParams } from './params.js';
import { ProjectionModel } from './projection-model.js';
import { flipSigns } from './sign-flip.js';

/** The number of components to keep, checked against the data's shape. */
export function componentCount(asked: number, n: number, d: number, kind: string): number {
  const max = Math.min(n, d);
  const k = asked === 0 ? max : asked;
  if (k > max) {
    throw new DataError('MW_DATA_TOO_SMALL', `Cannot keep ${k} components with ${kind}: the data has ${d} usable column(s) after encoding and ${n} row(s), so at most ${max}.`, {
      details: { components: k, columns: d, rows: n },
      hint: `Ask for at most ${max} components.`,
    });
  }
  return k;
}

export class Pca implements UnsupervisedEstimator<PcaParams, ProjectionModel> {
  readonly kind = 'pca';
  readonly params: Readonly<PcaParams>;

  /** @example new Pca({ n_components: 2 }).fit({ X: frame }) */
  constructor(params: Readonly<Record<string, unknown>> = {}) {
    this.params = Object.freeze(resolveParams(PCA_PARAMS, params, 'pca'));
  }

  withParams(p: Partial<PcaParams>): Pca {
    return new Pca({ ...this.params, ...p });
  }

  async fit(data: UnlabelledSet, opts: FitOptions = {}): Promise<ProjectionModel> {
    const p = this.params;
    const prep = Preprocessor.fit(data.X, { standardize: p.standardize }, 'pca');
    const n = data.X.nRows;
    const d = prep.width;
    if (n < 2) throw new DataError('MW_DATA_TOO_SMALL', `PCA needs at least 2 rows to measure variance; the data has ${n}.`);
    const k = componentCount(p.n_components, n, d, 'pca');
    const M = prep.matrix(data.X, 'pca');
    const center = columnMeans(M, n, d);
    const solver = p.svd_solver === 'auto' ? (d <= FULL_SOLVER_MAX_COLUMNS ? 'full' : 'randomized') : p.svd_solver;
    let components: Float64Array;
    const explainedVariance = new Float64Array(k);
    // The total variance (trace of the covariance) is the denominator of the ratios.
    let total = 0;
    if (solver === 'full') {
      const C = scatterMatrix(M, n, d, center);
      for (let i = 0; i < C.length; i++) C[i] /= n - 1;
      for (let j = 0; j < d; j++) total += C[j * d + j];
      const eig = symmetricEigen(C, d);
      components = eig.vectors.slice(0, k * d);
      // Rounding can leave a zero eigenvalue at −1e-17: a variance is never negative.
      for (let c = 0; c < k; c++) explainedVariance[c] = Math.max(eig.values[c], 0);
    } else {
      const Mc = new Float64Array(n * d);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < d; j++) {
          const v = (Mc[i * d + j] = M[i * d + j] - center[j]);
          total += (v * v) / (n - 1);
        }
      }
      const svd = randomizedSvd(Mc, n, d, k, new Rng(p.seed), { oversamples: p.n_oversamples, powerIterations: p.iterated_power || undefined });
      components = svd.components;
      for (let c = 0; c < k; c++) explainedVariance[c] = (svd.singularValues[c] * svd.singularValues[c]) / (n - 1);
    }
    opts.signal?.throwIfAborted();
    flipSigns(M, n, d, center, components, k);
    const explainedVarianceRatio = Float64Array.from(explainedVariance, (v) => (total > 0 ? v / total : 0));
    const singularValues = Float64Array.from(explainedVariance, (v) => Math.sqrt(v * (n - 1)));
    opts.onProgress?.(1, 1, `${k} components, ${(explainedVarianceRatio.reduce((a, b) => a + b, 0) * 100).toFixed(1)}% of variance`);
    return new ProjectionModel('pca', p, prep, { center, components, explainedVariance, explainedVarianceRatio, singularValues, whiten: p.whiten });
  }
}

export const PCA_DEFINITION: UnsupervisedDefinition<ProjectionModel> = {
  kind: 'pca',
  description: 'Principal component analysis (exact covariance eigen-decomposition, or randomized SVD for many columns).',
  tags: { tasks: ['decomposition'], handlesMissing: true, handlesCategorical: true, deterministic: true, unseenCategory: 'as-missing' },
  paramSchema: PCA_PARAMS,
  create: (params) => new Pca(params) as unknown as UnsupervisedEstimator<Record<string, unknown>, ProjectionModel>,
  load: (state) => ProjectionModel.fromJSON(state),
};
