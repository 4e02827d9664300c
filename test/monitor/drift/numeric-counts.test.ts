/**
 * NumericCounts (grid lookup + short binary search) against a direct count, on seeded data of
 * every shape that stresses the grid: smooth, heavy-tailed, integers with ties, few distinct
 * values, values outside the reference range, and a constant reference.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { NumericCounts } from '../../../src/monitor/drift/numeric-counts.js';
import { numericSummary } from '../../../src/monitor/reference/numeric-reference.js';

function naive(c: NumericCounts, values: readonly number[]) {
  const K = c.points.length;
  const eq = new Float64Array(K);
  const between = new Float64Array(K + 1);
  const sum = new Float64Array(K + 1);
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    let k = 0;
    while (k < K && c.points[k] < v) k++;
    if (k < K && c.points[k] === v) eq[k]++;
    else (between[k]++, (sum[k] += v));
  }
  return { eq, between, sum };
}

const shapes: Record<string, (r: Rng) => number> = {
  normal: (r) => r.normal(),
  heavyTail: (r) => Math.exp(3 * r.normal()),
  integers: (r) => Math.round(r.normal() * 20),
  fewValues: (r) => r.nextInt(4),
  mixed: (r) => (r.next() < 0.1 ? Number.NaN : r.next() < 0.5 ? 0 : r.normal() * 1e6),
};

describe('NumericCounts', () => {
  for (const [name, draw] of Object.entries(shapes)) {
    it(`counts like a direct scan (${name})`, () => {
      const rng = new Rng(7);
      const ref = numericSummary(Float64Array.from({ length: 20_000 }, () => draw(rng)), { sampleSize: 3000 });
      const c = new NumericCounts(ref);
      // Current values: the same shape, shifted and widened, so some fall outside the reference.
      const cur = Array.from({ length: 5000 }, () => draw(rng) * 1.5 + 0.25);
      c.addValues(cur.slice(0, 2500));
      c.addValues(Float64Array.from(cur.slice(2500)));
      const want = naive(c, cur);
      expect(Array.from(c.eq)).toEqual(Array.from(want.eq));
      expect(Array.from(c.between)).toEqual(Array.from(want.between));
      c.sumBetween.forEach((s, k) => expect(s).toBeCloseTo(want.sum[k], 6));
      expect(c.present + c.missing).toBe(5000);
      const displayed = c.display.reduce((a, b) => a + b, 0) + c.below + c.above;
      expect(displayed).toBe(c.present);
    });
  }

  it('handles a constant reference', () => {
    const c = new NumericCounts(numericSummary(new Float64Array(100).fill(3)));
    c.addValues([3, 3, 2, 4, Number.NaN]);
    expect(Array.from(c.eq)).toEqual([2]);
    expect(Array.from(c.between)).toEqual([1, 1]);
    expect(c.missing).toBe(1);
  });
});
