import { afterAll, describe, expect, it } from 'vitest';
import type { CategoricalColumn, Column } from '../../../src/data/frame/column.js';
import { readData } from '../../../src/data/ingest/index.js';
import { fixtureDir } from './fixture-dir.js';

const dir = fixtureDir();
afterAll(() => dir.remove());

function cats(col: Column): (string | null)[] {
  const c = col as CategoricalColumn;
  expect(c.dtype).toBe('categorical');
  return Array.from(c.codes, (k) => (k < 0 ? null : c.categories[k]));
}

function nums(col: Column): number[] {
  expect(col.dtype === 'float64' || col.dtype === 'datetime').toBe(true);
  return Array.from((col as { values: Float64Array }).values);
}

describe('readData: CSV', () => {
  it('maps ints, floats, strings, booleans, dates and missing values to Frame columns', async () => {
    const path = dir.file(
      'types.csv',
      ['i,f,s,b,d,ts', '1,1.5,x,true,2024-01-02,2024-01-02 03:04:05', ',-2.25,,false,,', '3,,y,,2024-03-01,'].join('\n') + '\n',
    );
    const f = await readData(path);
    expect(f.names).toEqual(['i', 'f', 's', 'b', 'd', 'ts']);
    expect(nums(f.column('i'))).toEqual([1, Number.NaN, 3]);
    expect(nums(f.column('f'))).toEqual([1.5, -2.25, Number.NaN]);
    expect(cats(f.column('s'))).toEqual(['x', null, 'y']);
    expect(cats(f.column('b'))).toEqual(['true', 'false', null]);
    // CSV booleans keep the file's spelling (a 'yes'/'no' label stays 'yes'/'no'); Parquet
    // BOOLEAN columns map to 'false'/'true' (read-formats.test.ts).
    expect((f.column('b') as CategoricalColumn).categories).toEqual(['true', 'false']);
    expect(f.column('d').dtype).toBe('datetime');
    expect(nums(f.column('d'))).toEqual([Date.UTC(2024, 0, 2), Number.NaN, Date.UTC(2024, 2, 1)]);
    expect(nums(f.column('ts'))).toEqual([Date.UTC(2024, 0, 2, 3, 4, 5), Number.NaN, Number.NaN]);
  });

  it('reads a timestamp with a zone offset as UTC epoch ms', async () => {
    const path = dir.file('tz.csv', 'when,v\n2024-01-02T03:04:05+02:00,1\n2024-01-02T00:00:00Z,2\n');
    const f = await readData(path);
    expect(nums(f.column('when'))).toEqual([Date.UTC(2024, 0, 2, 1, 4, 5), Date.UTC(2024, 0, 2)]);
  });

  it('reads gzip-compressed CSV', async () => {
    const path = dir.file('plain.csv.gz', 'a,b\n1,x\n2,y\n');
    const f = await readData(path);
    expect(nums(f.column('a'))).toEqual([1, 2]);
    expect(cats(f.column('b'))).toEqual(['x', 'y']);
  });

  it('sniffs a semicolon delimiter and quoted fields holding delimiters and newlines', async () => {
    const path = dir.file('semi.csv', 'id;name;note\n1;"Smith; John";"two\nlines"\n2;Doe;"say ""hi"""\n3;Roe;plain\n');
    const f = await readData(path);
    expect(f.names).toEqual(['id', 'name', 'note']);
    expect(cats(f.column('name'))).toEqual(['Smith; John', 'Doe', 'Roe']);
    expect(cats(f.column('note'))).toEqual(['two\nlines', 'say "hi"', 'plain']);
  });

  it('reads CRLF line endings (and a quoted CRLF inside a value)', async () => {
    const f = await readData(dir.file('crlf.csv', 'a,s\r\n1,x\r\n2,"y\r\nz"\r\n3,w\r\n'));
    expect(nums(f.column('a'))).toEqual([1, 2, 3]);
    expect(cats(f.column('s'))).toEqual(['x', 'y\r\nz', 'w']);
  });

  it('reads TSV by extension and tab-delimited .csv by sniffing', async () => {
    const tsv = await readData(dir.file('t.tsv', 'a\tb\n1\tx y\n2\tz\n'));
    expect(cats(tsv.column('b'))).toEqual(['x y', 'z']);
    const sniffed = await readData(dir.file('tabs.csv', 'a\tb\n1\tp\n2\tq\n'));
    expect(sniffed.names).toEqual(['a', 'b']);
  });

  it('takes delimiter, quote and header from options over sniffing', async () => {
    const path = dir.file('pipes.csv', "1|'a|b'\n2|'c'\n");
    const f = await readData(path, { delimiter: '|', quote: "'", header: false });
    expect(f.nRows).toBe(2);
    expect(cats(f.column(f.names[1]))).toEqual(['a|b', 'c']);
  });

  it('forces listed columns to categorical, keeping the text as written', async () => {
    const path = dir.file('zip.csv', 'zip,n\n00501,1\n10001,2\n00501,3\n');
    const f = await readData(path, { categorical: ['zip'] });
    expect(cats(f.column('zip'))).toEqual(['00501', '10001', '00501']);
    expect(f.column('n').dtype).toBe('float64');
  });

  it('selects columns in the order given and stops at limitRows', async () => {
    const path = dir.file('sel.csv', 'a,b,c\n1,2,3\n4,5,6\n7,8,9\n');
    const f = await readData(path, { columns: ['c', 'a'], limitRows: 2 });
    expect(f.names).toEqual(['c', 'a']);
    expect(nums(f.column('c'))).toEqual([3, 6]);
  });

  it('reads a column as text when a value past the sniffed sample is not a number', async () => {
    const lines = ['x,y'];
    for (let i = 0; i < 30_000; i++) lines.push(`${i},${i % 7}`);
    lines.push('n/a-value,1');
    const f = await readData(dir.file('late.csv', `${lines.join('\n')}\n`));
    expect(f.nRows).toBe(30_001);
    expect(f.column('x').dtype).toBe('categorical');
    expect(cats(f.column('x'))[30_000]).toBe('n/a-value');
    expect(f.column('y').dtype).toBe('float64');
  });

  it('keeps a column numeric when a decimal follows a long run of whole numbers', async () => {
    const lines = ['n'];
    for (let i = 0; i < 30_000; i++) lines.push(String(i));
    lines.push('12.5');
    const f = await readData(dir.file('late-decimal.csv', `${lines.join('\n')}\n`));
    expect(f.column('n').dtype).toBe('float64');
    expect(nums(f.column('n'))[30_000]).toBe(12.5);
  });

  it('encodes long values that first appear after the sampled rows', async () => {
    const values: string[] = [];
    for (let i = 0; i < 3000; i++) values.push(`s${i % 5}`);
    for (let i = 0; i < 3000; i++) values.push(i % 3 === 0 ? `a long value past the sample number ${i % 4}` : `s${i % 5}`);
    const f = await readData(dir.file('late-long.csv', `v\n${values.join('\n')}\n`));
    expect(cats(f.column('v'))).toEqual(values);
    expect((f.column('v') as CategoricalColumn).categories.length).toBe(5 + 4);
  });

  it('dictionary-encodes long and short strings alike, with stable first-seen codes', async () => {
    const long = 'a fairly long category value beyond twelve bytes';
    const values = ['short', long, 'short', `${long}!`, long, 'é-ünïcode-ß', null];
    const path = dir.file('strings.csv', `s\n${values.map((v) => (v === null ? '' : `"${v}"`)).join('\n')}\n`);
    const f = await readData(path);
    const col = f.column('s') as CategoricalColumn;
    expect(cats(col)).toEqual(values);
    expect(col.categories).toEqual(['short', long, `${long}!`, 'é-ünïcode-ß']);
  });
});
