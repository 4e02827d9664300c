/**
 * @module learners/bayes/naive-bayes-math
 * The fitted statistics and joint log-likelihoods of Gaussian and multinomial naive Bayes,
 * on a dense design matrix, computed as scikit-learn does (GaussianNB, MultinomialNB) so that
 * probabilities agree to ~1e-9. Classes absent from the training rows get zero probability.
 */
import type { DesignMatrix } from '../../features/design-matrix.js';

export interface GaussianStats {
  /** Weighted row count per class. */
  readonly classCount: number[];
  /** K × p class means, row-major. */
  readonly theta: number[];
  /** K × p class variances (smoothing included), row-major. */
  readonly variance: number[];
}

export interface MultinomialStats {
  readonly classCount: number[];
  /** K × p weighted feature totals per class, row-major. */
  readonly featureCount: number[];
}

/** Per-class weighted means and variances; var_smoothing × the largest overall variance is added. */
export function fitGaussian(X: DesignMatrix, y: Float64Array, w: Float64Array, K: number, varSmoothing: number): GaussianStats {
  const { nRows: n, nCols: p, data } = X;
  const count = new Float64Array(K);
  const mean = new Float64Array(K * p);
  const m2 = new Float64Array(K * p);
  for (let i = 0; i < n; i++) {
    const k = y[i];
    count[k] += w[i];
    for (let j = 0; j < p; j++) mean[k * p + j] += w[i] * data[i * p + j];
  }
  for (let k = 0; k < K; k++) for (let j = 0; j < p; j++) mean[k * p + j] = count[k] > 0 ? mean[k * p + j] / count[k] : 0;
  for (let i = 0; i < n; i++) {
    const k = y[i];
    for (let j = 0; j < p; j++) {
      const d = data[i * p + j] - mean[k * p + j];
      m2[k * p + j] += w[i] * d * d;
    }
  }
  // epsilon uses the unweighted variance of each feature over all rows (np.var(X, axis=0).max()).
  let maxVar = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[i * p + j];
    const mu = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (data[i * p + j] - mu) ** 2;
    maxVar = Math.max(maxVar, ss / n);
  }
  const epsilon = varSmoothing * maxVar;
  const variance = new Float64Array(K * p);
  for (let k = 0; k < K; k++) for (let j = 0; j < p; j++) variance[k * p + j] = (count[k] > 0 ? m2[k * p + j] / count[k] : 0) + epsilon;
  // A feature constant everywhere with var_smoothing 0 would divide by zero: keep it harmless.
  for (let q = 0; q < variance.length; q++) if (variance[q] <= 0) variance[q] = Number.MIN_VALUE;
  return { classCount: Array.from(count), theta: Array.from(mean), variance: Array.from(variance) };
}

/** Weighted feature totals per class. */
export function fitMultinomial(X: DesignMatrix, y: Float64Array, w: Float64Array, K: number): MultinomialStats {
  const { nRows: n, nCols: p, data } = X;
  const count = new Float64Array(K);
  const fc = new Float64Array(K * p);
  for (let i = 0; i < n; i++) {
    const k = y[i];
    count[k] += w[i];
    for (let j = 0; j < p; j++) fc[k * p + j] += w[i] * data[i * p + j];
  }
  return { classCount: Array.from(count), featureCount: Array.from(fc) };
}

/** log prior per class: empirical (fit_prior) or uniform over the classes seen in training. */
export function logPriors(classCount: readonly number[], fitPrior: boolean): Float64Array {
  const total = classCount.reduce((s, c) => s + c, 0);
  const seen = classCount.filter((c) => c > 0).length;
  return Float64Array.from(classCount, (c) => (c <= 0 ? Number.NEGATIVE_INFINITY : fitPrior ? Math.log(c) - Math.log(total) : -Math.log(seen)));
}

/** n × K joint log-likelihoods, Gaussian. */
export function gaussianJll(X: DesignMatrix, s: GaussianStats, logPrior: Float64Array): Float64Array {
  const { nRows: n, nCols: p, data } = X;
  const K = s.classCount.length;
  const out = new Float64Array(n * K);
  for (let k = 0; k < K; k++) {
    if (!Number.isFinite(logPrior[k])) {
      for (let i = 0; i < n; i++) out[i * K + k] = Number.NEGATIVE_INFINITY;
      continue;
    }
    let norm = 0;
    for (let j = 0; j < p; j++) norm += Math.log(2 * Math.PI * s.variance[k * p + j]);
    for (let i = 0; i < n; i++) {
      let q = 0;
      for (let j = 0; j < p; j++) {
        const d = data[i * p + j] - s.theta[k * p + j];
        q += (d * d) / s.variance[k * p + j];
      }
      out[i * K + k] = logPrior[k] + (-0.5 * norm - 0.5 * q);
    }
  }
  return out;
}

/** K × p smoothed log feature probabilities, multinomial. */
export function multinomialLogProbs(s: MultinomialStats, alpha: number, p: number): Float64Array {
  const K = s.classCount.length;
  const a = Math.max(alpha, 1e-10); // scikit-learn clips alpha below 1e-10 the same way
  const out = new Float64Array(K * p);
  for (let k = 0; k < K; k++) {
    let total = 0;
    for (let j = 0; j < p; j++) total += s.featureCount[k * p + j] + a;
    const logTotal = Math.log(total);
    for (let j = 0; j < p; j++) out[k * p + j] = Math.log(s.featureCount[k * p + j] + a) - logTotal;
  }
  return out;
}

/** n × K joint log-likelihoods, multinomial. */
export function multinomialJll(X: DesignMatrix, logProb: Float64Array, logPrior: Float64Array): Float64Array {
  const { nRows: n, nCols: p, data } = X;
  const K = logPrior.length;
  const out = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += data[i * p + j] * logProb[k * p + j];
      out[i * K + k] = s + logPrior[k];
    }
  }
  return out;
}

/** Row-wise softmax of log-likelihoods in place (log-sum-exp for stability). */
export function normaliseLogLikelihoods(jll: Float64Array, K: number): Float64Array {
  for (let i = 0; i < jll.length; i += K) {
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) max = Math.max(max, jll[i + k]);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(jll[i + k] - max);
    const lse = max + Math.log(sum);
    for (let k = 0; k < K; k++) jll[i + k] = Math.exp(jll[i + k] - lse);
  }
  return jll;
}
