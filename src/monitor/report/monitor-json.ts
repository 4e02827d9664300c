/**
 * @module monitor/report/monitor-json
 * The JSON of `monitor --json`, and its plain-text rendering:
 *
 *   { model, window, reference, n_reference, n_current, dataset_drift, drift_share, …,
 *     features: [{ name, type, test, statistic, p_value?, p_value_adjusted?, threshold, drifted,
 *                  missing, new_categories? }],
 *     prediction_drift, prediction, performance?: { <metric>: value, …, n_labels, headline,
 *     baseline, drop, alert, buckets }, alerts }
 *
 * Chart data (per-column distributions) stays out of the JSON; the HTML report draws it.
 */
import type { FeatureDrift } from '../drift/types.js';
import type { MonitorReport } from '../run-monitor.js';

type FeatureJson = Omit<FeatureDrift, 'distribution'>;

function featureJson(f: FeatureDrift): FeatureJson {
  const { distribution: _chart, ...rest } = f;
  return rest;
}

export function monitorJson(r: MonitorReport): Record<string, unknown> {
  const p = r.performance;
  return {
    model: r.model,
    window: r.window,
    reference: r.reference,
    n_reference: r.n_reference,
    n_current: r.n_current,
    dataset_drift: r.dataset_drift,
    drift_share: r.drift_share,
    drift_share_threshold: r.drift_share_threshold,
    n_features: r.n_features,
    n_drifted: r.n_drifted,
    multiple_testing: r.multiple_testing,
    features: r.features.map(featureJson),
    skipped: r.skipped,
    prediction_drift: r.prediction_drift,
    prediction: r.prediction ? featureJson(r.prediction) : null,
    ...(p ? { performance: { ...p.metrics, n_labels: p.n_labels, unknown_labels: p.unknown_labels, headline: p.headline, baseline: p.baseline, drop: p.drop, alert: p.alert, buckets: p.buckets } } : {}),
    alerts: r.alerts,
  };
}

const num = (v: number | undefined | null, digits = 4): string => (v === undefined || v === null ? '—' : Math.abs(v) < 1e-4 && v !== 0 ? v.toExponential(1) : v.toFixed(digits));

/** A few lines and a table for the terminal. */
export function monitorText(r: MonitorReport): string {
  const label = r.model.version === null ? r.model.name : `${r.model.name}@${r.model.version}`;
  const win = r.window.source === 'log'
    ? `prediction log${r.window.since !== null ? ` since ${new Date(r.window.since).toISOString()}` : ''}${r.window.until !== null ? ` until ${new Date(r.window.until).toISOString()}` : ''}`
    : 'given data';
  const lines = [
    `${label}: ${r.n_current} current rows (${win}) against ${r.n_reference} reference rows.`,
    `Dataset drift: ${r.dataset_drift ? 'YES' : 'no'} — ${r.n_drifted} of ${r.n_features} columns drifted (${(r.drift_share * 100).toFixed(0)}%; threshold ${(r.drift_share_threshold * 100).toFixed(0)}%).`,
    '',
  ];
  const rows = r.features.map((f) => [f.name, f.type, f.test, num(f.statistic), num(f.p_value_adjusted ?? f.p_value), String(f.threshold), f.drifted ? 'DRIFT' : 'ok']);
  const head = ['column', 'type', 'test', 'statistic', 'p-value', 'threshold', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  lines.push(line(head), ...rows.map(line), '');
  if (r.prediction) lines.push(`Prediction (${r.prediction.name}): ${r.prediction.test} ${num(r.prediction.statistic)}${r.prediction.p_value !== undefined ? `, p ${num(r.prediction.p_value)}` : ''} — ${r.prediction_drift ? 'DRIFT' : 'no drift'}.`);
  const p = r.performance;
  if (p) {
    const now = p.metrics[p.headline];
    lines.push(`Performance: ${p.headline} ${num(now)} on ${p.n_labels} labelled rows${p.baseline ? ` (baseline ${num(p.baseline.value)}${p.drop !== null ? `, ${Math.abs(p.drop * 100).toFixed(1)}% ${p.drop >= 0 ? 'worse' : 'better'}` : ''})` : ''}.`);
  }
  if (r.alerts.length) lines.push('', 'Alerts:', ...r.alerts.map((a) => `  [${a.kind}] ${a.message}`));
  return lines.join('\n');
}
