/**
 * @module report/charts/scale
 * Mapping data values to pixels, and SVG number formatting that keeps files small.
 */

/** A linear map from [d0, d1] to [r0, r1]; a zero-width domain maps to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** A coordinate with at most two decimals ("12.35"), as SVG needs no more. */
export function px(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** Shorten a label to `max` characters with an ellipsis. */
export function truncate(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`;
}
