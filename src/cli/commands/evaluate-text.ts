/**
 * @module cli/commands/evaluate-text
 * Human output of `evaluate` and `explain`: headline with its interval, the metrics, the
 * confusion matrix, fairness gaps and warnings; the explanation method, top features and the
 * first rows' largest contributions.
 */
import type { Evaluation } from '../../evaluate/evaluate-model.js';
import type { ExplainJson } from '../../explain/explain-table.js';
import type { PerOutput } from '../../explain/explain-json.js';

const num = (v: number | null | undefined, d = 4): string => (v === null || v === undefined || !Number.isFinite(v) ? '–' : Number(v.toFixed(d)).toString());
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export function formatEvaluation(e: Evaluation, model: string): string {
  const lines: string[] = [];
  const iv = e.intervals.headline;
  const head = `${e.headline} ${num(e.metrics[e.headline])}${iv ? ` (${Math.round(iv.level * 100)}% CI ${num(iv.low)} – ${num(iv.high)}, ${iv.n_boot} bootstrap resamples)` : ''}`;
  lines.push(`Evaluated ${model} (${e.task}, target '${e.target}'${e.positive ? `, positive class '${e.positive}'` : ''}) on ${e.n} rows: ${head}.`, '');
  const width = Math.max(...Object.keys(e.metrics).map((k) => k.length));
  for (const [k, v] of Object.entries(e.metrics)) lines.push(`  ${pad(k, width)}  ${num(v)}`);
  if (e.confusion_matrix) {
    const { labels, matrix } = e.confusion_matrix;
    const w = Math.max(6, ...labels.map((l) => l.length), ...matrix.flat().map((v) => String(v).length));
    lines.push('', 'Confusion matrix (rows: true class, columns: predicted):', `  ${pad('', w)}  ${labels.map((l) => pad(l, w)).join('  ')}`);
    labels.forEach((l, r) => lines.push(`  ${pad(l, w)}  ${matrix[r].map((v) => pad(String(v), w)).join('  ')}`));
  }
  for (const [col, f] of Object.entries(e.fairness ?? {})) {
    lines.push('', `Fairness across '${col}' (${f.groups.length} groups): demographic parity difference ${num(f.demographic_parity_difference, 3)}, ratio ${num(f.demographic_parity_ratio, 3)}, equalized odds difference ${num(f.equalized_odds_difference, 3)}.`);
    for (const g of f.groups) {
      const parts = [`n=${g.n}`];
      if (g.selection_rate !== undefined) parts.push(`selection ${num(g.selection_rate, 3)}`, `TPR ${num(g.tpr, 3)}`, `FPR ${num(g.fpr, 3)}`, `accuracy ${num(g.accuracy, 3)}`);
      else if (g.rmse !== undefined) parts.push(`RMSE ${num(g.rmse)}`, `mean prediction ${num(g.mean_prediction)}`);
      else parts.push(`accuracy ${num(g.accuracy, 3)}`);
      lines.push(`  ${g.group}: ${parts.join(', ')}`);
    }
    if (f.mitigated) {
      const m = f.mitigated;
      lines.push(`  Mitigated variant (${m.constraint}, per-group thresholds ${m.thresholds.map((t) => `${t.group} ${num(t.threshold, 3)}`).join(', ')}): accuracy ${num(m.metrics.accuracy)}, demographic parity difference ${num(m.fairness.demographic_parity_difference, 3)}, equalized odds difference ${num(m.fairness.equalized_odds_difference, 3)}.`);
    }
  }
  if (e.warnings.length) lines.push('', ...e.warnings.map((w) => `warning: ${w}`));
  return lines.join('\n');
}

function total(v: PerOutput | null): number {
  if (v === null) return 0;
  return typeof v === 'number' ? Math.abs(v) : Object.values(v).reduce((a, b) => a + Math.abs(b), 0);
}

const show = (v: PerOutput | null): string => (v === null ? '–' : typeof v === 'number' ? num(v) : Object.entries(v).map(([k, x]) => `${k}: ${num(x)}`).join(', '));

export function formatExplanation(j: ExplainJson): string {
  const lines = [`Explained ${j.model.path} (${j.model.learner}, ${j.model.task}): ${j.method}.`, `  ${j.note}.`, `Base value (${j.output_space}): ${show(j.base_value)}`, ''];
  const width = Math.max(7, ...j.global.slice(0, 15).map((g) => g.feature.length));
  lines.push(`  ${pad('feature', width)}  ${pad('mean |SHAP|', 14)}  permutation importance (${j.permutation?.basis ?? '–'})`);
  for (const g of j.global.slice(0, 15)) {
    const perm = g.permutation_importance === null ? '–' : `${num(g.permutation_importance)} ± ${num(g.permutation_importance_std)}`;
    lines.push(`  ${pad(g.feature, width)}  ${pad(g.mean_abs_shap === null ? '–' : num(total(g.mean_abs_shap)), 14)}  ${perm}`);
  }
  for (const r of j.rows.slice(0, 5)) {
    const top = Object.entries(r.contributions).sort((a, b) => total(b[1]) - total(a[1])).slice(0, 3);
    if (top.length === 0) continue;
    lines.push('', `Row ${r.row}: prediction ${show(r.prediction_raw)}; largest contributions: ${top.map(([f, v]) => `${f} ${show(v)}`).join('; ')}`);
  }
  return lines.join('\n');
}
