/**
 * @module report/explain/explain-sections
 * Explanation charts for reports: the SHAP summary (beeswarm), dependence plots of the top
 * features, partial dependence (with ICE lines), and global importance — mean |SHAP| and
 * permutation importance with its spread — plus a note saying how the values were computed.
 */
import type { ExplainPlots } from '../../explain/explain-plots.js';
import type { ExplainJson } from '../../explain/explain-table.js';
import { barChart } from '../charts/bar-chart.js';
import { beeswarmChart } from '../charts/beeswarm.js';
import { lineChart } from '../charts/line-chart.js';
import { scatterChart } from '../charts/scatter-chart.js';
import { badge, card, section } from '../html/components.js';
import { formatNumber } from '../html/format.js';
import { type SafeHtml, html } from '../html/html.js';
import { renderTable } from '../html/table.js';

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatNumber(v, 3));
const total = (v: number | Record<string, number> | null): number => (v === null ? 0 : typeof v === 'number' ? v : Object.values(v).reduce((a, b) => a + b, 0));
const SCALE: Record<string, string> = { log_odds: 'log-odds', softmax_logit: 'softmax input (log-odds scale)', probability: 'probability', value: 'predicted value', log_value: 'log of the predicted value' };

function importanceCards(j: ExplainJson): SafeHtml[] {
  const top = j.global.slice(0, 15);
  const cards: SafeHtml[] = [];
  if (top.some((g) => g.mean_abs_shap !== null)) {
    cards.push(card({
      title: 'Mean |SHAP value|', note: `Average size of each feature's contribution over ${j.sample_rows} rows (${SCALE[j.output_space] ?? j.output_space}${j.outputs.length > 1 ? ', summed over classes' : ''}).`,
      body: barChart(top.map((g) => ({ label: g.feature, value: total(g.mean_abs_shap) })), { formatValue: (v) => formatNumber(v, 3), label: 'mean absolute SHAP value' }),
    }));
  }
  if (j.permutation) {
    const basis = j.permutation.basis === 'prediction_change' ? 'mean change of the predictions (no labels given)' : `loss of ${j.permutation.basis} (baseline ${fmt(j.permutation.baseline)})`;
    const rows = [...j.global].filter((g) => g.permutation_importance !== null).sort((a, b) => (b.permutation_importance ?? 0) - (a.permutation_importance ?? 0)).slice(0, 15);
    cards.push(card({
      title: 'Permutation importance', note: `Shuffling one feature at a time, ${j.permutation.repeats} repeats on ${j.permutation.rows} rows: ${basis}. ± is the spread over repeats.`,
      body: barChart(rows.map((g) => ({ label: g.feature, value: Math.max(0, g.permutation_importance ?? 0), muted: (g.permutation_importance ?? 0) <= (g.permutation_importance_std ?? 0) })), {
        formatValue: (v) => formatNumber(v, 3),
        annotate: (it) => `± ${fmt(rows.find((g) => g.feature === it.label)?.permutation_importance_std)}`,
        label: 'permutation importance',
      }),
    }));
  }
  return cards;
}

export function explainSections(j: ExplainJson, plots: ExplainPlots | null): SafeHtml {
  const method = html`<div class="panel"><p style="margin:0">${badge(j.method.replace(/_/g, ' '), 'ok')} <span class="muted">${j.note}.</span></p>${
    plots ? html`<p class="small muted" style="margin:6px 0 0">Charts show the output <strong>${plots.output}</strong> on the ${SCALE[plots.outputSpace] ?? plots.outputSpace} scale; base value ${fmt(typeof j.base_value === 'number' ? j.base_value : j.base_value?.[plots.output])}.</p>` : ''
  }</div>`;
  const parts: SafeHtml[] = [method];
  if (plots && plots.beeswarm.length) {
    parts.push(card({ title: 'SHAP summary', note: 'Each dot is one row: where it sits is how much the feature moved that prediction; its colour is the feature value (blue low, red high, grey missing or categorical).', body: beeswarmChart({ rows: plots.beeswarm }) }));
  }
  parts.push(html`<div class="grid-2">${importanceCards(j)}</div>`);
  if (plots && plots.dependence.length) {
    parts.push(html`<h3 style="margin:18px 0 8px">Dependence plots</h3><div class="grid-2">${plots.dependence.map((d) =>
      card({ title: d.feature, note: 'Feature value against its contribution, one dot per row.', body: scatterChart({ x: d.x, y: d.shap, zeroLine: true, xLabel: d.feature, yLabel: 'SHAP value' }) }),
    )}</div>`);
  }
  if (plots && plots.partialDependence.length) {
    parts.push(html`<h3 style="margin:18px 0 8px">Partial dependence</h3><div class="grid-2">${plots.partialDependence.map((pd) => {
      if (pd.kind === 'categorical') {
        return card({ title: pd.feature, note: `Average prediction (${pd.outputs[0]}) with the feature set to each level.`, body: barChart(pd.grid.map((g, i) => ({ label: String(g), value: pd.average[i][0] })), { formatValue: (v) => formatNumber(v, 3) }) });
      }
      const x = pd.grid as number[];
      const series = [...pd.ice.map((c, i) => ({ label: `row ${i}`, x, y: c as number[], faint: true, color: '#6a7890' })), { label: `average (${pd.outputs[0]})`, x, y: pd.average.map((a) => a[0]), points: true }];
      return card({ title: pd.feature, note: 'Bold: average prediction as the feature varies (partial dependence); faint: individual rows (ICE).', body: lineChart({ series, xLabel: pd.feature, yLabel: 'prediction' }) });
    })}</div>`);
  }
  if (j.interactions?.length) {
    parts.push(card({ title: 'Strongest interactions', note: 'Mean |SHAP interaction value| of each pair (both halves).', body: renderTable([{ label: 'feature a' }, { label: 'feature b' }, { label: 'mean |interaction|', numeric: true }], j.interactions.map((p) => [p.a, p.b, fmt(p.mean_abs)])) }));
  }
  return section('Why the model predicts what it does', html`${parts}`, 'explain');
}
