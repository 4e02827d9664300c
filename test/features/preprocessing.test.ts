/**
 * Preprocessing steps on small hand-checkable Frames: imputation (+ indicators), one-hot
 * (max categories, __other__, unseen → all zero), ordinal codes, standard scaling, and the
 * pipeline (fit order, design matrix, lossless JSON round-trip).
 */
import { describe, expect, it } from 'vitest';
import { categoricalColumn, float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import { OneHotEncoder } from '../../src/features/encode/one-hot-encoder.js';
import { OrdinalEncoder } from '../../src/features/encode/ordinal-encoder.js';
import { Imputer } from '../../src/features/impute/simple-imputer.js';
import { Pipeline } from '../../src/features/pipeline.js';
import { StandardScaler } from '../../src/features/scale/standard-scaler.js';

const NaN_ = Number.NaN;
const num = (name: string, v: number[]) => float64Column(name, Float64Array.from(v));
const cat = (name: string, codes: number[], cats: string[]) => categoricalColumn(name, Int32Array.from(codes), cats);
const values = (f: Frame, name: string) => {
  const c = f.column(name);
  return c.dtype === 'categorical' ? Array.from(c.codes) : Array.from(c.values);
};

describe('Imputer', () => {
  const X = Frame.fromColumns([num('a', [1, NaN_, 3, 10]), num('b', [2, 2, 5, 7]), cat('c', [0, 1, -1, 1], ['x', 'y'])]);

  it('fills numeric NaN with the median and adds an indicator for columns that had NaN', () => {
    const out = Imputer.fit(X).transform(X);
    expect(values(out, 'a')).toEqual([1, 3, 3, 10]);
    expect(values(out, 'a__missing')).toEqual([0, 1, 0, 0]);
    expect(out.has('b__missing')).toBe(false);
    expect(values(out, 'c')).toEqual([0, 1, -1, 1]); // 'keep' leaves categories missing
  });

  it('mean and most_frequent strategies; categorical most_frequent', () => {
    expect(values(Imputer.fit(X, { numeric: 'mean' }).transform(X), 'a')[1]).toBeCloseTo(14 / 3, 14);
    expect(values(Imputer.fit(X, { numeric: 'most_frequent' }).transform(X), 'b')).toEqual([2, 2, 5, 7]);
    const imp = Imputer.fit(X, { categorical: 'most_frequent' });
    // A later Frame whose dictionary lacks the fill category gets it appended.
    const later = Frame.fromColumns([num('a', [NaN_]), num('b', [1]), cat('c', [-1], ['z'])]);
    const c = imp.transform(later).column('c');
    expect(c.dtype === 'categorical' && c.categories[c.codes[0]]).toBe('y');
  });

  it('an all-missing column is filled with 0 and kept', () => {
    const Y = Frame.fromColumns([num('e', [NaN_, NaN_])]);
    expect(values(Imputer.fit(Y).transform(Y), 'e')).toEqual([0, 0]);
  });
});

describe('OneHotEncoder', () => {
  const X = Frame.fromColumns([cat('c', [0, 0, 0, 1, 1, 2, 3, -1], ['b', 'a', 'd', 'c', 'unused']), num('n', [1, 2, 3, 4, 5, 6, 7, 8])]);

  it('one column per seen category, sorted; missing → all zero; numeric passes through', () => {
    const enc = OneHotEncoder.fit(X);
    expect(enc.state.columns[0].categories).toEqual(['a', 'b', 'c', 'd']);
    const out = enc.transform(X);
    expect(out.names).toEqual(['c=a', 'c=b', 'c=c', 'c=d', 'n']);
    expect(values(out, 'c=b')).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    expect([0, 1, 2, 3].map((k) => values(out, out.names[k])[7])).toEqual([0, 0, 0, 0]);
  });

  it('max_categories keeps the most frequent and groups the rest into __other__', () => {
    const enc = OneHotEncoder.fit(X, { maxCategories: 3 });
    expect(enc.state.columns[0]).toEqual({ name: 'c', categories: ['a', 'b'], other: ['c', 'd'] });
    const out = enc.transform(X);
    expect(values(out, 'c=__other__')).toEqual([0, 0, 0, 0, 0, 1, 1, 0]);
  });

  it('unseen categories give an all-zero row, whatever the later dictionary order', () => {
    const enc = OneHotEncoder.fit(X);
    const later = Frame.fromColumns([cat('c', [0, 1, 2], ['new', 'd', 'b']), num('n', [0, 0, 0])]);
    const out = enc.transform(later);
    expect(out.names.slice(0, 4).map((nm) => values(out, nm))).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 0, 0],
      [0, 1, 0],
    ]);
  });
});

describe('OrdinalEncoder and StandardScaler', () => {
  it('ordinal codes follow sorted training categories; unseen and missing → NaN', () => {
    const enc = OrdinalEncoder.fit(Frame.fromColumns([cat('c', [0, 1, 1], ['z', 'a'])]));
    const out = enc.transform(Frame.fromColumns([cat('c', [0, 1, 2, -1], ['a', 'z', 'q'])]));
    expect(values(out, 'c')).toEqual([0, 1, NaN_, NaN_]);
  });

  it('scales by the population std; constant columns map to 0; NaN stays NaN', () => {
    const X = Frame.fromColumns([num('a', [1, 2, 3, NaN_]), num('k', [5, 5, 5, 5])]);
    const sc = StandardScaler.fit(X);
    const s = Math.sqrt(2 / 3);
    expect(values(sc.transform(X), 'a')).toEqual([-1 / s, 0, 1 / s, NaN_]);
    expect(values(sc.transform(X), 'k')).toEqual([0, 0, 0, 0]);
  });
});

describe('Pipeline', () => {
  const X = Frame.fromColumns([num('a', [1, NaN_, 3, 4.5]), cat('c', [0, 1, 1, -1], ['p', 'q'])]);
  const specs = [{ kind: 'impute' as const }, { kind: 'standard-scale' as const }, { kind: 'one-hot' as const }];

  it('fits steps in order and fills a row-major design matrix', () => {
    const pipe = Pipeline.fit(X, specs);
    expect(pipe.outputNames).toEqual(['a', 'c=p', 'c=q', 'a__missing']);
    const m = pipe.toMatrix(X);
    expect([m.nRows, m.nCols]).toEqual([4, 4]);
    expect(Array.from(m.data.subarray(5, 7))).toEqual([0, 1]); // row 1 is category q
    expect(m.data[7]).toBeGreaterThan(0); // row 1's indicator, scaled: it was missing
    expect(m.data[3]).toBeLessThan(0); // row 0's indicator: present
    expect(Array.from(m.data.subarray(12, 16)).slice(1, 3)).toEqual([0, 0]); // missing category → zeros
  });

  it('JSON round-trip is lossless (same matrix, same state text)', () => {
    const pipe = Pipeline.fit(X, specs);
    const restored = Pipeline.fromJSON(JSON.parse(JSON.stringify(pipe.toJSON())));
    expect(Array.from(restored.toMatrix(X).data)).toEqual(Array.from(pipe.toMatrix(X).data));
    expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(pipe.toJSON()));
  });

  it('a categorical column left unencoded is a clear error', () => {
    const pipe = Pipeline.fit(X, [{ kind: 'impute' }]);
    expect(() => pipe.toMatrix(X)).toThrow(/still categorical/);
  });
});
