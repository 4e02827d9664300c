/**
 * @module cli/commands/models-diff
 * `models diff REF REF`: what differs between two versions — parameters, metrics (with the
 * change), training data fingerprint and source, learner and code version.
 */
import type { Command } from 'commander';
import { diffVersions, type VersionDiff } from '../../registry/diff-versions.js';
import { findVersion } from '../../registry/model-ref.js';
import { withRegistry } from '../../registry/open-registry.js';
import type { CliContext } from '../context.js';
import { subcommand } from './models-subcommand.js';

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const num = (x: number | null): string => (x === null ? '-' : Number.isInteger(x) ? String(x) : x.toPrecision(6));

function diffText(d: VersionDiff): string {
  const lines = [`${d.a} → ${d.b}`];
  lines.push(`learner:  ${d.learner.same ? `${d.learner.a} (same)` : `${d.learner.a} → ${d.learner.b}`}`);
  lines.push(`data:     ${d.data.same ? `same (${d.data.a.fingerprint?.slice(0, 23)}…, ${d.data.a.rows} rows)` : `${d.data.a.fingerprint?.slice(0, 23) ?? '-'}… (${d.data.a.rows ?? '?'} rows, ${d.data.a.source ?? '?'}) → ${d.data.b.fingerprint?.slice(0, 23) ?? '-'}… (${d.data.b.rows ?? '?'} rows, ${d.data.b.source ?? '?'})`}`);
  lines.push(`code:     ${d.code.same ? `${d.code.a} (same)` : `${d.code.a} → ${d.code.b}`}`);
  if (d.params.changed.length + Object.keys(d.params.onlyA).length + Object.keys(d.params.onlyB).length === 0) lines.push(`params:   identical (${d.params.same})`);
  else {
    lines.push(`params:   ${d.params.same} identical; differences:`);
    for (const c of d.params.changed) lines.push(`  ${c.key}: ${show(c.a)} → ${show(c.b)}`);
    for (const [k, v] of Object.entries(d.params.onlyA)) lines.push(`  ${k}: ${show(v)} → (absent)`);
    for (const [k, v] of Object.entries(d.params.onlyB)) lines.push(`  ${k}: (absent) → ${show(v)}`);
  }
  lines.push(d.metrics.length ? 'metrics:' : 'metrics:  (none)');
  for (const m of d.metrics) lines.push(`  ${m.name}: ${num(m.a)} → ${num(m.b)}${m.delta === null ? '' : `  (${m.delta >= 0 ? '+' : ''}${num(m.delta)})`}`);
  return lines.join('\n');
}

export function addDiffCommand(ctx: CliContext, models: Command): void {
  subcommand(models, 'diff', 'compare two versions: params, metrics, training data')
    .argument('<a>', 'NAME, NAME@VERSION or NAME@ALIAS')
    .argument('<b>', 'NAME, NAME@VERSION or NAME@ALIAS')
    .action(
      ctx.action(async (out, a: string, b: string) => {
        const d = await withRegistry(async (reg) => diffVersions(await findVersion(reg, a), await findVersion(reg, b)));
        out.result(d, diffText);
      }),
    );
}
