/**
 * @module monitor/alerts/watch
 * `watch`: run every configured check, then again each `interval`, until stopped (the signal)
 * or once (`once: true`, for tests and cron). The registry and the prediction log stay open
 * between rounds; one failing check never stops the others.
 */
import type { Env } from '../../registry/home.js';
import { type Registry, openRegistry } from '../../registry/open-registry.js';
import type { MonitorStore } from '../log-store/monitor-store.js';
import { openPredictionLog } from '../log-store/open-prediction-log.js';
import { type CheckOutcome, type WatchEvent, runCheck } from './run-check.js';
import type { WatchConfig } from './watch-config.js';

export interface WatchOptions {
  readonly once?: boolean;
  readonly signal?: AbortSignal;
  readonly env?: Env;
  readonly emit?: (e: WatchEvent) => void;
  readonly registry?: Registry;
  readonly log?: MonitorStore;
  /** The clock (tests pin it). */
  readonly now?: () => number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
}

/**
 * Run the checks of `config` on its schedule; resolves with each round's outcomes when stopped.
 * @example await watch(await readWatchConfig('watch.json'), { once: true, emit: console.log });
 */
export async function watch(config: WatchConfig, o: WatchOptions = {}): Promise<CheckOutcome[][]> {
  const registry = o.registry ?? (await openRegistry({ env: o.env }));
  const log = o.log ?? (await openPredictionLog({ env: o.env }));
  const emit = o.emit ?? (() => undefined);
  const rounds: CheckOutcome[][] = [];
  try {
    for (;;) {
      const now = (o.now ?? Date.now)();
      const round: CheckOutcome[] = [];
      for (const check of config.checks) {
        try {
          round.push(await runCheck(check, { registry, log, webhook: config.webhook, minRows: config.minRows, now, emit }));
        } catch (err) {
          emit({ level: 'error', msg: `check of ${check.model} failed: ${(err as Error).message}`, model: check.model });
          round.push({ model: check.model, alerts: [], skipped: (err as Error).message });
        }
      }
      rounds.push(round);
      if (o.once || o.signal?.aborted) break;
      await sleep(config.intervalMs, o.signal);
      if (o.signal?.aborted) break;
    }
  } finally {
    if (!o.log) await log.close();
    if (!o.registry) await registry.close();
  }
  return rounds;
}
