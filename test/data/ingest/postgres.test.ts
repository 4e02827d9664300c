import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CategoricalColumn, Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { parseSource, readData, scanData } from '../../../src/data/ingest/index.js';
import { parsePgTimestamp } from '../../../src/data/ingest/postgres-columns.js';
import { redactUrl } from '../../../src/data/ingest/postgres.js';
import { DataError } from '../../../src/errors.js';

function cats(col: Column): (string | null)[] {
  const c = col as CategoricalColumn;
  expect(c.dtype).toBe('categorical');
  return Array.from(c.codes, (k) => (k < 0 ? null : c.categories[k]));
}

const nums = (col: Column) => Array.from((col as { values: Float64Array }).values);

describe('PostgreSQL source: always-run checks', () => {
  it('a refused connection is MW_DATA_POSTGRES, with the password masked', async () => {
    const url = 'postgres://me:secret@127.0.0.1:1/x';
    const err = await readData(parseSource(url, { table: 't' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe('MW_DATA_POSTGRES');
    expect((err as DataError).message).toMatch(/ECONNREFUSED|connect/);
    expect((err as DataError).message).not.toContain('secret');
  });

  it('parses PostgreSQL date and timestamp text as UTC epoch ms', () => {
    expect(parsePgTimestamp('2024-01-02')).toBe(Date.UTC(2024, 0, 2));
    expect(parsePgTimestamp('2024-01-02 03:04:05.25')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 250));
    expect(parsePgTimestamp('2024-01-02 03:04:05+02')).toBe(Date.UTC(2024, 0, 2, 1, 4, 5));
    expect(parsePgTimestamp('2024-01-02 03:04:05.123456-05:30')).toBe(Date.UTC(2024, 0, 2, 8, 34, 5, 123));
    expect(parsePgTimestamp('infinity')).toBeNaN();
    expect(redactUrl('postgresql://u:p%40ss@h:5432/db')).toBe('postgresql://u:***@h:5432/db');
  });
});

const PG_URL = process.env.MODELWRIGHT_TEST_PG_URL;
const TABLE = `mw_ingest_test_${process.pid}`;

describe.skipIf(!PG_URL)('PostgreSQL source against a live server (MODELWRIGHT_TEST_PG_URL)', () => {
  beforeAll(async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await client.query(`CREATE TABLE ${TABLE} (id int8, x float8, amount numeric(10,2), name text, flag boolean, born date, seen timestamptz, code varchar(5))`);
    await client.query(`INSERT INTO ${TABLE}
      SELECT g, CASE WHEN g % 10 = 0 THEN NULL ELSE g * 0.5 END, g / 4.0, 'name ' || (g % 3), g % 2 = 0,
             DATE '2024-01-01' + g, TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 hour', lpad((g % 5)::text, 3, '0')
      FROM generate_series(1, 2500) g`);
    await client.end();
  });

  afterAll(async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await client.end();
  });

  it('reads a table and maps PostgreSQL types to Frame columns', async () => {
    const f = await readData(parseSource(PG_URL!, { table: TABLE }));
    expect(f.nRows).toBe(2500);
    expect(f.names).toEqual(['id', 'x', 'amount', 'name', 'flag', 'born', 'seen', 'code']);
    const first = f.slice(0, 2);
    expect(nums(first.column('id'))).toEqual([1, 2]);
    expect(nums(first.column('x'))).toEqual([0.5, 1]);
    expect(nums(first.column('amount'))).toEqual([0.25, 0.5]);
    expect(Number.isNaN((f.column('x') as { values: Float64Array }).values[9])).toBe(true);
    expect(cats(first.column('name'))).toEqual(['name 1', 'name 2']);
    expect(cats(first.column('flag'))).toEqual(['false', 'true']);
    expect(nums(first.column('born'))).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)]);
    expect(nums(first.column('seen'))).toEqual([Date.UTC(2024, 0, 1, 1), Date.UTC(2024, 0, 1, 2)]);
    expect(cats(first.column('code'))).toEqual(['001', '002']);
  });

  it('reads a query, with column selection, forced categoricals and a row limit', async () => {
    const src = parseSource(PG_URL!, { query: `SELECT id, name, code FROM ${TABLE} WHERE id > 100 ORDER BY id` });
    const f = await readData(src, { columns: ['code', 'id'], categorical: ['id'], limitRows: 3 });
    expect(f.names).toEqual(['code', 'id']);
    expect(cats(f.column('id'))).toEqual(['101', '102', '103']);
  });

  it('scans in batches that concatenate to the whole read', async () => {
    const src = parseSource(PG_URL!, { query: `SELECT * FROM ${TABLE} ORDER BY id` });
    const whole = await readData(src);
    const parts: Frame[] = [];
    for await (const b of scanData(src, { batchRows: 1000 })) parts.push(b);
    expect(parts.map((p) => p.nRows)).toEqual([1000, 1000, 500]);
    expect(Frame.concat(parts).toRows()).toEqual(whole.toRows());
  });

  it('a missing table or a bad query is MW_DATA_POSTGRES quoting the server', async () => {
    const err = await readData(parseSource(PG_URL!, { table: 'no_such_table_here' })).catch((e: unknown) => e);
    expect((err as DataError).code).toBe('MW_DATA_POSTGRES');
    expect((err as DataError).message).toContain('does not exist');
    const empty = await readData(parseSource(PG_URL!, { query: `SELECT * FROM ${TABLE} WHERE false` })).catch((e: unknown) => e);
    expect((empty as DataError).code).toBe('MW_DATA_EMPTY');
  });
});

describe.skipIf(PG_URL)('PostgreSQL source against a live server', () => {
  it.skip('skipped: set MODELWRIGHT_TEST_PG_URL=postgres://… to run the live-server tests', () => undefined);
});
