/** `modelwright anomalies` end to end (in-process main()), with --json and bad input. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';
import { GROUP_ROWS, OUTLIER_ROWS, writeGroupsCsv } from './unsupervised-data.js';

let dir: string;
let csv: string;
beforeAll(() => ({ dir, csv } = writeGroupsCsv()));

describe('modelwright anomalies', () => {
  it('scores rows, flags the top share, lists the most anomalous', async () => {
    const out = join(dir, 'scored.csv');
    const r = await runCli('anomalies', csv, '--contamination', '0.02', '--seed', '1', '--out', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j).toMatchObject({ n: GROUP_ROWS + OUTLIER_ROWS, contamination: 0.02, n_flagged: 5 });
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['n', 'contamination', 'threshold', 'n_flagged', 'top']));
    const outliers = Array.from({ length: OUTLIER_ROWS }, (_, i) => GROUP_ROWS + i);
    expect(j.top.slice(0, OUTLIER_ROWS).map((t: any) => t.row).sort()).toEqual(outliers);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,spend,visits,segment,anomaly_score,is_anomaly');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.filter((f) => f[5] === '1')).toHaveLength(5);
    for (const f of rows.slice(-OUTLIER_ROWS)) expect(f[5]).toBe('1');
    for (const f of rows) expect(Number(f[4])).toBeGreaterThan(0);
  });

  it("flags scores above 0.5 with contamination 'auto'", async () => {
    const r = await runCli('anomalies', csv, '--out', join(dir, 'auto.csv'), '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ contamination: 'auto', threshold: 0.5 });
  });

  it('rejects a contamination outside (0, 0.5] and an unknown --drop column', async () => {
    const bad = await runCli('anomalies', csv, '--contamination', '0.9', '--out', join(dir, 'x.csv'), '--json');
    expect(bad.code).toBe(2);
    expect(bad.json().error.code).toBe('MW_PARAM_INVALID');
    const drop = await runCli('anomalies', csv, '--drop', 'visit', '--out', join(dir, 'x.csv'));
    expect(drop.code).toBe(1);
    expect(drop.stderr).toMatch(/Did you mean 'visits'/);
  });
});
