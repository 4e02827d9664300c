import { afterAll, describe, expect, it } from 'vitest';
import { Frame } from '../../../src/data/frame/frame.js';
import { readData, scanData } from '../../../src/data/ingest/index.js';
import { fixtureDir } from './fixture-dir.js';

const dir = fixtureDir();
afterAll(() => dir.remove());

/** A seeded CSV with numbers, missing values and categoricals whose levels appear late. */
function seededCsv(rows: number): string {
  let s = 12345;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const lines = ['n,x,c,long'];
  for (let i = 0; i < rows; i++) {
    const x = rand() < 0.1 ? '' : (rand() * 100).toFixed(3);
    const c = rand() < 0.05 ? '' : `lvl${Math.floor(rand() * rand() * (5 + i / 500))}`;
    lines.push(`${i},${x},${c},category number ${i % 17} with a long name`);
  }
  return `${lines.join('\n')}\n`;
}

describe('scanData', () => {
  const path = dir.file('scan.csv', seededCsv(10_000));

  it('yields batches of at most batchRows rows that concatenate to readData', async () => {
    const whole = await readData(path);
    const sizes: number[] = [];
    const batches: Frame[] = [];
    for await (const b of scanData(path, { batchRows: 3000 })) {
      sizes.push(b.nRows);
      batches.push(b);
    }
    expect(sizes).toEqual([3000, 3000, 3000, 1000]);
    const joined = Frame.concat(batches);
    expect(joined.names).toEqual(whole.names);
    expect(joined.toRows()).toEqual(whole.toRows());
  });

  it('splits DuckDB chunks at batch boundaries that are not multiples of 2048 or 8', async () => {
    const whole = await readData(path);
    const batches: Frame[] = [];
    for await (const b of scanData(path, { batchRows: 777 })) batches.push(b);
    expect(batches.length).toBe(Math.ceil(10_000 / 777));
    expect(Frame.concat(batches).toRows()).toEqual(whole.toRows());
  });

  it('gives each batch its own dictionary; strings, not codes, are comparable across batches', async () => {
    const first: string[] = [];
    for await (const b of scanData(path, { batchRows: 5000 })) {
      const c = b.column('c');
      if (c.dtype === 'categorical') first.push(c.categories.join('|'));
    }
    expect(first.length).toBe(2);
    expect(first[0]).not.toEqual(first[1]);
  });

  it('stops early when the consumer breaks, and honours limitRows', async () => {
    let seen = 0;
    for await (const b of scanData(path, { batchRows: 1000 })) {
      seen += b.nRows;
      if (seen >= 2000) break;
    }
    expect(seen).toBe(2000);
    let limited = 0;
    for await (const b of scanData(path, { batchRows: 400, limitRows: 1000 })) limited += b.nRows;
    expect(limited).toBe(1000);
  });

  it('rejects a batch size that is not a positive integer', async () => {
    await expect(scanData(path, { batchRows: 0 }).next()).rejects.toMatchObject({ code: 'MW_PARAM_INVALID' });
  });
});
