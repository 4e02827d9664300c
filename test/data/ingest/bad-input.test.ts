import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError, type ErrorCode } from '../../../src/errors.js';
import { parseSource, readData, scanData } from '../../../src/data/ingest/index.js';
import { fixtureDir } from './fixture-dir.js';

const dir = fixtureDir();
afterAll(() => dir.remove());

/** The DataError `promise` rejects with, checked for code and a message free of stack frames. */
async function failure(promise: Promise<unknown>, code: ErrorCode): Promise<DataError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected a rejection').toBeInstanceOf(DataError);
  const e = err as DataError;
  expect(e.code).toBe(code);
  expect(e.message).not.toMatch(/\n\s+at /);
  expect(e.message.length).toBeLessThan(400);
  return e;
}

describe('readData: bad input gives a specific, coded error', () => {
  it('missing file, with close names from its folder', async () => {
    dir.file('train.csv', 'a\n1\n');
    const e = await failure(readData(dir.path('trian.csv')), 'MW_DATA_FILE_NOT_FOUND');
    expect(e.message).toContain('trian.csv');
    expect(e.message).toContain("Did you mean 'train.csv'");
  });

  it('a directory', async () => {
    const e = await failure(readData(dir.root), 'MW_DATA_UNREADABLE');
    expect(e.message).toContain('directory');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir.path('looks-like.csv'));
    await failure(readData(dir.path('looks-like.csv')), 'MW_DATA_UNREADABLE');
  });

  it('binary garbage', async () => {
    const e = await failure(readData(dir.file('garbage.csv', randomBytes(4096))), 'MW_DATA_UNREADABLE');
    expect(e.message).toMatch(/binary|delimiter/);
  });

  it('a .gz file that is not gzip, and a .parquet file that is not Parquet', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(dir.path('fake.csv.gz'), 'a,b\n1,2\n');
    await failure(readData(dir.path('fake.csv.gz')), 'MW_DATA_UNREADABLE');
    const e = await failure(readData(dir.file('fake.parquet', 'a,b\n1,2\n')), 'MW_DATA_UNREADABLE');
    expect(e.message).toContain('Parquet');
  });

  it('malformed JSON', async () => {
    await failure(readData(dir.file('bad.json', '[{"a": 1}, {"a": ')), 'MW_DATA_UNREADABLE');
  });

  it('an empty file (0 bytes) and a header-only file', async () => {
    const e = await failure(readData(dir.file('empty.csv', '')), 'MW_DATA_EMPTY');
    expect(e.message).toContain('0 bytes');
    const h = await failure(readData(dir.file('header.csv', 'a,b,c\n')), 'MW_DATA_EMPTY');
    expect(h.message).toContain('no data rows');
    await failure(scanData(dir.path('header.csv')).next(), 'MW_DATA_EMPTY');
  });

  it('a ragged row with too many fields names its line', async () => {
    const e = await failure(readData(dir.file('long.csv', 'a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n')), 'MW_DATA_RAGGED_ROW');
    expect(e.message).toContain('Line 3');
    expect(e.details).toMatchObject({ line: 3, expected: 3, found: 4 });
  });

  it('a ragged row with too few fields names its line', async () => {
    const e = await failure(readData(dir.file('short.csv', 'a,b,c\n1,2,3\n4,5,6\n7,8\n9,10,11\n')), 'MW_DATA_RAGGED_ROW');
    expect(e.message).toContain('Line 4');
  });

  it('a ragged row beyond the sniffer sample names its line', async () => {
    const lines = ['a,b'];
    for (let i = 0; i < 40_000; i++) lines.push(`${i},${i}`);
    lines.push('1,2,3');
    const e = await failure(readData(dir.file('late-ragged.csv', `${lines.join('\n')}\n`)), 'MW_DATA_RAGGED_ROW');
    expect(e.details.line).toBe(40_002);
    expect(e.message).toContain('Line 40002');
  });

  it('a ragged row when the delimiter is given explicitly', async () => {
    const e = await failure(readData(dir.file('semi-ragged.csv', 'a;b\n1;2\n3;4;5\n'), { delimiter: ';' }), 'MW_DATA_RAGGED_ROW');
    expect(e.message).toContain('Line 3');
  });

  it('an unclosed quote names its line', async () => {
    const e = await failure(readData(dir.file('quote.csv', 'a,b,c\n1,2,3\n"4,5,6\n7,8,9\n'), { quote: '"' }), 'MW_DATA_RAGGED_ROW');
    expect(e.message).toMatch(/Line 3/);
  });

  it('an unsupported extension lists the supported ones', async () => {
    const e = await failure(readData(dir.file('book.xlsx', 'x')), 'MW_DATA_UNSUPPORTED_FORMAT');
    expect(e.message).toContain('.xlsx');
    for (const ext of ['.csv', '.tsv', '.parquet', '.json', '.ndjson', '.csv.gz']) expect(e.message).toContain(ext);
  });

  it('a SQL error quotes DuckDB without a stack', async () => {
    const e = await failure(readData(parseSource('', { sql: 'selec 1' })), 'MW_DATA_SQL');
    expect(e.message).toMatch(/syntax error/i);
    const missing = await failure(readData(parseSource('', { sql: `select * from '${dir.path('nope.parquet')}'` })), 'MW_DATA_FILE_NOT_FOUND');
    expect(missing.message).toContain('nope.parquet');
    await failure(readData(parseSource('', { sql: 'select 1 as a, 2 as a' })), 'MW_DATA_DUPLICATE_COLUMN');
  });

  it('a header naming a column twice', async () => {
    const e = await failure(readData(dir.file('dup.csv', 'a,b,a\n1,2,3\n')), 'MW_DATA_DUPLICATE_COLUMN');
    expect(e.message).toContain("'a'");
  });

  it('an option naming a column that is not there suggests close names', async () => {
    const path = dir.file('cols.csv', 'price,qty\n1,2\n');
    const e = await failure(readData(path, { columns: ['prices'] }), 'MW_DATA_COLUMN_NOT_FOUND');
    expect(e.message).toContain("Did you mean 'price'");
    await failure(readData(path, { categorical: ['nope'] }), 'MW_DATA_COLUMN_NOT_FOUND');
  });

  it('a scan that meets a late non-numeric value says which column to read as text', async () => {
    const lines = ['x'];
    for (let i = 0; i < 30_000; i++) lines.push(String(i));
    lines.push('oops');
    const path = dir.file('late-scan.csv', `${lines.join('\n')}\n`);
    const run = async () => {
      for await (const _ of scanData(path, { batchRows: 100_000 })) void _;
    };
    const e = await failure(run(), 'MW_DATA_UNREADABLE');
    expect(e.message).toContain("'oops'");
    expect(e.hint).toContain("categorical: ['x']");
  });
});
