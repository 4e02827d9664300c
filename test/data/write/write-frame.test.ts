import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { categoricalColumn, datetimeColumn, float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { readData } from '../../../src/data/ingest/index.js';
import { csvField, openFrameWriter, writeFrame } from '../../../src/data/write/index.js';
import { fixtureDir } from '../ingest/fixture-dir.js';

const dir = fixtureDir('mw-write-');
afterAll(() => dir.remove());

/** Numbers of every awkward kind, text needing quotes, missing values and datetimes. */
function sample(): Frame {
  return Frame.fromColumns([
    float64Column('x', Float64Array.of(1, -2.5, Number.NaN, 1e-300, 123456789.125, 0.1 + 0.2)),
    categoricalColumn('label', Int32Array.of(0, 1, -1, 2, 3, 0), ['plain', 'with, comma', 'say "hi"', 'two\nlines']),
    datetimeColumn('when', Float64Array.of(Date.UTC(2024, 0, 2, 3, 4, 5, 6), Number.NaN, 0, Date.UTC(1999, 11, 31), 1e12, -86_400_000)),
  ]);
}

const noTempFiles = () => expect(readdirSync(dir.root).filter((f) => f.includes('.tmp-'))).toEqual([]);

describe('writeFrame', () => {
  it('writes RFC 4180 CSV: quoting, empty missing values, ISO datetimes', async () => {
    const path = dir.path('out.csv');
    await writeFrame(sample(), path);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[0]).toBe('x,label,when');
    expect(lines[1]).toBe('1,plain,2024-01-02T03:04:05.006Z');
    expect(lines[2]).toBe('-2.5,"with, comma",');
    expect(lines[3]).toBe(',,1970-01-01T00:00:00.000Z');
    expect(lines[4]).toBe('1e-300,"say ""hi""",1999-12-31T00:00:00.000Z');
    expect(lines[5]).toBe('123456789.125,"two');
    expect(csvField(' padded', ',')).toBe('" padded"');
    noTempFiles();
  });

  it('round-trips through CSV: numbers exactly, categories and datetimes', async () => {
    const frame = sample();
    const path = dir.path('round.csv');
    await writeFrame(frame, path);
    const back = await readData(path);
    expect(back.toRows()).toEqual(frame.toRows());
    expect(back.column('when').dtype).toBe('datetime');
  });

  it('round-trips through Parquet with dtypes kept', async () => {
    const frame = sample();
    const path = dir.path('round.parquet');
    await writeFrame(frame, path);
    expect(readFileSync(path).subarray(0, 4).toString()).toBe('PAR1');
    const back = await readData(path);
    expect(back.columns.map((c) => c.dtype)).toEqual(['float64', 'categorical', 'datetime']);
    expect(back.toRows()).toEqual(frame.toRows());
    noTempFiles();
  });

  it('writes TSV by extension', async () => {
    const path = dir.path('out.tsv');
    await writeFrame(Frame.fromArrays({ a: [1, 2], b: ['x\ty', 'z'] }), path);
    expect(readFileSync(path, 'utf8')).toBe('a\tb\n1\t"x\ty"\n2\tz\n');
  });

  it('keeps the rows of a one-column frame with missing values', async () => {
    const path = dir.path('one.csv');
    await writeFrame(Frame.fromColumns([float64Column('v', Float64Array.of(1, Number.NaN, 3))]), path);
    const back = await readData(path);
    expect(back.nRows).toBe(3);
  });

  it('rejects an unsupported output extension', async () => {
    await expect(writeFrame(sample(), dir.path('out.xlsx'))).rejects.toMatchObject({ code: 'MW_DATA_UNSUPPORTED_FORMAT' });
  });
});

describe('openFrameWriter (batch by batch)', () => {
  for (const ext of ['csv', 'parquet']) {
    it(`streams batches to ${ext}; the file appears only on commit`, async () => {
      const path = dir.path(`stream.${ext}`);
      const writer = await openFrameWriter(path);
      const all = Frame.fromArrays({ id: Array.from({ length: 5000 }, (_, i) => i), grp: Array.from({ length: 5000 }, (_, i) => `g${i % 7}`) });
      for (let s = 0; s < all.nRows; s += 1500) await writer.write(all.slice(s, s + 1500));
      expect(existsSync(path)).toBe(false);
      await writer.commit();
      const back = await readData(path);
      expect(back.toRows()).toEqual(all.toRows());
      noTempFiles();
    });

    it(`abort leaves no ${ext} file behind`, async () => {
      const path = dir.path(`aborted.${ext}`);
      const writer = await openFrameWriter(path);
      await writer.write(sample());
      await writer.abort();
      expect(existsSync(path)).toBe(false);
      noTempFiles();
    });
  }

  it('refuses a batch whose columns differ from the first', async () => {
    const writer = await openFrameWriter(dir.path('mixed.csv'));
    await writer.write(Frame.fromArrays({ a: [1] }));
    await expect(writer.write(Frame.fromArrays({ b: [1] }))).rejects.toMatchObject({ code: 'MW_WRITE_FAILED' });
    await writer.abort();
  });
});
