/**
 * @module report/explain/explain-report
 * The HTML page of `modelwright explain --html`: how the explanation was computed, the SHAP
 * summary and dependence plots, partial dependence, global importance, interactions, and the
 * first rows' largest contributions. Self-contained (inline CSS and SVG).
 */
import type { TableExplanation } from '../../explain/explain-table.js';
import type { PerOutput } from '../../explain/explain-json.js';
import { VERSION } from '../../version.js';
import { CHART_CSS } from '../charts/chart-styles.js';
import { badge, card, section } from '../html/components.js';
import { formatNumber } from '../html/format.js';
import { type SafeHtml, html } from '../html/html.js';
import { renderPage } from '../html/page.js';
import { renderTable } from '../html/table.js';
import { explainSections } from './explain-sections.js';

export interface ExplainReportInput {
  readonly explanation: TableExplanation;
  readonly model: string;
  readonly data: string;
  readonly generatedAt?: Date;
}

const size = (v: PerOutput): number => (typeof v === 'number' ? Math.abs(v) : Object.values(v).reduce((a, b) => a + Math.abs(b), 0));
const show = (v: PerOutput): string => (typeof v === 'number' ? formatNumber(v, 3) : Object.entries(v).map(([k, x]) => `${k} ${formatNumber(x, 3)}`).join(' · '));

function rowsSection(x: TableExplanation): SafeHtml | '' {
  const rows = x.json.rows.filter((r) => Object.keys(r.contributions).length > 0).slice(0, 6);
  if (rows.length === 0) return '';
  return section('Individual rows', html`<div class="grid-3">${rows.map((r) => {
    const top = Object.entries(r.contributions).sort((a, b) => size(b[1]) - size(a[1])).slice(0, 6);
    return card({ title: `Row ${r.row}`, tags: badge(`prediction ${show(r.prediction_raw)}`, 'neutral'), body: renderTable([{ label: 'feature' }, { label: 'contribution', numeric: true }], top.map(([f, v]) => [f, show(v)])) });
  })}</div>`, 'rows');
}

export function renderExplainReport(input: ExplainReportInput): string {
  const j = input.explanation.json;
  const when = (input.generatedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  return renderPage({
    title: `Explanation: ${input.model}`,
    subtitle: html`${badge(j.model.task, 'ok')} ${badge(j.model.learner, 'neutral')} target <strong>${j.model.target}</strong> · ${j.sample_rows} rows of ${input.data} · generated ${when} UTC`,
    body: html`${explainSections(j, input.explanation.plots)}${rowsSection(input.explanation)}`,
    css: CHART_CSS,
    footer: `Made by Modelwright ${VERSION}. This page is self-contained: it loads nothing from the network.`,
  });
}
