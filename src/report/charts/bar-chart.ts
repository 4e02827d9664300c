/**
 * @module report/charts/bar-chart
 * Horizontal bars with a label and a value each (top categories, class counts, feature
 * importances). Labels are truncated to fit; the full label is in the tooltip.
 */
import { formatCount } from '../html/format.js';
import { type SafeHtml, html } from '../html/html.js';
import { linearScale, px, truncate } from './scale.js';

export interface BarItem {
  readonly label: string;
  readonly value: number;
  /** Draw in the secondary colour (e.g. "other values"). */
  readonly muted?: boolean;
}

export interface BarChartOptions {
  readonly width?: number;
  /** Height of one bar row in px. */
  readonly rowHeight?: number;
  /** Characters of label shown before truncation. */
  readonly labelChars?: number;
  /** How to print a value; default counts with separators. */
  readonly formatValue?: (v: number) => string;
  /** Extra text after the value, e.g. a share ("12%"). */
  readonly annotate?: (item: BarItem) => string;
  readonly label?: string;
}

export function barChart(items: readonly BarItem[], o: BarChartOptions = {}): SafeHtml {
  if (items.length === 0) return html`<p class="muted small">No values to chart.</p>`;
  const width = o.width ?? 360;
  const row = o.rowHeight ?? 18;
  const chars = o.labelChars ?? 18;
  const fmt = o.formatValue ?? formatCount;
  const labelWidth = Math.min(width * 0.4, chars * 6 + 8);
  const valueWidth = 78;
  const max = Math.max(...items.map((i) => i.value), 0) || 1;
  const x = linearScale(0, max, 0, width - labelWidth - valueWidth);
  const height = items.length * row + 2;
  const rows = items.map((it, i) => {
    const y0 = i * row + 1;
    const w = Math.max(it.value > 0 ? 1 : 0, x(it.value));
    const text = fmt(it.value) + (o.annotate ? ` ${o.annotate(it)}` : '');
    return html`<g><title>${it.label}: ${text}</title><text class="label" x="${px(labelWidth - 6)}" y="${px(y0 + row * 0.68)}" text-anchor="end">${truncate(it.label, chars)}</text><rect class="bar${it.muted ? ' alt' : ''}" x="${px(labelWidth)}" y="${px(y0 + 2)}" width="${px(w)}" height="${px(row - 5)}" rx="2"/><text x="${px(labelWidth + w + 4)}" y="${px(y0 + row * 0.68)}">${text}</text></g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${o.label ?? 'bar chart'}">${rows}</svg>`;
}
