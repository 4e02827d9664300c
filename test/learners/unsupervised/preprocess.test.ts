/** The unsupervised preprocessing: standardisation, one-hot, median imputation, skipped columns, schema checks. */
import { describe, expect, it } from 'vitest';
import { categoricalColumn, float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { DataError, SchemaMismatchError } from '../../../src/errors.js';
import { Rng } from '../../../src/common/random.js';
import { median } from '../../../src/learners/unsupervised/encoder.js';
import { Preprocessor } from '../../../src/learners/unsupervised/preprocess.js';

describe('median (quickselect)', () => {
  it('equals the sorted middle for odd, even, tied and NaN-holding inputs', () => {
    const rng = new Rng(4);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.nextInt(40);
      const v = Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? Number.NaN : rng.nextInt(6)));
      const sorted = v.filter((x) => !Number.isNaN(x)).sort();
      const m = sorted.length;
      const want = m === 0 ? 0 : m % 2 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
      expect(median(v).median).toBe(want);
    }
  });
});

describe('Preprocessor', () => {
  const frame = Frame.fromColumns([
    float64Column('a', Float64Array.of(1, 2, Number.NaN, 4, 5)),
    categoricalColumn('c', Int32Array.of(0, 1, 1, -1, 0), ['x', 'y']),
    float64Column('empty', Float64Array.of(Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN)),
  ]);

  it('imputes the median, standardises (ddof 0), one-hots, and skips unusable columns', () => {
    const prep = Preprocessor.fit(frame, { standardize: true });
    expect(prep.featureNames).toEqual(['a', 'c=x', 'c=y']);
    expect(prep.skipped).toEqual([{ name: 'empty', reason: 'all values missing' }]);
    const M = prep.matrix(frame);
    const a = [1, 2, 3, 4, 5]; // NaN → median of 1, 2, 4, 5 = 3
    const sd = Math.sqrt(2);
    for (let i = 0; i < 5; i++) expect(M[i * 3]).toBeCloseTo((a[i] - 3) / sd, 14);
    expect(Array.from({ length: 5 }, (_, i) => [M[i * 3 + 1], M[i * 3 + 2]])).toEqual([[1, 0], [0, 1], [0, 1], [0, 0], [1, 0]]);
    expect(prep.scaling().scale[0]).toBeCloseTo(sd, 14);
  });

  it('skips identifier-like text columns', () => {
    const ids = Frame.fromColumns([float64Column('v', Float64Array.from({ length: 30 }, (_, i) => i)), categoricalColumn('id', Int32Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 30 }, (_, i) => `u${i}`))]);
    const prep = Preprocessor.fit(ids, { standardize: true });
    expect(prep.featureNames).toEqual(['v']);
    expect(prep.skipped[0].reason).toMatch(/identifier or free text \(30 distinct values in 30 rows\)/);
  });

  it('refuses data without any usable column, and data missing a trained column', () => {
    expect(() => Preprocessor.fit(frame.select(['empty']), { standardize: true }, 'kmeans')).toThrow(DataError);
    expect(() => Preprocessor.fit(frame.select(['empty']), { standardize: true }, 'kmeans')).toThrow(/No usable feature column for kmeans/);
    const prep = Preprocessor.fit(frame, { standardize: true });
    expect(() => prep.matrix(frame.drop(['a']))).toThrow(SchemaMismatchError);
  });

  it('matches categories by text when a later frame orders them differently', () => {
    const prep = Preprocessor.fit(frame, { standardize: false });
    const later = Frame.fromColumns([float64Column('a', Float64Array.of(1)), categoricalColumn('c', Int32Array.of(0), ['y', 'x'])]);
    expect(Array.from(prep.matrix(later))).toEqual([1, 0, 1]);
  });
});
