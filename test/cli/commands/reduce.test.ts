/** `modelwright reduce` end to end (in-process main()), with --json and bad input. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';
import { GROUP_ROWS, OUTLIER_ROWS, writeGroupsCsv } from './unsupervised-data.js';

let dir: string;
let csv: string;
beforeAll(() => ({ dir, csv } = writeGroupsCsv()));

describe('modelwright reduce', () => {
  it('writes PC1..PCN and reports explained variance', async () => {
    const out = join(dir, 'pcs.csv');
    const r = await runCli('reduce', csv, '--components', '2', '--keep', 'customer_id', '--out', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.components).toBe(2);
    expect(j.explained_variance).toHaveLength(2);
    expect(j.explained_variance_ratio[0]).toBeGreaterThan(j.explained_variance_ratio[1]);
    expect(j.cumulative[1]).toBeCloseTo(j.explained_variance_ratio[0] + j.explained_variance_ratio[1], 12);
    expect(j.encoded_columns).toEqual(['spend', 'visits', 'segment=bronze', 'segment=gold', 'segment=silver']);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,PC1,PC2');
    expect(lines).toHaveLength(GROUP_ROWS + OUTLIER_ROWS + 1);
  });

  it('rejects more components than columns, and a non-integer count', async () => {
    const many = await runCli('reduce', csv, '--components', '9', '--out', join(dir, 'x.csv'), '--json');
    expect(many.code).toBe(1);
    expect(many.json().error).toMatchObject({ code: 'MW_DATA_TOO_SMALL', message: expect.stringMatching(/at most 5/) });
    const text = await runCli('reduce', csv, '--components', 'two', '--out', join(dir, 'x.csv'));
    expect(text.code).toBe(2);
    const missing = await runCli('reduce', csv, '--out', join(dir, 'x.csv'));
    expect(missing.code).toBe(2);
  });
});
