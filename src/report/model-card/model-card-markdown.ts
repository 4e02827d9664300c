/**
 * @module report/model-card/model-card-markdown
 * The model card as Markdown (GitHub-flavoured tables), in the sections of Mitchell et al.:
 * model details, intended use, training data, metrics, fairness, limitations, parameters,
 * version and lineage. Cell text is escaped (pipes, newlines) so any label is safe.
 */
import type { ModelCardInput } from './model-card-input.js';

const cell = (v: unknown): string => String(v ?? '–').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const num = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '–' : Number(v.toPrecision(4)).toString());

function table(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function modelCardMarkdown(c: ModelCardInput): string {
  const out: string[] = [`# Model card: ${cell(c.name)}`, ''];
  out.push('## Model details', '', table(['', ''], [
    ['learner', c.learner], ['task', c.task], ['target', c.target], ...(c.classes ? [['classes', c.classes.join(', ')]] : []),
    ['features', `${c.features.length}: ${c.features.map((f) => f.name).join(', ')}`],
  ]), '');
  out.push('## Intended use', '', c.intendedUse ?? '–', '');
  if (c.outOfScope) out.push(`Out of scope: ${c.outOfScope}`, '');
  const d = c.data ?? {};
  out.push('## Training data', '', table(['', ''], [
    ['source', d.source ?? '–'], ['fingerprint', d.fingerprint?.sha256 ?? '–'], ['schema fingerprint', d.fingerprint?.schemaSha256 ?? '–'],
    ['rows', d.rows ?? '–'], ['columns', d.columns ?? '–'], ['missing cells', d.missingCells ?? '–'], ['duplicate rows', d.duplicateRows ?? '–'],
    ...(d.classCounts ? [['class counts', Object.entries(d.classCounts).map(([k, v]) => `${k}: ${v}`).join(', ')]] : []),
  ]), '');
  out.push('## Metrics', '');
  if (c.metrics) {
    const h = c.metrics.headline;
    out.push(`Measured on ${c.metrics.on}.${h ? ` ${h.metric}: ${Math.round(h.level * 100)}% bootstrap interval ${num(h.low)} – ${num(h.high)}.` : ''}`, '');
    out.push(table(['metric', 'value'], Object.entries(c.metrics.values).map(([k, v]) => [k, num(v)])), '');
  } else out.push('Not evaluated yet: run `modelwright evaluate MODEL DATA`.', '');
  out.push('## Fairness', '');
  const fair = Object.entries(c.fairness ?? {});
  if (fair.length === 0) out.push('Not evaluated.', '');
  for (const [col, f] of fair) {
    out.push(`### ${cell(col)}`, '', `Demographic parity difference ${num(f.demographic_parity_difference)}, ratio ${num(f.demographic_parity_ratio)}; equalized odds difference ${num(f.equalized_odds_difference)}.`, '');
    out.push(table(['group', 'n', 'selection rate', 'accuracy', 'TPR', 'FPR', 'RMSE'], f.groups.map((g) => [g.group, g.n, num(g.selection_rate), num(g.accuracy), num(g.tpr), num(g.fpr), num(g.rmse)])), '');
    for (const w of f.warnings) out.push(`- ⚠ ${w.message}`);
    if (f.warnings.length) out.push('');
  }
  out.push('## Limitations and warnings', '', ...c.limitations.map((l) => `- ${l}`), '');
  out.push('## Parameters', '', table(['parameter', 'value'], Object.entries(c.parameters).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : v])), '');
  out.push('## Version and lineage', '', table(['', ''], [
    ['modelwright', c.version.modelwright], ['commit', c.version.commit ?? '–'], ['created', c.version.createdAt ?? '–'], ...Object.entries(c.lineage),
  ]), '');
  return out.join('\n');
}
