/**
 * @module schema/convert-column
 * Changing a column's storage to match its schema type: numbers to categories (`--categorical
 * zip`), ISO strings to datetimes, numeric strings to numbers. Each conversion is a new
 * column; the input is never changed.
 */
import {
  type CategoricalColumn,
  type Column,
  type DatetimeColumn,
  type Float64Column,
  MISSING_CODE,
  categoricalColumn,
  datetimeColumn,
  float64Column,
} from '../frame/column.js';
import { looksNumeric, sortedPresent } from './column-facts.js';
import { parseIsoDate } from './iso-date.js';

/** A number as a person wrote it: 3 not "3.0", 0.1 not "0.1000000000000000055". */
export function formatNumberLabel(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/**
 * The column as categories. Numbers become their shortest decimal text (3 → "3", 2.5 →
 * "2.5") with categories in numeric order, so codes do not depend on row order; datetimes
 * become ISO strings; missing stays missing.
 * @example toCategorical(float64Column('zip', Float64Array.of(10, 2, 10))).categories // ['2', '10']
 */
export function toCategorical(col: Column): CategoricalColumn {
  if (col.dtype === 'categorical') return col;
  const values = col.values;
  const sorted = sortedPresent(values);
  const categories: string[] = [];
  const index = new Map<number, number>();
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] === 0 ? 0 : sorted[i]; // -0 and 0 are one category
    if (i > 0 && v === sorted[i - 1]) continue;
    if (index.has(v)) continue;
    index.set(v, categories.length);
    categories.push(col.dtype === 'datetime' ? new Date(v).toISOString() : formatNumberLabel(v));
  }
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    codes[i] = v === v ? (index.get(v === 0 ? 0 : v) as number) : MISSING_CODE;
  }
  return categoricalColumn(col.name, codes, categories);
}

/** The column as datetimes: ISO strings are parsed as UTC (others become missing); numbers are epoch ms. */
export function toDatetime(col: Column): DatetimeColumn {
  if (col.dtype === 'datetime') return col;
  if (col.dtype === 'float64') return datetimeColumn(col.name, col.values);
  return datetimeColumn(col.name, mapCategories(col, parseIsoDate));
}

/** The column as numbers: numeric strings are parsed, anything else becomes missing (NaN). */
export function toNumeric(col: Column): Float64Column {
  if (col.dtype === 'float64') return col;
  if (col.dtype === 'datetime') return float64Column(col.name, col.values);
  return float64Column(
    col.name,
    mapCategories(col, (s) => (looksNumeric(s) ? Number(s) : Number.NaN)),
  );
}

/** Apply `f` once per category and spread the results over the rows. */
function mapCategories(col: CategoricalColumn, f: (s: string) => number): Float64Array {
  const perCategory = Float64Array.from(col.categories, f);
  const out = new Float64Array(col.codes.length);
  for (let i = 0; i < out.length; i++) {
    const c = col.codes[i];
    out[i] = c < 0 ? Number.NaN : perCategory[c];
  }
  return out;
}
