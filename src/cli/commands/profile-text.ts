/**
 * @module cli/commands/profile-text
 * The human-readable form of `modelwright profile`: a one-line summary, the target, a compact
 * table of columns, and the warnings.
 */
import type { ColumnProfile, Profile } from '../../data/profile/types.js';
import { formatCount, formatDate, formatNumber, formatPercent } from '../../report/html/format.js';

const MAX_NAME = 28;
const MAX_SUMMARY = 60;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function summaryOf(c: ColumnProfile): string {
  if (typeof c.min === 'string') return `${formatDate(Date.parse(c.min))} → ${formatDate(Date.parse(String(c.max)))}`;
  if (c.topValues && c.topValues.length > 0 && c.type !== 'numeric') {
    return c.topValues
      .slice(0, 3)
      .map((t) => `${clip(t.value, 16)} ${formatCount(t.count)}`)
      .join(', ');
  }
  if (c.mean !== undefined) return `${formatNumber(c.min as number)} … ${formatNumber(c.max as number)}, mean ${formatNumber(c.mean)}`;
  return c.unique === 0 ? 'all missing' : '';
}

/** Lay out rows as columns padded to their widest cell; `right` marks right-aligned columns. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i]) : i === cells.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function formatProfileText(p: Profile, source: string, htmlPath?: string): string {
  const lines: string[] = [];
  lines.push(
    `${source}: ${formatCount(p.rows)} rows × ${formatCount(p.columnCount)} columns, ${formatCount(p.duplicateRows)} duplicate rows (profiled in ${p.seconds.toFixed(2)} s)`,
  );
  if (p.target) {
    const t = p.target;
    lines.push(`target '${t.name}': ${t.task} (${t.reason})`);
    if (t.classes && t.classCounts) {
      const labelled = p.rows - t.missing;
      const shown = t.classes.slice(0, 10).map((c, i) => `${c} ${formatCount(t.classCounts![i])} (${formatPercent(t.classCounts![i] / labelled)})`);
      lines.push(`  classes: ${shown.join(', ')}${t.classes.length > 10 ? `, … (${t.classes.length} in all)` : ''}`);
    }
  }
  lines.push('');
  const rows = p.columns.map((c) => [
    clip(c.name, MAX_NAME),
    c.type,
    c.role,
    formatPercent(c.missingShare),
    formatCount(c.unique),
    clip(summaryOf(c), MAX_SUMMARY),
  ]);
  lines.push(textTable(['column', 'type', 'role', 'missing', 'distinct', 'summary'], rows, new Set([3, 4])));
  lines.push('');
  if (p.warnings.length === 0) lines.push('No warnings.');
  else {
    lines.push(`Warnings (${p.warnings.length}):`);
    for (const w of p.warnings) lines.push(`  ${w.severity === 'warning' ? '!' : '·'} ${w.code}${w.column === null ? '' : ` [${w.column}]`}: ${w.message}`);
  }
  if (htmlPath) lines.push('', `HTML report written to ${htmlPath}`);
  return lines.join('\n');
}
