/**
 * @module report/charts/heatmap
 * A confusion matrix as a heatmap: one cell per (true, predicted) class pair, shaded by the
 * share of its true class (row-normalised, so rare classes read as clearly as common ones),
 * labelled with the count and that share; the diagonal is outlined.
 */
import { escapeHtml } from '../html/escape.js';
import { formatCount, formatPercent } from '../html/format.js';
import { type SafeHtml, html, raw } from '../html/html.js';
import { heatColor } from './color.js';
import { px, truncate } from './scale.js';

export interface HeatmapOptions {
  readonly labels: readonly string[];
  /** Row-major counts: matrix[true][predicted]. */
  readonly matrix: readonly (readonly number[])[];
  readonly label?: string;
}

export function confusionHeatmap(o: HeatmapOptions): SafeHtml {
  const K = o.labels.length;
  if (K === 0) return html`<p class="muted small">No classes.</p>`;
  const cell = Math.max(34, Math.min(72, Math.floor(420 / K)));
  const labelW = Math.min(110, 14 + 6.5 * Math.max(...o.labels.map((l) => Math.min(16, l.length))));
  const top = 30;
  const width = labelW + K * cell + 4;
  const height = top + K * cell + 6;
  const parts: string[] = [];
  parts.push(`<text class="label" x="${px(labelW + (K * cell) / 2)}" y="11" text-anchor="middle">predicted</text>`);
  o.labels.forEach((l, k) => {
    parts.push(`<text x="${px(labelW + k * cell + cell / 2)}" y="${top - 6}" text-anchor="middle">${escapeHtml(truncate(l, Math.floor(cell / 6.5)))}</text>`);
    parts.push(`<text x="${labelW - 6}" y="${px(top + k * cell + cell / 2 + 3)}" text-anchor="end">${escapeHtml(truncate(l, 16))}</text>`);
  });
  parts.push(`<text class="label" x="${labelW - 6}" y="11" text-anchor="end">true ↓</text>`);
  for (let r = 0; r < K; r++) {
    const rowSum = o.matrix[r].reduce((a, b) => a + b, 0);
    for (let c = 0; c < K; c++) {
      const v = o.matrix[r][c];
      const share = rowSum > 0 ? v / rowSum : 0;
      const x0 = labelW + c * cell;
      const y0 = top + r * cell;
      const tip = `true ${o.labels[r]}, predicted ${o.labels[c]}: ${formatCount(v)} (${formatPercent(share)} of ${o.labels[r]})`;
      parts.push(`<g><title>${escapeHtml(tip)}</title><rect class="cell${r === c ? ' diag' : ''}" x="${x0 + 1}" y="${y0 + 1}" width="${cell - 2}" height="${cell - 2}" rx="3" fill="${heatColor(share)}"/>`);
      parts.push(`<text class="${share > 0.55 ? 'on-dark' : 'count'}" x="${px(x0 + cell / 2)}" y="${px(y0 + cell / 2 + (cell >= 44 ? -1 : 3))}" text-anchor="middle">${escapeHtml(formatCount(v))}</text>`);
      if (cell >= 44) parts.push(`<text class="${share > 0.55 ? 'on-dark small' : 'small'}" x="${px(x0 + cell / 2)}" y="${px(y0 + cell / 2 + 12)}" text-anchor="middle">${escapeHtml(formatPercent(share))}</text>`);
      parts.push('</g>');
    }
  }
  return html`<svg class="chart heatmap" viewBox="0 0 ${px(width)} ${height}" style="max-width:${px(width * 1.25)}px" role="img" aria-label="${o.label ?? 'confusion matrix'}">${raw(parts.join(''))}</svg>`;
}
