/**
 * @module monitor/parallel/parallel-scan
 * A log window scanned on several threads: the window's batch ids are cut into contiguous
 * ranges, worker threads scan all but the first (scan-worker.ts) while the calling thread
 * scans the first, and their counts are added into one drift session and one performance
 * session. Every counter is a sum, so the report does not depend on the thread count (up to
 * float rounding in the sums behind Wasserstein). Small windows stay on the calling thread:
 * starting a worker costs more than scanning a few batches.
 *
 * Default threads: one on machines with two cores or fewer, else up to four. On the shared
 * 2-core bench machine a second thread cost more than it gained (1M rows × 30 columns: 3.2–4.3 s
 * wall on one thread, 4.1–4.2 s on two, with ~2 s more CPU spent in total; bench/results/monitor.md)
 * — each thread reloads the feedback labels and its modules, and both compete with the other
 * jobs on the machine. `threads` overrides.
 *
 * Workers run the compiled .js from dist/, or the .ts source through tsx under vitest/tsx (the
 * same bootstrap as explain/tree-shap-parallel.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TaskInference } from '../../data/schema/types.js';
import { ModelwrightError } from '../../errors.js';
import type { Env } from '../../registry/home.js';
import { type DriftSessionState, DriftSession } from '../drift/drift-session.js';
import type { DriftOptions } from '../drift/drift-options.js';
import type { MonitorStore } from '../log-store/monitor-store.js';
import type { LogQuery } from '../log-store/types.js';
import { type PerformanceOptions, type PerformanceState, PerformanceSession } from '../performance/live-performance.js';
import type { ReferenceProfile } from '../reference/types.js';

/** Batches per thread below which another thread is not worth starting. */
const MIN_BATCHES_PER_THREAD = 64;
/** Threads used at most (the log's reads and the counting both scale, up to the disk). */
const MAX_THREADS = 4;

export interface ScanJob {
  readonly env: Env;
  readonly query: LogQuery;
  readonly ids: readonly [number, number];
  readonly profile: ReferenceProfile;
  readonly drift?: DriftOptions;
  readonly task: TaskInference;
  readonly performance?: PerformanceOptions;
}

interface ScanResult {
  readonly drift: DriftSessionState;
  readonly perf: PerformanceState;
}

function spawn(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./scan-worker.js', import.meta.url));
  const entry = new URL('./scan-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

function run(job: ScanJob): Promise<ScanResult> {
  const worker = spawn();
  return new Promise<ScanResult>((resolve, reject) => {
    worker.once('message', (msg: ScanResult & { error?: string }) =>
      msg.error === undefined ? resolve(msg) : reject(new ModelwrightError('MW_INTERNAL', `A log-scan worker thread failed: ${msg.error}`)),
    );
    worker.once('error', (err) => reject(new ModelwrightError('MW_INTERNAL', `A log-scan worker thread failed: ${err.message}`, { cause: err })));
    worker.postMessage(job);
  }).finally(() => void worker.terminate());
}

export interface ParallelScanInput extends Omit<ScanJob, 'ids'> {
  /** The log, open on the calling thread (its own share is scanned through it). */
  readonly log: MonitorStore;
  /** Threads to use (default: 1 on ≤ 2 cores, else cores − 1, at most 4). */
  readonly threads?: number;
}

/**
 * Scan a log window into drift and performance sessions, on several threads when it is large.
 * @example const { drift, perf } = await scanParallel({ env, log, query, profile, task });
 */
export async function scanParallel(o: ParallelScanInput): Promise<{ drift: DriftSession; perf: PerformanceSession }> {
  const drift = new DriftSession(o.profile, o.drift);
  const perf = new PerformanceSession(o.task, o.performance);
  const range = o.log.backend === 'memory' ? null : await o.log.batchIds(o.query);
  const span = range ? range[1] - range[0] + 1 : 0;
  const cores = availableParallelism();
  const wanted = o.threads ?? (cores <= 2 ? 1 : Math.min(cores - 1, MAX_THREADS));
  const T = range ? Math.max(1, Math.min(wanted, Math.floor(span / MIN_BATCHES_PER_THREAD))) : 1;
  const bounds = Array.from({ length: T + 1 }, (_, t) => (range ? range[0] + Math.round((t * span) / T) : 0));
  const jobs = Array.from({ length: T - 1 }, (_, i) =>
    run({ env: o.env, query: o.query, ids: [bounds[i + 1], bounds[i + 2] - 1], profile: o.profile, drift: o.drift, task: o.task, performance: o.performance }),
  );
  // Rejections are collected below; keep them from being reported as unhandled meanwhile.
  for (const j of jobs) j.catch(() => undefined);
  await o.log.scan(o.query, (b) => {
    drift.addBatch(b);
    perf.addBatch(b);
  }, { labels: true, ...(T > 1 ? { ids: [bounds[0], bounds[1] - 1] as const } : {}) });
  for (const r of await Promise.all(jobs)) {
    drift.merge(r.drift);
    perf.merge(r.perf);
  }
  return { drift, perf };
}
