/**
 * Every metric against scikit-learn's values on the committed fixtures (seeded inputs with tied
 * scores, 2–5 classes, with and without sample weights, perfect / constant / one-class edge
 * cases). Where sklearn raises, the TypeScript function must throw a typed ModelwrightError.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelwrightError } from '../../src/errors.js';
import { callOf, compare, GENERATOR_PATH, loadFixture, type FixtureCase } from './fixture-cases.js';

const fx = loadFixture();

function title(c: FixtureCase): string {
  const opts = Object.keys(c.opts).length > 0 ? ` ${JSON.stringify(c.opts)}` : '';
  return `${c.data}${opts}${c.weighted ? ' weighted' : ''}`;
}

describe('fixtures', () => {
  it('are committed and come from the current generator (tests never run Python)', () => {
    // Regenerating is never needed to run the tests: the JSON is in the repository. This only
    // catches a generator edited without re-running it.
    const sha = createHash('sha256').update(readFileSync(GENERATOR_PATH)).digest('hex');
    expect(fx.generator_sha256, 'run /usr/bin/python3 test/fixtures/metrics/make-fixtures.py').toBe(sha);
    expect(fx.sklearn).toMatch(/^1\./);
    expect(fx.cases.length).toBeGreaterThan(500);
  });
});

const byFn = new Map<string, FixtureCase[]>();
for (const c of fx.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);

const stats = { exact: 0, close: 0 };
for (const [fn, cases] of byFn) {
  describe(`${fn} equals sklearn ${fx.sklearn}`, () => {
    for (const c of cases) {
      it(title(c), () => {
        const call = callOf(fx, c);
        const exp = c.expected;
        if (exp !== null && typeof exp === 'object' && !Array.isArray(exp) && 'error' in exp) {
          expect(call).toThrow(ModelwrightError);
          return;
        }
        expect(compare(call(), exp, fn, stats)).toEqual([]);
      });
    }
  });
}

describe('agreement', () => {
  it('most values are bit-identical to sklearn', () => {
    // Informative floor, not a tolerance: summation follows NumPy's order, so differences are
    // confined to BLAS dot products (NDCG ideal gain, MCC) and libm's log.
    const total = stats.exact + stats.close;
    expect(total).toBeGreaterThan(0);
    expect(stats.exact / total).toBeGreaterThan(0.9);
  });
});
