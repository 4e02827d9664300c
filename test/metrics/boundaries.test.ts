/**
 * src/metrics is pure functions of typed arrays: it may import only itself, the error catalog and
 * the leaf helpers in src/common (did-you-mean, seeded random) — never data, learners or the CLI.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/metrics imports', () => {
  it('stay inside metrics, errors.ts and common/', () => {
    const bad: string[] = [];
    for (const file of files('src/metrics')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        const spec = m[1];
        if (!spec.startsWith('.')) {
          bad.push(`${file}: ${spec}`);
          continue;
        }
        const target = relative('src', resolve(dirname(file), spec));
        if (!(target.startsWith('metrics/') || target === 'errors.js' || target.startsWith('common/'))) bad.push(`${file}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
