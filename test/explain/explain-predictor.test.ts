/**
 * Explaining a trained predictor (an ensemble of bagged members): base + Σ contributions +
 * unexplained = the predictor's probability of the positive class, row by row; members are
 * reported with their method (tree_shap, linear_exact, or unexplained for k-NN).
 */
import { describe, expect, it } from 'vitest';
import { train } from '../../src/automl/train.js';
import { Rng } from '../../src/common/random.js';
import { Frame } from '../../src/data/frame/frame.js';
import { explainPredictor } from '../../src/explain/explain-predictor.js';

function table(n = 240, seed = 4): Frame {
  const rng = new Rng(seed);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rng.next() < 0.1 ? null : rng.normal();
    const plan = ['basic', 'plus', 'pro'][rng.nextInt(3)];
    const logit = 1.4 * a - (b ?? 0) + (plan === 'pro' ? 1 : 0) + 0.5 * rng.normal();
    rows.push({ a, b, plan, noise: rng.normal(), label: logit > 0 ? 'yes' : 'no', y: logit });
  }
  return Frame.fromRows(rows);
}

describe('explainPredictor', () => {
  it('binary ensemble: contributions add up to the predicted probability', async () => {
    const data = table().drop(['y']);
    const predictor = await train(data, { target: 'label', learners: ['gbdt', 'linear', 'rf', 'knn'], maxTrials: 4, folds: 2, seed: 3 });
    const rows = data.slice(0, 30);
    const e = await explainPredictor(predictor, rows, data, 1);
    const proba = predictor.predictProba(rows);
    const M = e.features.length;
    expect(e.outputs).toEqual(['yes']);
    for (let i = 0; i < rows.nRows; i++) {
      let sum = e.base[0] + (e.unexplained ? e.unexplained[i] : 0);
      for (let j = 0; j < M; j++) sum += e.values[i * M + j];
      expect(Math.abs(sum - proba[2 * i + 1])).toBeLessThan(1e-9);
      expect(Math.abs(e.prediction[i] - proba[2 * i + 1])).toBeLessThan(1e-12);
    }
    for (const m of e.members) expect(m.method).toBe(m.learner === 'knn' ? 'unexplained' : m.learner === 'linear' ? 'linear_exact' : 'tree_shap');
  });

  it('multiclass ensemble: per-class contributions add up to each class probability', async () => {
    const base = table(240, 6);
    const tier = base.column('y') as { values: Float64Array };
    const data = base.drop(['label', 'y']).withColumn({ dtype: 'categorical', name: 'tier', codes: Int32Array.from(tier.values, (v) => (v < -0.7 ? 0 : v < 0.7 ? 1 : 2)), categories: ['low', 'mid', 'high'] });
    const predictor = await train(data, { target: 'tier', learners: ['gbdt', 'linear'], maxTrials: 2, folds: 2, seed: 2 });
    const rows = data.slice(0, 15);
    const e = await explainPredictor(predictor, rows, data, 1);
    const proba = predictor.predictProba(rows);
    const M = e.features.length;
    const K = e.outputs.length;
    expect(K).toBe(3);
    for (let i = 0; i < rows.nRows; i++) {
      for (let k = 0; k < K; k++) {
        let sum = e.base[k];
        for (let j = 0; j < M; j++) sum += e.values[(i * M + j) * K + k];
        expect(Math.abs(sum - proba[i * K + k])).toBeLessThan(1e-9);
      }
    }
  });

  it('regression ensemble: contributions add up to the predicted value', async () => {
    const data = table(200, 9).drop(['label']);
    const predictor = await train(data, { target: 'y', learners: ['gbdt', 'linear'], maxTrials: 2, folds: 2, seed: 1 });
    const rows = data.slice(0, 20);
    const e = await explainPredictor(predictor, rows, data, 1);
    const pred = predictor.predict(rows);
    const M = e.features.length;
    for (let i = 0; i < rows.nRows; i++) {
      let sum = e.base[0];
      for (let j = 0; j < M; j++) sum += e.values[i * M + j];
      expect(Math.abs(sum - (pred as { values: Float64Array }).values[i])).toBeLessThan(1e-9);
    }
    expect(e.unexplained).toBeNull();
  });
});
