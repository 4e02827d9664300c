/**
 * @module monitor/parallel/scan-worker
 * The worker-thread side of a parallel log scan: open the prediction log itself (SQLite allows
 * concurrent readers, PostgreSQL gives each thread its own connection), scan its range of batch
 * ids into a drift session and a performance session, and post their counts back.
 */
import { parentPort } from 'node:worker_threads';
import { DriftSession } from '../drift/drift-session.js';
import { openPredictionLog } from '../log-store/open-prediction-log.js';
import { PerformanceSession } from '../performance/live-performance.js';
import type { ScanJob } from './parallel-scan.js';

parentPort?.once('message', async (job: ScanJob) => {
  try {
    const log = await openPredictionLog({ env: job.env });
    try {
      const drift = new DriftSession(job.profile, job.drift);
      const perf = new PerformanceSession(job.task, job.performance);
      await log.scan(job.query, (b) => {
        drift.addBatch(b);
        perf.addBatch(b);
      }, { labels: true, ids: job.ids });
      parentPort!.postMessage({ drift: drift.state(), perf: perf.state() });
    } finally {
      await log.close();
    }
  } catch (err) {
    parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
