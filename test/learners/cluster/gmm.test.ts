/** Gaussian mixture: EM never lowers the likelihood, BIC finds the true k, probabilities, errors. */
import { describe, expect, it } from 'vitest';
import { Frame } from '../../../src/data/frame/frame.js';
import { clusterFrame } from '../../../src/learners/cluster/cluster-frame.js';
import { diagonalEmStep, estimateParameters, normalizeResponsibilities, weightedLogProb, withPrecisions } from '../../../src/learners/cluster/gaussian-components.js';
import { GaussianMixture } from '../../../src/learners/cluster/gaussian-mixture.js';
import { GaussianMixtureModel } from '../../../src/learners/cluster/gmm-model.js';
import { adjustedRandIndex, blobs } from '../unsupervised/helpers.js';

describe('gmm', () => {
  const { X, labels } = blobs(600, 3, 2, 21, 8);

  for (const covariance_type of ['full', 'diag'] as const) {
    it(`log-likelihood never decreases between EM steps (${covariance_type}, random init)`, async () => {
      const model = await new GaussianMixture({ n_components: 3, covariance_type, init_params: 'random', tol: 1e-8, seed: 4 }).fit({ X });
      const h = model.history;
      expect(h.length).toBeGreaterThan(5);
      // EM's ascent property; 1e-9 relative allows for rounding in the sums, and reg_covar
      // (1e-6 on the diagonals) makes each M-step a hair short of the exact maximiser.
      for (let i = 1; i < h.length; i++) expect(h[i]).toBeGreaterThanOrEqual(h[i - 1] - 1e-9 * Math.abs(h[i - 1]));
    });
  }

  it('the fused diagonal EM step equals E-step → normalise → M-step exactly', async () => {
    const model = await new GaussianMixture({ n_components: 3, covariance_type: 'diag', max_iter: 2 }).fit({ X });
    const M = model.preprocessor.matrix(X);
    const n = X.nRows;
    const resp = new Float64Array(n * 3);
    weightedLogProb(M, n, model.mixture, resp);
    const bound = normalizeResponsibilities(resp, n, 3);
    const params = estimateParameters(M, n, 2, resp, 3, 'diag', 1e-6);
    const fused = diagonalEmStep(M, n, model.mixture, 1e-6);
    expect(fused.bound).toBe(bound);
    expect(fused.params).toEqual(params);
    expect(() => withPrecisions(fused.params, 3, 2, 'diag')).not.toThrow();
  });

  it('BIC picks the true number of components on blobs', async () => {
    const result = await clusterFrame(X, { method: 'gmm', k: 'auto', seed: 0 });
    expect(result.k).toBe(3);
    expect(result.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.reason).toMatch(/^k=3 has the lowest BIC/);
  });

  it('posterior probabilities sum to 1 and predict is their argmax', async () => {
    const model = await new GaussianMixture({ n_components: 3 }).fit({ X });
    expect(adjustedRandIndex(model.labels!, labels)).toBe(1);
    const p = model.predictProba(X);
    const pred = model.predict(X);
    for (let i = 0; i < X.nRows; i++) {
      const row = Array.from(p.subarray(i * 3, i * 3 + 3));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(pred[i]).toBe(row.indexOf(Math.max(...row)));
    }
    expect(Array.from(pred)).toEqual(Array.from(model.labels!));
    // AIC < BIC here: ln(600) > 2, so BIC's penalty is the larger.
    expect(model.aic(X)).toBeLessThan(model.bic(X));
  });

  it('round-trips through JSON with identical probabilities', async () => {
    const model = await new GaussianMixture({ n_components: 3, covariance_type: 'diag' }).fit({ X });
    const back = GaussianMixtureModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(back.predictProba(X)).toEqual(model.predictProba(X));
    expect(back.score(X)).toBe(model.score(X));
  });

  it('reports a collapsed component as a training error with a fix', async () => {
    const same = Frame.fromArrays({ a: new Array(10).fill(1), b: new Array(10).fill(2) });
    await expect(new GaussianMixture({ n_components: 2, reg_covar: 0 }).fit({ X: same })).rejects.toMatchObject({ code: 'MW_TRAIN_FAILED', hint: expect.stringMatching(/reg_covar/) });
  });

  it('rejects sample weights', async () => {
    await expect(new GaussianMixture({ n_components: 2 }).fit({ X, weight: new Float64Array(X.nRows).fill(1) })).rejects.toMatchObject({ code: 'MW_PARAM_INVALID' });
  });
});
