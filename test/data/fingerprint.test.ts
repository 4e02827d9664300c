/** The data fingerprint: stable across dictionary order, sensitive to values, rows and schema. */
import { describe, expect, it } from 'vitest';
import { categoricalColumn, float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import { fingerprintFrame } from '../../src/data/fingerprint.js';

const base = () => Frame.fromColumns([float64Column('x', Float64Array.from([1, Number.NaN, 3])), categoricalColumn('c', Int32Array.from([0, 1, -1]), ['a', 'b'])]);

describe('fingerprintFrame', () => {
  it('is deterministic and ignores the order of a categorical dictionary', () => {
    const f = fingerprintFrame(base());
    expect(f).toMatchObject({ rows: 3, columns: 2, sha256: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(fingerprintFrame(base()).sha256).toBe(f.sha256);
    const reordered = Frame.fromColumns([float64Column('x', Float64Array.from([1, Number.NaN, 3])), categoricalColumn('c', Int32Array.from([1, 0, -1]), ['b', 'a'])]);
    expect(fingerprintFrame(reordered).sha256).toBe(f.sha256);
  });
  it('changes with a value, a row, a column name or the schema', () => {
    const f = fingerprintFrame(base()).sha256;
    expect(fingerprintFrame(base().withColumn(float64Column('x', Float64Array.from([1, Number.NaN, 4])))).sha256).not.toBe(f);
    expect(fingerprintFrame(base().slice(0, 2)).sha256).not.toBe(f);
    expect(fingerprintFrame(base().rename({ x: 'y' })).sha256).not.toBe(f);
    const schema = { columns: [{ name: 'x', dtype: 'float64' as const, type: 'numeric' as const, role: 'feature' as const, reason: '' }] };
    const withSchema = fingerprintFrame(base(), schema);
    expect(withSchema.sha256).not.toBe(f);
    expect(withSchema.schemaSha256).not.toBe(fingerprintFrame(base()).schemaSha256);
  });
});
