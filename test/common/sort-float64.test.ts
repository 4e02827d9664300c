import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/common/random.js';
import { sortedNonNaN } from '../../src/common/sort-float64.js';

/** The built-in sort: the reference the radix sort must equal bit for bit. */
const reference = (a: Float64Array) => a.filter((v) => !Number.isNaN(v)).sort();

function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('sortedNonNaN', () => {
  it('equals the built-in sort on seeded data of every shape (radix path)', () => {
    const rng = new Rng(8);
    const shapes: (() => number)[] = [
      () => rng.normal() * 1e3,
      () => rng.nextInt(50),
      () => (rng.next() < 0.5 ? -1 : 1) * Math.exp((rng.next() - 0.5) * 1400), // subnormals to huge
      () => (rng.next() < 0.2 ? Number.NaN : rng.next() < 0.05 ? -0 : rng.next() < 0.05 ? 0 : rng.normal()),
      () => [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324, -5e-324, 1, -1][rng.nextInt(6)],
      () => 42,
    ];
    for (const [k, gen] of shapes.entries()) {
      const values = Float64Array.from({ length: 20_000 }, gen);
      const before = values.slice();
      expect(sameBits(sortedNonNaN(values), reference(values)), `shape ${k}`).toBe(true);
      expect(sameBits(values, before), 'input unchanged').toBe(true);
    }
  });

  it('handles small and empty inputs', () => {
    expect(Array.from(sortedNonNaN(Float64Array.of(3, Number.NaN, -1, 2)))).toEqual([-1, 2, 3]);
    expect(sortedNonNaN(new Float64Array(0)).length).toBe(0);
    expect(sortedNonNaN(Float64Array.of(Number.NaN)).length).toBe(0);
  });
});
