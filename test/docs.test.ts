/**
 * Generated documentation must be current, and every error code used in the sources must be
 * in the catalog (fastify's test:validator:integrity idea).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc } from '../src/docs/errors-doc.js';
import { renderParamsDocs } from '../src/docs/params-doc.js';
import { ERROR_CATALOG } from '../src/errors.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('generated docs', () => {
  it('docs/errors.md is current (run `npm run docs` after changing src/errors.ts)', () => {
    expect(readFileSync('docs/errors.md', 'utf8')).toBe(renderErrorsDoc());
  });

  it('docs/params/*.md are current (run `npm run docs` after changing a params schema)', () => {
    for (const [file, text] of Object.entries(renderParamsDocs())) {
      expect(readFileSync(join('docs/params', file), 'utf8'), file).toBe(text);
    }
  });

  it('every MW_ code used in src/ is documented in the catalog', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('src')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(MW_[A-Z0-9_]+)'/g)) used.add(m[1]);
    }
    const undocumented = [...used].filter((c) => !(c in ERROR_CATALOG));
    expect(undocumented).toEqual([]);
  });
});
