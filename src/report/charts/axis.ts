/**
 * @module report/charts/axis
 * Axes for x/y charts: "nice" tick values (1, 2, 5 × 10^k steps), a plot frame with grid
 * lines, tick labels and axis titles, as inline SVG. Charts place their marks inside the
 * frame's inner box (`Frame`), so every chart lines up the same way.
 */
import { escapeHtml } from '../html/escape.js';
import { formatShort } from '../html/format.js';
import { type SafeHtml, raw } from '../html/html.js';
import { linearScale, px } from './scale.js';

/** Tick values covering [min, max] with about `count` steps of 1, 2 or 5 × 10^k. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const span = max - min;
  const step0 = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}

/** The domain [min, max] of values, padded by `pad` of its span (a point gets ±1). */
export function extent(values: Iterable<number>, pad = 0): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
}

export interface PlotFrame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** Data → pixel maps of the inner box. */
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
}

export interface FrameOptions {
  readonly width?: number;
  readonly height?: number;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly xTicks?: number;
  readonly yTicks?: number;
  /** Extra left margin for long y tick labels. */
  readonly left?: number;
}

/** The frame geometry and its axes/grid markup. */
export function plotFrame(o: FrameOptions): { frame: PlotFrame; axes: SafeHtml } {
  const width = o.width ?? 360;
  const height = o.height ?? 260;
  const left = o.left ?? 44;
  const right = 10;
  const top = 8;
  const bottom = o.xLabel ? 38 : 22;
  const x = linearScale(o.xDomain[0], o.xDomain[1], left, width - right);
  const y = linearScale(o.yDomain[0], o.yDomain[1], height - bottom, top);
  const parts: string[] = [];
  for (const t of (o.xTicks ?? 5) > 0 ? niceTicks(o.xDomain[0], o.xDomain[1], o.xTicks ?? 5) : []) {
    parts.push(`<line class="grid" x1="${px(x(t))}" y1="${top}" x2="${px(x(t))}" y2="${height - bottom}"/>`);
    parts.push(`<text x="${px(x(t))}" y="${height - bottom + 13}" text-anchor="middle">${escapeHtml(formatShort(t))}</text>`);
  }
  for (const t of niceTicks(o.yDomain[0], o.yDomain[1], o.yTicks ?? 5)) {
    parts.push(`<line class="grid" x1="${left}" y1="${px(y(t))}" x2="${width - right}" y2="${px(y(t))}"/>`);
    parts.push(`<text x="${left - 5}" y="${px(y(t) + 3)}" text-anchor="end">${escapeHtml(formatShort(t))}</text>`);
  }
  parts.push(`<rect class="frame" x="${left}" y="${top}" width="${px(width - left - right)}" height="${px(height - top - bottom)}"/>`);
  if (o.xLabel) parts.push(`<text class="label" x="${px((left + width - right) / 2)}" y="${height - 4}" text-anchor="middle">${escapeHtml(o.xLabel)}</text>`);
  if (o.yLabel) parts.push(`<text class="label" transform="translate(11 ${px((top + height - bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(o.yLabel)}</text>`);
  return { frame: { width, height, left, right, top, bottom, x, y }, axes: raw(parts.join('')) };
}
