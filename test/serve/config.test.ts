/**
 * The server config: defaults, every field checked with a message that names it, flags
 * merged over the file, `--model NAME=REF`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultModelName, mergeServeFlags, modelFromFlag, parseServeConfig, readServeConfig } from '../../src/serve/config.js';

describe('server config', () => {
  it('fills defaults: loopback, 8080, one worker, 1 MiB bodies, log everything', () => {
    const c = parseServeConfig({ models: [{ ref: 'churn@champion' }] });
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080, workers: 1, bodyLimit: 1 << 20, logSampling: 1, apiKeys: [] });
    expect(c.models[0]).toEqual({ name: 'churn', ref: 'churn@champion', canary: undefined, shadow: undefined, versions: [], unknownCategory: 'missing', extraColumns: 'ignore' });
  });

  it('names models after the registry name or the file', () => {
    expect(defaultModelName('churn@3')).toBe('churn');
    expect(defaultModelName('models/churn-v2.json')).toBe('churn-v2');
    expect(defaultModelName('/srv/predictors/fraud/')).toBe('fraud');
    expect(modelFromFlag('api=churn@champion')).toMatchObject({ name: 'api', ref: 'churn@champion' });
  });

  it('rejects bad fields, naming them and the allowed values', () => {
    const msg = (v: unknown) => {
      try {
        parseServeConfig(v);
      } catch (err) {
        return (err as Error & { code: string }).code + ': ' + (err as Error).message;
      }
      return 'accepted';
    };
    expect(msg({ port: 70000 })).toContain("MW_SERVE_CONFIG: server config: 'port' must be an integer in [0, 65535]. Got 70000");
    expect(msg({ models: [{ ref: 'a', unknownCategory: 'drop' }] })).toContain(`'unknownCategory' must be "missing" or "reject"`);
    expect(msg({ models: [{ ref: 'a', canary: { ref: 'a@2', weight: 1.5 } }] })).toContain("'weight' must be a number in [0, 1]");
    expect(msg({ models: [{ ref: 'a' }, { ref: 'a@2' }] })).toContain("two models are named 'a'");
    expect(msg({ models: [{ name: 'a@b', ref: 'x' }] })).toContain("'name' must be letters");
    expect(msg({ modles: [] })).toContain("unknown field 'modles'");
    expect(msg({ rateLimit: { requestsPerSecond: 0 } })).toContain("'requestsPerSecond'");
    expect(msg({ logSampling: 2 })).toContain("'logSampling'");
  });

  it('reads a file and lets flags override it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-serve-config-'));
    try {
      const path = join(dir, 'serve.json');
      writeFileSync(path, JSON.stringify({ port: 9000, models: [{ name: 'a', ref: 'a@1' }], rateLimit: { requestsPerSecond: 5 } }));
      const c = mergeServeFlags(await readServeConfig(path), { port: 9100, host: '0.0.0.0', models: ['b@champion'] });
      expect(c).toMatchObject({ port: 9100, host: '0.0.0.0', rateLimit: { requestsPerSecond: 5, burst: 5 } });
      expect(c.models.map((m) => m.name)).toEqual(['a', 'b']);
      writeFileSync(path, '{ nope');
      await expect(readServeConfig(path)).rejects.toThrow(/not valid JSON/);
      await expect(readServeConfig(join(dir, 'missing.json'))).rejects.toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
