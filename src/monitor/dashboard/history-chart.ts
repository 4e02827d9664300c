/**
 * @module monitor/dashboard/history-chart
 * A value over time as inline SVG for the dashboard: a line with a dot per check (red when
 * that check alerted), an optional dashed threshold, and the first and last times on the axis.
 */
import { escapeHtml } from '../../report/html/escape.js';
import { formatShort } from '../../report/html/format.js';
import { type SafeHtml, html, raw } from '../../report/html/html.js';
import { linearScale, px } from '../../report/charts/scale.js';

export interface HistoryPoint {
  readonly at: number;
  readonly value: number | null;
  readonly alert: boolean;
}

export interface HistoryChartOptions {
  readonly label: string;
  readonly threshold?: number;
  readonly yDomain?: readonly [number, number];
  readonly width?: number;
  readonly height?: number;
  readonly format?: (v: number) => string;
}

const stamp = (ms: number): string => new Date(ms).toISOString().slice(5, 16).replace('T', ' ');

export function historyChart(points: readonly HistoryPoint[], o: HistoryChartOptions): SafeHtml {
  const pts = points.filter((p): p is HistoryPoint & { value: number } => p.value !== null && Number.isFinite(p.value));
  if (pts.length === 0) return html`<p class="muted small">No ${o.label} recorded yet.</p>`;
  const width = o.width ?? 420;
  const height = o.height ?? 150;
  const fmt = o.format ?? formatShort;
  const [left, right, top, bottom] = [40, 10, 10, 20];
  const values = pts.map((p) => p.value);
  let [lo, hi] = o.yDomain ?? [Math.min(...values, o.threshold ?? Infinity), Math.max(...values, o.threshold ?? -Infinity)];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const t0 = pts[0].at;
  const t1 = pts[pts.length - 1].at;
  const x = linearScale(t0, t1 === t0 ? t0 + 1 : t1, left, width - right);
  const y = linearScale(lo, hi, height - bottom, top);
  const xs = (p: HistoryPoint) => (t1 === t0 ? (left + width - right) / 2 : x(p.at));
  const line = pts.map((p, i) => `${i ? 'L' : 'M'}${px(xs(p))},${px(y(p.value))}`).join('');
  const dots = pts.map((p) => `<circle cx="${px(xs(p))}" cy="${px(y(p.value))}" r="3" fill="${p.alert ? 'var(--bad)' : 'var(--accent)'}"><title>${escapeHtml(`${stamp(p.at)} UTC: ${fmt(p.value)}${p.alert ? ' (alert)' : ''}`)}</title></circle>`).join('');
  const threshold = o.threshold !== undefined ? `<line class="ref" x1="${left}" x2="${width - right}" y1="${px(y(o.threshold))}" y2="${px(y(o.threshold))}"/><text x="${width - right}" y="${px(y(o.threshold) - 3)}" text-anchor="end">threshold ${escapeHtml(fmt(o.threshold))}</text>` : '';
  return html`<svg class="chart xy" viewBox="0 0 ${width} ${height}" role="img" aria-label="${o.label} over time">
<rect class="frame" x="${left}" y="${top}" width="${width - left - right}" height="${height - top - bottom}"/>
<text x="${left - 4}" y="${top + 8}" text-anchor="end">${escapeHtml(fmt(hi))}</text>
<text x="${left - 4}" y="${height - bottom}" text-anchor="end">${escapeHtml(fmt(lo))}</text>
<text x="${left}" y="${height - 5}" text-anchor="start">${escapeHtml(stamp(t0))}</text>
<text x="${width - right}" y="${height - 5}" text-anchor="end">${escapeHtml(stamp(t1))}</text>
${raw(threshold)}<path class="line" d="${line}" stroke="var(--accent)"/>${raw(dots)}
</svg>`;
}
