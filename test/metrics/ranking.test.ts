/**
 * Ranking metrics: hand-computed MAP@k / precision@k / recall@k, sklearn's documented NDCG
 * examples (ties included), and query grouping. Fixture comparisons live in sklearn-fixtures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { dcgScore, meanAveragePrecisionAtK, ndcgPerQuery, ndcgScore, precisionAtK, recallAtK } from '../../src/metrics/index.js';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('MAP@k, precision@k, recall@k by hand', () => {
  // Query A (ids 1): scores order the docs d0 > d1 > d2 > d3 > d4; relevant: d0, d2, d3 (R = 3).
  //   ranks of relevant docs: 1, 3, 4 → precisions at those ranks 1/1, 2/3, 3/4.
  //   AP   = (1 + 2/3 + 3/4) / 3        = 0.805555…
  //   AP@3 = (1 + 2/3) / min(3, 3)      = 0.555555…
  //   P@3 = 2/3, R@3 = 2/3
  // Query B (ids 2): docs e0 > e1 > e2; relevant: e1 only (R = 1).
  //   AP   = (1/2) / 1 = 0.5;  AP@3 = 0.5;  P@3 = 1/3 (c = min(3, 3));  R@3 = 1
  // Query C (ids 3): docs f0 > f1, nothing relevant → 0 for every metric.
  // Rows are interleaved to check that queries need not be contiguous.
  const rows = [
    { g: 1, rel: 2, s: 0.9 }, { g: 2, rel: 0, s: 0.8 }, { g: 1, rel: 0, s: 0.8 }, { g: 3, rel: 0, s: 0.3 },
    { g: 1, rel: 1, s: 0.7 }, { g: 2, rel: 3, s: 0.5 }, { g: 1, rel: 1, s: 0.6 }, { g: 2, rel: 0, s: 0.1 },
    { g: 1, rel: 0, s: 0.5 }, { g: 3, rel: 0, s: 0.2 },
  ];
  const yTrue = Float64Array.from(rows, (r) => r.rel);
  const yScore = Float64Array.from(rows, (r) => r.s);
  const group = Int32Array.from(rows, (r) => r.g);

  it('MAP without cutoff', () => {
    expect(meanAveragePrecisionAtK(yTrue, yScore, { group })).toBeCloseTo(((1 + 2 / 3 + 3 / 4) / 3 + 0.5 + 0) / 3, 15);
  });

  it('MAP@3', () => {
    expect(meanAveragePrecisionAtK(yTrue, yScore, { group, k: 3 })).toBeCloseTo(((1 + 2 / 3) / 3 + 0.5 + 0) / 3, 15);
  });

  it('precision@3 and recall@3', () => {
    expect(precisionAtK(yTrue, yScore, { group, k: 3 })).toBeCloseTo((2 / 3 + 1 / 3 + 0) / 3, 15);
    expect(recallAtK(yTrue, yScore, { group, k: 3 })).toBeCloseTo((2 / 3 + 1 + 0) / 3, 15);
  });

  it('precision@k divides by min(k, query size)', () => {
    // Query C has 2 docs; with one relevant doc on top P@5 = 1/2, not 1/5.
    expect(precisionAtK(f64(1, 0), f64(0.9, 0.1), { k: 5 })).toBe(0.5);
  });

  it('tied scores keep input order', () => {
    expect(meanAveragePrecisionAtK(f64(0, 1), f64(0.5, 0.5))).toBe(0.5);
    expect(meanAveragePrecisionAtK(f64(1, 0), f64(0.5, 0.5))).toBe(1);
  });
});

describe('NDCG and DCG: sklearn documentation examples', () => {
  const rel = f64(10, 0, 0, 1, 5);
  it('no ties', () => {
    // Values printed by sklearn 1.2.1 for these inputs.
    expect(ndcgScore(rel, f64(0.1, 0.2, 0.3, 4, 70))).toBeCloseTo(0.6956940443813074, 14);
    expect(ndcgScore(rel, f64(0.05, 1.1, 1.0, 0.5, 0.0))).toBeCloseTo(0.49368019137737595, 14);
    expect(ndcgScore(rel, f64(0.05, 1.1, 1.0, 0.5, 0.0), { k: 4 })).toBeCloseTo(0.35202411006344875, 14);
    expect(dcgScore(rel, f64(0.1, 0.2, 0.3, 4, 70))).toBeCloseTo(9.499457825916874, 13);
  });

  it('ties are averaged; ignoreTies ranks the later tied row first, as sklearn', () => {
    const one = f64(1, 0, 0, 0, 0);
    const tied = f64(1, 1, 0, 0, 0);
    expect(ndcgScore(one, tied, { k: 1 })).toBe(0.5);
    expect(ndcgScore(one, tied, { k: 1, ignoreTies: true })).toBe(0);
  });

  it('a query with nothing relevant scores 0; a one-document query 1 if relevant', () => {
    expect(ndcgPerQuery(f64(0, 0, 3), f64(0.2, 0.1, 0.5), { group: Int32Array.of(1, 1, 2) })).toEqual(f64(0, 1));
  });

  it('the mean over queries weighs each query equally', () => {
    const group = Int32Array.of(7, 7, 7, 9, 9);
    const y = f64(3, 0, 1, 0, 2);
    const s = f64(0.1, 0.9, 0.5, 0.3, 0.2);
    const per = ndcgPerQuery(y, s, { group });
    expect(ndcgScore(y, s, { group })).toBeCloseTo((per[0] + per[1]) / 2, 15);
  });
});

describe('ranking input checks', () => {
  it('rejects negative relevance and a bad k', () => {
    expect(() => ndcgScore(f64(-1, 2), f64(0.5, 0.4))).toThrow(/relevance grades must be >= 0/);
    expect(() => ndcgScore(f64(1, 2), f64(0.5, 0.4), { k: 0 })).toThrow(/'k' option of ndcg_score must be an integer >= 1/);
    expect(() => ndcgScore(f64(1, 2), f64(0.5, 0.4), { group: Int32Array.of(1) })).toThrow(/group has 1 values/);
  });
});
