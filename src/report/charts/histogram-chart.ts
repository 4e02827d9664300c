/**
 * @module report/charts/histogram-chart
 * A histogram as inline SVG: one bar per bin (height = count), the count axis maximum, and
 * the first, middle and last edges on the value axis. Each bar has a tooltip with its range
 * and count. Scales with the page (viewBox) and follows the report's colours (CSS classes).
 */
import { escapeHtml } from '../html/escape.js';
import { formatCount, formatShort } from '../html/format.js';
import { type SafeHtml, html, raw } from '../html/html.js';
import { linearScale, px } from './scale.js';

export interface HistogramChartOptions {
  /** Bin edges (length = counts + 1). */
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  /** Width and height of the drawing in px (it scales to the container). */
  readonly width?: number;
  readonly height?: number;
  /** How to print an edge value; default short numbers (1.5k). */
  readonly formatValue?: (v: number) => string;
  /** Bars are centred on whole numbers (one bar per value): label values, not edges. */
  readonly discrete?: boolean;
  /** Accessible description. */
  readonly label?: string;
}

export function histogramChart(o: HistogramChartOptions): SafeHtml {
  const width = o.width ?? 360;
  const height = o.height ?? 130;
  const fmt = o.formatValue ?? formatShort;
  const left = 34;
  const bottom = 18;
  const top = 6;
  const right = 8;
  const n = o.counts.length;
  if (n === 0) return html`<p class="muted small">No values to chart.</p>`;
  const maxCount = Math.max(1, ...o.counts);
  const x = linearScale(0, n, left, width - right);
  const y = linearScale(0, maxCount, height - bottom, top);
  const gap = n > 40 ? 0 : 1;
  const bars = o.counts.map((c, i) => {
    const x0 = x(i) + gap / 2;
    const w = Math.max(0.5, x(i + 1) - x(i) - gap);
    const y0 = y(c);
    const range = o.discrete ? fmt((o.edges[i] + o.edges[i + 1]) / 2) : `${fmt(o.edges[i])} – ${fmt(o.edges[i + 1])}`;
    return raw(
      `<rect class="bar" x="${px(x0)}" y="${px(y0)}" width="${px(w)}" height="${px(height - bottom - y0)}"><title>${escapeHtml(`${range}: ${formatCount(c)}`)}</title></rect>`,
    );
  });
  const ticks: SafeHtml[] = [];
  if (o.discrete) {
    const step = Math.ceil(n / 8);
    for (let i = 0; i < n; i += step) {
      ticks.push(raw(`<text x="${px((x(i) + x(i + 1)) / 2)}" y="${height - 4}" text-anchor="middle">${escapeHtml(fmt((o.edges[i] + o.edges[i + 1]) / 2))}</text>`));
    }
  } else {
    const positions = n >= 2 ? [0, Math.round(n / 2), n] : [0, n];
    positions.forEach((i, k) => {
      const anchor = k === 0 ? 'start' : k === positions.length - 1 ? 'end' : 'middle';
      ticks.push(raw(`<text x="${px(x(i))}" y="${height - 4}" text-anchor="${anchor}">${escapeHtml(fmt(o.edges[i]))}</text>`));
    });
  }
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${o.label ?? 'histogram'}">
<line class="axis" x1="${left}" y1="${height - bottom + 0.5}" x2="${width - right}" y2="${height - bottom + 0.5}"/>
<text x="${left - 4}" y="${top + 8}" text-anchor="end">${formatShort(maxCount)}</text>
<text x="${left - 4}" y="${height - bottom}" text-anchor="end">0</text>
${bars}${ticks}
</svg>`;
}
