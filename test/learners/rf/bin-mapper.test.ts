/**
 * Forest binning: as many bins as asked for on data with many repeated values (a quantile
 * inside a run of equal values moves to the run's end instead of being dropped), edges
 * strictly increasing, and bin(x) ≤ t exactly when x ≤ edges[t] — the property that lets
 * trees store raw thresholds and predict without the mapper.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { MISSING_BIN, binColumn, fitFeatureBins } from '../../../src/learners/forest/binning/bin-mapper.js';

describe('bin mapper', () => {
  it('one bin per distinct value when there are few', () => {
    const bins = fitFeatureBins(Float64Array.of(3, 1, 2, 2, Number.NaN, 1), 255, new Rng(1));
    expect(bins.nBins).toBe(3);
    expect(Array.from(bins.edges)).toEqual([1.5, 2.5]);
    expect(Array.from(binColumn(Float64Array.of(1, 2, 3, Number.NaN, 0, 9), bins))).toEqual([0, 1, 2, MISSING_BIN, 0, 2]);
  });

  it('uses (nearly) all bins on heavily repeated data, with monotone edges', () => {
    const rng = new Rng(3);
    // 700 distinct values, each repeated ~10 times (like longitudes in california_housing).
    const col = Float64Array.from({ length: 7000 }, () => Math.round(rng.next() * 700) / 10);
    const bins = fitFeatureBins(col, 255, rng);
    expect(bins.nBins).toBeGreaterThan(240);
    for (let b = 1; b < bins.edges.length; b++) expect(bins.edges[b]).toBeGreaterThan(bins.edges[b - 1]);
  });

  it('bin(x) ≤ t exactly when x ≤ edges[t]', () => {
    const rng = new Rng(5);
    const col = Float64Array.from({ length: 3000 }, () => rng.normal() * 10);
    const bins = fitFeatureBins(col, 64, rng);
    const coded = binColumn(col, bins);
    for (let i = 0; i < col.length; i += 7) {
      for (let t = 0; t < bins.edges.length; t += 5) expect(coded[i] <= t).toBe(col[i] <= bins.edges[t]);
    }
  });
});
