/**
 * The registry store contract, run against SQLite and (when configured) PostgreSQL: version
 * numbering, aliases and rollback, delete protection, tags, the audit log, runs, and refusal
 * of tampered artifacts.
 */
import { appendFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildLineage } from '../../src/registry/lineage.js';
import { resolveModelRef } from '../../src/registry/model-ref.js';
import type { Registry } from '../../src/registry/open-registry.js';
import { registerModel } from '../../src/registry/register-model.js';
import { describeBackends } from './backends.js';

const scratch = mkdtempSync(join(tmpdir(), 'mw-store-src-'));
let n = 0;
function modelFile(content = `model ${++n}`): string {
  const p = join(scratch, `m${n}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(p, JSON.stringify({ content }));
  return p;
}

describeBackends('registry store', (backend) => {
  let reg: Registry;
  beforeEach(async () => {
    reg = await backend.open(backend.fresh());
  });
  afterEach(async () => {
    await reg.close();
  });
  const register = (name: string, extra: Partial<Parameters<typeof registerModel>[1]> = {}) =>
    registerModel(reg, { name, path: modelFile(), lineage: buildLineage({ learner: 'gbdt', seed: 7, params: { num_leaves: 15 }, metrics: { auc: 0.9 } }), ...extra });

  it('numbers versions 1, 2, … per model, with lineage and a parent', async () => {
    const v1 = await register('churn');
    const v2 = await register('churn');
    const other = await register('fraud');
    expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
    expect(v1.lineage.parent).toBeNull();
    expect(v2.parentVersion).toBe(1);
    expect(v2.lineage.parent).toEqual({ name: 'churn', version: 1 });
    expect(v2.lineage).toMatchObject({ learner: 'gbdt', seed: 7, params: { num_leaves: 15 }, code: { modelwright: expect.any(String) }, user: expect.any(String) });
    expect(v2.metrics).toEqual({ auc: 0.9 });
    expect((await reg.store.latestVersion('churn'))?.version).toBe(2);
    const models = await reg.store.listModels();
    expect(models.map((m) => [m.name, m.latestVersion, m.versionCount])).toEqual([['churn', 2, 2], ['fraud', 1, 1]]);
  });

  it('moves aliases, rolls back to the previous holder step by step, and logs every change', async () => {
    for (let i = 0; i < 3; i++) await register('m');
    expect(await reg.store.setAlias('m', 'champion', 1)).toEqual({ previous: null });
    expect(await reg.store.setAlias('m', 'champion', 2)).toEqual({ previous: 1 });
    expect(await reg.store.setAlias('m', 'champion', 3)).toEqual({ previous: 2 });
    await reg.store.setAlias('m', 'challenger', 1);
    expect(await reg.store.rollbackAlias('m', 'champion')).toEqual({ from: 3, to: 2 });
    expect(await reg.store.rollbackAlias('m', 'champion')).toEqual({ from: 2, to: 1 });
    await expect(reg.store.rollbackAlias('m', 'champion')).rejects.toMatchObject({ code: 'MW_REGISTRY_NO_PREVIOUS' });
    expect(await reg.store.getAlias('m', 'champion')).toBe(1);
    expect((await reg.store.getVersion('m', 1))?.aliases).toEqual(['challenger', 'champion']);
    const log = await reg.store.events('m', 'champion');
    expect(log.map((e) => [e.action, e.version, e.previousVersion])).toEqual([
      ['alias_set', 1, null], ['alias_set', 2, 1], ['alias_set', 3, 2], ['rollback', 2, 3], ['rollback', 1, 2],
    ]);
    await expect(reg.store.setAlias('m', 'champion', 9)).rejects.toMatchObject({ code: 'MW_MODEL_NOT_FOUND' });
    await expect(reg.store.setAlias('m', '12', 1)).rejects.toMatchObject({ code: 'MW_REGISTRY_NAME_INVALID' });
  });

  it('refuses to delete a version an alias points at, and never reuses its number', async () => {
    await register('d');
    await register('d');
    await reg.store.setAlias('d', 'champion', 2);
    await expect(reg.store.deleteVersion('d', 2)).rejects.toMatchObject({ code: 'MW_REGISTRY_ALIAS_IN_USE', details: { aliases: ['champion'] } });
    await reg.store.setAlias('d', 'champion', 1);
    const gone = await reg.store.deleteVersion('d', 2);
    expect(gone.version).toBe(2);
    expect(await reg.store.getVersion('d', 2)).toBeUndefined();
    expect((await register('d')).version).toBe(3);
    await expect(reg.store.deleteVersion('d', 2)).rejects.toMatchObject({ code: 'MW_MODEL_NOT_FOUND' });
    expect((await reg.store.events('d')).map((e) => e.action)).toContain('delete');
  });

  it('sets tags on versions', async () => {
    await register('t', { tags: { team: 'risk' } });
    await reg.store.setTag('t', 1, 'stage', 'staging');
    await reg.store.setTag('t', 1, 'stage', 'production');
    expect((await reg.store.getVersion('t', 1))?.tags).toEqual({ team: 'risk', stage: 'production' });
    await expect(reg.store.setTag('t', 5, 'a', 'b')).rejects.toMatchObject({ code: 'MW_MODEL_NOT_FOUND' });
  });

  it('records runs with params, metrics, status and artifact', async () => {
    const run = await reg.store.startRun({ experiment: 'churn', name: 'fit gbdt', params: { lr: 0.1 }, tags: { by: 'test' } });
    expect(run.status).toBe('running');
    const done = await reg.store.endRun(run.id, { status: 'finished', metrics: { auc: 0.8 }, artifactSha256: 'abc' });
    expect(done).toMatchObject({ status: 'finished', params: { lr: 0.1 }, metrics: { auc: 0.8 }, artifactSha256: 'abc', experiment: 'churn' });
    expect(done.endTime).not.toBeNull();
    expect((await reg.store.listRuns('churn')).map((r) => r.id)).toEqual([run.id]);
  });

  it('resolves NAME, NAME@VERSION and NAME@ALIAS to verified artifact paths', async () => {
    await register('r');
    await register('r');
    await reg.store.setAlias('r', 'champion', 1);
    const latest = await resolveModelRef('r', reg);
    const pinned = await resolveModelRef('r@1', reg);
    const aliased = await resolveModelRef('r@champion', reg);
    expect(latest.version?.version).toBe(2);
    expect(pinned.path).toBe(aliased.path);
    expect(latest.path).not.toBe(pinned.path);
    await expect(resolveModelRef('r@9', reg)).rejects.toMatchObject({ code: 'MW_MODEL_NOT_FOUND', message: expect.stringContaining('Versions: 1, 2') });
    await expect(resolveModelRef('r@staging', reg)).rejects.toMatchObject({ code: 'MW_MODEL_NOT_FOUND', message: expect.stringContaining('champion') });
    await expect(resolveModelRef('rr', reg)).rejects.toMatchObject({ code: 'MW_MODEL_NOT_FOUND', message: expect.stringContaining("Did you mean 'r'") });
  });

  it('refuses a tampered or truncated artifact with MW_MODEL_CHECKSUM and its path', async () => {
    const v = await register('x');
    const { path } = await resolveModelRef('x', reg);
    appendFileSync(path, ' ');
    await expect(resolveModelRef('x', reg)).rejects.toMatchObject({ code: 'MW_MODEL_CHECKSUM', details: { path } });
    writeFileSync(path, '{"content":');
    await expect(resolveModelRef('x@1', reg)).rejects.toMatchObject({ code: 'MW_MODEL_CHECKSUM', message: expect.stringContaining(path) });
    expect(readdirSync(reg.artifacts.dir(v.artifactSha256))).toContain('manifest.json');
  });
});
