import { readFileSync, rmSync } from 'node:fs';
import { openPredictionLog } from '/work/main/src/monitor/log-store/open-prediction-log.js';
const bodies: string[] = JSON.parse(readFileSync('/tmp/mwprof/bodies.json', 'utf8'));
rmSync('/tmp/mwprof/logcost.db', { force: true });
const log = await openPredictionLog({ path: '/tmp/mwprof/logcost.db' });
const rows = bodies.map((b, i) => ({ requestId: `r${i}`, rowIndex: 0, timestamp: Date.now(), model: '/tmp/model.json', version: null, features: JSON.parse(b).rows[0], prediction: '1', proba: { '0': 0.3, '1': 0.7 }, latencyMs: 0.05, shadow: false }));
for (const batch of [200, 1000]) {
  const all = Array.from({ length: 20000 }, (_, i) => ({ ...rows[i % rows.length], requestId: `q${i}` }));
  const t0 = performance.now();
  for (let i = 0; i < all.length; i += batch) await log.append(all.slice(i, i + batch));
  console.log(`batch ${batch}: ${((performance.now() - t0) / all.length * 1000).toFixed(1)} us/row`);
}
await log.close();
