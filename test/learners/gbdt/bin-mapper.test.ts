/** Binning: monotone bin edges, value → bin consistent with raw thresholds, categorical bins. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { BinMapper, numericUpperBounds } from '../../../src/learners/gbdt/binning/bin-mapper.js';

/** Seeded samples of many shapes: continuous, heavy ties, few distinct values, infinities. */
function samples(seed: number): Float64Array[] {
  const rng = new Rng(seed);
  const n = 2000;
  const out: Float64Array[] = [];
  out.push(Float64Array.from({ length: n }, () => rng.normal()));
  out.push(Float64Array.from({ length: n }, () => Math.round(rng.normal() * 3)));
  out.push(Float64Array.from({ length: n }, () => (rng.next() < 0.7 ? 0 : rng.normal())));
  out.push(Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? Number.NaN : rng.next() * 1e6)));
  out.push(Float64Array.from({ length: n }, () => rng.nextInt(2)));
  out.push(Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? Number.POSITIVE_INFINITY : i % 89 === 0 ? Number.NEGATIVE_INFINITY : rng.normal())));
  out.push(Float64Array.from({ length: n }, () => 5));
  return out;
}

describe('numeric bins', () => {
  for (const seed of [1, 2, 3]) {
    it(`edges are strictly increasing and end at +Infinity (seed ${seed})`, () => {
      for (const s of samples(seed)) {
        for (const maxBin of [2, 7, 63, 255]) {
          const ub = numericUpperBounds(s, maxBin, 3);
          expect(ub.length).toBeGreaterThanOrEqual(1);
          expect(ub.length).toBeLessThanOrEqual(maxBin);
          for (let i = 1; i < ub.length; i++) expect(ub[i]).toBeGreaterThan(ub[i - 1]);
          expect(ub[ub.length - 1]).toBe(Number.POSITIVE_INFINITY);
        }
      }
    });
  }

  it('puts every value in the first bin whose bound is >= the value, NaN in the missing bin', () => {
    for (const s of samples(4)) {
      const m = BinMapper.numeric(s, 31, 3);
      for (const v of s) {
        const b = m.numericBin(v);
        if (Number.isNaN(v)) {
          expect(b).toBe(m.missingBin);
          continue;
        }
        expect(v).toBeLessThanOrEqual(m.upperBounds[b]);
        if (b > 0) expect(v).toBeGreaterThan(m.upperBounds[b - 1]);
      }
    }
  });

  it('gives each distinct value its own bin when there are few', () => {
    const ub = numericUpperBounds(Float64Array.of(1, 1, 1, 2, 2, 2, 3, 3, 3), 255, 1);
    expect(Array.from(ub)).toEqual([1.5, 2.5, Number.POSITIVE_INFINITY]);
  });

  it('respects min_data_in_bin', () => {
    const ub = numericUpperBounds(Float64Array.of(1, 2, 3, 4, 5, 6), 255, 3);
    expect(Array.from(ub)).toEqual([3.5, Number.POSITIVE_INFINITY]);
  });
});

describe('categorical bins', () => {
  it('orders categories by frequency and maps missing, unseen and rare to the missing bin', () => {
    const codes = Int32Array.from([2, 2, 2, 0, 0, 1, -1, 3, 2, 0, 2]);
    const m = BinMapper.categorical(codes, 5, 255, 1);
    expect(Array.from(m.binToCategory)).toEqual([2, 0, 1, 3]);
    expect(m.categoryBin(2)).toBe(0);
    expect(m.categoryBin(-1)).toBe(m.missingBin);
    expect(m.categoryBin(4)).toBe(m.missingBin); // in the dictionary, never seen
    expect(m.categoryBin(17)).toBe(m.missingBin); // outside the dictionary
  });

  it('drops categories rarer than min_data_in_bin once two are kept', () => {
    const codes = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2]);
    const m = BinMapper.categorical(codes, 3, 255, 3);
    expect(Array.from(m.binToCategory)).toEqual([0, 1]);
    expect(m.categoryBin(2)).toBe(m.missingBin);
  });

  it('keeps enough categories to cover 99% of rows even beyond max_bin (LightGBM rule)', () => {
    const codes = Int32Array.from({ length: 3000 }, (_, i) => i % 300);
    const m = BinMapper.categorical(codes, 300, 255, 3);
    expect(m.numBins).toBeGreaterThan(256);
  });
});
