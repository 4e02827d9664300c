/**
 * @module report/evaluation/fairness-section
 * Fairness in an evaluation report: per sensitive column, the parity gaps as tiles (red when
 * above the warning threshold), a table of metrics per group with group sizes, the warnings,
 * and — when asked for — the per-group-threshold variant beside the original.
 */
import type { Evaluation, MitigatedVariant } from '../../evaluate/evaluate-model.js';
import type { FairnessResult } from '../../fairness/fairness-report.js';
import type { GroupMetrics } from '../../fairness/group-metrics.js';
import { badge, card, section, statGrid } from '../html/components.js';
import { formatCount, formatNumber } from '../html/format.js';
import { type SafeHtml, html } from '../html/html.js';
import { type TableColumn, renderTable } from '../html/table.js';

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatNumber(v, 3));

function groupTable(groups: readonly GroupMetrics[]): SafeHtml {
  const first = groups[0] ?? { group: '', n: 0 };
  const cols: [string, (g: GroupMetrics) => string][] = [['n', (g) => formatCount(g.n)]];
  if (first.selection_rate !== undefined) {
    cols.push(['selection rate', (g) => fmt(g.selection_rate)], ['base rate', (g) => fmt(g.base_rate)], ['accuracy', (g) => fmt(g.accuracy)], ['TPR', (g) => fmt(g.tpr)], ['FPR', (g) => fmt(g.fpr)], ['AUC', (g) => fmt(g.auc)]);
  } else if (first.rmse !== undefined) {
    cols.push(['RMSE', (g) => fmt(g.rmse)], ['MAE', (g) => fmt(g.mae)], ['mean prediction', (g) => fmt(g.mean_prediction)], ['mean target', (g) => fmt(g.mean_target)]);
  } else {
    cols.push(['accuracy', (g) => fmt(g.accuracy)]);
    for (const c of Object.keys(first.selection_rates ?? {})) cols.push([`selects ${c}`, (g) => fmt(g.selection_rates?.[c])]);
  }
  const columns: TableColumn[] = [{ label: 'group' }, ...cols.map(([label]) => ({ label, numeric: true }))];
  return renderTable(columns, groups.map((g) => [g.group, ...cols.map(([, f]) => f(g))]));
}

function gapTiles(f: FairnessResult): SafeHtml {
  const over = (v: number | null | undefined) => typeof v === 'number' && v > f.threshold;
  const tile = (label: string, v: number | null | undefined, bad: boolean, why = `above ${f.threshold}`) => ({ label, value: html`<span style="color:var(${bad ? '--bad' : '--text'})">${fmt(v)}</span>`, note: bad ? why : undefined });
  if (f.demographic_parity_difference === null) {
    return statGrid([tile('RMSE difference', f.rmse_difference, over(f.rmse_difference)), tile('mean prediction difference', f.mean_prediction_difference, false)]);
  }
  return statGrid([
    tile('demographic parity difference', f.demographic_parity_difference, over(f.demographic_parity_difference)),
    tile('demographic parity ratio', f.demographic_parity_ratio, typeof f.demographic_parity_ratio === 'number' && f.demographic_parity_ratio < 0.8, 'below 0.8 (four-fifths rule)'),
    tile('equalized odds difference', f.equalized_odds_difference, over(f.equalized_odds_difference)),
    tile('accuracy difference', f.accuracy_difference, over(f.accuracy_difference)),
  ]);
}

function mitigatedCard(m: MitigatedVariant, original: Evaluation, f: FairnessResult): SafeHtml {
  const rows = [
    ['accuracy', fmt(original.metrics.accuracy), fmt(m.metrics.accuracy)],
    ['f1', fmt(original.metrics.f1), fmt(m.metrics.f1)],
    ['demographic parity difference', fmt(f.demographic_parity_difference), fmt(m.fairness.demographic_parity_difference)],
    ['equalized odds difference', fmt(f.equalized_odds_difference), fmt(m.fairness.equalized_odds_difference)],
  ];
  return card({
    title: `Mitigated variant: ${m.constraint.replace('_', ' ')}`,
    tags: badge('separate model variant', 'info'),
    note: m.note,
    body: html`${renderTable([{ label: 'group' }, { label: 'threshold on P(positive)', numeric: true }], m.thresholds.map((t) => [t.group, fmt(t.threshold)]))}${renderTable([{ label: 'metric' }, { label: 'original', numeric: true }, { label: 'mitigated', numeric: true }], rows)}`,
  });
}

export function fairnessSection(e: Evaluation): SafeHtml | '' {
  if (!e.fairness || Object.keys(e.fairness).length === 0) return '';
  const parts = Object.entries(e.fairness).map(([col, f]) => {
    const warnings = f.warnings.length
      ? html`<ul class="warnings">${f.warnings.map((w) => html`<li><span>${badge(w.code === 'FAIRNESS_SMALL_GROUP' ? 'note' : 'warning', w.code === 'FAIRNESS_SMALL_GROUP' ? 'info' : 'warning')}</span><div>${w.message}</div></li>`)}</ul>`
      : html`<p class="muted small">No gap above ${f.threshold}.</p>`;
    return html`<h3 style="margin:18px 0 8px">${col} <span class="muted small">· ${f.groups.length} groups</span></h3>${gapTiles(f)}<div style="margin-top:12px">${card({ title: 'Metrics per group', note: 'Rates per group of rows; n = group size.', body: groupTable(f.groups) })}</div><div class="grid-2" style="margin-top:12px">${card({ title: 'Warnings', body: warnings })}${f.mitigated ? mitigatedCard(f.mitigated, e, f) : ''}</div>`;
  });
  return section('Fairness', html`<p class="kicker">Fairlearn definitions: demographic parity difference = max − min selection rate across groups; ratio = min / max; equalized odds difference = the larger of the TPR and FPR ranges.</p>${parts}`, 'fairness');
}
