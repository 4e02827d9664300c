/**
 * @module report/charts/scatter-chart
 * Points on x/y axes (residuals, predicted vs actual, SHAP dependence): optional colour per
 * point (a feature value in [0, 1]), a zero line or the y = x diagonal, and categorical x
 * positions with a little deterministic jitter so that stacked points stay visible.
 */
import { escapeHtml } from '../html/escape.js';
import { type SafeHtml, html, raw } from '../html/html.js';
import { extent, plotFrame } from './axis.js';
import { valueColor } from './color.js';
import { px, truncate } from './scale.js';

export interface ScatterOptions {
  /** Numbers, or category labels (null = missing, left out). */
  readonly x: readonly (number | string | null)[];
  readonly y: readonly number[];
  /** Colour value per point in [0, 1] (null: grey); default one colour. */
  readonly color?: readonly (number | null)[];
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly zeroLine?: boolean;
  readonly diagonal?: boolean;
  readonly width?: number;
  readonly height?: number;
  readonly label?: string;
}

/** A fraction in [-0.5, 0.5) from an index (golden-ratio sequence): jitter without randomness. */
const jitter = (i: number): number => ((i * 0.6180339887) % 1) - 0.5;

export function scatterChart(o: ScatterOptions): SafeHtml {
  const categorical = o.x.some((v) => typeof v === 'string');
  const levels = categorical ? [...new Set(o.x.filter((v): v is string => typeof v === 'string'))].sort() : [];
  const xs = o.x.map((v, i) => (v === null ? Number.NaN : categorical ? levels.indexOf(String(v)) + 0.35 * jitter(i) : (v as number)));
  const keep = xs.map((_, i) => i).filter((i) => Number.isFinite(xs[i]) && Number.isFinite(o.y[i]));
  if (keep.length === 0) return html`<p class="muted small">No values to chart.</p>`;
  const xDomain: [number, number] = categorical ? [-0.6, levels.length - 0.4] : extent(keep.map((i) => xs[i]), 0.03);
  let yDomain = extent(keep.map((i) => o.y[i]), 0.06);
  if (o.diagonal) {
    const lo = Math.min(xDomain[0], yDomain[0]);
    const hi = Math.max(xDomain[1], yDomain[1]);
    yDomain = [lo, hi];
  }
  const { frame, axes } = plotFrame({ width: o.width, height: o.height, xDomain: o.diagonal ? yDomain : xDomain, yDomain, xLabel: o.xLabel, yLabel: o.yLabel, xTicks: categorical ? 0 : 5 });
  const { x, y } = frame;
  const marks: string[] = [];
  if (o.zeroLine && yDomain[0] < 0 && yDomain[1] > 0) marks.push(`<line class="ref" x1="${frame.left}" y1="${px(y(0))}" x2="${frame.width - frame.right}" y2="${px(y(0))}"/>`);
  if (o.diagonal) marks.push(`<line class="ref" x1="${px(x(yDomain[0]))}" y1="${px(y(yDomain[0]))}" x2="${px(x(yDomain[1]))}" y2="${px(y(yDomain[1]))}"/>`);
  if (categorical) {
    levels.forEach((l, k) => marks.push(`<text x="${px(x(k))}" y="${frame.height - frame.bottom + 13}" text-anchor="middle">${escapeHtml(truncate(l, Math.max(3, Math.floor(36 / levels.length))))}</text>`));
  }
  const r = keep.length > 600 ? 1.8 : 2.4;
  for (const i of keep) {
    const fill = o.color ? valueColor(o.color[i]) : 'var(--accent)';
    marks.push(`<circle class="pt" cx="${px(x(xs[i]))}" cy="${px(y(o.y[i]))}" r="${r}" fill="${fill}"/>`);
  }
  return html`<svg class="chart xy" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-label="${o.label ?? 'scatter plot'}">${axes}${raw(marks.join(''))}</svg>`;
}
