/**
 * naive_bayes: the conformance suite, plus probabilities equal to scikit-learn's GaussianNB
 * and MultinomialNB on committed fixtures (test/fixtures/learners/make_fixtures.py).
 */
import { describe, expect, it } from 'vitest';
import { naiveBayesLearner } from '../../../src/learners/bayes/index.js';
import { runEstimatorChecks } from '../../conformance/estimator-checks.js';
import { classificationSet, loadFixture } from '../fixtures.js';

runEstimatorChecks(naiveBayesLearner);

describe('naive_bayes vs scikit-learn', () => {
  // 1e-9: the same formulas in the same order; only summation order of float64 sums differs.
  it('GaussianNB probabilities agree to 1e-9', async () => {
    const fx = loadFixture('naive_bayes');
    const { train, testX } = classificationSet(fx.gaussian);
    const model = await naiveBayesLearner.create({}).fit(train);
    const proba = (model as unknown as { predictProba(X: unknown): Float64Array }).predictProba(testX);
    const want = fx.gaussian.proba.flat();
    expect(proba.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) expect(Math.abs(proba[i] - want[i])).toBeLessThan(1e-9);
  });

  it('MultinomialNB probabilities agree to 1e-9', async () => {
    const fx = loadFixture('naive_bayes');
    const { train, testX } = classificationSet(fx.multinomial);
    const model = await naiveBayesLearner.create({ variant: 'multinomial', alpha: 0.5 }).fit(train);
    const proba = (model as unknown as { predictProba(X: unknown): Float64Array }).predictProba(testX);
    const want = fx.multinomial.proba.flat();
    for (let i = 0; i < want.length; i++) expect(Math.abs(proba[i] - want[i])).toBeLessThan(1e-9);
  });

  it('multinomial rejects negative features with a clear error', async () => {
    const fx = loadFixture('naive_bayes');
    const { train } = classificationSet(fx.gaussian);
    await expect(naiveBayesLearner.create({ variant: 'multinomial' }).fit(train)).rejects.toThrow(/non-negative features/);
  });
});
