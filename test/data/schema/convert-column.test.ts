import { describe, expect, it } from 'vitest';
import { categoricalColumn, datetimeColumn, float64Column, valueAt } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { applySchema } from '../../../src/data/schema/apply-schema.js';
import { toCategorical, toDatetime, toNumeric } from '../../../src/data/schema/convert-column.js';
import { inferSchema } from '../../../src/data/schema/infer-schema.js';
import { looksLikeIsoDate, parseIsoDate } from '../../../src/data/schema/iso-date.js';

describe('column conversions', () => {
  it('renders numbers as written (3 not 3.0) in numeric order, keeping missing values', () => {
    const c = toCategorical(float64Column('zip', Float64Array.of(10, 2, Number.NaN, 2.5, 10, -0, 0, 1e21)));
    expect(c.categories).toEqual(['0', '2', '2.5', '10', '1e+21']);
    expect(Array.from(c.codes)).toEqual([3, 1, -1, 2, 3, 0, 0, 4]);
  });

  it('renders dates as ISO strings', () => {
    const c = toCategorical(datetimeColumn('d', Float64Array.of(0, Number.NaN)));
    expect(c.categories).toEqual(['1970-01-01T00:00:00.000Z']);
    expect(c.codes[1]).toBe(-1);
  });

  it('parses ISO strings as UTC dates and numeric strings as numbers', () => {
    const s = categoricalColumn('s', Int32Array.of(0, 1, 2, -1), ['2024-01-31', '2024-01-31 12:30:00', 'n/a']);
    expect(Array.from(toDatetime(s).values)).toEqual([Date.UTC(2024, 0, 31), Date.UTC(2024, 0, 31, 12, 30), Number.NaN, Number.NaN]);
    const n = categoricalColumn('n', Int32Array.of(0, 1, 2), ['1.5', '-2e3', '?']);
    expect(Array.from(toNumeric(n).values)).toEqual([1.5, -2000, Number.NaN]);
  });

  it('recognises ISO dates and rejects impossible ones', () => {
    expect(parseIsoDate('2024-02-29T10:00:00+02:00')).toBe(Date.UTC(2024, 1, 29, 8));
    expect(parseIsoDate('2024-03')).toBe(Date.UTC(2024, 2, 1));
    expect(parseIsoDate('2024-01-01T00:00:00.5Z')).toBe(Date.UTC(2024, 0, 1, 0, 0, 0, 500));
    for (const bad of ['2023-02-29', '2024-13-01', '31/01/2024', '2024', 'hello', '2024-01-01T25:00']) expect(looksLikeIsoDate(bad), bad).toBe(false);
  });

  it('applySchema converts columns to their schema types and shares the rest', () => {
    const frame = Frame.fromArrays({ zip: [10, 2, 10], day: ['2024-01-01', '2024-01-02', null], x: [1.5, 2, 3] });
    const out = applySchema(frame, inferSchema(frame, { categorical: ['zip'] }));
    expect(out.column('zip').dtype).toBe('categorical');
    expect(valueAt(out.column('zip'), 0)).toBe('10');
    expect(out.column('day').dtype).toBe('datetime');
    expect(out.column('x')).toBe(frame.column('x'));
  });
});
