/**
 * @module monitor/dashboard/dashboard-html
 * The monitoring dashboard page (self-contained HTML, inline SVG, no script): a table of every
 * model with its status badge (drift / performance drop / ok / no checks), champion version,
 * latest check and headline numbers; then a card per model with drift share and performance
 * over time from its recorded checks, and its latest alerts.
 */
import { CHART_CSS } from '../../report/charts/chart-styles.js';
import { badge, card, section, statGrid } from '../../report/html/components.js';
import { formatCount, formatNumber, formatPercent } from '../../report/html/format.js';
import { type SafeHtml, html } from '../../report/html/html.js';
import { renderPage } from '../../report/html/page.js';
import { renderTable } from '../../report/html/table.js';
import type { DashboardData, ModelStatus } from './dashboard-data.js';
import { historyChart } from './history-chart.js';

const when = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

function statusBadge(s: ModelStatus['status']): SafeHtml {
  switch (s) {
    case 'drift': return badge('drift', 'bad');
    case 'performance_drop': return badge('performance drop', 'bad');
    case 'ok': return badge('ok', 'ok');
    default: return badge('no checks', 'neutral');
  }
}

function modelCard(m: ModelStatus): SafeHtml {
  const driftPoints = m.history.map((c) => ({ at: c.at, value: c.driftShare, alert: c.datasetDrift }));
  const perfPoints = m.metric ? m.history.map((c) => ({ at: c.at, value: c.performance?.[m.metric!] ?? null, alert: c.alerts.some((a) => a.kind === 'performance_drop') })) : [];
  const last = m.lastCheck;
  const alerts = last?.alerts.length
    ? html`<ul class="alerts">${last.alerts.slice(0, 5).map((a) => html`<li>${badge(a.kind.replace(/_/g, ' '), a.kind === 'retrain' ? 'info' : 'warning')} ${a.message}</li>`)}</ul>`
    : html`<p class="muted small">${last ? 'No alerts in the latest check.' : 'No checks recorded: run `modelwright monitor watch`.'}</p>`;
  const threshold = typeof (last?.summary as { drift_share_threshold?: unknown } | undefined)?.drift_share_threshold === 'number' ? ((last!.summary as { drift_share_threshold: number }).drift_share_threshold) : 0.5;
  return card({
    title: m.name,
    id: `model-${m.name}`,
    tags: html`${statusBadge(m.status)} ${m.servedVersion !== null ? badge(`v${m.servedVersion}`, 'neutral') : ''}`,
    note: last ? `Latest check ${when(last.at)} · ${formatCount(last.nCurrent)} rows · ${m.history.length} checks recorded` : 'Not checked yet.',
    body: html`<div class="grid-2"><div><div class="muted small">drift share (dashed: dataset-drift threshold)</div>${historyChart(driftPoints, { label: 'drift share', threshold, yDomain: [0, 1], format: (v) => formatPercent(v), width: 520, height: 170 })}</div>
<div><div class="muted small">${m.metric ?? 'performance'} on labelled rows</div>${historyChart(perfPoints, { label: m.metric ?? 'performance', format: (v) => formatNumber(v, 3), width: 520, height: 170 })}</div></div>${alerts}`,
  });
}

/**
 * The dashboard as an HTML document.
 * @example reply.type('text/html').send(renderDashboard(await dashboardData(reg, log)))
 */
export function renderDashboard(d: DashboardData): string {
  const drifting = d.models.filter((m) => m.status === 'drift' || m.status === 'performance_drop').length;
  const tiles = statGrid([
    { label: 'models', value: formatCount(d.models.length) },
    { label: 'need attention', value: drifting ? badge(String(drifting), 'bad') : badge('0', 'ok'), note: 'drift or performance drop' },
    { label: 'checks recorded', value: formatCount(d.models.reduce((s, m) => s + m.history.length, 0)) },
  ]);
  const rows = d.models.map((m) => {
    const c = m.lastCheck;
    const perf = c?.performance && m.metric ? `${m.metric} ${formatNumber(c.performance[m.metric] ?? Number.NaN, 3)} (${formatCount(c.performance.n_labels ?? 0)} labels)` : '—';
    return [
      html`<a href="#model-${m.name}">${m.name}</a>`, statusBadge(m.status),
      Object.entries(m.aliases).map(([a, v]) => `${a}→v${v}`).join(', ') || (m.latestVersion !== null ? `latest v${m.latestVersion}` : '—'),
      c ? when(c.at) : '—', c ? formatCount(c.nCurrent) : '—', c ? formatPercent(c.driftShare) : '—', c ? (c.predictionDrift ? 'yes' : 'no') : '—', perf,
    ];
  });
  const table = renderTable(
    [{ label: 'model' }, { label: 'status' }, { label: 'aliases' }, { label: 'latest check' }, { label: 'rows', numeric: true }, { label: 'drift share', numeric: true }, { label: 'prediction drift' }, { label: 'performance' }],
    rows,
  );
  const body = html`${tiles}
${section('Models', d.models.length ? html`<div class="panel">${table}</div>` : html`<p class="muted">No models registered or logged yet.</p>`)}
${section('Over time', html`<div class="model-cards">${d.models.map(modelCard)}</div>`)}`;
  return renderPage({
    title: 'Modelwright monitoring',
    subtitle: `Registry ${d.registry} · prediction log ${d.log} · ${when(d.generatedAt)}`,
    body,
    css: `${CHART_CSS} .model-cards { display: grid; grid-template-columns: minmax(0, 1fr); gap: 14px; } ul.alerts { padding-left: 18px; margin: 6px 0 0; } ul.alerts li { margin: 3px 0; font-size: 12.5px; } .card .body .grid-2 { gap: 10px; }`,
    footer: 'Self-contained page: nothing is fetched. Reload for fresh data.',
  });
}
