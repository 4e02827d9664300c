/**
 * @module learners/cluster/gmm-model
 * A fitted Gaussian mixture: preprocessing plus component weights, means and covariances in
 * the encoded space. A row belongs to the component with the highest posterior probability.
 */
import type { Frame } from '../../data/frame/frame.js';
import type { ClusterModel, UnsupervisedState } from '../unsupervised.js';
import { Preprocessor, type PreprocessState } from '../unsupervised/preprocess.js';
import { numberArray, positiveInt, stateObject } from '../unsupervised/state-check.js';
import { type CovarianceType, type Mixture, normalizeResponsibilities, parameterCount, weightedLogProb, withPrecisions } from './gaussian-components.js';
import type { GmmParams } from './params.js';

export class GaussianMixtureModel implements ClusterModel {
  readonly kind = 'gmm';
  readonly task = 'clustering' as const;

  constructor(
    readonly params: Readonly<GmmParams>,
    readonly preprocessor: Preprocessor,
    readonly mixture: Mixture,
    /** Mean log-likelihood per training row at the end of each EM iteration of the kept run. */
    readonly history: readonly number[],
    readonly converged: boolean,
    readonly labels?: Int32Array,
  ) {}

  get inputSchema() {
    return this.preprocessor.inputSchema;
  }

  get nClusters(): number {
    return this.mixture.k;
  }

  /** Posterior probability of each component, row-major n × k (scikit-learn's predict_proba). */
  predictProba(X: Frame): Float64Array {
    const M = this.preprocessor.matrix(X, 'this gmm model');
    const resp = new Float64Array(X.nRows * this.mixture.k);
    weightedLogProb(M, X.nRows, this.mixture, resp);
    normalizeResponsibilities(resp, X.nRows, this.mixture.k);
    return resp;
  }

  predict(X: Frame): Int32Array {
    const M = this.preprocessor.matrix(X, 'this gmm model');
    const k = this.mixture.k;
    const logp = new Float64Array(X.nRows * k);
    weightedLogProb(M, X.nRows, this.mixture, logp);
    const out = new Int32Array(X.nRows);
    for (let i = 0; i < X.nRows; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (logp[i * k + c] > logp[i * k + best]) best = c;
      out[i] = best;
    }
    return out;
  }

  /** Mean log-likelihood per row of X (scikit-learn's score). */
  score(X: Frame): number {
    const M = this.preprocessor.matrix(X, 'this gmm model');
    const resp = new Float64Array(X.nRows * this.mixture.k);
    weightedLogProb(M, X.nRows, this.mixture, resp);
    return normalizeResponsibilities(resp, X.nRows, this.mixture.k);
  }

  /** Bayesian information criterion on X: −2·log L + p·ln n (lower is better). */
  bic(X: Frame): number {
    return -2 * this.score(X) * X.nRows + this.parameterCount() * Math.log(X.nRows);
  }

  /** Akaike information criterion on X: −2·log L + 2p (lower is better). */
  aic(X: Frame): number {
    return -2 * this.score(X) * X.nRows + 2 * this.parameterCount();
  }

  parameterCount(): number {
    return parameterCount(this.mixture.k, this.mixture.d, this.mixture.covarianceType);
  }

  toJSON(): UnsupervisedState {
    const m = this.mixture;
    return {
      kind: this.kind,
      task: this.task,
      params: { ...this.params },
      inputSchema: this.inputSchema,
      state: {
        preprocess: this.preprocessor.toJSON(),
        nComponents: m.k,
        covarianceType: m.covarianceType,
        weights: Array.from(m.weights),
        means: Array.from(m.means),
        covariances: Array.from(m.covariances),
        history: [...this.history],
        converged: this.converged,
      },
    };
  }

  static fromJSON(file: UnsupervisedState): GaussianMixtureModel {
    const s = stateObject(file.state, 'gmm');
    const prep = Preprocessor.fromJSON(file.inputSchema, s.preprocess as PreprocessState);
    const k = positiveInt(s.nComponents, 'gmm', 'nComponents');
    const d = prep.width;
    const type: CovarianceType = s.covarianceType === 'diag' ? 'diag' : 'full';
    const mixture = withPrecisions(
      {
        weights: numberArray(s.weights, k, 'gmm', 'weights'),
        means: numberArray(s.means, k * d, 'gmm', 'means'),
        covariances: numberArray(s.covariances, type === 'full' ? k * d * d : k * d, 'gmm', 'covariances'),
      },
      k,
      d,
      type,
    );
    const history = Array.isArray(s.history) ? (s.history as number[]) : [];
    return new GaussianMixtureModel(file.params as GmmParams, prep, mixture, history, Boolean(s.converged));
  }
}
