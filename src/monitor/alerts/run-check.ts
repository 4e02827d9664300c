/**
 * @module monitor/alerts/run-check
 * One scheduled check of one model:
 *
 *   runMonitor(window ending now) ─▶ too few rows? recorded, no drift alerts
 *     ─▶ record in monitor_checks (the dashboard's history)
 *     ─▶ alerts: to the log (events) and the webhook (one JSON POST per check with alerts)
 *     ─▶ an alert listed in `retrain.on`: retrain with the configured data and policy, and
 *        report its decision the same way
 */
import { parseSource, readData } from '../../data/ingest/index.js';
import { ModelwrightError } from '../../errors.js';
import type { Registry } from '../../registry/open-registry.js';
import type { MonitorAlert, MonitorCheck, MonitorStore } from '../log-store/monitor-store.js';
import { type RetrainResult, retrain } from '../retrain/retrain.js';
import { type MonitorReport, runMonitor } from '../run-monitor.js';
import type { CheckConfig, WebhookConfig } from './watch-config.js';
import { type WebhookResult, postWebhook } from './webhook.js';

export interface WatchEvent {
  readonly level: 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface CheckContext {
  readonly registry: Registry;
  readonly log: MonitorStore;
  readonly webhook?: WebhookConfig;
  readonly minRows: number;
  /** Epoch ms the check runs at (the window ends here). */
  readonly now: number;
  readonly emit: (e: WatchEvent) => void;
}

export interface CheckOutcome {
  readonly model: string;
  readonly checkId?: number;
  readonly report?: MonitorReport;
  readonly alerts: readonly MonitorAlert[];
  readonly webhook?: WebhookResult;
  readonly retrain?: RetrainResult;
  /** Why no report was made (no rows, an error). */
  readonly skipped?: string;
}

/** The per-column summary kept with each recorded check. */
function summaryOf(r: MonitorReport): Record<string, unknown> {
  const brief = (f: { name: string; test: string; statistic: number; drifted: boolean }) => ({ name: f.name, test: f.test, statistic: f.statistic, drifted: f.drifted });
  return {
    features: r.features.map(brief),
    prediction: r.prediction ? brief(r.prediction) : null,
    n_reference: r.n_reference,
    drift_share_threshold: r.drift_share_threshold,
    ...(r.performance ? { headline: r.performance.headline, baseline: r.performance.baseline?.value ?? null } : {}),
  };
}

function performanceOf(r: MonitorReport): Record<string, number> | null {
  const p = r.performance;
  if (!p) return null;
  const out: Record<string, number> = { n_labels: p.n_labels };
  for (const [k, v] of Object.entries(p.metrics)) if (typeof v === 'number') out[k] = v;
  return out;
}

async function runRetrain(c: CheckConfig, r: MonitorReport, ctx: CheckContext): Promise<{ result?: RetrainResult; alert: MonitorAlert }> {
  const spec = c.retrain!;
  try {
    const data = await readData(parseSource(spec.data));
    const result = await retrain({ name: r.model.name, data, source: spec.data, policy: spec.policy, registry: ctx.registry, log: ctx.log });
    return { result, alert: { kind: 'retrain', message: `${r.model.name}: retrained as v${result.challenger.version}, ${result.decision}. ${result.reason}`, details: { decision: result.decision, champion: result.champion.version, challenger: result.challenger.version, reason: result.reason } } };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { alert: { kind: 'retrain', message: `${r.model.name}: retraining failed: ${message}`, details: { error: err instanceof ModelwrightError ? err.code : 'MW_INTERNAL' } } };
  }
}

/** Run one configured check now. */
export async function runCheck(c: CheckConfig, ctx: CheckContext): Promise<CheckOutcome> {
  const since = ctx.now - c.windowMs;
  let report: MonitorReport;
  try {
    report = await runMonitor({ ref: c.model, since, until: ctx.now, drift: c.drift, performance: c.performance, registry: ctx.registry, log: ctx.log });
  } catch (err) {
    const reason = err instanceof ModelwrightError ? `${err.code}: ${err.message}` : String(err);
    const quiet = err instanceof ModelwrightError && err.code === 'MW_MONITOR_NO_DATA';
    ctx.emit({ level: quiet ? 'info' : 'error', msg: `check of ${c.model} skipped: ${reason}`, model: c.model });
    return { model: c.model, alerts: [], skipped: reason };
  }
  let alerts: MonitorAlert[] = [...report.alerts];
  const tooFew = report.n_current < ctx.minRows;
  if (tooFew) {
    // Too few rows for drift to mean much: keep only the performance alert (labels counted on their own).
    alerts = alerts.filter((a) => a.kind === 'performance_drop');
    ctx.emit({ level: 'info', msg: `${c.model}: only ${report.n_current} rows in the window (minRows ${ctx.minRows}); drift not alerted`, model: c.model });
  }
  let retrained: RetrainResult | undefined;
  if (c.retrain && alerts.some((a) => c.retrain!.on.includes(a.kind))) {
    ctx.emit({ level: 'warn', msg: `${c.model}: retraining (triggered by ${alerts.map((a) => a.kind).join(', ')})`, model: c.model });
    const { result, alert } = await runRetrain(c, report, ctx);
    retrained = result;
    alerts.push(alert);
  }
  const record: MonitorCheck = {
    model: report.model.name, version: report.model.version, at: ctx.now, since, until: ctx.now, nCurrent: report.n_current,
    datasetDrift: report.dataset_drift && !tooFew, driftShare: report.drift_share, predictionDrift: report.prediction_drift && !tooFew,
    performance: performanceOf(report), alerts, summary: summaryOf(report),
  };
  const checkId = await ctx.log.recordCheck(record);
  for (const a of alerts) ctx.emit({ level: a.kind === 'retrain' ? 'info' : 'warn', msg: a.message, alert: a.kind, model: report.model.name, version: report.model.version, check: checkId });
  if (alerts.length === 0) ctx.emit({ level: 'info', msg: `${c.model}: ${report.n_current} rows, ${report.n_drifted}/${report.n_features} columns drifted, no alerts`, model: report.model.name, check: checkId });
  let webhook: WebhookResult | undefined;
  if (ctx.webhook && alerts.length) {
    webhook = await postWebhook(ctx.webhook.url, {
      source: 'modelwright', type: 'monitor.alert', check_id: checkId, model: report.model.name, version: report.model.version,
      at: new Date(ctx.now).toISOString(), window: { since: new Date(since).toISOString(), until: new Date(ctx.now).toISOString() },
      n_current: report.n_current, dataset_drift: record.datasetDrift, drift_share: report.drift_share, prediction_drift: record.predictionDrift,
      performance: record.performance, alerts,
    }, { headers: ctx.webhook.headers, timeoutMs: ctx.webhook.timeoutMs });
    if (!webhook.ok) ctx.emit({ level: 'error', msg: `webhook ${ctx.webhook.url} failed: ${webhook.error}`, model: report.model.name, check: checkId });
  }
  return { model: report.model.name, checkId, report, alerts, ...(webhook ? { webhook } : {}), ...(retrained ? { retrain: retrained } : {}) };
}
