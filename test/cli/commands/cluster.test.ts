/** `modelwright cluster` end to end (in-process main()), with --json and each bad input. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseModelFile } from '../../../src/learners/model-file.js';
import { runCli } from '../run-cli.js';
import { GROUP_ROWS, OUTLIER_ROWS, writeGroupsCsv } from './unsupervised-data.js';

let dir: string;
let csv: string;
beforeAll(() => ({ dir, csv } = writeGroupsCsv()));

function clusterColumn(path: string): number[] {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  expect(header).toEqual(['customer_id', 'spend', 'visits', 'segment', 'cluster']);
  return lines.slice(1).map((l) => Number(l.split(',').at(-1)));
}

describe('modelwright cluster', () => {
  it('chooses k by silhouette, explains it, profiles each cluster, writes rows + cluster', async () => {
    // Three groups plus three far-away rows: the far rows are a fourth (tight) cluster.
    const out = join(dir, 'clusters.csv');
    const model = join(dir, 'kmeans.json');
    const r = await runCli('cluster', csv, '--k', 'auto', '--drop', 'segment', '--seed', '3', '--out', out, '--model-out', model, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j).toMatchObject({ method: 'kmeans', k: 4, rows: GROUP_ROWS + OUTLIER_ROWS, features: ['spend', 'visits'] });
    expect(j.reason).toMatch(/^k=4 has the highest silhouette/);
    expect(j.scores.map((s: any) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(j.ignored.map((s: any) => s.name).sort()).toEqual(['customer_id', 'segment']);
    expect(j.clusters).toHaveLength(4);
    expect(Math.min(...j.clusters.map((c: any) => c.size))).toBe(OUTLIER_ROWS);
    expect(j.clusters.reduce((s: number, c: any) => s + c.size, 0)).toBe(GROUP_ROWS + OUTLIER_ROWS);
    for (const c of j.clusters) {
      expect(c.profile.length).toBeGreaterThan(0);
      expect(Object.keys(c.profile[0])).toEqual(expect.arrayContaining(['feature', 'cluster_mean', 'overall_mean', 'z']));
    }
    const labels = clusterColumn(out);
    expect(labels).toHaveLength(GROUP_ROWS + OUTLIER_ROWS);
    expect(new Set(labels.slice(0, GROUP_ROWS).filter((_, i) => i % 3 === 0)).size).toBe(1); // a group stays together
    expect(parseModelFile(readFileSync(model, 'utf8'), model).payload.model.kind).toBe('kmeans');
  });

  it('profiles categorical columns with a lift, and runs gmm with a given k', async () => {
    const r = await runCli('cluster', csv, '--method', 'gmm', '--k', '3', '--out', join(dir, 'gmm.csv'), '--json');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j).toMatchObject({ method: 'gmm', k: 3, reason: 'k=3 as given.' });
    expect(j.scores[0]).toMatchObject({ k: 3, bic: expect.any(Number), aic: expect.any(Number) });
    const cat = j.clusters.flatMap((c: any) => c.profile).find((p: any) => p.feature === 'segment');
    expect(cat).toMatchObject({ kind: 'categorical', lift: expect.any(Number), cluster_share: expect.any(Number) });
  });

  it('labels DBSCAN noise -1 and prints a human summary without --json', async () => {
    const out = join(dir, 'db.csv');
    const r = await runCli('cluster', csv, '--method', 'dbscan', '--drop', 'segment', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Clustered 243 rows into 3 cluster\(s\) with dbscan\.\nWhy: eps=/);
    expect(r.stdout).toContain('noise (-1)');
    expect(clusterColumn(out).slice(-OUTLIER_ROWS)).toEqual([-1, -1, -1]);
  });

  it('rejects bad input with typed errors and exit codes', async () => {
    const out = join(dir, 'bad.csv');
    const k1 = await runCli('cluster', csv, '--k', '1', '--out', out, '--json');
    expect(k1.code).toBe(2);
    expect(k1.json().error.code).toBe('MW_PARAM_INVALID');
    const kRows = await runCli('cluster', csv, '--k', '500', '--out', out, '--json');
    expect(kRows.code).toBe(1);
    expect(kRows.json().error.code).toBe('MW_DATA_TOO_SMALL');
    const kText = await runCli('cluster', csv, '--k', 'many', '--out', out);
    expect(kText.code).toBe(2);
    expect(kText.stderr).toMatch(/--k must be an integer ≥ 2 or 'auto'\. Got 'many' instead/);
    const method = await runCli('cluster', csv, '--method', 'kmean', '--out', out);
    expect(method.code).toBe(2);
    expect(method.stderr).toMatch(/Did you mean 'kmeans'/);
    const drop = await runCli('cluster', csv, '--drop', 'spnd', '--out', out, '--json');
    expect(drop.code).toBe(1);
    expect(drop.json().error).toMatchObject({ code: 'MW_DATA_COLUMN_NOT_FOUND', message: expect.stringMatching(/Did you mean 'spend'/) });
    const none = await runCli('cluster', csv, '--drop', 'spend,visits,segment', '--out', out, '--json');
    expect(none.code).toBe(1);
    expect(none.json().error.code).toBe('MW_DATA_NO_FEATURES');
    const dbK = await runCli('cluster', csv, '--method', 'dbscan', '--k', '3', '--out', out);
    expect(dbK.code).toBe(2);
    const noOut = await runCli('cluster', csv);
    expect(noOut.code).toBe(2);
  });
});
