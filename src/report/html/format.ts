/**
 * @module report/html/format
 * Numbers and dates as people read them in reports: thousands separators, a sensible number of
 * significant digits, percentages, short axis labels (12.5k, 3.1M).
 */

/** A count with thousands separators: 12,345. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

/** A share as a percentage: 0.1234 → "12.3%", 0.0004 → "0.04%", 0 → "0%". */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '–';
  if (share === 0) return '0%';
  const p = share * 100;
  if (Math.abs(p) >= 10) return `${p.toFixed(0)}%`;
  if (Math.abs(p) >= 0.1) return `${p.toFixed(1)}%`;
  return `${p.toPrecision(1)}%`;
}

/**
 * A measurement with about `digits` significant digits, without trailing zeros and with
 * separators from 10,000 up: 1234567 → "1,234,567", 2014 → "2014", 0.000123456 →
 * "0.0001235", 3.14159 → "3.142", 1e-9 → "1e-9".
 */
export function formatNumber(v: number, digits = 4): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  // Group thousands from 10,000 up: 2014 and 1016 read as years and pressures, not counts.
  const group = (x: string): string => (abs >= 1e4 ? Number(x).toLocaleString('en-US') : x);
  if (Number.isInteger(v) && abs < 1e15) return group(String(v));
  if (abs >= 1e15 || abs < 1e-4) return v.toExponential(Math.max(0, digits - 2)).replace(/\.?0+e/, 'e').replace('e+', 'e');
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  const s = v.toFixed(Math.min(decimals, 12));
  const trimmed = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  const [int, frac] = trimmed.split('.');
  const negative = int.startsWith('-');
  const grouped = `${negative ? '-' : ''}${group(negative ? int.slice(1) : int)}`;
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A short label for chart axes: 1500 → "1.5k", 2500000 → "2.5M", 0.25 → "0.25". */
export function formatShort(v: number): string {
  if (!Number.isFinite(v)) return formatNumber(v);
  const abs = Math.abs(v);
  // From 10,000 up, thousands are written k (1500 stays whole: it reads better than 1.5k).
  const units: [number, number, string][] = [
    [1e12, 1e12, 'T'],
    [1e9, 1e9, 'B'],
    [1e6, 1e6, 'M'],
    [1e4, 1e3, 'k'],
  ];
  for (const [from, size, unit] of units) {
    if (abs >= from) return `${Number((v / size).toPrecision(3))}${unit}`;
  }
  return formatNumber(v, 3);
}

/** Epoch milliseconds as a date ("2024-01-31") or, when it has a time of day, "2024-01-31 13:05". */
export function formatDate(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
