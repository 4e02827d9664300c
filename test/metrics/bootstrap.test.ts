/**
 * Bootstrap confidence intervals: deterministic by seed, sensible coverage, whole-row resampling
 * of probability matrices, and resamples where a metric is undefined.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/common/random.js';
import { DataError } from '../../src/errors.js';
import { accuracyScore, bootstrapInterval, logLoss, rocAucScore } from '../../src/metrics/index.js';

function binary(n: number, seed: number): { y: Int32Array; p: Float64Array } {
  const rng = new Rng(seed);
  const y = Int32Array.from({ length: n }, () => rng.nextInt(2));
  return { y, p: Float64Array.from(y, (v) => 0.3 * v + 0.7 * rng.next()) };
}

describe('bootstrapInterval', () => {
  const { y, p } = binary(300, 1);
  const auc = (t: Int32Array, s: Float64Array): number => rocAucScore(t, s);

  it('is deterministic by seed and changes with it', () => {
    const a = bootstrapInterval(auc, y, p, { nBoot: 200, seed: 42 });
    const b = bootstrapInterval(auc, y, p, { nBoot: 200, seed: 42 });
    const c = bootstrapInterval(auc, y, p, { nBoot: 200, seed: 43 });
    expect(a).toEqual(b);
    expect(a.low === c.low && a.high === c.high).toBe(false);
  });

  it('brackets the estimate and narrows with more data', () => {
    const small = bootstrapInterval(auc, y.subarray(0, 60), p.subarray(0, 60), { nBoot: 300 });
    const large = bootstrapInterval(auc, y, p, { nBoot: 300 });
    expect(large.estimate).toBe(rocAucScore(y, p));
    expect(large.low).toBeLessThan(large.estimate);
    expect(large.high).toBeGreaterThan(large.estimate);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(large.nValid).toBe(300);
  });

  it('a higher level gives a wider interval', () => {
    const i90 = bootstrapInterval(auc, y, p, { nBoot: 300, level: 0.9 });
    const i99 = bootstrapInterval(auc, y, p, { nBoot: 300, level: 0.99 });
    expect(i99.high - i99.low).toBeGreaterThan(i90.high - i90.low);
  });

  it('resamples rows of an n×K probability matrix whole', () => {
    const n = 90;
    const yTrue = Int32Array.from({ length: n }, (_, i) => i % 3);
    const proba = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) proba.set(yTrue[i] === 0 ? [0.8, 0.1, 0.1] : yTrue[i] === 1 ? [0.1, 0.8, 0.1] : [0.1, 0.1, 0.8], i * 3);
    // Every row's probability of its true class is 0.8, so any whole-row resample has the same loss.
    const r = bootstrapInterval((t: Int32Array, q: Float64Array) => logLoss(t, q), yTrue, proba, { nBoot: 50 });
    expect(r.low).toBeCloseTo(-Math.log(0.8), 12);
    expect(r.high).toBeCloseTo(-Math.log(0.8), 12);
  });

  it('passes resampled weights to the metric', () => {
    const w = Float64Array.from(y, (v) => (v === 1 ? 2 : 1));
    const r = bootstrapInterval((t: Int32Array, q: Int32Array, sw?: Float64Array) => accuracyScore(t, q, { sampleWeight: sw }), y, y, { nBoot: 20, sampleWeight: w });
    expect([r.low, r.high, r.estimate]).toEqual([1, 1, 1]);
  });

  it('skips resamples where the metric is undefined, and fails when most are', () => {
    const yRare = Int32Array.from({ length: 40 }, (_, i) => (i === 0 ? 1 : 0));
    const s = Float64Array.from({ length: 40 }, (_, i) => i / 40);
    // One positive in 40 rows: about 36% of resamples miss it and AUC is undefined there.
    const r = bootstrapInterval(auc, yRare, s, { nBoot: 200, seed: 3 });
    expect(r.nValid).toBeLessThan(200);
    expect(r.nValid).toBeGreaterThan(100);
    // A metric defined only when the resample starts with the marked row: almost never.
    const marked = Int32Array.from({ length: 50 }, (_, i) => (i === 0 ? 7 : 0));
    const picky = (t: Int32Array): number => {
      if (t[0] === 7) return 1;
      throw new DataError('MW_METRIC_UNDEFINED', 'undefined here');
    };
    expect(() => bootstrapInterval(picky, marked, marked, { nBoot: 50 })).toThrow(/undefined on \d+ of 50 resamples/);
  });

  it('rejects bad options', () => {
    expect(() => bootstrapInterval(auc, y, p, { level: 1 })).toThrow(/'level' option/);
    expect(() => bootstrapInterval(auc, y, p, { nBoot: 0 })).toThrow(/'nBoot' option/);
  });
});
