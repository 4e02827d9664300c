/**
 * knn: the conformance suite (brute force and k-d tree), the k-d tree returns exactly the
 * brute-force neighbours (ties included), and predictions equal scikit-learn's
 * KNeighborsClassifier / KNeighborsRegressor on a committed fixture.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { bruteForceKnn } from '../../../src/learners/knn/brute-force.js';
import { type KnnModel, knnLearner } from '../../../src/learners/knn/index.js';
import { KdTree } from '../../../src/learners/knn/kd-tree.js';
import { runEstimatorChecks } from '../../conformance/estimator-checks.js';
import { classificationSet, loadFixture, regressionSet } from '../fixtures.js';

runEstimatorChecks(knnLearner);
runEstimatorChecks(knnLearner, { tasks: ['multiclass', 'regression'], params: { algorithm: 'kd_tree', weights: 'distance', leaf_size: 5, metric: 'manhattan' } });

describe('knn search', () => {
  for (const metric of ['euclidean', 'manhattan'] as const) {
    it(`k-d tree equals brute force (${metric}), with many exact ties`, () => {
      const rng = new Rng(11);
      const n = 700;
      const p = 3;
      // Small integer grid: many rows at identical distances, so tie-breaking is exercised.
      const data = Float64Array.from({ length: n * p }, () => rng.nextInt(5));
      const queries = Float64Array.from({ length: 50 * p }, () => rng.nextInt(6) - 0.5 * rng.nextInt(2));
      const tree = new KdTree(data, n, p, 8);
      for (const k of [1, 5, 17]) {
        const a = tree.query(queries, 50, k, metric);
        const b = bruteForceKnn(data, n, queries, 50, p, k, metric);
        expect(Array.from(a.index)).toEqual(Array.from(b.index));
        expect(Array.from(a.dist)).toEqual(Array.from(b.dist));
      }
    });
  }

  it('k larger than the training set uses every row', () => {
    const data = Float64Array.of(0, 1, 2);
    const res = bruteForceKnn(data, 3, Float64Array.of(1.2), 1, 1, 10, 'euclidean');
    expect(Array.from(res.index)).toEqual([1, 2, 0]);
  });
});

describe('knn vs scikit-learn', () => {
  const fx = loadFixture('knn');
  // Exact vote shares: identical neighbour sets give identical fractions.
  it('KNeighborsClassifier(n_neighbors=7) probabilities', async () => {
    const { train, testX } = classificationSet(fx.classification);
    for (const algorithm of ['brute', 'kd_tree']) {
      const model = (await knnLearner.create({ n_neighbors: 7, algorithm }).fit(train)) as KnnModel;
      const got = Array.from(model.predictProba(testX));
      const want = fx.classification.proba.flat();
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-12);
    }
  });

  // 1e-9: distances are computed by direct differences here and by ‖a‖²+‖b‖²−2ab in sklearn.
  it("KNeighborsRegressor(n_neighbors=4, weights='distance') predictions", async () => {
    const { train, testX } = regressionSet(fx.regression);
    const model = await knnLearner.create({ n_neighbors: 4, weights: 'distance' }).fit(train);
    const pred = model.predict(testX);
    if (pred.dtype !== 'float64') throw new Error('expected float64');
    fx.regression.pred.forEach((v: number, i: number) => expect(Math.abs(pred.values[i] - v)).toBeLessThan(1e-9));
  });
});
