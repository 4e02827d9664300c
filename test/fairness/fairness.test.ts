/**
 * Fairness metrics against hand-computed values (Fairlearn's definitions), warnings, group
 * order and sizes, multiclass and regression variants, and the per-group threshold mitigation.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/common/random.js';
import { fairnessReport } from '../../src/fairness/fairness-report.js';
import { groupIndex } from '../../src/fairness/group-metrics.js';
import { fitGroupThresholds, parseConstraint } from '../../src/fairness/threshold-optimizer.js';

const i32 = (...v: number[]) => Int32Array.from(v);

describe('binary fairness report', () => {
  // Group A: y 1 1 0 0 1, ŷ 1 0 0 1 1 → selection 0.6, TPR 2/3, FPR 1/2, accuracy 0.6.
  // Group B: y 1 0 0 0 1, ŷ 1 0 0 0 0 → selection 0.2, TPR 1/2, FPR 0,   accuracy 0.8.
  const yTrue = i32(1, 1, 0, 0, 1, 1, 0, 0, 0, 1);
  const yPred = i32(1, 0, 0, 1, 1, 1, 0, 0, 0, 0);
  const score = Float64Array.from([0.9, 0.4, 0.2, 0.7, 0.8, 0.6, 0.3, 0.1, 0.2, 0.45]);
  const { codes, names } = groupIndex(['A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B']);

  it('computes per-group rates and the parity gaps', () => {
    const r = fairnessReport('g', { task: 'binary', yTrue, yPred, score }, codes, names);
    const [a, b] = r.groups;
    expect(a).toMatchObject({ group: 'A', n: 5, selection_rate: 0.6, accuracy: 0.6, fpr: 0.5 });
    expect(a.tpr).toBeCloseTo(2 / 3, 15);
    expect(b).toMatchObject({ group: 'B', n: 5, selection_rate: 0.2, accuracy: 0.8, tpr: 0.5, fpr: 0 });
    expect(r.demographic_parity_difference).toBeCloseTo(0.4, 15);
    expect(r.demographic_parity_ratio).toBeCloseTo(1 / 3, 15);
    expect(r.equalized_odds_difference).toBeCloseTo(0.5, 15);
    // A: positives 0.9, 0.4, 0.8 against negatives 0.2, 0.7 → 5 of 6 pairs ordered.
    expect(a.auc).toBeCloseTo(5 / 6, 15);
  });

  it('warns above the threshold, and for small groups', () => {
    const r = fairnessReport('g', { task: 'binary', yTrue, yPred, score }, codes, names, { threshold: 0.45 });
    const codesOf = r.warnings.map((w) => `${w.code}:${w.metric}`);
    expect(codesOf).toContain('FAIRNESS_GAP:equalized_odds_difference');
    expect(codesOf).not.toContain('FAIRNESS_GAP:demographic_parity_difference');
    expect(codesOf).toContain('FAIRNESS_RATIO:demographic_parity_ratio');
    expect(codesOf.filter((c) => c.startsWith('FAIRNESS_SMALL_GROUP')).length).toBe(2);
  });

  it('orders groups largest first and keeps missing values as a group', () => {
    const g = groupIndex(['x', null, 'y', 'y', null, 'y']);
    expect(g.names).toEqual(['y', '(missing)', 'x']);
    expect(Array.from(g.codes)).toEqual([2, 1, 0, 0, 1, 0]);
  });
});

describe('multiclass and regression', () => {
  it('multiclass: accuracy and per-class selection rates, worst class gaps', () => {
    const { codes, names } = groupIndex(['A', 'A', 'B', 'B']);
    const r = fairnessReport('g', { task: 'multiclass', yTrue: i32(0, 1, 2, 2), yPred: i32(0, 1, 2, 0), classes: ['a', 'b', 'c'] }, codes, names);
    expect(r.groups[0].selection_rates).toEqual({ a: 0.5, b: 0.5, c: 0 });
    expect(r.groups[1].accuracy).toBe(0.5);
    expect(r.demographic_parity_difference).toBe(0.5);
  });

  it('regression: RMSE and mean prediction per group', () => {
    const { codes, names } = groupIndex(['A', 'A', 'B', 'B']);
    const r = fairnessReport('g', { task: 'regression', yTrue: Float64Array.of(1, 2, 3, 4), yPred: Float64Array.of(1, 4, 3, 3) }, codes, names);
    expect(r.groups[0]).toMatchObject({ rmse: Math.sqrt(2), mae: 1, mean_prediction: 2.5, mean_target: 1.5 });
    expect(r.demographic_parity_difference).toBeNull();
    expect(r.rmse_difference).toBeCloseTo(Math.sqrt(2) - Math.sqrt(0.5), 15);
  });
});

describe('per-group thresholds (mitigation)', () => {
  // Group A's scores run higher than B's for the same outcome rate: one threshold favours A.
  const rng = new Rng(11);
  const n = 400;
  const labels: string[] = [];
  const yTrue = new Int32Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = i % 2 === 0;
    labels.push(a ? 'A' : 'B');
    yTrue[i] = rng.next() < 0.5 ? 1 : 0;
    const s = 0.3 * yTrue[i] + 0.35 * rng.next() + (a ? 0.3 : 0);
    score[i] = Math.min(1, s);
  }
  const { codes, names } = groupIndex(labels);

  it('demographic parity: equal selection rates per group, deterministic', () => {
    const fit = fitGroupThresholds('demographic_parity', yTrue, score, codes, names);
    const r = fairnessReport('g', { task: 'binary', yTrue, yPred: fit.predictions, score }, codes, names);
    expect(r.demographic_parity_difference).toBeLessThanOrEqual(0.011);
    const plain = fairnessReport('g', { task: 'binary', yTrue, yPred: Int32Array.from(score, (s) => (s >= 0.5 ? 1 : 0)), score }, codes, names);
    expect(plain.demographic_parity_difference).toBeGreaterThan(0.3);
    expect(fit.thresholds.find((t) => t.group === 'A')!.threshold).toBeGreaterThan(fit.thresholds.find((t) => t.group === 'B')!.threshold);
    expect(fitGroupThresholds('demographic_parity', yTrue, score, codes, names)).toEqual(fit);
  });

  it('equal opportunity (equalized_odds): equal true positive rates', () => {
    expect(parseConstraint('equalized_odds')).toBe('equal_opportunity');
    expect(parseConstraint('nonsense')).toBeNull();
    const fit = fitGroupThresholds('equal_opportunity', yTrue, score, codes, names);
    const r = fairnessReport('g', { task: 'binary', yTrue, yPred: fit.predictions, score }, codes, names);
    const tpr = r.groups.map((g) => g.tpr as number);
    expect(Math.abs(tpr[0] - tpr[1])).toBeLessThan(0.02);
    expect(fit.accuracy).toBeGreaterThan(0.6);
  });
});
