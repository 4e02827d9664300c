/**
 * @module monitor/report/monitor-html
 * The monitor report as one self-contained HTML page (inline CSS and SVG, nothing fetched):
 * headline tiles (dataset drift, drift share, rows, prediction drift, performance), the alerts,
 * a table of every column's test, then one card per column with its reference and current
 * distributions overlaid (drifted columns first), the prediction's card, and performance over
 * time when labels arrived.
 */
import { CHART_CSS } from '../../report/charts/chart-styles.js';
import { lineChart } from '../../report/charts/line-chart.js';
import { badge, card, section, statGrid } from '../../report/html/components.js';
import { formatCount, formatNumber, formatPercent } from '../../report/html/format.js';
import { type SafeHtml, html } from '../../report/html/html.js';
import { renderPage } from '../../report/html/page.js';
import { renderTable } from '../../report/html/table.js';
import type { FeatureDrift } from '../drift/types.js';
import type { MonitorReport } from '../run-monitor.js';
import { OVERLAY_CSS, overlayChart } from './overlay-charts.js';

const fmt = (v: number | undefined | null): string => (v === undefined || v === null ? '—' : Math.abs(v) < 1e-4 && v !== 0 ? v.toExponential(2) : formatNumber(v, 4));
const when = (ms: number | null): string => (ms === null ? '…' : new Date(ms).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC'));

function verdict(f: FeatureDrift): SafeHtml {
  return f.drifted ? badge('drift', 'bad') : badge('ok', 'ok');
}

function featureCard(f: FeatureDrift): SafeHtml {
  const p = f.p_value_adjusted ?? f.p_value;
  const note = [
    `${f.test} ${fmt(f.statistic)}${p !== undefined ? `, p${f.p_value_adjusted !== undefined ? ' (BH)' : ''} ${fmt(p)}` : ''}; threshold ${f.threshold}`,
    `${formatCount(f.n_reference)} reference / ${formatCount(f.n_current)} current values`,
    f.missing.reference || f.missing.current ? `missing ${formatPercent(f.missing.reference)} → ${formatPercent(f.missing.current)}` : '',
    f.new_categories?.share ? `new categories ${formatPercent(f.new_categories.share)} (${f.new_categories.examples.slice(0, 3).join(', ')})` : '',
    f.text ? `out-of-vocabulary tokens ${formatPercent(f.text.out_of_vocabulary.reference)} → ${formatPercent(f.text.out_of_vocabulary.current)}` : '',
  ].filter(Boolean).join(' · ');
  const tags = html`${verdict(f)} ${badge(f.type, 'neutral')}${f.missing.shifted ? html` ${badge('missing shift', 'warning')}` : ''}${f.new_categories?.shifted ? html` ${badge('new categories', 'warning')}` : ''}`;
  return card({ title: f.name, id: `col-${f.name}`, tags, note, body: overlayChart(f.distribution) });
}

function performanceSection(r: MonitorReport): SafeHtml | string {
  const p = r.performance;
  if (!p) return '';
  const rows = Object.entries(p.metrics).map(([k, v]) => [k, fmt(v)]);
  const chart = p.buckets.length > 1
    ? lineChart({ series: [{ label: p.headline, x: p.buckets.map((b) => b.start), y: p.buckets.map((b) => b.value ?? Number.NaN), points: true }], xLabel: 'time (bucket start, epoch ms)', yLabel: p.headline, width: 560, height: 220 })
    : html`<p class="muted small">One time bucket so far: no trend to draw.</p>`;
  const baseline = p.baseline ? `Baseline ${p.headline} ${fmt(p.baseline.value)} (${p.baseline.source}); ${p.drop !== null ? `${formatPercent(Math.abs(p.drop))} ${p.drop >= 0 ? 'worse' : 'better'}` : ''}.` : 'No baseline metric recorded for this version.';
  return section('Performance on labelled rows', html`<p class="kicker">${formatCount(p.n_labels)} rows with feedback labels${p.unknown_labels ? `, ${p.unknown_labels} with labels the model does not know (left out)` : ''}. ${baseline}</p>
<div class="grid-2"><div class="panel">${renderTable([{ label: 'metric' }, { label: 'value', numeric: true }], rows)}</div><div class="panel">${chart}</div></div>`);
}

/**
 * The report as an HTML document.
 * @example writeFileAtomic('monitor.html', renderMonitorReport(await runMonitor({ ref: 'churn' })))
 */
export function renderMonitorReport(r: MonitorReport): string {
  const features = [...r.features].sort((a, b) => Number(b.drifted) - Number(a.drifted));
  const perf = r.performance;
  const headline = perf ? perf.metrics[perf.headline] : undefined;
  const tiles = statGrid([
    { label: 'dataset drift', value: r.dataset_drift ? badge('drift', 'bad') : badge('no drift', 'ok'), note: `share ≥ ${formatPercent(r.drift_share_threshold)}` },
    { label: 'drifted columns', value: `${r.n_drifted} / ${r.n_features}`, note: formatPercent(r.drift_share) },
    { label: 'current rows', value: formatCount(r.n_current), note: r.window.source === 'log' ? `${when(r.window.since)} → ${when(r.window.until)}` : 'given data' },
    { label: 'reference rows', value: formatCount(r.n_reference), note: r.reference.source === 'registry' ? 'stored profile' : 'given data' },
    { label: 'prediction drift', value: r.prediction_drift ? badge('drift', 'bad') : badge('no drift', 'ok'), note: r.prediction ? `${r.prediction.name}: ${r.prediction.test}` : 'no prediction reference' },
    ...(perf ? [{ label: perf.headline, value: fmt(headline), note: `${formatCount(perf.n_labels)} labels${perf.alert ? ' · dropped' : ''}` }] : []),
  ]);
  const alerts = r.alerts.length
    ? html`<ul class="alerts">${r.alerts.map((a) => html`<li>${badge(a.kind.replace(/_/g, ' '), a.kind === 'missing_values' || a.kind === 'new_categories' ? 'warning' : 'bad')} ${a.message}</li>`)}</ul>`
    : html`<p class="muted">No alerts.</p>`;
  const table = renderTable(
    [{ label: 'column' }, { label: 'type' }, { label: 'test' }, { label: 'statistic', numeric: true }, { label: 'p-value', numeric: true }, { label: 'threshold', numeric: true }, { label: 'verdict' }],
    features.map((f) => [html`<a href="#col-${f.name}">${f.name}</a>`, f.type, f.test, fmt(f.statistic), fmt(f.p_value_adjusted ?? f.p_value), String(f.threshold), verdict(f)]),
  );
  const skipped = r.skipped.length ? html`<p class="muted small">Not monitored: ${r.skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}.</p>` : '';
  const body = html`${tiles}
${section('Alerts', alerts)}
${section('Columns', html`<p class="kicker">Tests chosen by type and sample size (KS / χ² / z for ≤ 1000 rows, Wasserstein / Jensen–Shannon above); p-values corrected across columns with ${r.multiple_testing === 'none' ? 'no correction' : 'Benjamini–Hochberg'}.</p><div class="panel">${table}</div>${skipped}`)}
${r.prediction ? section('Prediction', html`<div class="cards">${featureCard(r.prediction)}</div><p class="muted small">Reference predictions from ${r.reference.predictions === 'held-out' ? 'rows held out of training' : 'training rows (in-sample: usually more confident than live predictions)'}.</p>`) : ''}
${performanceSection(r)}
${section('Distributions', html`<div class="cards">${features.map(featureCard)}</div>`)}`;
  const label = r.model.version === null ? r.model.name : `${r.model.name}@${r.model.version}`;
  return renderPage({
    title: `Monitoring: ${label}`,
    subtitle: `${r.window.source === 'log' ? 'Prediction log' : 'Given data'} against the reference profile · generated ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC`,
    body,
    css: CHART_CSS + OVERLAY_CSS + 'ul.alerts { padding-left: 18px; } ul.alerts li { margin: 4px 0; }',
    footer: 'Modelwright monitor report — self-contained; nothing is fetched.',
  });
}
