/**
 * @module cli/commands/monitor-watch
 * `modelwright monitor watch --config FILE [--once]`: scheduled checks. Every event (check
 * results, alerts, webhook failures, retraining decisions) is one pino JSON line on stderr; with
 * --once the round's outcomes are printed as the result (JSON under --json).
 */
import type { Command } from 'commander';
import pino from 'pino';
import { readWatchConfig } from '../../monitor/alerts/watch-config.js';
import { watch } from '../../monitor/alerts/watch.js';
import type { CliContext } from '../context.js';
import { subcommand } from './models-subcommand.js';

interface WatchFlags {
  config: string;
  once?: boolean;
}

/** The parent `monitor` command also has --json/--verbose/--quiet and takes them first: merge both. */
function withParentFlags(cmd: Command): Command {
  return { opts: () => ({ ...(cmd.parent?.opts() ?? {}), ...cmd.opts() }) } as unknown as Command;
}

export function addWatchCommand(ctx: CliContext, monitor: Command): void {
  const cmd = subcommand(monitor, 'watch', 'run drift and performance checks on a schedule; alert to a webhook and the log; optionally retrain')
    .requiredOption('--config <file>', 'JSON: {"interval": "1h", "webhook": URL, "checks": [{"model": "NAME@champion", "window": "24h", "retrain": {…}}]}')
    .option('--once', 'run every check once and exit (cron, tests)');
  const handler = ctx.action(async (out, flags: WatchFlags) => {
    const config = await readWatchConfig(flags.config);
    const logger = pino({ base: { service: 'modelwright-monitor' }, level: out.flags.quiet ? 'warn' : 'info' }, { write: (s: string) => out.streams.stderr.write(s) });
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    if (!flags.once) (process.once('SIGINT', onSignal), process.once('SIGTERM', onSignal));
    try {
      logger.info({ checks: config.checks.length, intervalMs: config.intervalMs, webhook: config.webhook?.url ?? null }, 'monitor watch started');
      const rounds = await watch(config, {
        once: flags.once, signal: stop.signal,
        emit: ({ level, msg, ...fields }) => logger[level](fields, msg),
      });
      const last = rounds[rounds.length - 1] ?? [];
      out.result(
        last.map((c) => ({ model: c.model, check_id: c.checkId ?? null, n_current: c.report?.n_current ?? 0, dataset_drift: c.report?.dataset_drift ?? null, drift_share: c.report?.drift_share ?? null, alerts: c.alerts, webhook: c.webhook ?? null, retrain: c.retrain ?? null, skipped: c.skipped ?? null })),
        (rows) => rows.map((r) => `${r.model}: ${r.skipped ? `skipped (${r.skipped})` : `${r.n_current} rows, ${r.alerts.length} alert(s)${r.alerts.length ? `: ${r.alerts.map((a) => a.kind).join(', ')}` : ''}`}`).join('\n'),
      );
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
  cmd.action((flags: WatchFlags, command: Command) => handler(flags, withParentFlags(command)));
}
