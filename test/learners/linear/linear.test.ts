/**
 * linear: the conformance suite, plus coefficients equal to scikit-learn's on committed
 * fixtures (test/fixtures/learners/make_fixtures.py): LogisticRegression (binary,
 * multinomial, balanced), Ridge (closed form), Lasso (exact zeros) and ElasticNet.
 * The learner standardises inside, so the fixtures fit scikit-learn on StandardScaler output.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { gramDescent } from '../../../src/learners/linear/solvers/gram-descent.js';
import { columnDescent } from '../../../src/learners/linear/solvers/least-squares.js';
import { linearLearner, type LinearModel } from '../../../src/learners/linear/index.js';
import { runEstimatorChecks } from '../../conformance/estimator-checks.js';
import { classificationSet, loadFixture, regressionSet } from '../fixtures.js';

runEstimatorChecks(linearLearner);
runEstimatorChecks(linearLearner, { tasks: ['binary', 'regression'], params: { penalty: 'elasticnet', C: 0.5, alpha: 0.05 } });

const fx = loadFixture('linear');

function expectClose(got: readonly number[], want: readonly number[], tol: number): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i]), `entry ${i}: ${got[i]} vs ${want[i]}`).toBeLessThan(tol);
}

describe('linear vs scikit-learn', () => {
  // 1e-4: both sides solve to a gradient tolerance of ~1e-10; what is left is the
  // difference between two L-BFGS paths on a strictly convex problem.
  for (const name of ['binary', 'multinomial']) {
    it(`LogisticRegression(C=1) ${name}: coefficients to 1e-4`, async () => {
      const c = fx[`logistic_${name}`];
      const { train, testX } = classificationSet(c);
      const model = (await linearLearner.create({ C: 1, tol: 1e-10 }).fit(train)) as LinearModel;
      const co = model.coefficients();
      expectClose(co.rows.flatMap((r) => r.coef), c.coef.flat(), 1e-4);
      expectClose(co.rows.map((r) => r.intercept), c.intercept, 1e-4);
      expectClose(Array.from(model.predictProba(testX)), c.proba.flat(), 1e-5);
    });
  }

  it("LogisticRegression(C=0.5, class_weight='balanced'): coefficients to 1e-4", async () => {
    const c = fx.logistic_balanced;
    const { train } = classificationSet(c);
    const model = (await linearLearner.create({ C: 0.5, class_weight: 'balanced', tol: 1e-10 }).fit(train)) as LinearModel;
    expectClose(model.coefficients().rows[0].coef, c.coef[0], 1e-4);
  });

  // Ridge is a closed form on both sides: agreement to rounding.
  it('Ridge(alpha=2) equals the closed form to 1e-9', async () => {
    const { train } = regressionSet(fx.ridge);
    const model = (await linearLearner.create({ penalty: 'l2', alpha: 2 }).fit(train)) as LinearModel;
    expectClose(model.coefficients().rows[0].coef, fx.ridge.coef, 1e-9);
    expect(Math.abs(model.coefficients().rows[0].intercept - fx.ridge.intercept)).toBeLessThan(1e-9);
  });

  // Both sides run coordinate descent to a duality gap of 1e-12·‖y‖²: 1e-6 is generous.
  it('Lasso(alpha=0.3): same coefficients, same exact zeros', async () => {
    const { train } = regressionSet(fx.lasso);
    const model = (await linearLearner.create({ penalty: 'l1', alpha: 0.3, tol: 1e-12, max_iter: 100000 }).fit(train)) as LinearModel;
    const coef = model.coefficients().rows[0].coef;
    expectClose(coef, fx.lasso.coef, 1e-6);
    expect(coef.map((v) => v === 0)).toEqual(fx.lasso.coef.map((v: number) => v === 0));
    expect(coef.some((v) => v === 0)).toBe(true);
  });

  it('ElasticNet(alpha=0.3, l1_ratio=0.5): coefficients to 1e-6', async () => {
    const { train } = regressionSet(fx.elasticnet);
    const model = (await linearLearner.create({ penalty: 'elasticnet', alpha: 0.3, l1_ratio: 0.5, tol: 1e-12, max_iter: 100000 }).fit(train)) as LinearModel;
    expectClose(model.coefficients().rows[0].coef, fx.elasticnet.coef, 1e-6);
    expect(Math.abs(model.coefficients().rows[0].intercept - fx.elasticnet.intercept)).toBeLessThan(1e-6);
  });

  it('L1 logistic regression gives sparse coefficients', async () => {
    const { train } = classificationSet(fx.logistic_binary);
    const model = (await linearLearner.create({ penalty: 'l1', C: 0.05 }).fit(train)) as LinearModel;
    const coef = model.coefficients().rows[0].coef;
    expect(coef.filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(coef.filter((v) => v !== 0).length).toBeGreaterThan(0);
  });
});

describe('elastic-net solvers', () => {
  it('Gram coordinate descent equals column coordinate descent', () => {
    const rng = new Rng(4);
    const n = 60;
    const p = 8;
    const cols = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => rng.normal()));
    const y = Float64Array.from({ length: n }, (_, i) => 2 * cols[0][i] - cols[3][i] + 0.3 * rng.normal());
    const l1 = 0.1 * n;
    const l2 = 0.05 * n;
    const a = gramDescent(cols, y, l1, l2, 100000, 1e-14);
    const b = columnDescent({ cols, y, xMean: new Float64Array(p), yMean: 0 }, l1, l2, 100000, 1e-14);
    // Both converge to the unique minimiser; only rounding differs.
    for (let j = 0; j < p; j++) expect(Math.abs(a.coef[j] - b.coef[j])).toBeLessThan(1e-9);
    expect(Array.from(a.coef).map((v) => v === 0)).toEqual(Array.from(b.coef).map((v) => v === 0));
  });
});
