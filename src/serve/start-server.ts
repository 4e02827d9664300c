/**
 * @module serve/start-server
 * A running server's life:
 *
 *   createServer   load every configured model (pool) with load-time metrics and logs,
 *                  build the app, start following registry aliases
 *   startServer    + listen (loopback unless told otherwise), and on SIGTERM/SIGINT:
 *   shutdown       /readyz → 503; stop accepting; wait for in-flight requests (at most
 *                  shutdownTimeoutMs, then close what is left); flush and close the
 *                  prediction log; close the registry.
 */
import type { Logger } from 'pino';
import type { PredictionLogStore } from '../monitor/log-store/types.js';
import type { Registry } from '../registry/open-registry.js';
import cluster from 'node:cluster';
import { type BuiltServer, buildServer } from './app.js';
import type { ServeConfig } from './config.js';
import { ServeMetrics } from './metrics.js';
import { ModelPool } from './model-pool.js';
import { versionLabel } from './predict-response.js';

export interface CreateServerOptions {
  readonly config: ServeConfig;
  readonly logger: Logger;
  /** The prediction log, or how to open it once the models have loaded (default: in memory). */
  readonly logStore?: PredictionLogStore | (() => Promise<PredictionLogStore>);
  readonly registry?: Registry;
  readonly env?: NodeJS.ProcessEnv;
  /** Label for metrics when several worker processes serve (cluster.ts). */
  readonly worker?: string;
}

/** Load the models and build the app (not listening). */
export async function createServer(opts: CreateServerOptions): Promise<BuiltServer> {
  const { config, logger: log } = opts;
  const metrics = new ServeMetrics({ worker: opts.worker });
  const pool = await ModelPool.load(config.models, {
    registry: opts.registry,
    onLoaded: (name, slot, previous) => {
      const m = slot.current;
      metrics.modelLoaded(name, versionLabel(m), slot.role, m.loadSeconds, previous !== null);
      if (previous) log.info({ model: name, role: slot.role, ref: slot.ref, from: previous.version, to: m.version, loadSeconds: m.loadSeconds }, 'alias moved: now serving the new version');
      else log.info({ model: name, role: slot.role, version: m.version, learner: m.learner, task: m.task.task, loadSeconds: m.loadSeconds }, 'model loaded');
    },
    onReloadError: (name, slot, err) => log.warn({ model: name, ref: slot.ref, err: (err as Error).message }, 'could not reload a model; the loaded version keeps serving'),
  });
  let logStore: PredictionLogStore | undefined;
  try {
    logStore = typeof opts.logStore === 'function' ? await opts.logStore() : opts.logStore;
    const inCluster = opts.worker !== undefined && cluster.isWorker;
    const built = await buildServer({ config, pool, logStore, logger: log, metrics, env: opts.env, inCluster });
    pool.watch(config.reloadIntervalMs);
    return built;
  } catch (err) {
    await pool.close();
    await logStore?.close().catch(() => undefined);
    throw err;
  }
}

export interface RunningServer extends BuiltServer {
  /** Where it listens, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  readonly port: number;
  /** Drain and stop (idempotent); resolves when everything is closed. */
  shutdown(reason?: string): Promise<void>;
  /** Resolves once the server has shut down (by `shutdown` or a signal). */
  readonly closed: Promise<void>;
}

export interface StartServerOptions extends CreateServerOptions {
  /** Stop gracefully on SIGTERM and SIGINT (default true). */
  readonly handleSignals?: boolean;
}

/**
 * Load, listen and serve until SIGTERM.
 * @example const s = await startServer({ config, logger }); … await s.shutdown();
 */
export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  const { config, logger: log } = opts;
  const built = await createServer(opts);
  const { app, context } = built;
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await app.close(); // closes the pool and the log the app owns
    throw err;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info({ url, models: context.pool.names(), auth: context.auth.enabled, pid: process.pid }, 'listening');

  let done: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (done = resolve));
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals): void => void shutdown(signal);
  const shutdown = (reason = 'shutdown'): Promise<void> => {
    stopping ??= (async () => {
      context.draining = true;
      log.info({ reason }, 'draining: no new connections; finishing requests in flight');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), config.shutdownTimeoutMs)));
      const closing = app.close();
      const result = await Promise.race([closing.then(() => 'closed' as const), timeout]);
      clearTimeout(timer);
      if (result === 'timeout') {
        log.warn({ timeoutMs: config.shutdownTimeoutMs }, 'requests still in flight after the shutdown timeout: closing their connections');
        app.server.closeAllConnections();
        await closing;
      }
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      log.info('stopped');
      done();
    })();
    return stopping;
  };
  if (opts.handleSignals !== false) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { ...built, url, port, shutdown, closed };
}
