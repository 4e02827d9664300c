import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { datetimeColumn, float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { inferSchema } from '../../../src/data/schema/infer-schema.js';
import { isIdLikeName } from '../../../src/data/schema/infer-column.js';
import type { ColumnSchema, DatasetSchema } from '../../../src/data/schema/types.js';
import { DataError, UsageError } from '../../../src/errors.js';

const N = 60;
const col = (s: DatasetSchema, name: string): ColumnSchema => s.columns.find((c) => c.name === name)!;
const range = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));

function sample(): Frame {
  const rng = new Rng(3);
  const words = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'a', 'lazy', 'dog', 'today'];
  return Frame.fromArrays({
    children: range(N, (i) => i % 4), // few distinct integers
    income: range(N, () => Math.round(rng.next() * 1e5) / 10),
    smoker: range(N, (i) => (i % 3 === 0 ? 'yes' : 'no')),
    flag01: range(N, (i) => i % 2),
    city: range(N, (i) => ['Oslo', 'Rome', 'Lima', 'Kyiv', 'Pune'][i % 5]),
    email: range(N, (i) => `user${i}@example.org`),
    row: range(N, (i) => i + 1),
    customer_id: range(N, (i) => 1000 + ((i * 37) % N)),
    store_id: range(N, (i) => i % 7),
    paid: range(N, (i) => i * 3 + 1),
    review: range(N, (i) => range(6 + (i % 5), (k) => words[(i * 7 + k * 3) % words.length]).join(' ') + ` #${i}`),
    day: range(N, (i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')}`),
    constant: range(N, () => 7),
    empty: range(N, () => null),
  });
}

describe('inferSchema: types', () => {
  const s = inferSchema(sample());

  it('keeps few distinct integers numeric', () => {
    expect(col(s, 'children')).toMatchObject({ type: 'numeric', role: 'feature', dtype: 'float64' });
    expect(col(s, 'income').type).toBe('numeric');
  });

  it('reads two distinct values as boolean, strings or numbers', () => {
    expect(col(s, 'smoker')).toMatchObject({ type: 'boolean', reason: 'exactly two distinct values' });
    expect(col(s, 'flag01').type).toBe('boolean');
  });

  it('reads repeated strings as categorical', () => {
    expect(col(s, 'city')).toMatchObject({ type: 'categorical', role: 'feature' });
  });

  it('finds identifiers: unique strings, row counters, unique integers named like ids', () => {
    expect(col(s, 'email')).toMatchObject({ type: 'identifier', role: 'id' });
    expect(col(s, 'row')).toMatchObject({ type: 'identifier', role: 'id' });
    expect(col(s, 'row').reason).toContain('row counter');
    expect(col(s, 'customer_id')).toMatchObject({ type: 'identifier', role: 'id' });
  });

  it('reads repeated integer codes named like an id as categorical, and "paid" as a number', () => {
    expect(col(s, 'store_id')).toMatchObject({ type: 'categorical', role: 'feature' });
    expect(col(s, 'paid').type).toBe('numeric');
  });

  it('reads mostly-unique strings with spaces as text', () => {
    expect(col(s, 'review')).toMatchObject({ type: 'text', role: 'feature' });
  });

  it('reads ISO date strings and datetime storage as datetime', () => {
    expect(col(s, 'day')).toMatchObject({ type: 'datetime', dtype: 'categorical' });
    const f = Frame.fromColumns([datetimeColumn('ts', Float64Array.of(0, 86_400_000, Number.NaN))]);
    expect(inferSchema(f).columns[0]).toMatchObject({ type: 'datetime', role: 'feature' });
  });

  it('explains constant and all-missing columns', () => {
    expect(col(s, 'constant')).toMatchObject({ type: 'numeric', reason: 'a single distinct value (constant)' });
    expect(col(s, 'empty').reason).toBe('every value is missing');
  });

  it('gives every column a one-line reason', () => {
    for (const c of s.columns) {
      expect(c.reason.length).toBeGreaterThan(5);
      expect(c.reason).not.toContain('\n');
    }
  });

  it('does not call tiny samples identifiers: uniqueness means little in 5 rows', () => {
    const f = Frame.fromArrays({ x: [1, 2, 3, 4, 5], name: ['a', 'b', 'c', 'd', 'e'] });
    const t = inferSchema(f);
    expect(col(t, 'x').type).toBe('numeric');
    expect(col(t, 'name').type).toBe('categorical');
  });

  it('matches id-like names and not words that end in "id"', () => {
    for (const n of ['id', 'ID', 'user_id', 'userId', 'CustomerID', 'order-id', 'uuid', 'Product No']) expect(isIdLikeName(n), n).toBe(true);
    for (const n of ['paid', 'valid', 'acid', 'idle', 'width', 'rapid']) expect(isIdLikeName(n), n).toBe(false);
  });
});

describe('inferSchema: overrides', () => {
  const frame = sample();

  it('applies flags with the flag as the reason', () => {
    const s = inferSchema(frame, {
      target: 'smoker',
      categorical: ['children'],
      text: ['city'],
      drop: ['constant'],
      id: 'paid',
      time: 'day',
      weight: 'income',
      group: 'store_id',
      sensitive: ['flag01'],
    });
    expect(col(s, 'children')).toMatchObject({ type: 'categorical', role: 'feature', reason: 'flag --categorical' });
    expect(col(s, 'city')).toMatchObject({ type: 'text', reason: 'flag --text' });
    expect(col(s, 'constant')).toMatchObject({ role: 'ignored' });
    expect(col(s, 'constant').reason).toContain('flag --drop');
    expect(col(s, 'paid')).toMatchObject({ type: 'identifier', role: 'id' });
    expect(col(s, 'day')).toMatchObject({ type: 'datetime', role: 'time' });
    expect(col(s, 'income')).toMatchObject({ type: 'numeric', role: 'weight' });
    expect(col(s, 'store_id').role).toBe('group');
    expect(col(s, 'flag01')).toMatchObject({ type: 'boolean', role: 'sensitive' });
    expect(col(s, 'smoker').role).toBe('target');
  });

  it('frees an inferred identifier when the user gives it a type', () => {
    const s = inferSchema(frame, { categorical: ['email'] });
    expect(col(s, 'email')).toMatchObject({ type: 'categorical', role: 'feature' });
  });

  it('applies a schema file, and flags win over it', () => {
    const s = inferSchema(frame, {
      categorical: ['income'],
      schemaFile: { path: 's.json', columns: { income: { type: 'numeric' }, children: { type: 'categorical', role: 'sensitive' } } },
    });
    expect(col(s, 'income')).toMatchObject({ type: 'categorical', reason: 'flag --categorical' });
    expect(col(s, 'children')).toMatchObject({ type: 'categorical', role: 'sensitive' });
    expect(col(s, 'children').reason).toContain('schema file s.json');
  });

  it('rejects unknown column names with suggestions and the flag that named them', () => {
    const err = (() => {
      try {
        inferSchema(frame, { drop: ['incme'] });
      } catch (e) {
        return e as DataError;
      }
    })();
    expect(err).toBeInstanceOf(DataError);
    expect(err?.code).toBe('MW_DATA_COLUMN_NOT_FOUND');
    expect(err?.message).toContain('--drop');
    expect(err?.message).toContain("Did you mean 'income'");
    expect(() => inferSchema(frame, { target: 'smokr' })).toThrow(/Target column 'smokr' is not in the data. Did you mean 'smoker'/);
    expect(() => inferSchema(frame, { schemaFile: { path: 'x.json', columns: { citty: { type: 'text' } } } })).toThrow(
      /schema file x.json \(columns.citty\).*Did you mean 'city'/,
    );
  });

  it('rejects two roles or two types for one column', () => {
    expect(() => inferSchema(frame, { id: 'row', drop: ['row'] })).toThrow(UsageError);
    expect(() => inferSchema(frame, { id: 'row', drop: ['row'] })).toThrow(/two roles: --id and --drop/);
    expect(() => inferSchema(frame, { categorical: ['city'], text: ['city'] })).toThrow(/two types/);
  });

  it('converts nothing: inference only reads the frame', () => {
    const f = Frame.fromColumns([float64Column('zip', Float64Array.of(10, 2, 10))]);
    const s = inferSchema(f, { categorical: ['zip'] });
    expect(s.columns[0]).toMatchObject({ dtype: 'float64', type: 'categorical' });
    expect(f.column('zip').dtype).toBe('float64');
  });
});
