/** Many-vs-many categorical splits: the bounded selection equals a full sort's ends. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { extremeBins } from '../../../src/learners/gbdt/tree/categorical-splitter.js';

describe('extremeBins', () => {
  for (const seed of [1, 2, 3]) {
    it(`gives the first k of a full (key, bin) sort from either end (seed ${seed})`, () => {
      const rng = new Rng(seed);
      const n = 700;
      // Rounded keys: many ties, broken by bin index.
      const keys = Float64Array.from({ length: n }, () => Math.round(rng.normal() * 20) / 10);
      const bins = Int32Array.from({ length: n }, (_, i) => (i * 7919) % n);
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || bins[a] - bins[b]);
      for (const k of [1, 5, 32, n]) {
        const out = new Int32Array(k);
        const outKeys = new Float64Array(k);
        expect(extremeBins(keys, bins, n, k, false, out, outKeys)).toBe(Math.min(k, n));
        expect(Array.from(out)).toEqual(order.slice(0, k).map((i) => bins[i]));
        extremeBins(keys, bins, n, k, true, out, outKeys);
        expect(Array.from(out)).toEqual(order.slice().reverse().slice(0, k).map((i) => bins[i]));
      }
    });
  }
});
