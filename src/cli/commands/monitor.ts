/**
 * @module cli/commands/monitor
 * `modelwright monitor REF [--since T] [--until T] [--current DATA] [--reference DATA] [--html FILE]`:
 * drift (and, with feedback labels, performance) of a model's logged traffic — or of a given
 * table — against the reference profile stored at registration. `monitor watch --config FILE`
 * (monitor-watch.ts) runs such checks on a schedule.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { DriftOptions } from '../../monitor/drift/drift-options.js';
import type { PerformanceOptions } from '../../monitor/performance/live-performance.js';
import { monitorJson, monitorText } from '../../monitor/report/monitor-json.js';
import { renderMonitorReport } from '../../monitor/report/monitor-html.js';
import { runMonitor } from '../../monitor/run-monitor.js';
import { parseDuration, parseTimeSpec } from '../../monitor/time-spec.js';
import type { CliContext } from '../context.js';
import { type DataFlags, addDataOptions, readDataArg } from '../data-options.js';
import { addWatchCommand } from './monitor-watch.js';

interface MonitorFlags extends DataFlags {
  since?: string;
  until?: string;
  current?: string;
  reference?: string;
  html?: string;
  metric?: string;
  driftShare?: string;
  bucket?: string;
  options?: string;
}

/** `--options FILE`: `{ "drift": DriftOptions, "performance": PerformanceOptions }`. */
async function readOptionsFile(path: string | undefined): Promise<{ drift?: DriftOptions; performance?: PerformanceOptions }> {
  if (!path) return {};
  try {
    return JSON.parse(await readFile(path, 'utf8')) as { drift?: DriftOptions; performance?: PerformanceOptions };
  } catch (err) {
    throw new UsageError('MW_MONITOR_CONFIG', `Cannot read monitor options '${path}': ${(err as Error).message}`, { hint: 'Give a JSON file {"drift": {…}, "performance": {…}}.' });
  }
}

export function registerMonitor(ctx: CliContext): void {
  const cmd = ctx
    .command('monitor', 'drift and live performance of a model: its logged traffic (or a given table) against its training reference')
    .argument('<ref>', 'registered model: NAME, NAME@VERSION or NAME@ALIAS (or a model path with --reference)')
    .option('--since <time>', 'start of the log window: ISO time, epoch ms, or a duration ago (24h, 7d)')
    .option('--until <time>', 'end of the log window (exclusive; default now)')
    .option('--current <data>', 'compare this table instead of the prediction log (labels used when it has the target)')
    .option('--reference <data>', 'build the reference from this table instead of the stored profile')
    .option('--html <file>', 'also write a self-contained HTML report with per-column distribution charts')
    .option('--metric <name>', 'performance metric (default roc_auc / accuracy / rmse by task)')
    .option('--drift-share <share>', 'share of drifted columns that means dataset drift (default 0.5)')
    .option('--bucket <duration>', 'time bucket for performance over time (default 1d)')
    .option('--options <file>', 'JSON {"drift": {tests, thresholds, …}, "performance": {maxDrop, minLabels}}');
  addDataOptions(cmd);
  cmd.action(
    ctx.action(async (out, ref: string, flags: MonitorFlags) => {
      const now = Date.now();
      const since = flags.since ? parseTimeSpec(flags.since, '--since', now) : undefined;
      const until = flags.until ? parseTimeSpec(flags.until, '--until', now) : undefined;
      if (since !== undefined && until !== undefined && since >= until) throw new UsageError('MW_USAGE', `--since (${new Date(since).toISOString()}) must be before --until (${new Date(until).toISOString()}).`);
      const file = await readOptionsFile(flags.options);
      const driftShare = flags.driftShare === undefined ? undefined : Number(flags.driftShare);
      if (driftShare !== undefined && !(driftShare > 0 && driftShare <= 1)) throw new UsageError('MW_USAGE', `--drift-share must be a number in (0, 1]. Got '${flags.driftShare}' instead.`);
      const current = flags.current ? await readDataArg(flags.current, flags) : undefined;
      const reference = flags.reference ? await readDataArg(flags.reference, flags) : undefined;
      const report = await runMonitor({
        ref, since, until, current, reference,
        drift: { ...file.drift, ...(driftShare !== undefined ? { driftShare } : {}) },
        performance: { ...file.performance, ...(flags.metric ? { metric: flags.metric } : {}), ...(flags.bucket ? { bucketMs: parseDuration(flags.bucket, '--bucket') } : {}) },
      });
      if (flags.html) {
        await writeFileAtomic(flags.html, renderMonitorReport(report));
        out.info(`Wrote ${flags.html}`);
      }
      out.result(monitorJson(report), () => monitorText(report));
    }),
  );
  addWatchCommand(ctx, cmd);
}
