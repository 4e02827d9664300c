/**
 * The drift verdicts the issue asks for, on seeded synthetic data (synthetic.ts):
 *  - no drift: current data is a fresh sample of the reference distribution → the dataset
 *    verdict is false in ≥ 90% of 20 repetitions (and few columns are flagged at all);
 *  - drift: x2 shifted by 0.5 std and c1's frequencies changed → exactly x2 and c1 flagged,
 *    at n = 1,000 (KS / χ² / z tests) and n = 100,000 (Wasserstein / Jensen–Shannon);
 * plus the log path (batches) agreeing with the table path, and the options.
 */
import { describe, expect, it } from 'vitest';
import { DriftSession, benjaminiHochberg } from '../../../src/monitor/drift/drift-session.js';
import { openPredictionLog } from '../../../src/monitor/log-store/open-prediction-log.js';
import { buildReferenceProfile } from '../../../src/monitor/reference/build-reference-profile.js';
import { SCHEMA, syntheticFrame } from './synthetic.js';

function report(n: number, seed: number, opts: { shift?: number; catShift?: boolean } = {}) {
  const profile = buildReferenceProfile(syntheticFrame(n, seed), SCHEMA, { seed });
  const session = new DriftSession(profile);
  session.addFrame(syntheticFrame(n, seed + 10_000, opts));
  return session.finish();
}

describe('drift session', () => {
  for (const n of [1000, 100_000]) {
    it(`flags no drift on fresh samples of the reference (n = ${n}, 20 seeds)`, () => {
      let datasetAlarms = 0;
      let columnAlarms = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const r = report(n, seed);
        if (r.dataset_drift) datasetAlarms++;
        columnAlarms += r.n_drifted;
      }
      expect(datasetAlarms).toBeLessThanOrEqual(2);
      // 120 column checks at a 5% level (BH-corrected): a handful at most.
      expect(columnAlarms).toBeLessThanOrEqual(12);
    });

    it(`flags exactly the shifted columns (n = ${n})`, () => {
      for (const seed of [1, 2, 3]) {
        const r = report(n, seed, { shift: 0.5, catShift: true });
        expect(r.features.filter((f) => f.drifted).map((f) => f.name).sort()).toEqual(['c1', 'x2']);
        const byName = Object.fromEntries(r.features.map((f) => [f.name, f]));
        if (n === 1000) {
          expect(byName.x2.test).toBe('ks');
          expect(byName.c1.test).toBe('chisquare');
          expect(byName.flag.test).toBe('z');
        } else {
          expect(byName.x2.test).toBe('wasserstein');
          expect(byName.x2.statistic).toBeCloseTo(0.5, 1);
          expect(byName.c1.test).toBe('jensenshannon');
          expect(byName.c1.statistic).toBeCloseTo(0.164, 2);
        }
        expect(r.drift_share).toBeCloseTo(2 / 6);
        expect(r.dataset_drift).toBe(false);
      }
    });
  }

  it('gives the dataset verdict when at least half of the columns drift', () => {
    const r = report(1000, 5, { shift: 0.5, catShift: true });
    const profile = buildReferenceProfile(syntheticFrame(1000, 5), SCHEMA);
    const s = new DriftSession(profile, { driftShare: 0.3 });
    s.addFrame(syntheticFrame(1000, 10_005, { shift: 0.5, catShift: true }));
    expect(r.dataset_drift).toBe(false);
    expect(s.finish().dataset_drift).toBe(true);
  });

  it('reads logged rows the same as the table', async () => {
    const ref = syntheticFrame(2000, 7);
    const cur = syntheticFrame(1500, 8, { shift: 0.5 });
    const profile = buildReferenceProfile(ref, SCHEMA);
    const fromTable = new DriftSession(profile);
    fromTable.addFrame(cur);
    const log = await openPredictionLog({ memory: true });
    const rows = cur.toRows().map((features, i) => ({
      requestId: `r${i}`, rowIndex: 0, timestamp: i, model: 'm', version: 1, features: { ...features, flag: features.flag === 'true' },
      prediction: 0, latencyMs: 1, shadow: false,
    }));
    for (let s = 0; s < rows.length; s += 400) await log.append(rows.slice(s, s + 400));
    const fromLog = new DriftSession(profile);
    await log.scan({ model: 'm' }, (b) => fromLog.addBatch(b));
    const a = fromTable.finish();
    const b = fromLog.finish();
    expect(b.n_current).toBe(1500);
    expect(b.features.map((f) => [f.name, f.test, f.statistic.toFixed(10), f.drifted])).toEqual(a.features.map((f) => [f.name, f.test, f.statistic.toFixed(10), f.drifted]));
  });

  it('takes tests and thresholds from options, and reports missing and new categories', () => {
    const profile = buildReferenceProfile(syntheticFrame(3000, 3), SCHEMA);
    const cur = syntheticFrame(3000, 4);
    const s = new DriftSession(profile, { numericTest: 'psi', features: { c2: { test: 'chisquare', threshold: 0.01 } }, multipleTesting: 'none' });
    const x1 = cur.column('x1');
    const holes = Float64Array.from((x1 as { values: Float64Array }).values, (v, i) => (i % 5 === 0 ? Number.NaN : v));
    s.addFrame(cur.withColumn({ dtype: 'float64', name: 'x1', values: holes }).drop(['c2']).withColumn({ dtype: 'categorical', name: 'c2', codes: new Int32Array(3000).map((_, i) => i % 10), categories: ['red', 'green', 'blue', 'grey', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6'] }));
    const r = s.finish();
    const byName = Object.fromEntries(r.features.map((f) => [f.name, f]));
    expect(byName.x1.test).toBe('psi');
    expect(byName.x1.missing).toMatchObject({ reference: 0, shifted: true });
    expect(byName.x1.missing.current).toBeCloseTo(0.2);
    expect(byName.c2).toMatchObject({ test: 'chisquare', threshold: 0.01, drifted: true });
    expect(byName.c2.new_categories?.share).toBeCloseTo(0.6);
    expect(byName.c2.new_categories?.shifted).toBe(true);
    expect(() => new DriftSession(profile, { numericTest: 'chi' as never })).toThrow(/numericTest/);
  });

  it('adjusts p-values with Benjamini–Hochberg (as statsmodels fdr_bh)', () => {
    // statsmodels.stats.multitest.multipletests([0.01, 0.04, 0.03, 0.2], method='fdr_bh')[1]
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.2]).map((x) => Number(x.toFixed(6)))).toEqual([0.04, 0.053333, 0.053333, 0.2]);
  });
});
