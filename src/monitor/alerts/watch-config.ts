/**
 * @module monitor/alerts/watch-config
 * The configuration of `monitor watch` (a JSON file; relative paths resolve from its folder):
 *
 *   {
 *     "interval": "1h",                      how often to check (default 1h)
 *     "webhook": "http://…/hook",            alerts POSTed as JSON (or { "url", "headers", "timeout" })
 *     "minRows": 100,                        fewer rows in a window: recorded, no drift alerts
 *     "checks": [{
 *       "model": "churn@champion",           what to check (NAME, NAME@VERSION, NAME@ALIAS)
 *       "window": "24h",                     the log window ending now (default: the interval)
 *       "drift": { … }, "performance": { … } drift-options.ts / live-performance.ts options
 *       "retrain": { "data": "new.csv", "policy": "policy.json" | { … },
 *                    "on": ["dataset_drift", "performance_drop"] }
 *     }]
 *   }
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { type DriftOptions, resolveDriftOptions } from '../drift/drift-options.js';
import type { MonitorAlert } from '../log-store/monitor-store.js';
import type { PerformanceOptions } from '../performance/live-performance.js';
import { type RetrainPolicy, checkRetrainPolicy, readRetrainPolicy } from '../retrain/retrain-policy.js';
import { parseDuration } from '../time-spec.js';

export interface WebhookConfig {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

export interface CheckConfig {
  readonly model: string;
  readonly windowMs: number;
  readonly drift: DriftOptions;
  readonly performance: PerformanceOptions;
  readonly retrain?: { readonly data: string; readonly policy: RetrainPolicy; readonly on: readonly MonitorAlert['kind'][] };
}

export interface WatchConfig {
  readonly intervalMs: number;
  readonly webhook?: WebhookConfig;
  readonly minRows: number;
  readonly checks: readonly CheckConfig[];
}

const TRIGGERS: readonly MonitorAlert['kind'][] = ['dataset_drift', 'prediction_drift', 'performance_drop', 'missing_values', 'new_categories'];

function bad(path: string, message: string): UsageError {
  return new UsageError('MW_MONITOR_CONFIG', `Watch config '${path}': ${message}`, { hint: 'See `modelwright monitor watch --help` for the config shape.' });
}

/** Read, validate and resolve a watch config file. */
export async function readWatchConfig(path: string): Promise<WatchConfig> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw bad(path, `cannot be read as JSON: ${(err as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad(path, 'must be a JSON object.');
  const base = dirname(resolve(path));
  const duration = (v: unknown, what: string, fallback: number): number => {
    if (v === undefined) return fallback;
    try {
      return parseDuration(v as string | number, what);
    } catch (err) {
      throw bad(path, (err as Error).message);
    }
  };
  const intervalMs = duration(raw.interval, "'interval'", 3_600_000);
  let webhook: WebhookConfig | undefined;
  if (raw.webhook !== undefined) {
    const w = typeof raw.webhook === 'string' ? { url: raw.webhook } : (raw.webhook as Record<string, unknown>);
    if (typeof w?.url !== 'string' || !/^https?:\/\//.test(w.url)) throw bad(path, `'webhook' must be an http(s) URL or { "url": … }. Got ${JSON.stringify(raw.webhook)} instead.`);
    webhook = { url: w.url, headers: (w.headers ?? {}) as Record<string, string>, timeoutMs: duration(w.timeout, "'webhook.timeout'", 10_000) };
  }
  const minRows = raw.minRows === undefined ? 100 : Number(raw.minRows);
  if (!Number.isInteger(minRows) || minRows < 1) throw bad(path, `'minRows' must be an integer ≥ 1. Got ${JSON.stringify(raw.minRows)} instead.`);
  if (!Array.isArray(raw.checks) || raw.checks.length === 0) throw bad(path, "'checks' must be a non-empty list of { \"model\": … }.");
  const checks: CheckConfig[] = [];
  for (const [i, c] of (raw.checks as Record<string, unknown>[]).entries()) {
    if (typeof c?.model !== 'string' || c.model.length === 0) throw bad(path, `checks[${i}].model must be a model reference such as "churn@champion".`);
    const drift = (c.drift ?? {}) as DriftOptions;
    try {
      resolveDriftOptions(drift);
    } catch (err) {
      throw bad(path, `checks[${i}].drift: ${(err as Error).message}`);
    }
    let retrain: CheckConfig['retrain'];
    if (c.retrain !== undefined) {
      const r = c.retrain as Record<string, unknown>;
      if (typeof r.data !== 'string') throw bad(path, `checks[${i}].retrain.data must name the new labelled data.`);
      const on = (r.on ?? ['dataset_drift', 'performance_drop']) as MonitorAlert['kind'][];
      if (!Array.isArray(on) || on.some((k) => !TRIGGERS.includes(k))) throw bad(path, `checks[${i}].retrain.on must list alert kinds from ${TRIGGERS.join(', ')}.`);
      const policy = typeof r.policy === 'string' ? await readRetrainPolicy(resolve(base, r.policy)) : checkRetrainPolicy(r.policy ?? {});
      const data = /^[a-z]+:\/\//i.test(r.data) ? r.data : resolve(base, r.data);
      retrain = { data, policy, on };
    }
    checks.push({ model: c.model, windowMs: duration(c.window, `checks[${i}].window`, intervalMs), drift, performance: (c.performance ?? {}) as PerformanceOptions, ...(retrain ? { retrain } : {}) });
  }
  return { intervalMs, ...(webhook ? { webhook } : {}), minRows, checks };
}
