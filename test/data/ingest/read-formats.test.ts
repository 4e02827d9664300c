import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CategoricalColumn, Column } from '../../../src/data/frame/column.js';
import { parseSource, readData } from '../../../src/data/ingest/index.js';
import { fixtureDir } from './fixture-dir.js';

const dir = fixtureDir();
afterAll(() => dir.remove());

function cats(col: Column): (string | null)[] {
  const c = col as CategoricalColumn;
  expect(c.dtype).toBe('categorical');
  return Array.from(c.codes, (k) => (k < 0 ? null : c.categories[k]));
}

function nums(col: Column): number[] {
  return Array.from((col as { values: Float64Array }).values);
}

/** A Parquet fixture with one column of each interesting DuckDB type, written by DuckDB. */
beforeAll(async () => {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run(`CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')`);
  await con.run(`COPY (
    SELECT * FROM (VALUES
      (1::TINYINT, 10::BIGINT, 1.5::FLOAT, 2.25::DECIMAL(10,2), 'a', true, DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05', 'ok'::mood, 7::HUGEINT),
      (NULL, -3::BIGINT, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (3::TINYINT, 30::BIGINT, -0.5::FLOAT, 0.1::DECIMAL(10,2), 'b', false, DATE '1969-12-31', TIMESTAMP '1970-01-01 00:00:00.250', 'happy'::mood, -1::HUGEINT)
    ) t(i8, i64, f32, dec, s, b, d, ts, e, h)
  ) TO '${dir.path('types.parquet')}' (FORMAT parquet)`);
  await con.run(`COPY (SELECT range AS id, 'n' || range AS name FROM range(5)) TO '${dir.path('people.parquet')}' (FORMAT parquet)`);
  con.closeSync();
});

describe('readData: Parquet, JSON, NDJSON and SQL', () => {
  it('maps every numeric width to float64 and dates to epoch ms from Parquet', async () => {
    const f = await readData(dir.path('types.parquet'));
    expect(f.nRows).toBe(3);
    expect(nums(f.column('i8'))).toEqual([1, Number.NaN, 3]);
    expect(nums(f.column('i64'))).toEqual([10, -3, 30]);
    expect(nums(f.column('f32'))).toEqual([1.5, Number.NaN, -0.5]);
    expect(nums(f.column('dec'))).toEqual([2.25, Number.NaN, 0.1]);
    expect(nums(f.column('h'))).toEqual([7, Number.NaN, -1]);
    expect(cats(f.column('s'))).toEqual(['a', null, 'b']);
    expect(cats(f.column('b'))).toEqual(['true', null, 'false']);
    expect(f.column('d').dtype).toBe('datetime');
    expect(nums(f.column('d'))).toEqual([Date.UTC(2024, 0, 2), Number.NaN, Date.UTC(1969, 11, 31)]);
    expect(nums(f.column('ts'))).toEqual([Date.UTC(2024, 0, 2, 3, 4, 5), Number.NaN, 250]);
  });

  it('keeps an ENUM column as categorical with its own dictionary', async () => {
    const f = await readData(dir.path('types.parquet'), { columns: ['e'] });
    expect(cats(f.column('e'))).toEqual(['ok', null, 'happy']);
  });

  it('renders numbers as text for columns forced categorical', async () => {
    const f = await readData(dir.path('types.parquet'), { categorical: ['i64'] });
    expect(cats(f.column('i64'))).toEqual(['10', '-3', '30']);
  });

  it('reads a JSON array of objects and NDJSON', async () => {
    const json = await readData(dir.file('rows.json', '[{"a": 1, "b": "x"}, {"a": 2.5, "b": null}]'));
    expect(nums(json.column('a'))).toEqual([1, 2.5]);
    expect(cats(json.column('b'))).toEqual(['x', null]);
    const nd = await readData(dir.file('rows.ndjson', '{"a": 1, "c": true}\n{"a": null, "c": false}\n{"a": 3}\n'));
    expect(nums(nd.column('a'))).toEqual([1, Number.NaN, 3]);
    expect(cats(nd.column('c'))).toEqual(['true', 'false', null]);
    const jsonl = await readData(dir.file('rows.jsonl.gz', '{"k": "v"}\n{"k": "w"}\n'));
    expect(cats(jsonl.column('k'))).toEqual(['v', 'w']);
  });

  it('reads a SQL query joining a Parquet file and a CSV file', async () => {
    const scores = dir.file('scores.csv', 'id,score\n1,0.5\n3,0.75\n4,1\n');
    const query = `SELECT p.id, p.name, s.score FROM '${dir.path('people.parquet')}' p JOIN '${scores}' s USING (id) ORDER BY p.id`;
    const f = await readData(parseSource('', { sql: query }));
    expect(nums(f.column('id'))).toEqual([1, 3, 4]);
    expect(cats(f.column('name'))).toEqual(['n1', 'n3', 'n4']);
    expect(nums(f.column('score'))).toEqual([0.5, 0.75, 1]);
  });

  it('dictionary-encodes thousands of distinct short and long strings exactly (seeded SQL data)', async () => {
    const query = `SELECT CASE WHEN i % 17 = 0 THEN NULL ELSE 'v' || (i * 7919 % 3001) || repeat('é', (i * 31) % 9) END AS s FROM range(20000) t(i)`;
    const f = await readData(parseSource('', { sql: query }));
    const expected = Array.from({ length: 20_000 }, (_, i) => (i % 17 === 0 ? null : `v${(i * 7919) % 3001}${'é'.repeat((i * 31) % 9)}`));
    expect(cats(f.column('s'))).toEqual(expected);
    const categories = (f.column('s') as CategoricalColumn).categories;
    expect(new Set(categories).size).toBe(categories.length);
  });

  it('accepts a plain path string as the source', async () => {
    const f = await readData(dir.file('s.csv', 'a\n1\n'));
    expect(f.nRows).toBe(1);
  });
});
