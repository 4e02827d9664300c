import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { countSorted, histogramEdges, histogramOfSorted, niceStep } from '../../../src/data/profile/histogram.js';

describe('histogram', () => {
  it('picks nice steps', () => {
    expect([0.7, 1, 1.3, 2.2, 3, 7, 0.013, 4500].map(niceStep)).toEqual([1, 1, 2, 2.5, 5, 10, 0.02, 5000]);
  });

  it('gives whole numbers with a small range one bar per value', () => {
    expect(histogramEdges(0, 3, { integer: true })).toEqual([-0.5, 0.5, 1.5, 2.5, 3.5]);
    const h = histogramOfSorted(Float64Array.of(0, 0, 1, 3, 3, 3), { integer: true });
    expect(h.counts).toEqual([2, 1, 0, 3]);
  });

  it('has monotone edges covering the data and counts summing to n (seeded random data)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rng = new Rng(seed);
      const scale = 10 ** (rng.nextInt(12) - 6);
      const offset = (rng.next() - 0.5) * 1000 * scale;
      const values = Float64Array.from({ length: 1 + rng.nextInt(500) }, () => offset + rng.normal() * scale).sort();
      const h = histogramOfSorted(values);
      expect(h.edges.length).toBe(h.counts.length + 1);
      for (let i = 1; i < h.edges.length; i++) expect(h.edges[i]).toBeGreaterThan(h.edges[i - 1]);
      expect(h.edges[0]).toBeLessThanOrEqual(values[0]);
      expect(h.edges[h.edges.length - 1]).toBeGreaterThanOrEqual(values[values.length - 1]);
      expect(h.counts.reduce((s, c) => s + c, 0)).toBe(values.length);
      expect(h.counts.length).toBeLessThanOrEqual(41);
    }
  });

  it('puts a single value in one bin and clamps the right edge into the last bin', () => {
    expect(histogramOfSorted(Float64Array.of(5, 5, 5)).counts).toEqual([3]);
    expect(countSorted(Float64Array.of(0, 1, 2), [0, 1, 2])).toEqual([1, 2]);
  });
});
