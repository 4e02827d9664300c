/**
 * `modelwright profile` over every dataset of ../shared/datasets/manifest.json (resolved from
 * the repository root, as in CI): it must finish and report the manifest's row and column
 * counts, and infer the manifest's task for classification and regression datasets.
 * Skipped when the shared datasets are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const datasets = join(repoRoot, '..', 'shared', 'datasets');
const manifestPath = join(datasets, 'manifest.json');

interface Entry {
  name: string;
  file: string;
  task: string;
  target: string;
  rows: number;
  columns: number;
}

const manifest: Entry[] = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : [];

describe.skipIf(manifest.length === 0)('profile on every shared dataset', () => {
  it.each(manifest.map((d) => [d.name, d] as const))('%s', async (_name, d) => {
    const r = await runCli('profile', join(datasets, d.file), '--target', d.target, '--json');
    expect(r.stderr, r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.rows).toBe(d.rows);
    expect(j.columns).toHaveLength(d.columns);
    if (['binary', 'multiclass', 'regression'].includes(d.task)) expect(j.target.task).toBe(d.task);
  });
});
