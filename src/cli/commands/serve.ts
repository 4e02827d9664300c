/**
 * @module cli/commands/serve
 * `modelwright serve [--host 127.0.0.1] [--port 8080] [--model REF …] [--config FILE]
 * [--workers N] [--check]`: the prediction server (src/serve/). Structured logs (pino, JSON
 * lines) go to stdout; the command returns once the server has drained after SIGTERM/SIGINT.
 * `--check` loads the config and every model, reports, and exits 0 (all good) or 1.
 */
import { pino } from 'pino';
import { ModelwrightError, UsageError } from '../../errors.js';
import { isServeWorker, runCluster, workerIndex } from '../../serve/cluster.js';
import { type ServeConfig, mergeServeFlags, parseServeConfig, readServeConfig } from '../../serve/config.js';
import { openWorkerLogStore } from '../../serve/log-worker/worker-log-store.js';
import { ModelPool } from '../../serve/model-pool.js';
import { startServer } from '../../serve/start-server.js';
import { type CliContext, collect } from '../context.js';

interface ServeFlags {
  host?: string;
  port?: string;
  model?: string[];
  config?: string;
  workers?: string;
  check?: boolean;
  logLevel: string;
}

function intFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError('MW_USAGE', `--${name} must be an integer in [${min}, ${max}]. Got '${value}' instead.`);
  return n;
}

async function configOf(flags: ServeFlags): Promise<ServeConfig> {
  const base = flags.config ? await readServeConfig(flags.config) : parseServeConfig({});
  const config = mergeServeFlags(base, {
    host: flags.host,
    port: intFlag('port', flags.port, 0, 65535),
    workers: intFlag('workers', flags.workers, 1, 256),
    models: flags.model,
  });
  if (config.models.length === 0) {
    throw new UsageError('MW_USAGE', 'Nothing to serve: give --model REF (repeatable; NAME=REF to choose the URL name) or a --config file with "models".');
  }
  return config;
}

export function registerServe(ctx: CliContext): void {
  ctx
    .command('serve', 'serve models over HTTP: real-time and batch predictions, KServe V2, metrics')
    .option('--host <host>', 'address to listen on (default 127.0.0.1: this machine only)')
    .option('--port <n>', 'port to listen on (default 8080; 0 = any free port)')
    .option('--model <ref>', 'a model to serve: path, NAME, NAME@VERSION, NAME@ALIAS, or URLNAME=REF (repeatable)', collect)
    .option('--config <file>', 'server config (JSON): models, canary/shadow, API keys, rate limit, limits')
    .option('--workers <n>', 'worker processes sharing the port (default 1)')
    .option('--check', 'validate the config and load every model, then exit (0 ok, 1 not)')
    .option('--log-level <level>', 'log level: fatal, error, warn, info, debug', 'info')
    .action(
      ctx.action(async (out, flags: ServeFlags) => {
        const config = await configOf(flags);
        if (flags.check) {
          const pool = await ModelPool.load(config.models);
          const models = pool.entries().map((e) => ({
            name: e.config.name,
            slots: pool.slots(e).map((s) => ({ role: s.role, ref: s.ref, version: s.current.version, task: s.current.task.task, inputs: s.current.contract.fields.length })),
          }));
          await pool.close();
          const report = { ok: true, host: config.host, port: config.port, workers: config.workers, models };
          out.result(report, (r) => [`Config OK: ${r.models.length} model(s) load.`, ...r.models.flatMap((m) => m.slots.map((s) => `  ${m.name} [${s.role}] ${s.ref} → version ${s.version ?? '(file)'}, ${s.task}, ${s.inputs} inputs`))].join('\n'));
          return;
        }
        const logger = pino({ level: flags.logLevel, base: { pid: process.pid, ...(workerIndex() !== undefined ? { worker: workerIndex() } : {}) } }, { write: (s: string) => out.streams.stdout.write(s) });
        if (config.workers > 1 && !isServeWorker()) {
          const status = await runCluster({ workers: config.workers, shutdownTimeoutMs: config.shutdownTimeoutMs, logger });
          if (status !== 0) throw new ModelwrightError('MW_SERVE_NOT_READY', 'The server workers could not start or kept failing; see the log lines above.');
          return;
        }
        const server = await startServer({ config, logger, logStore: () => openWorkerLogStore(), worker: workerIndex() });
        await server.closed;
      }),
    );
}
