/**
 * Drift statistics against scipy (Debian's /usr/bin/python3; skipped with a reason without it):
 * KS D and p-value (ks_2samp), normed Wasserstein (wasserstein_distance / np.std), χ² of
 * homogeneity (chi2_contingency, no correction), Jensen–Shannon distance (base 2), and the
 * tails behind the p-values. Tolerances: D, χ², JS exact to 1e-9; the KS p-value uses the
 * Kolmogorov limit with Stephens' correction where scipy is exact (≤ 0.01 apart here);
 * Wasserstein is exact except where the two CDFs cross inside a gap between reference values
 * (≤ 1% here).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { NumericCounts } from '../../../src/monitor/drift/numeric-counts.js';
import { chiSquare, jensenShannon, shares, zTest } from '../../../src/monitor/drift/stats/categorical-tests.js';
import { ksTest, wassersteinNormed } from '../../../src/monitor/drift/stats/numeric-tests.js';
import { numericSummary } from '../../../src/monitor/reference/numeric-reference.js';

const PY = '/usr/bin/python3';
const hasScipy = existsSync(PY) && (() => {
  try {
    execFileSync(PY, ['-c', 'import scipy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const SCRIPT = `
import json, sys
import numpy as np
from scipy import stats
from scipy.spatial import distance
cases = json.load(sys.stdin)
out = []
for c in cases:
    r, q = np.array(c['ref']), np.array(c['cur'])
    ks = stats.ks_2samp(r, q)
    wd = stats.wasserstein_distance(r, q) / max(np.std(r), 0.001)
    out.append({'d': ks.statistic, 'p': ks.pvalue, 'w': wd})
tables = []
for t in json.load(open(sys.argv[1])):
    chi = stats.chi2_contingency(np.array([t['ref'], t['cur']]), correction=False)
    tables.append({'chi': chi[0], 'p': chi[1], 'js': distance.jensenshannon(np.array(t['ref']) / sum(t['ref']), np.array(t['cur']) / sum(t['cur']), 2)})
print(json.dumps({'numeric': out, 'tables': tables}))
`;

function sample(rng: Rng, n: number, shift: number, round = false): number[] {
  return Array.from({ length: n }, () => {
    const v = shift + rng.normal();
    return round ? Math.round(v * 4) / 4 : v;
  });
}

describe.skipIf(!hasScipy)(`drift statistics vs scipy${hasScipy ? '' : ' (skipped: /usr/bin/python3 with scipy not found)'}`, () => {
  it('matches ks_2samp, wasserstein_distance, chi2_contingency and jensenshannon', async () => {
    const rng = new Rng(42);
    const numeric = [
      { ref: sample(rng, 300, 0), cur: sample(rng, 400, 0.2) },
      { ref: sample(rng, 1000, 0), cur: sample(rng, 1000, 0.1) },
      { ref: sample(rng, 800, 0, true), cur: sample(rng, 500, 0.15, true) },
      { ref: sample(rng, 200, 0), cur: sample(rng, 3000, 0) },
    ];
    const tables = [
      { ref: [40, 30, 20, 10], cur: [25, 30, 25, 20] },
      { ref: [500, 300, 150, 50, 0], cur: [480, 320, 140, 55, 5] },
      { ref: [700, 300], cur: [650, 350] },
    ];
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const tablesFile = join(mkdtempSync(join(tmpdir(), 'mw-stats-')), 'tables.json');
    writeFileSync(tablesFile, JSON.stringify(tables));
    const py = JSON.parse(execFileSync(PY, ['-c', SCRIPT, tablesFile], { input: JSON.stringify(numeric), encoding: 'utf8' }));
    numeric.forEach((c, i) => {
      const counts = new NumericCounts(numericSummary(Float64Array.from(c.ref), { sampleSize: 1e9 }));
      counts.addValues(c.cur);
      const ks = ksTest(counts);
      expect(ks.statistic).toBeCloseTo(py.numeric[i].d, 9);
      expect(Math.abs(ks.pValue - py.numeric[i].p)).toBeLessThan(0.01);
      const refStd = numericSummary(Float64Array.from(c.ref)).std;
      expect(wassersteinNormed(counts, refStd)).toBeCloseTo(py.numeric[i].w, 2);
      expect(Math.abs(wassersteinNormed(counts, refStd) / py.numeric[i].w - 1)).toBeLessThan(0.01);
    });
    tables.forEach((t, i) => {
      const chi = chiSquare(t.ref, t.cur);
      expect(chi.statistic).toBeCloseTo(py.tables[i].chi, 9);
      expect(chi.pValue).toBeCloseTo(py.tables[i].p, 9);
      expect(jensenShannon(shares(t.ref), shares(t.cur))).toBeCloseTo(py.tables[i].js, 9);
    });
    // The z-test is χ² with one degree of freedom: z² = χ², same p-value.
    const z = zTest(700, 1000, 650, 1000);
    expect(z.statistic ** 2).toBeCloseTo(py.tables[2].chi, 9);
    expect(z.pValue).toBeCloseTo(py.tables[2].p, 9);
  });
});
