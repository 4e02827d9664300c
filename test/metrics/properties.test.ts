/**
 * Invariants over seeded random inputs, including sizes above the radix-sort threshold (2048),
 * which the sklearn fixtures (tens of rows) do not reach.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/common/random.js';
import { accuracyScore, averagePrecisionScore, logLoss, meanAbsoluteError, ndcgScore, r2Score, rocAucScore } from '../../src/metrics/index.js';
import { argsortStable } from '../../src/metrics/internal/argsort.js';
import { npSum } from '../../src/metrics/internal/numpy-sum.js';
import { medianInPlace, selectInPlace } from '../../src/metrics/internal/select.js';

/** Scores with many ties, negatives and signed zeros. */
function scores(rng: Rng, n: number, decimals: number): Float64Array {
  const f = 10 ** decimals;
  return Float64Array.from({ length: n }, () => {
    const v = Math.round((rng.next() * 2 - 1) * f) / f;
    return v === 0 && rng.next() < 0.5 ? -0 : v;
  });
}

/** Brute-force Mann–Whitney AUC: P(score_pos > score_neg) + ½ P(tie), weighted. */
function bruteAuc(y: Int32Array, s: Float64Array, w?: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue;
      const ww = (w?.[i] ?? 1) * (w?.[j] ?? 1);
      den += ww;
      num += ww * (s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0);
    }
  }
  return num / den;
}

describe('argsortStable', () => {
  it('radix path (n >= 2048) gives exactly the comparator order', () => {
    const rng = new Rng(5);
    for (const n of [2048, 5000]) {
      for (const decimals of [1, 3, 12]) {
        const s = scores(rng, n, decimals);
        const expected = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => s[a] - s[b] || a - b);
        expect(argsortStable(s)).toEqual(expected);
      }
    }
  });

  it('orders extreme values', () => {
    const s = Float64Array.of(3, -Infinity, 1e-300, -1e-300, Infinity, 0, -0, -5, Number.MAX_VALUE);
    const big = new Float64Array(3000);
    big.set(s);
    const order = argsortStable(big);
    const sorted = Array.from(order, (i) => big[i]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1] <= sorted[i]).toBe(true);
  });
});

describe('selectInPlace / medianInPlace', () => {
  it('agree with sorting, with duplicates and sorted input', () => {
    const rng = new Rng(21);
    for (const n of [1, 2, 3, 4, 5, 10, 101, 1000]) {
      for (const decimals of [0, 1, 6]) {
        // +0 / -0 compare equal in a selection; normalise them for toBe's Object.is.
        const v = scores(rng, n, decimals).map((x) => x + 0);
        const sorted = v.slice().sort();
        for (const k of [0, n >> 1, n - 1]) expect(selectInPlace(v.slice(), k)).toBe(sorted[k]);
        const mid = n >> 1;
        expect(medianInPlace(v.slice())).toBe(n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
        expect(medianInPlace(sorted.slice())).toBe(medianInPlace(v.slice()));
        expect(medianInPlace(sorted.slice().reverse())).toBe(medianInPlace(v.slice()));
      }
    }
  });
});

describe('npSum', () => {
  it('equals exact summation closely and handles chunk boundaries', () => {
    const rng = new Rng(9);
    for (const n of [0, 1, 7, 8, 9, 127, 128, 129, 1000, 8192, 8193, 20000]) {
      const v = Float64Array.from({ length: n }, () => rng.next());
      let naive = 0;
      for (const x of v) naive += x;
      expect(Math.abs(npSum(v) - naive)).toBeLessThan(1e-9 * Math.max(1, n));
    }
  });
});

describe('ROC AUC', () => {
  const rng = new Rng(11);
  it('equals the brute-force pair count, with ties and weights, below and above the radix threshold', () => {
    for (const n of [50, 3000]) {
      const y = Int32Array.from({ length: n }, () => rng.nextInt(2));
      const s = scores(rng, n, 2);
      const w = Float64Array.from({ length: n }, () => rng.nextInt(4));
      expect(rocAucScore(y, s)).toBeCloseTo(bruteAuc(y, s), 12);
      expect(rocAucScore(y, s, { sampleWeight: w })).toBeCloseTo(bruteAuc(y, s, w), 12);
    }
  });

  it('is invariant under monotone transforms and flips under negation', () => {
    const y = Int32Array.from({ length: 500 }, () => rng.nextInt(2));
    const s = scores(rng, 500, 2);
    const auc = rocAucScore(y, s);
    expect(rocAucScore(y, s.map((v) => Math.exp(3 * v)))).toBeCloseTo(auc, 14);
    expect(rocAucScore(y, s.map((v) => -v))).toBeCloseTo(1 - auc, 14);
  });
});

describe('integer weights equal repeated rows', () => {
  const rng = new Rng(13);
  const n = 80;
  const y = Int32Array.from({ length: n }, () => rng.nextInt(2));
  const s = Float64Array.from({ length: n }, () => Math.round(rng.next() * 20) / 20);
  const w = Float64Array.from({ length: n }, () => rng.nextInt(3));
  const rows = Array.from(w).flatMap((c, i) => Array<number>(c).fill(i));
  const yRep = Int32Array.from(rows, (i) => y[i]);
  const sRep = Float64Array.from(rows, (i) => s[i]);
  const pred = Int32Array.from(s, (v) => (v > 0.5 ? 1 : 0));

  it('for AUC, average precision, log loss and accuracy', () => {
    expect(rocAucScore(y, s, { sampleWeight: w })).toBeCloseTo(rocAucScore(yRep, sRep), 12);
    expect(averagePrecisionScore(y, s, { sampleWeight: w })).toBeCloseTo(averagePrecisionScore(yRep, sRep), 12);
    expect(logLoss(y, s, { sampleWeight: w })).toBeCloseTo(logLoss(yRep, sRep), 12);
    expect(accuracyScore(y, pred, { sampleWeight: w })).toBeCloseTo(accuracyScore(yRep, Int32Array.from(rows, (i) => pred[i])), 12);
  });

  it('for regression metrics', () => {
    const t = Float64Array.from(s, (v) => v * 10);
    const p = Float64Array.from(s, (v, i) => v * 10 + ((i % 5) - 2));
    const tRep = Float64Array.from(rows, (i) => t[i]);
    const pRep = Float64Array.from(rows, (i) => p[i]);
    expect(meanAbsoluteError(t, p, { sampleWeight: w })).toBeCloseTo(meanAbsoluteError(tRep, pRep), 12);
    expect(r2Score(t, p, { sampleWeight: w })).toBeCloseTo(r2Score(tRep, pRep), 12);
  });
});

describe('NDCG', () => {
  it('lies in [0, 1] and is 1 for the ideal order', () => {
    const rng = new Rng(17);
    const n = 300;
    const rel = Float64Array.from({ length: n }, () => rng.nextInt(4));
    const group = Int32Array.from({ length: n }, () => rng.nextInt(20));
    const v = ndcgScore(rel, scores(rng, n, 1), { group });
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
    // Queries with nothing relevant score 0, so compare with the share of queries that have relevance.
    const withRel = new Set(Array.from(group).filter((_, i) => rel[i] > 0));
    const queries = new Set(Array.from(group));
    expect(ndcgScore(rel, rel, { group })).toBeCloseTo(withRel.size / queries.size, 14);
  });
});
