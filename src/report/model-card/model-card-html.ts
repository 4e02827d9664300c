/**
 * @module report/model-card/model-card-html
 * The model card as a self-contained HTML page, with the same sections as the Markdown:
 * details and intended use, training data, metrics (headline with interval), fairness per
 * sensitive column, limitations, parameters, version and lineage.
 */
import { VERSION } from '../../version.js';
import { badge, section, statGrid } from '../html/components.js';
import { formatCount, formatNumber } from '../html/format.js';
import { type SafeHtml, html } from '../html/html.js';
import { renderPage } from '../html/page.js';
import { renderKeyValues, renderTable } from '../html/table.js';
import type { ModelCardInput } from './model-card-input.js';

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatNumber(v, 4));
const count = (v: number | undefined): string => (v === undefined ? '–' : formatCount(v));

function fairness(c: ModelCardInput): SafeHtml {
  const entries = Object.entries(c.fairness ?? {});
  if (entries.length === 0) return html`<div class="panel muted">Not evaluated.</div>`;
  return html`${entries.map(([col, f]) => html`<div class="panel" style="margin-bottom:12px"><h3>${col}</h3><p class="muted small">Demographic parity difference ${num(f.demographic_parity_difference)}, ratio ${num(f.demographic_parity_ratio)}; equalized odds difference ${num(f.equalized_odds_difference)}.</p>${renderTable(
    [{ label: 'group' }, { label: 'n', numeric: true }, { label: 'selection rate', numeric: true }, { label: 'accuracy', numeric: true }, { label: 'TPR', numeric: true }, { label: 'FPR', numeric: true }, { label: 'RMSE', numeric: true }],
    f.groups.map((g) => [g.group, formatCount(g.n), num(g.selection_rate), num(g.accuracy), num(g.tpr), num(g.fpr), num(g.rmse)]),
  )}${f.warnings.length ? html`<ul class="warnings">${f.warnings.map((w) => html`<li><span>${badge('warning', 'warning')}</span><div>${w.message}</div></li>`)}</ul>` : ''}</div>`)}`;
}

export function modelCardHtml(c: ModelCardInput): string {
  const d = c.data ?? {};
  const m = c.metrics;
  const h = m?.headline;
  const body = html`${statGrid([
    { label: 'learner', value: c.learner },
    { label: 'task', value: c.task, note: c.classes ? c.classes.join(', ') : undefined },
    { label: 'target', value: c.target },
    { label: 'features', value: String(c.features.length) },
    ...(h && m ? [{ label: h.metric, value: num(m.values[h.metric]), note: `${Math.round(h.level * 100)}% CI ${num(h.low)} – ${num(h.high)}` }] : []),
  ])}${section('Intended use', html`<div class="panel"><p style="margin:0">${c.intendedUse ?? '–'}</p>${c.outOfScope ? html`<p class="muted">Out of scope: ${c.outOfScope}</p>` : ''}</div>`)}${section('Training data', html`<div class="panel">${renderKeyValues([
    ['source', d.source ?? '–'], ['fingerprint', html`<code>${d.fingerprint?.sha256 ?? '–'}</code>`], ['rows', count(d.rows)], ['columns', count(d.columns)],
    ['missing cells', count(d.missingCells)], ['duplicate rows', count(d.duplicateRows)],
    ...(d.classCounts ? [['class counts', Object.entries(d.classCounts).map(([k, v]) => `${k}: ${formatCount(v)}`).join(', ')] as [string, string]] : []),
  ])}</div>`)}${section('Metrics', m ? html`<div class="panel"><p class="muted small">Measured on ${m.on}.</p>${renderTable([{ label: 'metric' }, { label: 'value', numeric: true }], Object.entries(m.values).map(([k, v]) => [html`<code>${k}</code>`, num(v)]))}</div>` : html`<div class="panel muted">Not evaluated yet.</div>`)}${section('Fairness', fairness(c))}${section('Limitations and warnings', html`<div class="panel"><ul>${c.limitations.map((l) => html`<li>${l}</li>`)}</ul></div>`)}${section('Parameters', html`<div class="panel">${renderKeyValues(Object.entries(c.parameters).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]))}</div>`)}${section('Version and lineage', html`<div class="panel">${renderKeyValues([
    ['modelwright', c.version.modelwright], ['commit', c.version.commit ?? '–'], ['created', c.version.createdAt ?? '–'], ...Object.entries(c.lineage).map(([k, v]) => [k, String(v ?? '–')] as [string, string]),
  ])}</div>`)}`;
  return renderPage({ title: `Model card: ${c.name}`, subtitle: html`${badge(c.task, 'ok')} ${badge(c.learner, 'neutral')} predicts <strong>${c.target}</strong>`, body, footer: `Made by Modelwright ${VERSION}. Self-contained: loads nothing from the network.` });
}
