/**
 * @module write/csv-format
 * Frames as RFC 4180 text: fields holding the delimiter, a quote, CR or LF (or leading /
 * trailing spaces, which readers may trim) are quoted with inner quotes doubled; missing
 * values (NaN, code -1) are empty; datetimes are ISO 8601 UTC; ±Infinity is `inf` / `-inf`,
 * which DuckDB and pandas both read back as numbers.
 */
import type { Column } from '../frame/column.js';
import type { Frame } from '../frame/frame.js';

/** One field, quoted when needed. */
export function csvField(s: string, delimiter: string): string {
  if (s === '') return '""'; // an empty string, as opposed to a missing value
  const needs = s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || s[0] === ' ' || s[s.length - 1] === ' ';
  return needs ? `"${s.replaceAll('"', '""')}"` : s;
}

function formatNumber(v: number): string {
  if (v !== v) return '';
  if (v === Number.POSITIVE_INFINITY) return 'inf';
  if (v === Number.NEGATIVE_INFINITY) return '-inf';
  return String(v);
}

function formatDatetime(v: number): string {
  return v !== v ? '' : new Date(v).toISOString();
}

/** A per-row formatter for one column (categories quoted once, not per row). */
function cellFormatter(col: Column, delimiter: string): (i: number) => string {
  switch (col.dtype) {
    case 'float64': {
      const values = col.values;
      return (i) => formatNumber(values[i]);
    }
    case 'datetime': {
      const values = col.values;
      return (i) => formatDatetime(values[i]);
    }
    case 'categorical': {
      const codes = col.codes;
      const text = col.categories.map((c) => csvField(c, delimiter));
      return (i) => {
        const c = codes[i];
        return c < 0 ? '' : text[c];
      };
    }
  }
}

/** The header line (with its newline). */
export function csvHeader(names: readonly string[], delimiter = ','): string {
  // Header names are always text; an empty name is written quoted so the field count holds.
  return `${names.map((n) => csvField(n, delimiter)).join(delimiter)}\n`;
}

/** Rows [start, end) of `frame` as CSV lines (each ending in a newline). */
export function csvRows(frame: Frame, start = 0, end = frame.nRows, delimiter = ','): string {
  const cells = frame.columns.map((c) => cellFormatter(c, delimiter));
  const parts: string[] = [];
  for (let i = start; i < end; i++) {
    let line = cells.length > 0 ? cells[0](i) : '';
    for (let j = 1; j < cells.length; j++) line += delimiter + cells[j](i);
    // A blank line is skipped by most readers: keep the row of a one-column missing value.
    parts.push(line === '' ? '""' : line);
  }
  return parts.length === 0 ? '' : `${parts.join('\n')}\n`;
}
