/**
 * @module monitor/alerts/report-alerts
 * The alerts a monitor report raises, one per condition, each with a sentence a person can act
 * on: dataset drift, prediction drift, a performance drop, missing-value shifts and new
 * categories. Column-level drift below the dataset verdict is reported, not alerted.
 */
import type { DriftReport } from '../drift/types.js';
import type { MonitorAlert } from '../log-store/monitor-store.js';
import type { PerformanceReport } from '../performance/live-performance.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function reportAlerts(model: string, drift: DriftReport, performance?: PerformanceReport): MonitorAlert[] {
  const alerts: MonitorAlert[] = [];
  const drifted = drift.features.filter((f) => f.drifted).map((f) => f.name);
  if (drift.dataset_drift) {
    alerts.push({
      kind: 'dataset_drift',
      message: `${model}: ${drift.n_drifted} of ${drift.n_features} columns drifted (${pct(drift.drift_share)} ≥ ${pct(drift.drift_share_threshold)}): ${drifted.join(', ')}.`,
      details: { drift_share: drift.drift_share, drifted },
    });
  }
  if (drift.prediction_drift && drift.prediction) {
    const p = drift.prediction;
    alerts.push({
      kind: 'prediction_drift',
      message: `${model}: the distribution of '${p.name}' drifted (${p.test} ${p.statistic.toPrecision(3)}${p.p_value !== undefined ? `, p = ${p.p_value.toPrecision(2)}` : ''}; threshold ${p.threshold}).`,
      details: { test: p.test, statistic: p.statistic, p_value: p.p_value, threshold: p.threshold },
    });
  }
  if (performance?.alert && performance.baseline && performance.drop !== null) {
    const now = performance.metrics[performance.headline];
    alerts.push({
      kind: 'performance_drop',
      message: `${model}: ${performance.headline} is ${now?.toPrecision(4)} on ${performance.n_labels} labelled rows, ${pct(performance.drop)} worse than the baseline ${performance.baseline.value.toPrecision(4)} (${performance.baseline.source}).`,
      details: { metric: performance.headline, value: now, baseline: performance.baseline.value, drop: performance.drop, n_labels: performance.n_labels },
    });
  }
  const missing = drift.features.filter((f) => f.missing.shifted);
  if (missing.length) {
    alerts.push({
      kind: 'missing_values',
      message: `${model}: the missing share changed in ${missing.map((f) => `${f.name} (${pct(f.missing.reference)} → ${pct(f.missing.current)})`).join(', ')}.`,
      details: { columns: missing.map((f) => ({ name: f.name, ...f.missing })) },
    });
  }
  const fresh = drift.features.filter((f) => f.new_categories?.shifted);
  if (fresh.length) {
    alerts.push({
      kind: 'new_categories',
      message: `${model}: values never seen in training in ${fresh.map((f) => `${f.name} (${pct(f.new_categories!.share ?? 0)}, e.g. ${f.new_categories!.examples.slice(0, 3).join(', ')})`).join('; ')}.`,
      details: { columns: fresh.map((f) => ({ name: f.name, ...f.new_categories })) },
    });
  }
  return alerts;
}
