/**
 * The champion/challenger decision and the policy file's validation.
 */
import { describe, expect, it } from 'vitest';
import { type ModelScore, decide } from '../../../src/monitor/retrain/decide.js';
import { checkRetrainPolicy } from '../../../src/monitor/retrain/retrain-policy.js';

const score = (version: number, value: number | null, sex?: number): ModelScore => ({ version, value, n: 500, fairness: sex === undefined ? {} : { sex }, fairness_metric: 'demographic_parity_difference' });

describe('decide', () => {
  it('promotes a challenger better by at least the margin', () => {
    const d = decide('roc_auc', true, score(1, 0.8), score(2, 0.81), { min_improvement: 0.002 });
    expect(d.decision).toBe('promoted');
    expect(d.improvement).toBeCloseTo(0.01);
    expect(d.reason).toMatch(/challenger v2 roc_auc 0.81 vs champion v1 0.8 on 500 rows: better by 0.01 \(≥ 0.002\)/);
  });

  it('keeps the champion on a tie, a too-small gain, or a worse loss', () => {
    expect(decide('roc_auc', true, score(1, 0.8), score(2, 0.8), {}).decision).toBe('kept');
    expect(decide('roc_auc', true, score(1, 0.8), score(2, 0.801), { min_improvement: 0.002 }).reason).toMatch(/below the required 0.002/);
    // Losses: lower is better.
    expect(decide('log_loss', false, score(1, 0.40), score(2, 0.38), {}).decision).toBe('promoted');
    expect(decide('log_loss', false, score(1, 0.40), score(2, 0.42), {}).decision).toBe('kept');
  });

  it('keeps the champion when the fairness gap rises too much', () => {
    const d = decide('roc_auc', true, score(1, 0.8, 0.05), score(2, 0.85, 0.09), { max_fairness_gap_increase: 0.02 });
    expect(d.decision).toBe('kept');
    expect(d.fairness_checks).toEqual([{ column: 'sex', champion: 0.05, challenger: 0.09, increase: expect.closeTo(0.04, 9), limit: 0.02, ok: false }]);
    expect(d.reason).toMatch(/fairness gap rose too much: sex demographic_parity_difference 0.05 → 0.09/);
    expect(decide('roc_auc', true, score(1, 0.8, 0.05), score(2, 0.85, 0.06), { max_fairness_gap_increase: 0.02 }).decision).toBe('promoted');
  });

  it('keeps the champion when either model cannot be scored', () => {
    expect(decide('roc_auc', true, score(1, 0.8), score(2, null), {}).reason).toMatch(/undefined on the 500 evaluation rows/);
  });
});

describe('retrain policy', () => {
  it('accepts the documented keys and rejects others with the key named', () => {
    expect(checkRetrainPolicy({ metric: 'roc_auc', min_improvement: 0.002, max_fairness_gap_increase: 0.02, sensitive: ['sex'], data: 'reference+new', holdout: 0.3 })).toBeTruthy();
    expect(() => checkRetrainPolicy({ min_improvment: 1 })).toThrow(/unknown key 'min_improvment'/);
    expect(() => checkRetrainPolicy({ holdout: 1.5 })).toThrow(/'holdout' must be a number in \(0, 1\)/);
    expect(() => checkRetrainPolicy({ data: 'old' })).toThrow(/'data' must be one of new, reference\+new/);
    expect(() => checkRetrainPolicy([])).toThrow(/must be a JSON object/);
  });
});
