/**
 * @module report/charts/beeswarm
 * SHAP summary ("beeswarm") plot: one row per feature, most important at the top; each dot is
 * one row's contribution (x), stacked vertically where dots crowd (binned swarm), coloured by
 * that row's feature value from low (blue) to high (red), grey when missing or categorical.
 */
import { escapeHtml } from '../html/escape.js';
import { formatShort } from '../html/format.js';
import { type SafeHtml, html, raw } from '../html/html.js';
import { extent, niceTicks } from './axis.js';
import { valueColor } from './color.js';
import { linearScale, px, truncate } from './scale.js';

export interface BeeswarmFeature {
  readonly feature: string;
  readonly shap: readonly number[];
  readonly color: readonly (number | null)[];
}

export interface BeeswarmOptions {
  readonly rows: readonly BeeswarmFeature[];
  readonly width?: number;
  readonly xLabel?: string;
}

export function beeswarmChart(o: BeeswarmOptions): SafeHtml {
  if (o.rows.length === 0) return html`<p class="muted small">No contributions to chart.</p>`;
  const width = o.width ?? 720;
  const band = 30;
  const left = 150;
  const right = 60;
  const top = 6;
  const height = top + o.rows.length * band + 34;
  const [lo, hi] = extent(o.rows.flatMap((r) => r.shap), 0.04);
  const x = linearScale(lo, hi, left, width - right);
  const parts: string[] = [];
  for (const t of niceTicks(lo, hi, 6)) {
    parts.push(`<line class="grid" x1="${px(x(t))}" y1="${top}" x2="${px(x(t))}" y2="${top + o.rows.length * band}"/>`);
    parts.push(`<text x="${px(x(t))}" y="${top + o.rows.length * band + 13}" text-anchor="middle">${escapeHtml(formatShort(t))}</text>`);
  }
  if (lo < 0 && hi > 0) parts.push(`<line class="ref solid" x1="${px(x(0))}" y1="${top}" x2="${px(x(0))}" y2="${top + o.rows.length * band}"/>`);
  const binPx = 3;
  const r = 2.1;
  o.rows.forEach((row, f) => {
    const cy = top + f * band + band / 2;
    parts.push(`<text class="label" x="${left - 8}" y="${px(cy + 3)}" text-anchor="end"><title>${escapeHtml(row.feature)}</title>${escapeHtml(truncate(row.feature, 22))}</text>`);
    // Stack dots that fall in the same 3-px bin alternately above and below the centre line.
    const seen = new Map<number, number>();
    const order = row.shap.map((_, i) => i);
    for (const i of order) {
      const v = row.shap[i];
      if (!Number.isFinite(v)) continue;
      const cx = x(v);
      const bin = Math.round(cx / binPx);
      const k = seen.get(bin) ?? 0;
      seen.set(bin, k + 1);
      const offset = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * (r * 1.5);
      if (Math.abs(offset) > band / 2 - r) continue;
      parts.push(`<circle cx="${px(cx)}" cy="${px(cy + offset)}" r="${r}" fill="${valueColor(row.color[i])}"/>`);
    }
  });
  parts.push(`<text class="label" x="${px((left + width - right) / 2)}" y="${height - 4}" text-anchor="middle">${escapeHtml(o.xLabel ?? 'SHAP value (contribution to the output)')}</text>`);
  const gx = width - right + 14;
  parts.push(`<defs><linearGradient id="bee-grad" x1="0" y1="1" x2="0" y2="0"><stop offset="0" stop-color="${valueColor(0)}"/><stop offset="0.5" stop-color="${valueColor(0.5)}"/><stop offset="1" stop-color="${valueColor(1)}"/></linearGradient></defs>`);
  parts.push(`<rect x="${gx}" y="${top + 14}" width="8" height="${Math.max(30, o.rows.length * band - 28)}" fill="url(#bee-grad)" rx="2"/>`);
  parts.push(`<text x="${gx + 4}" y="${top + 10}" text-anchor="middle">high</text><text x="${gx + 4}" y="${px(top + Math.max(30, o.rows.length * band - 28) + 26)}" text-anchor="middle">low</text>`);
  return html`<svg class="chart beeswarm" viewBox="0 0 ${width} ${height}" role="img" aria-label="SHAP summary plot">${raw(parts.join(''))}</svg>`;
}
