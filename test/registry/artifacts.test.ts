/**
 * Content-addressed artifacts: the address is the manifest's sha256, identical content is
 * stored once, every kind of damage is refused with MW_MODEL_CHECKSUM, and GC removes only
 * unreferenced directories and temp leftovers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/registry/artifacts.js';

const fresh = () => new ArtifactStore(join(mkdtempSync(join(tmpdir(), 'mw-art-')), 'artifacts'));

describe('ArtifactStore', () => {
  it('stores files under the sha256 of their manifest, once per content', async () => {
    const a = fresh();
    const one = await a.put([{ path: 'model.json', data: '{"a":1}' }, { path: 'models/x.json', data: 'x' }]);
    const two = await a.put([{ path: 'models/x.json', data: 'x' }, { path: 'model.json', data: '{"a":1}' }]);
    expect(two.sha256).toBe(one.sha256);
    expect(await a.list()).toEqual([one.sha256]);
    expect(readFileSync(join(one.dir, 'models/x.json'), 'utf8')).toBe('x');
    expect(await a.verify(one.sha256)).toBe(one.dir);
    const [p, q] = await Promise.all([a.put([{ path: 'm', data: 'same' }]), a.put([{ path: 'm', data: 'same' }])]);
    expect(p.sha256).toBe(q.sha256);
  });

  it('refuses changed, truncated, missing and extra-manifest damage', async () => {
    const a = fresh();
    const { sha256, dir } = await a.put([{ path: 'model.json', data: 'abcdef' }, { path: 'b.txt', data: 'b' }]);
    writeFileSync(join(dir, 'model.json'), 'abcdeF');
    await expect(a.verify(sha256)).rejects.toMatchObject({ code: 'MW_MODEL_CHECKSUM', message: expect.stringContaining("sha256 does not match") });
    writeFileSync(join(dir, 'model.json'), 'abc');
    await expect(a.verify(sha256)).rejects.toMatchObject({ code: 'MW_MODEL_CHECKSUM', message: expect.stringContaining('3 bytes') });
    writeFileSync(join(dir, 'model.json'), 'abcdef');
    rmSync(join(dir, 'b.txt'));
    await expect(a.verify(sha256)).rejects.toMatchObject({ code: 'MW_MODEL_CHECKSUM', details: { path: join(dir, 'b.txt') } });
    writeFileSync(join(dir, 'b.txt'), 'b');
    writeFileSync(join(dir, 'manifest.json'), readFileSync(join(dir, 'manifest.json'), 'utf8').replace('"bytes":1', '"bytes":2'));
    await expect(a.verify(sha256)).rejects.toMatchObject({ code: 'MW_MODEL_CHECKSUM', message: expect.stringContaining("address") });
    // Storing the same content again repairs the damaged copy.
    await a.put([{ path: 'model.json', data: 'abcdef' }, { path: 'b.txt', data: 'b' }]);
    expect(await a.verify(sha256)).toBe(dir);
    rmSync(dir, { recursive: true });
    await expect(a.verify(sha256)).rejects.toMatchObject({ code: 'MW_MODEL_NOT_FOUND' });
  });

  it('stores a predictor directory with all its files', async () => {
    const a = fresh();
    const src = mkdtempSync(join(tmpdir(), 'mw-pred-'));
    mkdirSync(join(src, 'models'));
    writeFileSync(join(src, 'predictor.json'), '{}');
    writeFileSync(join(src, 'models', 'gbdt-0.json'), '{"k":0}');
    const s = await a.putPath(src);
    expect(s).toMatchObject({ kind: 'predictor', entry: '.' });
    expect(readFileSync(join(s.dir, 'models', 'gbdt-0.json'), 'utf8')).toBe('{"k":0}');
    await expect(a.putPath(join(src, 'models'))).rejects.toMatchObject({ code: 'MW_MODEL_FILE_INVALID' });
  });

  it('collects unreferenced artifacts and temp leftovers older than the minimum age', async () => {
    const a = fresh();
    const keep = await a.put([{ path: 'm', data: 'keep' }]);
    const drop = await a.put([{ path: 'm', data: 'drop' }]);
    mkdirSync(join(a.root, '.tmp-123-abc'));
    expect((await a.gc(new Set([keep.sha256]))).removed).toEqual([]);
    const { removed } = await a.gc(new Set([keep.sha256]), 0);
    expect(removed.sort()).toEqual(['.tmp-123-abc', drop.sha256].sort());
    expect(await a.list()).toEqual([keep.sha256]);
  });
});
