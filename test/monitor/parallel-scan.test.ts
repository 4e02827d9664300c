/**
 * A log window read on several threads gives the same report as one thread: counts are sums,
 * so statistics agree (to float rounding in the Wasserstein sums), and so do the labelled rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPredictionLog } from '../../src/monitor/log-store/open-prediction-log.js';
import { scanParallel } from '../../src/monitor/parallel/parallel-scan.js';
import { buildReferenceProfile } from '../../src/monitor/reference/build-reference-profile.js';
import { SCHEMA, syntheticFrame } from './drift/synthetic.js';

const home = mkdtempSync(join(tmpdir(), 'mw-parallel-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('parallel log scan', () => {
  it('matches the single-thread report', async () => {
    const env = { MODELWRIGHT_HOME: home };
    const profile = buildReferenceProfile(syntheticFrame(3000, 1), SCHEMA, { task: 'binary', classes: ['false', 'true'] });
    const cur = syntheticFrame(10_000, 2, { shift: 0.3 }).toRows();
    const log = await openPredictionLog({ env });
    try {
      for (let s = 0; s < cur.length; s += 50) {
        await log.append(cur.slice(s, s + 50).map((features, i) => ({
          requestId: `r${s + i}`, rowIndex: 0, timestamp: 1000 + s + i, model: 'm', version: 1, features,
          prediction: features.flag === 'true' ? 'true' : 'false', proba: { false: 0.4, true: 0.6 }, latencyMs: 1, shadow: false,
        })));
      }
      await log.appendFeedback(cur.filter((_, i) => i % 3 === 0).map((r, k) => ({ requestId: `r${k * 3}`, label: String(r.flag), timestamp: 0 })));
      const task = { target: 'flag', task: 'binary' as const, reason: 'test', classes: ['false', 'true'] };
      const query = { model: 'm', since: 2000 };
      const one = await scanParallel({ env, log, query, profile, task, threads: 1, performance: { metric: 'accuracy' } });
      const three = await scanParallel({ env, log, query, profile, task, threads: 3, performance: { metric: 'accuracy' } });
      const a = one.drift.finish();
      const b = three.drift.finish();
      expect(b.n_current).toBe(a.n_current);
      expect(a.n_current).toBe(9000);
      b.features.forEach((f, i) => {
        expect(f.name).toBe(a.features[i].name);
        expect(f.test).toBe(a.features[i].test);
        expect(f.statistic).toBeCloseTo(a.features[i].statistic, 9);
        expect(f.drifted).toBe(a.features[i].drifted);
      });
      const pa = one.perf.finish();
      const pb = three.perf.finish();
      expect(pb.n_labels).toBe(pa.n_labels);
      expect(pa.n_labels).toBe(3000);
      expect(pb.metrics.accuracy).toBe(pa.metrics.accuracy);
      expect(pa.metrics.accuracy).toBe(1);
    } finally {
      await log.close();
    }
  });
});
