/**
 * @module report/charts/color
 * Colours for data marks: a categorical palette for series (readable on light and dark
 * backgrounds) and SHAP's low → high feature-value ramp (blue → purple → red).
 */

/** Series colours, in order. */
export const SERIES = ['#2f6fde', '#e8590c', '#2b8a3e', '#ae3ec9', '#c92a2a', '#1098ad', '#5c940d', '#d6336c'] as const;

export function seriesColor(i: number): string {
  return SERIES[i % SERIES.length];
}

/** Colour of a feature value scaled to [0, 1]; grey for missing/categorical (null). */
export function valueColor(t: number | null): string {
  if (t === null || !Number.isFinite(t)) return '#9aa4b2';
  const lo = [0x00, 0x8b, 0xfb];
  const mid = [0x8a, 0x3f, 0xd6];
  const hi = [0xff, 0x00, 0x52];
  const [a, b, s] = t < 0.5 ? [lo, mid, t * 2] : [mid, hi, (t - 0.5) * 2];
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * s));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** A sequential fill for heatmap cells (share in [0, 1]) on the accent hue. */
export function heatColor(share: number): string {
  const t = Math.max(0, Math.min(1, share));
  return `rgba(47, 111, 222, ${(0.06 + 0.84 * t).toFixed(3)})`;
}
