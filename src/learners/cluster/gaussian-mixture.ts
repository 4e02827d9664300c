/**
 * @module learners/cluster/gaussian-mixture
 * The Gaussian mixture estimator (`gmm`), fitted by expectation–maximisation as scikit-learn's
 * GaussianMixture: initial responsibilities from one k-means run (or random), then E- and
 * M-steps until the mean log-likelihood per row improves by less than `tol`. The best of
 * n_init runs is kept and a last E-step makes the training labels match `predict`.
 */
import { Rng } from '../../common/random.js';
import { InvalidParamError } from '../../errors.js';
import { resolveParams } from '../../params/resolve.js';
import type { FitOptions, UnlabelledSet } from '../estimator.js';
import type { UnsupervisedDefinition, UnsupervisedEstimator } from '../unsupervised.js';
import { Preprocessor } from '../unsupervised/preprocess.js';
import { diagonalEmStep, estimateParameters, type Mixture, normalizeResponsibilities, weightedLogProb, withPrecisions } from './gaussian-components.js';
import { GaussianMixtureModel } from './gmm-model.js';
import { KMeans, kmeansOnMatrix, tooFewRows } from './kmeans.js';
import { GMM_PARAMS, type GmmParams } from './params.js';

export class GaussianMixture implements UnsupervisedEstimator<GmmParams, GaussianMixtureModel> {
  readonly kind = 'gmm';
  readonly params: Readonly<GmmParams>;

  /** @example new GaussianMixture({ n_components: 3, covariance_type: 'diag' }).fit({ X: frame }) */
  constructor(params: Readonly<Record<string, unknown>> = {}) {
    this.params = Object.freeze(resolveParams(GMM_PARAMS, params, 'gmm'));
  }

  withParams(p: Partial<GmmParams>): GaussianMixture {
    return new GaussianMixture({ ...this.params, ...p });
  }

  async fit(data: UnlabelledSet, opts: FitOptions = {}): Promise<GaussianMixtureModel> {
    if (data.weight) {
      throw new InvalidParamError('MW_PARAM_INVALID', 'gmm does not take sample weights (as scikit-learn\'s GaussianMixture).', { hint: 'Fit without weights, or use kmeans, which takes them.' });
    }
    const p = this.params;
    const prep = Preprocessor.fit(data.X, { standardize: p.standardize }, 'gmm');
    const n = data.X.nRows;
    const d = prep.width;
    const k = p.n_components;
    if (k > n) throw tooFewRows('components', k, n);
    const X = prep.matrix(data.X, 'gmm');
    const rng = new Rng(p.seed);
    const resp = new Float64Array(n * k);
    let best: { mixture: Mixture; history: number[]; converged: boolean; bound: number } | undefined;
    for (let run = 0; run < p.n_init; run++) {
      this.initialResponsibilities(X, n, d, k, rng, resp);
      let mixture = withPrecisions(estimateParameters(X, n, d, resp, k, p.covariance_type, p.reg_covar), k, d, p.covariance_type);
      const history: number[] = [];
      let bound = Number.NEGATIVE_INFINITY;
      let converged = false;
      for (let iter = 1; iter <= p.max_iter; iter++) {
        opts.signal?.throwIfAborted();
        const previous = bound;
        if (p.covariance_type === 'diag') {
          const step = diagonalEmStep(X, n, mixture, p.reg_covar);
          bound = step.bound;
          mixture = withPrecisions(step.params, k, d, 'diag');
        } else {
          weightedLogProb(X, n, mixture, resp);
          bound = normalizeResponsibilities(resp, n, k);
          mixture = withPrecisions(estimateParameters(X, n, d, resp, k, p.covariance_type, p.reg_covar), k, d, p.covariance_type);
        }
        history.push(bound);
        if (Math.abs(bound - previous) < p.tol) {
          converged = true;
          break;
        }
      }
      if (!best || bound > best.bound) best = { mixture, history, converged, bound };
      opts.onProgress?.(run + 1, p.n_init, `run ${run + 1}: log-likelihood ${bound.toPrecision(6)} per row`);
    }
    const labels = new Int32Array(n);
    weightedLogProb(X, n, best!.mixture, resp);
    for (let i = 0; i < n; i++) {
      let top = 0;
      for (let c = 1; c < k; c++) if (resp[i * k + c] > resp[i * k + top]) top = c;
      labels[i] = top;
    }
    return new GaussianMixtureModel(p, prep, best!.mixture, best!.history, best!.converged, labels);
  }

  /** Responsibilities to start EM from: hard k-means labels, or normalised random numbers. */
  private initialResponsibilities(X: Float64Array, n: number, d: number, k: number, rng: Rng, resp: Float64Array): void {
    resp.fill(0);
    if (this.params.init_params === 'random') {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += resp[i * k + c] = rng.next();
        for (let c = 0; c < k; c++) resp[i * k + c] /= s;
      }
      return;
    }
    // One full-batch k-means run on the encoded matrix, as scikit-learn's init_params='kmeans'
    // (Hamerly's iterations: the same fixed point as Lloyd's, found faster).
    const km = new KMeans({ n_clusters: k, n_init: 1, algorithm: 'hamerly' }).params;
    const { labels } = kmeansOnMatrix(X, n, d, km, rng);
    for (let i = 0; i < n; i++) resp[i * k + labels[i]] = 1;
  }
}

export const GMM_DEFINITION: UnsupervisedDefinition<GaussianMixtureModel> = {
  kind: 'gmm',
  description: 'Gaussian mixture clustering fitted by EM (full or diagonal covariances, BIC/AIC).',
  tags: { tasks: ['clustering'], handlesMissing: true, handlesCategorical: true, deterministic: true, unseenCategory: 'as-missing' },
  paramSchema: GMM_PARAMS,
  create: (params) => new GaussianMixture(params) as unknown as UnsupervisedEstimator<Record<string, unknown>, GaussianMixtureModel>,
  load: (state) => GaussianMixtureModel.fromJSON(state),
};
