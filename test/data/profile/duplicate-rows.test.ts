import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { categoricalColumn, float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { countDuplicateRows } from '../../../src/data/profile/duplicate-rows.js';

/** Duplicates by the obvious method: a set of row keys. */
function bruteForce(frame: Frame): number {
  const seen = new Set<string>();
  let dup = 0;
  for (const r of frame.toRows()) {
    const key = JSON.stringify(frame.names.map((n) => r[n]));
    if (seen.has(key)) dup++;
    else seen.add(key);
  }
  return dup;
}

describe('countDuplicateRows', () => {
  it('counts repeats of earlier rows; missing equals missing; -0 equals 0', () => {
    const f = Frame.fromColumns([
      float64Column('a', Float64Array.of(1, 1, Number.NaN, Number.NaN, 0, -0, 2)),
      categoricalColumn('b', Int32Array.of(0, 0, -1, -1, 1, 1, 1), ['x', 'y']),
    ]);
    expect(countDuplicateRows(f)).toBe(3);
    expect(countDuplicateRows(Frame.fromArrays({ a: [1] }))).toBe(0);
  });

  it('agrees with a brute-force count on seeded random frames', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = new Rng(seed);
      const n = 50 + rng.nextInt(300);
      const levels = 1 + rng.nextInt(4);
      const f = Frame.fromColumns([
        float64Column('a', Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? Number.NaN : rng.nextInt(levels)))),
        float64Column('b', Float64Array.from({ length: n }, () => rng.nextInt(3) / 2)),
        categoricalColumn('c', Int32Array.from({ length: n }, () => rng.nextInt(levels + 1) - 1), ['p', 'q', 'r', 's']),
      ]);
      expect(countDuplicateRows(f), `seed ${seed}`).toBe(bruteForce(f));
    }
  });
});
