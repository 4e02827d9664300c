import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';

let dir: string;
let csv: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mw-profile-cli-'));
  csv = join(dir, 'churn.csv');
  const lines = ['customer_id,age,plan,zip,monthly,churn'];
  for (let i = 0; i < 120; i++) {
    const churn = i % 3 === 0 ? 'left' : 'stayed';
    lines.push(`${1000 + i},${20 + (i % 50)},${['basic', 'pro', 'team'][i % 3]},${[10, 2, 300][i % 3]},${i % 4 === 0 ? '' : (19.5 + (i % 7)).toFixed(2)},${churn}`);
  }
  writeFileSync(csv, `${lines.join('\n')}\n`);
});

describe('modelwright profile', () => {
  it('prints the documented JSON shape', async () => {
    const r = await runCli('profile', csv, '--target', 'churn', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.rows).toBe(120);
    expect(j.columns).toHaveLength(6);
    for (const c of j.columns) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['name', 'type', 'missing', 'unique', 'role', 'dtype', 'missingShare']));
    }
    expect(j.columns.find((c: any) => c.name === 'customer_id')).toMatchObject({ type: 'identifier', role: 'id' });
    expect(j.columns.find((c: any) => c.name === 'monthly')).toMatchObject({ type: 'numeric', missing: 30 });
    expect(j.target).toMatchObject({ name: 'churn', task: 'binary', classes: ['left', 'stayed'] });
    expect(typeof j.target.reason).toBe('string');
    expect(Array.isArray(j.warnings)).toBe(true);
    for (const w of j.warnings) expect(Object.keys(w)).toEqual(expect.arrayContaining(['code', 'column', 'message', 'severity']));
    expect(j.warnings.map((w: any) => w.code)).toContain('ID_LIKE');
  });

  it('prints a readable table and the warnings', async () => {
    const r = await runCli('profile', csv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('120 rows × 6 columns');
    expect(r.stdout).toMatch(/column\s+type\s+role\s+missing\s+distinct\s+summary/);
    expect(r.stdout).toContain('ID_LIKE [customer_id]');
  });

  it('reads a column flagged categorical as written (10, not 10.0)', async () => {
    const j = (await runCli('profile', csv, '--categorical', 'zip', '--json')).json();
    const zip = j.columns.find((c: any) => c.name === 'zip');
    expect(zip.type).toBe('categorical');
    expect(zip.topValues.map((t: any) => t.value).sort()).toEqual(['10', '2', '300']);
  });

  it('writes a self-contained HTML report', async () => {
    const out = join(dir, 'report.html');
    const r = await runCli('profile', csv, '--target', 'churn', '--html', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`HTML report written to ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('exits 1 with the closest names when the target is absent', async () => {
    const r = await runCli('profile', csv, '--target', 'chrn');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MW_TARGET_NOT_FOUND');
    expect(r.stderr).toContain("Did you mean 'churn'?");
    const j = await runCli('profile', csv, '--target', 'chrn', '--json');
    expect(j.code).toBe(1);
    expect(j.json().error.code).toBe('MW_TARGET_NOT_FOUND');
  });

  it('exits 1 on an all-missing or single-class target', async () => {
    const path = join(dir, 'bad-target.csv');
    writeFileSync(path, `x,empty,same\n${Array.from({ length: 10 }, (_, i) => `${i},,a`).join('\n')}\n`);
    const missing = await runCli('profile', path, '--target', 'empty');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('MW_TARGET_ALL_MISSING');
    const single = await runCli('profile', path, '--target', 'same');
    expect(single.code).toBe(1);
    expect(single.stderr).toContain('MW_TARGET_SINGLE_CLASS');
  });

  it('exits 1 on unknown columns in flags and on an invalid schema file', async () => {
    const drop = await runCli('profile', csv, '--drop', 'zipp');
    expect(drop.code).toBe(1);
    expect(drop.stderr).toContain('MW_DATA_COLUMN_NOT_FOUND');
    expect(drop.stderr).toContain("Did you mean 'zip'?");
    const schema = join(dir, 'schema.json');
    writeFileSync(schema, '{"columns": {"zip": {"type": "categorcal"}}}');
    const bad = await runCli('profile', csv, '--schema', schema);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('MW_DATA_SCHEMA_FILE');
    expect(bad.stderr).toContain('columns.zip.type');
    writeFileSync(schema, '{"columns": {"zip": {"type": "categorical"}, "age": {"role": "ignored"}}}');
    const good = await runCli('profile', csv, '--schema', schema, '--json');
    expect(good.code).toBe(0);
    expect(good.json().columns.find((c: any) => c.name === 'zip').type).toBe('categorical');
    expect(good.json().columns.find((c: any) => c.name === 'age').role).toBe('ignored');
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli('profile')).code).toBe(2);
    const task = await runCli('profile', csv, '--target', 'churn', '--task', 'clustering');
    expect(task.code).toBe(2);
    expect(task.stderr).toContain('--task must be one of binary, multiclass, regression');
    expect((await runCli('profile', csv, '--id', 'age', '--drop', 'age')).code).toBe(2);
  });

  it('exits 1 on a missing file', async () => {
    const r = await runCli('profile', join(dir, 'nope.csv'));
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'nope.csv'))).toBe(false);
  });
});
