/**
 * @module serve/cluster
 * `--workers N`: N worker processes (node:cluster), each a complete server — its own models,
 * metrics and log writer — listening on the same port. The scheduling policy is SCHED_NONE:
 * the primary opens the listening socket once and hands it to the workers, which accept
 * connections themselves, so the primary forwards no traffic and holds no model.
 *
 * The primary starts the workers, waits until all listen (a worker that dies before
 * listening stops the whole start: exit status 1, no restart loop), restarts a worker that
 * dies later (at most 5 times a minute), and on SIGTERM/SIGINT passes SIGTERM on and waits for
 * every worker to drain, killing stragglers after the shutdown timeout plus 5 s. It also relays
 * metrics scrapes and rate-limit usage between the workers (cluster-ipc.ts).
 */
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { relayInPrimary } from './cluster-ipc.js';

/** The env var a worker sees its index in (for metrics' `worker` label). */
export const WORKER_ENV = 'MODELWRIGHT_SERVE_WORKER';

export function isServeWorker(): boolean {
  return cluster.isWorker;
}

export function workerIndex(): string | undefined {
  return cluster.isWorker ? process.env[WORKER_ENV] : undefined;
}

export interface ClusterOptions {
  readonly workers: number;
  readonly shutdownTimeoutMs: number;
  readonly logger: Logger;
}

/**
 * Run `workers` copies of this program as serve workers; resolves to the exit status when all
 * have stopped. Call from the primary only (the workers re-run the same command line).
 */
export function runCluster(opts: ClusterOptions): Promise<number> {
  const log = opts.logger;
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  return new Promise((resolve) => {
    const live = new Map<Worker, string>();
    const listening = new Set<Worker>();
    const restarts: number[] = [];
    let stopping = false;
    let started = false;
    let status = 0;
    let killTimer: NodeJS.Timeout | undefined;

    const fork = (index: string): void => {
      const w = cluster.fork({ [WORKER_ENV]: index });
      live.set(w, index);
      w.on('listening', () => {
        listening.add(w);
        if (!started && listening.size === opts.workers) {
          started = true;
          log.info({ workers: opts.workers, pids: [...live.keys()].map((x) => x.process.pid) }, 'all workers listening');
        }
      });
    };

    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      log.info({ signal, workers: live.size }, 'stopping workers (each drains its requests)');
      for (const w of live.keys()) w.process.kill('SIGTERM');
      killTimer = setTimeout(() => {
        for (const w of live.keys()) w.process.kill('SIGKILL');
      }, opts.shutdownTimeoutMs + 5000).unref();
      if (live.size === 0) finish();
    };

    const detachRelay = relayInPrimary();
    const finish = (): void => {
      detachRelay();
      if (killTimer) clearTimeout(killTimer);
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(status);
    };

    const onSignal = (signal: NodeJS.Signals): void => stop(signal);
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);

    cluster.on('exit', (w, code, signal) => {
      const index = live.get(w);
      live.delete(w);
      listening.delete(w);
      if (stopping) {
        if (live.size === 0) finish();
        return;
      }
      if (!started) {
        log.error({ worker: index, code, signal }, 'a worker stopped before listening: stopping the server');
        status = 1;
        stop('startup failure');
        return;
      }
      const now = Date.now();
      while (restarts.length && now - restarts[0] > 60_000) restarts.shift();
      if (restarts.length >= 5) {
        log.error({ worker: index, code, signal }, 'workers keep dying (5 restarts in a minute): stopping the server');
        status = 1;
        stop('restart limit');
        return;
      }
      restarts.push(now);
      log.warn({ worker: index, code, signal }, 'a worker died: starting a new one');
      fork(index ?? String(now));
    });

    for (let i = 0; i < opts.workers; i++) fork(String(i));
  });
}
