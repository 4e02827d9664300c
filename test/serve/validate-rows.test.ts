/**
 * Request rows → Frame against a synthetic contract covering every input kind: numbers,
 * categories (with and without a training dictionary, booleans), date-times; JSON and text
 * (CSV) reading; codes that index the model's own dictionary.
 */
import { describe, expect, it } from 'vitest';
import type { InputContract, InputField } from '../../src/serve/input-fields.js';
import { tableFromColumns, tableFromRows } from '../../src/serve/validate-rows.js';

const cats = ['a', 'b', 'c'];
const flags = ['False', 'True'];
const fields: InputField[] = [
  { name: 'n', kind: 'number', type: 'numeric' },
  { name: 'cat', kind: 'category', type: 'categorical', categories: cats, categoryIndex: new Map(cats.map((c, i) => [c, i])) },
  { name: 'flag', kind: 'category', type: 'boolean', categories: flags, categoryIndex: new Map(flags.map((c, i) => [c, i])) },
  { name: 'free', kind: 'category', type: 'categorical' },
  { name: 'when', kind: 'datetime', type: 'datetime' },
];
const contract: InputContract = { fields, known: new Set([...fields.map((f) => f.name), 'target']) };
const policy = { unknownCategory: 'missing', extraColumns: 'ignore' } as const;

describe('tableFromRows', () => {
  it('builds typed columns; categories index the training dictionary', () => {
    const t = tableFromRows(
      [
        { n: 1.5, cat: 'b', flag: true, free: 'x', when: '2024-01-31T12:00:00Z' },
        { n: null, cat: 'zzz', flag: false, free: 7, when: 1_700_000_000_000 },
        { n: 3, cat: null, flag: null, free: 'x', when: null },
      ],
      contract,
      policy,
    );
    const f = t.frame;
    expect(Array.from((f.column('n') as { values: Float64Array }).values)).toEqual([1.5, Number.NaN, 3]);
    const cat = f.column('cat') as { codes: Int32Array; categories: readonly string[] };
    expect(cat.categories).toBe(cats); // the model's own array: no re-coding needed
    expect(Array.from(cat.codes)).toEqual([1, -1, -1]);
    expect(Array.from((f.column('flag') as { codes: Int32Array }).codes)).toEqual([1, 0, -1]); // booleans match 'True'/'False'
    const free = f.column('free') as { codes: Int32Array; categories: readonly string[] };
    expect(free.categories).toEqual(['x', '7']);
    expect(Array.from(free.codes)).toEqual([0, 1, 0]);
    const when = f.column('when');
    expect(when.dtype).toBe('datetime');
    expect(Array.from((when as { values: Float64Array }).values)).toEqual([Date.UTC(2024, 0, 31, 12), 1_700_000_000_000, Number.NaN]);
    expect(t.record(1)).toEqual({ n: null, cat: 'zzz', flag: false, free: 7, when: 1_700_000_000_000 });
  });

  it('reads CSV text: numbers parsed, empty = missing, bad text named by row and field', () => {
    const rows = [{ n: '2.5', cat: 'a', flag: 'True', free: '', when: '2024-02-01' }, { n: '', cat: '', flag: '', free: 'q', when: '' }];
    const f = tableFromRows(rows, contract, policy, 'text', 100).frame;
    expect(Array.from((f.column('n') as { values: Float64Array }).values)).toEqual([2.5, Number.NaN]);
    expect(Array.from((f.column('free') as { codes: Int32Array }).codes)).toEqual([-1, 0]);
    expect(() => tableFromRows([{ ...rows[0], n: 'abc' }], contract, policy, 'text', 100)).toThrow("Row 100, field 'n': must be a number");
    expect(() => tableFromRows([{ ...rows[0], n: 'inf' }], contract, policy, 'text', 7)).toThrow(/Row 7, field 'n': "inf" is not a value/);
    expect(() => tableFromRows([{ ...rows[0], when: 'soon' }], contract, policy, 'text')).toThrow("Row 0, field 'when': must be an ISO 8601 date-time");
  });

  it('rejects what the policy rejects, and non-JSON types', () => {
    const strict = { unknownCategory: 'reject', extraColumns: 'reject' } as const;
    const ok = { n: 1, cat: 'a', flag: true, free: 'x', when: null, target: 'ignored' };
    expect(tableFromRows([ok], contract, strict).frame.nRows).toBe(1);
    expect(() => tableFromRows([{ ...ok, cat: 'd' }], contract, strict)).toThrow(/'d' is not a category the model was trained on. Allowed: 'a', 'b', 'c'/);
    expect(() => tableFromRows([{ ...ok, extra: 1 }], contract, strict)).toThrow("Row 0, field 'extra': the model does not take this column");
    expect(() => tableFromRows([{ ...ok, n: [1] }], contract, policy)).toThrow("Row 0, field 'n': must be a number (or null when missing). Got an array.");
    expect(() => tableFromRows([{ ...ok, when: true }], contract, policy)).toThrow(/field 'when'/);
  });

  it('columns: equal lengths, every input present', () => {
    const t = tableFromColumns({ n: [1, 2], cat: ['a', 'b'], flag: [true, false], free: ['x', 'y'], when: [null, null] }, contract, policy);
    expect(t.frame.nRows).toBe(2);
    expect(() => tableFromColumns({ n: [1], cat: ['a'], flag: [true], free: ['x'] }, contract, policy)).toThrow("The columns lack the field 'when'");
    expect(() => tableFromColumns({ n: [1, 2], cat: ['a'], flag: [true], free: ['x'], when: [null] }, contract, policy)).toThrow("Column 'cat' has 1 values but column 'n' has 2");
  });
});
