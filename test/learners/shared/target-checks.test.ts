/**
 * Every supervised learner refuses a target with missing values or out-of-range class
 * indices, and an empty training set, with a clear error (instead of a corrupt model).
 */
import { describe, expect, it } from 'vitest';
import { naiveBayesLearner } from '../../../src/learners/bayes/index.js';
import { extraTreesLearner, rfLearner } from '../../../src/learners/forest/index.js';
import { knnLearner } from '../../../src/learners/knn/index.js';
import { linearLearner } from '../../../src/learners/linear/index.js';
import { mlpLearner } from '../../../src/learners/mlp/index.js';
import { syntheticSet } from '../../conformance/datasets.js';

describe('target checks', () => {
  for (const def of [rfLearner, extraTreesLearner, linearLearner, knnLearner, mlpLearner, naiveBayesLearner]) {
    it(`${def.kind}: NaN target, bad class index, no rows`, async () => {
      const set = syntheticSet('binary', 30, 1);
      const nan = Float64Array.from(set.y.values);
      nan[3] = Number.NaN;
      await expect(def.create({}).fit({ ...set, y: { ...set.y, values: nan } })).rejects.toThrow(/invalid target at row 3/);
      const big = Float64Array.from(set.y.values);
      big[5] = 2;
      await expect(def.create({}).fit({ ...set, y: { ...set.y, values: big } })).rejects.toThrow(/row 5/);
      await expect(def.create({}).fit({ X: set.X.slice(0, 0), y: { ...set.y, values: new Float64Array(0) } })).rejects.toThrow(/no training rows/);
    });
  }
});
